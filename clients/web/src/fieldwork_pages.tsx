// The fieldwork plan as a three-day timetable, by day or by peer, with its
// calendar files (the team's, and the reader's own). The programme lead and
// the team's lead peer and peers plan, change, mark as held and cancel
// activities; shadows and the partnership read (the partnership's contact
// arranges the interviews).
import { ConnectError, Code } from "@connectrpc/connect";
import { engagements, fieldwork, listAll } from "./api";
import { ConfirmButton } from "./forms";
import { activityKindLabels, clock, formatDate, hasCome, teamRoleLabels } from "./format";
import { type Engagement, Stage } from "./gen/healthcheck/v1/engagement_pb";
import { type Activity, ActivityState } from "./gen/healthcheck/v1/fieldwork_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go, queryParam } from "./navigation";
import { hasEnded } from "./stage_steps";
import { contributes, teamRoleOf } from "./team_access";
import { useCall, useObjectUrl } from "./use_call";

// The calendar file for the team, or for one peer; null until the three
// fieldwork days are set (the API refuses it until then).
async function calendarOf(engagement: Engagement, peer = "") {
  return fieldwork.exportTimetable({ parent: engagement.name, peer }).catch((error: unknown) => {
    if (error instanceof ConnectError && error.code === Code.FailedPrecondition) return null;
    throw error;
  });
}

export async function activitiesOf(engagement: string): Promise<Activity[]> {
  return listAll<Activity>(async (pageToken) => {
    const r = await fieldwork.listActivities({ parent: engagement, pageSize: 500, pageToken });
    return [r.activities, r.nextPageToken];
  });
}

const byTime = (a: Activity, b: Activity) =>
  clock(a.startTime).localeCompare(clock(b.startTime)) || a.title.localeCompare(b.title);

