// The programme lead's home page: the programme dashboard. Headline
// figures; every open engagement with its stage, how long it has been
// there, its lead peer and next milestone, each linking to its engagement;
// overdue and upcoming milestones; report turnaround; peer-days;
// accreditations ending or ended on open teams; response rates (withheld
// under k); improvement plans.
import { programme } from "./api";
import { formatDate, idOf, keyDateLabel, stageLabel, teamRoleLabels } from "./format";
import type { GroupRate } from "./gen/healthcheck/v1/questionnaire_pb";
import { PlanState } from "./gen/healthcheck/v1/improvement_plan_pb";
import { Loading, Problem } from "./layout";
import { DataTable } from "./table";
import { useCall } from "./use_call";

const withinDays = 30;

function EngagementLink({ engagement, name }: { engagement: string; name: string }) {
  return <a class="govuk-link" href={`/app/engagements/${idOf(engagement)}`}>{name}</a>;
}

function Overdue() {
  return <strong class="govuk-tag govuk-tag--red">Overdue</strong>;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "-" : `${Math.round((100 * part) / whole)}%`;

function rateCells(rate: GroupRate | undefined) {
  if (!rate?.released) {
    const reason = rate?.withheldReason ?? "";
    return [reason.charAt(0).toUpperCase() + reason.slice(1), "", ""];
  }
  return [rate.invitations, rate.responses, percent(rate.responses, rate.invitations)];
}

export function HomePage() {
  const outcome = useCall(() => programme.getProgrammeDashboard({ withinDays }), "home");
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const d = outcome.value;
  const turnaround = d.turnaround;
  const peerDays = d.peerDays;
  const rates = d.responseRates;
  return (
    <>
      <h1 class="govuk-heading-xl">Engagements</h1>
      <div class="govuk-button-group">
        <a href="/app/engagements/new" role="button" draggable={false} class="govuk-button"
           data-module="govuk-button">Start a health check</a>
        <a href="/app/engagements" class="govuk-link">Filter engagements by stage</a>
      </div>
      <p class="govuk-body">The programme as of {formatDate(d.asOf)}.</p>
      <dl class="app-figures">
        <div><dt>Open engagements</dt><dd>{d.engagements.length}</dd></div>
        <div><dt>Overdue milestones</dt><dd>{d.overdue.length}</dd></div>
        <div>
          <dt>Median report turnaround</dt>
          <dd>{turnaround?.medianDays !== undefined
                 ? `${turnaround.medianDays.toFixed(1)} days` : "Not yet"}</dd>
        </div>
        <div><dt>Peer-days used</dt><dd>{peerDays?.totalPeerDays ?? 0}</dd></div>
      </dl>
      <p class="govuk-body">
        {d.stageCounts.filter((c) => c.engagements > 0)
          .map((c) => `${stageLabel(c.stage)}: ${c.engagements}`).join(" · ")}
      </p>

      <DataTable caption="Engagements by stage" empty="There are no open engagements."
        head={["Partnership", "Stage", "Days in stage", "Lead peer", "Next milestone"]}
        numeric={[2]}
        rows={d.engagements.map((e) => [e.engagement,
          <EngagementLink engagement={e.engagement} name={e.partnershipDisplayName} />,
          stageLabel(e.stage), e.daysInStage, e.leadPeerDisplayName || "Not chosen yet",
          e.nextMilestone
            ? <>{e.nextMilestone.overdue && <><Overdue />{" "}</>}
                {keyDateLabel(e.nextMilestone.keyDate)}: {formatDate(e.nextMilestone.date)}</>
            : "None"])} />

      <DataTable caption="Overdue milestones" empty="Nothing is overdue."
        head={["Partnership", "Milestone", "Date", "Stage now"]}
        rows={d.overdue.map((o, i) => [`${o.engagement}-${i}`,
          <EngagementLink engagement={o.engagement} name={o.partnershipDisplayName} />,
          keyDateLabel(o.overdue?.keyDate ?? ""), formatDate(o.overdue?.date),
          stageLabel(o.stage)])} />

      <DataTable caption={`Milestones in the next ${d.withinDays} days`}
        empty="No milestones in this window."
        head={["Partnership", "Milestone", "Date", "Stage now"]}
        rows={d.upcomingMilestones.map((m, i) => [`${m.engagement}-${i}`,
          <EngagementLink engagement={m.engagement} name={m.partnershipDisplayName} />,
          keyDateLabel(m.keyDate), formatDate(m.date), stageLabel(m.stage)])} />

      <DataTable caption={`Report turnaround, ${formatDate(turnaround?.from)} to ${
          formatDate(turnaround?.to)}`}
        empty="No report was published in this period."
        head={["Partnership", "Fieldwork day 3", "Published", "Days", "Due", "Result"]}
        numeric={[3]}
        rows={(turnaround?.reports ?? []).map((t) => [t.engagement,
          <EngagementLink engagement={t.engagement} name={t.partnershipDisplayName} />,
          formatDate(t.fieldworkDay3), formatDate(t.published), t.days, formatDate(t.reportDue),
          t.onTime ? "On time" : <strong class="govuk-tag govuk-tag--red">Late</strong>])}
        foot={turnaround?.published ? [
          `${turnaround.published} published, ${turnaround.onTime} on time`, "", "",
          turnaround.medianDays !== undefined ? `Median ${turnaround.medianDays.toFixed(1)}` : "",
          "", ""] : undefined} />

      <DataTable caption={`Peer-days, fieldwork ${formatDate(peerDays?.from)} to ${
          formatDate(peerDays?.to)}`}
        empty="No fieldwork days in this period."
        head={["Peer", "Organisation", "Peer-days", "Shadow days"]} numeric={[2, 3]}
        rows={(peerDays?.peers ?? []).map((p) => [p.peer, p.displayName, p.homeOrganisation,
                                                  p.peerDays, p.shadowDays])}
        foot={["Total", "", peerDays?.totalPeerDays ?? 0, peerDays?.totalShadowDays ?? 0]} />

      <DataTable caption="Accreditations ending soon" empty="No accreditation ends soon."
        head={["Peer", "Last valid day"]}
        rows={d.expiringAccreditations.map((p) => [p.peer, p.displayName,
                                                   formatDate(p.accreditationExpiryDate)])} />

      <DataTable caption="Expired accreditations on open teams"
        empty="Every lead peer and peer on an open engagement is accredited."
        head={["Peer", "Ended", "Engagement", "Role"]}
        rows={d.expiredTeamMembers.map((m) => [`${m.peer}-${m.engagement}`, m.displayName,
          <><strong class="govuk-tag govuk-tag--red">Expired</strong>{" "}
            {formatDate(m.accreditationExpiryDate)}</>,
          <EngagementLink engagement={m.engagement} name={m.partnershipDisplayName} />,
          teamRoleLabels[m.role] ?? "Member"])} />

      <DataTable caption="Questionnaire response rates"
        empty="No open engagement has a questionnaire."
        head={["Partnership", "Invited", "Answered", "Rate"]} numeric={[2, 3]}
        rows={(rates?.engagements ?? []).map((r) => [r.engagement,
          <EngagementLink engagement={r.engagement} name={r.partnershipDisplayName} />,
          ...rateCells(r.overall)])}
        foot={rates?.questionnaires ? [
          `All released (${rates.released} of ${rates.questionnaires})`, rates.invitations,
          rates.responses, percent(rates.responses, rates.invitations)] : undefined} />

      <DataTable caption="Improvement plans" empty="No open engagement has an improvement plan yet."
        head={["Partnership", "Plan", "Actions", "Action needed", "In hand", "Needs improving",
               "Working well", "Overdue", "Next check-in"]}
        numeric={[2, 3, 4, 5, 6, 7]}
        rows={d.plans.map((p) => [p.engagement,
          <EngagementLink engagement={p.engagement} name={p.partnershipDisplayName} />,
          p.state === PlanState.APPROVED ? "Approved" : "Draft", p.actions, p.actionNeeded,
          p.actionInHand, p.needsImproving, p.workingWell, p.overdueActions,
          p.nextCheckIn ? <>{p.checkInOverdue && <><Overdue />{" "}</>}
                            {formatDate(p.nextCheckIn)}</> : "None scheduled"])} />
    </>
  );
}
