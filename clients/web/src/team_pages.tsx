// The review team (programme leads): adding a peer in a role, with the
// API's refusal (a conflict of interest, an accreditation that does not
// cover fieldwork, a second lead peer) shown in words at the field, and
// removing one after a check.
import { useState } from "preact/hooks";
import { engagements, listAll, peers } from "./api";
import { Choice, ErrorSummary, errorsOf, type FieldErrors, Radios } from "./forms";
import { teamRoleLabels } from "./format";
import { type Engagement, TeamRole } from "./gen/healthcheck/v1/engagement_pb";
import type { Peer } from "./gen/healthcheck/v1/peer_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go, queryParam } from "./navigation";
import { useCall } from "./use_call";

function useTeamContext(id: string) {
  return useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    return { engagement, partnershipName: engagement.partnershipDisplayName };
  }, id);
}

export function AddTeamMemberPage({ id }: { id: string }) {
  const context = useTeamContext(id);
  const everyone = useCall(() => listAll(async (pageToken) => {
    const r = await peers.listPeers({ pageSize: 500, pageToken });
    return [r.peers, r.nextPageToken];
  }), "peers");
  if (context.state === "loading" || everyone.state === "loading") return <Loading />;
  if (context.state === "failed") return <Problem message={context.problem} />;
  if (everyone.state === "failed") return <Problem message={everyone.problem} />;
  return <AddTeamMember {...context.value} everyone={everyone.value} />;
}

function AddTeamMember({ engagement, partnershipName, everyone }: {
  engagement: Engagement; partnershipName: string; everyone: Peer[];
}) {
  const [peer, setPeer] = useState("");
  const [role, setRole] = useState<TeamRole>(TeamRole.UNSPECIFIED);
  const [errors, setErrors] = useState<FieldErrors>({});
  const back = `/app/${engagement.name}`;
  const onTeam = new Set(engagement.team.map((m) => m.peer));
  const choices = everyone.filter((p) => !onTeam.has(p.name));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!peer) found["peer"] = "Choose a peer";
    if (role === TeamRole.UNSPECIFIED) found["role"] = "Choose their role on the team";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await engagements.addTeamMember({ engagement: engagement.name, peer, role,
                                        etag: engagement.etag });
      const added = everyone.find((p) => p.name === peer);
      go(back, `${added?.displayName ?? "The peer"} is on the team as ${
        (teamRoleLabels[role] ?? "a member").toLowerCase()}`);
    } catch (error) {
      // Every refusal is about the peer chosen, except one about the role
      // (a second lead peer).
      const found = errorsOf(error, { role: "role" });
      const message = found[""];
      if (message === undefined) setErrors(found);
      else setErrors(message.includes("already has a lead peer") ? { role: message }
                                                                 : { peer: message });
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <ErrorSummary errors={errors} firstField="peer" />
      <span class="govuk-caption-l">{partnershipName}</span>
      <h1 class="govuk-heading-l">Add someone to the review team</h1>
      <form onSubmit={submit} noValidate>
        <Choice id="peer" label="Peer to add" value={peer} onChange={setPeer} errors={errors}
                hint="A peer whose organisation is a member of the partnership cannot join."
                options={choices.map((p) => [p.name, `${p.displayName}, ${p.homeOrganisation}`])} />
        <Radios id="role" legend="Role on the team" value={role} onChange={setRole}
                errors={errors}
                hint="A lead peer or peer must be accredited for the fieldwork dates; a shadow need not be."
                options={[TeamRole.LEAD_PEER, TeamRole.PEER, TeamRole.SHADOW]
                  .map((r) => [r, teamRoleLabels[r]])} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Add to the team
        </button>
      </form>
    </>
  );
}

export function RemoveTeamMemberPage({ id }: { id: string }) {
  const context = useTeamContext(id);
  const [errors, setErrors] = useState<FieldErrors>({});
  if (context.state === "loading") return <Loading />;
  if (context.state === "failed") return <Problem message={context.problem} />;
  const { engagement, partnershipName } = context.value;
  const member = engagement.team.find((m) => m.peer === queryParam("peer"));
  const back = `/app/${engagement.name}`;
  if (!member) return <Problem message="This person is not on the team." />;

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await engagements.removeTeamMember({ engagement: engagement.name, peer: member.peer,
                                           etag: engagement.etag });
      go(back, `${member.peerDisplayName} is no longer on the team`);
    } catch (error) {
      setErrors(errorsOf(error, {}));
    }
  };
  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <ErrorSummary errors={errors} firstField="confirm" />
      <span class="govuk-caption-l">{partnershipName}</span>
      <h1 class="govuk-heading-l">
        Remove {member.peerDisplayName} ({(teamRoleLabels[member.role] ?? "member").toLowerCase()})
        from the team?
      </h1>
      <form onSubmit={submit} noValidate>
        <div class="govuk-button-group">
          <button type="submit" id="confirm" class="govuk-button govuk-button--warning"
                  data-module="govuk-button">Remove from the team</button>
          <a class="govuk-link" href={back}>Keep them on the team</a>
        </div>
      </form>
    </>
  );
}
