// Planning a fieldwork activity, or changing a planned one: what, when,
// where, who takes part and which of the team attend. A peer booked
// elsewhere at the time is refused by the API in words (who, where and
// when), shown at the peers.
import { useState } from "preact/hooks";
import { engagements, fieldwork, partnerships } from "./api";
import { Checkboxes, Choice, ErrorSummary, errorsOf, type FieldErrors, newRequestId, Radios,
         TextField } from "./forms";
import { activityKindLabels, clock, formatDate, sectorLabel, sectors, teamRoleLabels }
  from "./format";
import { Sector } from "./gen/healthcheck/v1/common_pb";
import type { Engagement } from "./gen/healthcheck/v1/engagement_pb";
import { type Activity, ActivityKind, ActivityState } from "./gen/healthcheck/v1/fieldwork_pb";
import type { MemberOrganisation } from "./gen/healthcheck/v1/partnership_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { useCall } from "./use_call";

// A participant as typed: the organisation is one of the partnership's
// members (its sector then comes with it) or empty, with a sector instead.
// Names recorded through the API are kept as they are.
type ParticipantRow = {
  role: string; organisation: string; sector: string; count: string; names: string[];
};
const emptyRow: ParticipantRow = { role: "", organisation: "", sector: "", count: "1", names: [] };
const maxRows = 20;

// "9:30", "09:30" or "0930" as hours and minutes; null if not a time.
export function timeOf(text: string): { hours: number; minutes: number } | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return { hours, minutes };
}

