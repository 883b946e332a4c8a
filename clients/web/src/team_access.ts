// What the person signed in may do with a health check's team work, as the
// API decides it (core/app/access_policy.cc): the programme lead and the
// team's lead peer and peers contribute; only the lead peer agrees
// findings; shadows and the partnership read.
import { Role } from "./gen/healthcheck/v1/access_pb";
import { type Engagement, TeamRole } from "./gen/healthcheck/v1/engagement_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";

export function teamRoleOf(me: User, engagement: Engagement): TeamRole | undefined {
  if (me.role !== Role.PEER) return undefined;
  return engagement.team.find((m) => m.peer === me.peer)?.role;
}

const writing = (role: TeamRole | undefined) =>
  role === TeamRole.LEAD_PEER || role === TeamRole.PEER;

// The team's lead peer and peers (not shadows).
export const onTeamWriting = (me: User, engagement: Engagement) =>
  writing(teamRoleOf(me, engagement));

// The programme lead, or the team's lead peer and peers.
export const contributes = (me: User, engagement: Engagement) =>
  me.role === Role.PROGRAMME_LEAD || onTeamWriting(me, engagement);

export const isLeadPeer = (me: User, engagement: Engagement) =>
  teamRoleOf(me, engagement) === TeamRole.LEAD_PEER;