export function FieldworkPage({ id, me }: { id: string; me: User }) {
  const byPeer = queryParam("view") === "peer";
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const onTeam = teamRoleOf(me, engagement) !== undefined;
    const [activities, calendar, mine] = await Promise.all([
      activitiesOf(engagement.name), calendarOf(engagement),
      onTeam ? calendarOf(engagement, me.peer) : Promise.resolve(null)]);
    return { engagement, activities, calendar, mine };
  }, id);
  // Every hook before the first return: the files' addresses, once loaded.
  const done = outcome.state === "done" ? outcome.value : undefined;
  const teamFile = useObjectUrl(done?.calendar?.calendar ?? "", "text/calendar");
  const myFile = useObjectUrl(done?.mine?.calendar ?? "", "text/calendar");
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, activities, calendar, mine } = outcome.value;
  const base = `/app/${engagement.name}/fieldwork`;
  const canChange = contributes(me, engagement) && !hasEnded(engagement);
  const names = new Map(engagement.team.map((m) => [m.peer, m.peerDisplayName]));
  const dates = engagement.keyDates;
  const days = [dates?.fieldworkDay1, dates?.fieldworkDay2, dates?.fieldworkDay3];
  // An activity is held once fieldwork has started and its day has come.
  const mayBeHeld = (a: Activity) =>
    engagement.stage >= Stage.FIELDWORK && hasCome(days[a.day - 1]);
  // By peer an activity shows under each of its peers: it is changed from
  // the view by day, so that each button is named once.
  const entry = (a: Activity, showDay = false, Heading: "h3" | "h4" = byPeer ? "h4" : "h3") => (
    <ActivityEntry key={a.name} activity={a} names={names} back={base} showDay={showDay}
                   canChange={canChange && !byPeer} canMarkHeld={mayBeHeld(a)}
                   Heading={Heading} />
  );
  const day = (n: number, of: Activity[], Heading: "h2" | "h3") => {
    const planned = of.filter((a) => a.day === n).sort(byTime);
    return (
      <section key={n}>
        <Heading class={Heading === "h2" ? "govuk-heading-m" : "govuk-heading-s"}>
          Day {n}: {formatDate(days[n - 1])}
        </Heading>
        {planned.length === 0 ? <p class="govuk-body">Nothing planned.</p> : (
          <ul class="govuk-list app-timeline">{planned.map((a) => entry(a))}</ul>
        )}
      </section>
    );
  };
  const unstaffed = activities.filter((a) => !a.peers.some((p) => names.has(p)));
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Fieldwork plan</h1>
      {canChange && (
        <a href={`${base}/new`} role="button" draggable={false} class="govuk-button"
           data-module="govuk-button">Plan an activity</a>
      )}
      {calendar ? (
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={teamFile} download={calendar.filename || "fieldwork.ics"}>
              Download the team's plan as a calendar file
            </a>{" "}(for Outlook and other calendars)
          </li>
          {mine && (
            <li>
              <a class="govuk-link" href={myFile} download={mine.filename || "my-fieldwork.ics"}>
                Download your own plan as a calendar file
              </a>{" "}(only the activities you attend)
            </li>
          )}
        </ul>
      ) : (
        <p class="govuk-body">The calendar file is ready once the three fieldwork days are set.</p>
      )}
      <p class="govuk-body">
        {byPeer ? <>Shown by peer. <a class="govuk-link" href={base}>Show by day</a></>
                : <>Shown by day. <a class="govuk-link" href={`${base}?view=peer`}>Show by peer</a></>}
      </p>
      {!byPeer ? [1, 2, 3].map((n) => day(n, activities, "h2")) : (
        <>
          {engagement.team.map((m) => (
            <section key={m.peer}>
              <h2 class="govuk-heading-m">
                {m.peerDisplayName}{" "}
                <span class="govuk-caption-m">{teamRoleLabels[m.role] ?? "Member"}</span>
              </h2>
              {[1, 2, 3].map((n) => day(n, activities.filter((a) => a.peers.includes(m.peer)),
                                        "h3"))}
            </section>
          ))}
          {unstaffed.length > 0 && (
            <section>
              <h2 class="govuk-heading-m">No peer yet</h2>
              <ul class="govuk-list app-timeline">
                {[...unstaffed].sort((a, b) => a.day - b.day || byTime(a, b))
                  .map((a) => entry(a, true, "h3"))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

const stateTags: Record<number, [string, string]> = {
  [ActivityState.HELD]: ["Held", "govuk-tag--green"],
  [ActivityState.CANCELLED]: ["Cancelled", "govuk-tag--grey"],
};

// One activity: when, what, where, with whom and which peers; while it is
// planned, the ways to change it, mark it held or cancel it.
function ActivityEntry({ activity: a, names, canChange, canMarkHeld, back, showDay, Heading }: {
  activity: Activity; names: Map<string, string>; canChange: boolean; canMarkHeld: boolean;
  back: string; showDay: boolean; Heading: "h3" | "h4";
}) {
  const tag = stateTags[a.state];
  const hidden = <span class="govuk-visually-hidden"> {a.title}, day {a.day}</span>;
  return (
    <li>
      <Heading class="govuk-heading-s govuk-!-margin-bottom-1">
        {showDay && `Day ${a.day}, `}{clock(a.startTime)} to {clock(a.endTime)}: {a.title}
        {tag && <> <strong class={`govuk-tag ${tag[1]}`}>{tag[0]}</strong></>}
      </Heading>
      <p class="govuk-body govuk-!-margin-bottom-1">
        {activityKindLabels[a.kind] ?? "Activity"}{a.place ? `, ${a.place}` : ""}
      </p>
      {a.participants.length > 0 && (
        <p class="govuk-body-s govuk-!-margin-bottom-1">With: {a.participants.map((p) =>
          [p.names.join(", ") || p.role, p.organisation, p.count > 1 ? `${p.count} people` : ""]
            .filter(Boolean).join(", ")).join("; ")}</p>
      )}
      <p class="govuk-body-s">
        Peers: {a.peers.map((p) => names.get(p) ?? "Someone no longer on the team").join(", ") ||
                "none yet"}
      </p>
      {canChange && a.state === ActivityState.PLANNED && (
        <>
          <p class="govuk-body-s">
            <a class="govuk-link" href={`/app/${a.name}`}>Change{hidden}</a>
          </p>
          {canMarkHeld && (
            <ConfirmButton label={<>Mark as held{hidden}</>} confirm="Yes, it was held"
                           warning={false} act={async () => {
              await fieldwork.markActivityHeld({ name: a.name, etag: a.etag });
              go(back, `"${a.title}" is marked as held`);
            }} />
          )}
          <ConfirmButton label={<>Cancel{hidden}</>} confirm="Yes, cancel it" act={async () => {
            await fieldwork.cancelActivity({ name: a.name, etag: a.etag });
            go(back, `"${a.title}" is cancelled`);
          }} />
        </>
      )}
    </li>
  );
}