export function ActivityFormPage({ id, activity }: { id: string; activity?: string }) {
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const [partnership, existing] = await Promise.all([
      partnerships.getPartnership({ name: engagement.partnership }),
      activity ? fieldwork.getActivity({ name: `${engagement.name}/activities/${activity}` })
               : Promise.resolve(undefined)]);
    return { engagement, members: partnership.members, existing };
  }, `${id}|${activity ?? ""}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { existing } = outcome.value;
  if (existing && existing.state !== ActivityState.PLANNED) {
    return <Problem message="Only a planned activity can be changed: this one was held or cancelled." />;
  }
  return <ActivityForm {...outcome.value} />;
}

function ActivityForm({ engagement, members, existing }: {
  engagement: Engagement; members: MemberOrganisation[]; existing?: Activity;
}) {
  const [kind, setKind] = useState<ActivityKind>(existing?.kind ?? ActivityKind.UNSPECIFIED);
  const [title, setTitle] = useState(existing?.title ?? "");
  const [day, setDay] = useState(existing?.day ?? 0);
  const [start, setStart] = useState(clock(existing?.startTime));
  const [end, setEnd] = useState(clock(existing?.endTime));
  const [place, setPlace] = useState(existing?.place ?? "");
  const [peers, setPeers] = useState<string[]>(existing?.peers ?? []);
  const [rows, setRows] = useState<ParticipantRow[]>(existing?.participants.map((p) => ({
    role: p.role, organisation: p.organisation, sector: p.sector ? String(p.sector) : "",
    count: String(p.count || 1), names: p.names })) ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  const back = `/app/${engagement.name}/fieldwork`;
  const dates = engagement.keyDates;
  const days = [dates?.fieldworkDay1, dates?.fieldworkDay2, dates?.fieldworkDay3];
  const memberSector = new Map(members.map((m) => [m.displayName, m.sector]));
  const onTeam = new Set(engagement.team.map((m) => m.peer));
  // A peer of the activity as saved who has since left the team, offered so
  // that they can be taken off (the API refuses them); the box stays, ticked
  // or not, while the form is open.
  const departed = (existing?.peers ?? []).filter((p) => !onTeam.has(p));
  // An organisation recorded earlier that is not (or no longer) a member.
  const organisations = [...members.map((m) => m.displayName),
    ...rows.map((r) => r.organisation).filter((o) => o && !memberSector.has(o))];

  const setRow = (i: number, change: Partial<ParticipantRow>) =>
    setRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (kind === ActivityKind.UNSPECIFIED) found["kind"] = "Choose what kind of activity it is";
    if (!title.trim()) found["title"] = "Enter what the activity is, for example who is interviewed";
    if (!day) found["day"] = "Choose the day";
    const startTime = timeOf(start);
    const endTime = timeOf(end);
    if (!startTime || startTime.hours === 24) {
      found["start"] = "Enter the start time as hours and minutes, like 09:30";
    }
    if (!endTime) found["end"] = "Enter the end time as hours and minutes, like 10:30";
    else if (startTime && endTime.hours * 60 + endTime.minutes <=
                          startTime.hours * 60 + startTime.minutes) {
      found["end"] = "The end time must be after the start time";
    }
    rows.forEach((row, i) => {
      if (!row.role.trim() && !row.organisation) {
        found[`participant-${i}-role`] = `Enter participant ${i + 1}'s role or choose their organisation`;
      }
      if (!/^\d{1,3}$/.test(row.count.trim()) || Number(row.count) < 1 || Number(row.count) > 500) {
        found[`participant-${i}-count`] = `Participant ${i + 1}'s number of people must be 1 to 500`;
      }
    });
    setErrors(found);
    if (Object.keys(found).length || !startTime || !endTime) return;
    const fields = {
      kind, title: title.trim(), day, startTime, endTime, place: place.trim(), peers,
      participants: rows.map((row) => ({
        role: row.role.trim(), organisation: row.organisation,
        sector: (Number(row.sector) as Sector) || memberSector.get(row.organisation) ||
                Sector.UNSPECIFIED,
        count: Number(row.count), names: row.names })),
    };
    try {
      if (existing) {
        await fieldwork.updateActivity({
          activity: { ...fields, name: existing.name, etag: existing.etag },
          updateMask: { paths: ["kind", "title", "day", "start_time", "end_time", "place",
                                "participants", "peers"] } });
        go(back, `"${fields.title}" is changed`);
      } else {
        await fieldwork.createActivity({ parent: engagement.name, activity: fields, requestId });
        go(back, `"${fields.title}" is planned for day ${day}`);
      }
    } catch (error) {
      const refused = errorsOf(error, {
        kind: "kind", title: "title", day: "day", start_time: "start", end_time: "end",
        place: "place", peers: "peers", participants: "participant-{i}-role",
        "participants.role": "participant-{i}-role",
        "participants.organisation": "participant-{i}-organisation",
        "participants.count": "participant-{i}-count" });
      // A clash, or a peer no longer on the team, is about the peers chosen
      // (the API names the peer first, in words).
      const general = refused[""];
      setErrors(general !== undefined &&
                /is already at|is not on the team/.test(general) ? { peers: general } : refused);
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the fieldwork plan</BackLink>
      <ErrorSummary errors={errors} firstField="kind" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">{existing ? `Change "${existing.title}"` : "Plan an activity"}</h1>
      <form onSubmit={submit} noValidate>
        <Radios id="kind" legend="What kind of activity" value={kind} onChange={setKind}
                errors={errors}
                options={Object.entries(activityKindLabels).map(([k, label]) =>
                  [Number(k) as ActivityKind, label])} />
        <TextField id="title" label="What it is" value={title} onInput={setTitle}
                   errors={errors} hint="For example, Community safety manager, or Board meeting" />
        <Radios id="day" legend="Day" value={day} onChange={setDay} errors={errors}
                options={[1, 2, 3].map((n) => [n, `Day ${n}: ${formatDate(days[n - 1])}`])} />
        <TextField id="start" label="Starts at" value={start} onInput={setStart} errors={errors}
                   width="5" hint="Hours and minutes, like 09:30 or 14:00" />
        <TextField id="end" label="Ends at" value={end} onInput={setEnd} errors={errors}
                   width="5" hint="Hours and minutes, like 10:30" />
        <TextField id="place" label="Where (optional)" value={place} onInput={setPlace}
                   errors={errors} />
        <Checkboxes id="peers" legend="Who from the team attends" values={peers}
                    onChange={setPeers} errors={errors}
                    hint="A peer cannot be at two activities at the same time."
                    options={[...engagement.team.map((m): [string, string, string?] =>
                      [m.peer, m.peerDisplayName, teamRoleLabels[m.role]]),
                      ...departed.map((p, i): [string, string, string?] =>
                        [p, `Someone no longer on the team${departed.length > 1 ? ` (${i + 1})` : ""}`,
                         "Untick to save the change"])]} />
        <h2 class="govuk-heading-m">Who takes part</h2>
        {rows.length === 0 && <p class="govuk-body">No one yet.</p>}
        {rows.map((row, i) => (
          <fieldset class="govuk-fieldset app-participant" key={i}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              Participant {i + 1}
            </legend>
            <TextField id={`participant-${i}-role`} label="Role" value={row.role}
                       onInput={(role) => setRow(i, { role })} errors={errors}
                       hint="For example, Chief inspector, or Front-line staff" />
            <Choice id={`participant-${i}-organisation`} label="Organisation"
                    value={row.organisation}
                    onChange={(organisation) => setRow(i, { organisation,
                      sector: String(memberSector.get(organisation) ?? "") })}
                    errors={errors} empty="Not one of the partnership's members"
                    options={organisations.map((o) => [o, memberSector.has(o)
                      ? `${o} (${sectorLabel(memberSector.get(o) ?? Sector.UNSPECIFIED).toLowerCase()})`
                      : o])} />
            {!memberSector.has(row.organisation) && (
              <Choice id={`participant-${i}-sector`} label="Sector (optional)" value={row.sector}
                      onChange={(sector) => setRow(i, { sector })} errors={errors}
                      empty="Not known" options={sectors.map((s) => [String(s), sectorLabel(s)])} />
            )}
            <TextField id={`participant-${i}-count`} label="Number of people" value={row.count}
                       onInput={(count) => setRow(i, { count })} errors={errors} width="3" />
            <button type="button" class="govuk-button govuk-button--secondary"
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove<span class="govuk-visually-hidden"> participant {i + 1}</span>
            </button>
          </fieldset>
        ))}
        {rows.length < maxRows && (
          <button type="button" class="govuk-button govuk-button--secondary"
                  onClick={() => setRows([...rows, emptyRow])}>
            {rows.length ? "Add another participant" : "Add a participant"}
          </button>
        )}
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {existing ? "Save the change" : "Plan the activity"}
          </button>
          <a class="govuk-link" href={back}>Go back without saving</a>
        </div>
      </form>
    </>
  );
}
