// One engagement: its partnership, stage and next step, key dates, scoping
// record with the stakeholder map, review team with its sector coverage,
// and the ways on to its questionnaire, reports, plan and history. A
// programme lead sees the links that change it; others read it.
import { engagements } from "./api";
import { SummaryList, type SummaryRow } from "./forms";
import { formatDate, overdueWords, purposeLabel, sectorLabel, stageLabel, teamRoleLabels }
  from "./format";
import { Role } from "./gen/healthcheck/v1/access_pb";
import type { Engagement } from "./gen/healthcheck/v1/engagement_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink } from "./navigation";
import { hasEnded, nextStepOf } from "./stage_steps";
import { isLeadPeer } from "./team_access";
import { useCall } from "./use_call";

export function EngagementPage({ id, me }: { id: string; me: User }) {
  const outcome = useCall(() => engagements.getEngagement({ name: `engagements/${id}` }), id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const engagement = outcome.value;
  const base = `/app/engagements/${id}`;
  const ended = hasEnded(engagement);
  const lead = me.role === Role.PROGRAMME_LEAD;
  const team = me.role === Role.PEER;
  const canChange = lead && !ended;
  // The lead peer moves the stage on too, but does not cancel.
  const steers = (lead || isLeadPeer(me, engagement)) && !ended;
  const next = nextStepOf(engagement.stage);
  const dates = engagement.keyDates;
  const dateRows: SummaryRow[] = [
    ["Questionnaire opens", formatDate(dates?.questionnaireOpen)],
    ["Questionnaire closes", formatDate(dates?.questionnaireClose)],
    ["Fieldwork", [dates?.fieldworkDay1, dates?.fieldworkDay2, dates?.fieldworkDay3]
                    .map(formatDate).join(", ")],
    ["Initial feedback", formatDate(dates?.feedbackDate)],
    ["Report due", formatDate(dates?.reportDue)],
    ["Improvement plan due", formatDate(dates?.planDue)],
  ].map(([key, value]) => ({ key, value, change: canChange ? `${base}/dates` : undefined }));
  return (
    <>
      <BackLink href="/">{lead ? "Back to engagements" : "Back to the home page"}</BackLink>
      <span class="govuk-caption-xl">Health check</span>
      <h1 class="govuk-heading-xl">{engagement.partnershipDisplayName}</h1>
      <SummaryList rows={[
        { key: "Partnership", value: <a class="govuk-link" href={`/app/${engagement.partnership}`}>
            {engagement.partnershipDisplayName}</a> },
        { key: "Purpose", value: purposeLabel(engagement.purpose) },
        { key: "Stage", value: <strong class="govuk-tag">{stageLabel(engagement.stage)}</strong> },
        ...(engagement.endReason ? [{ key: "Why it ended", value: engagement.endReason }] : []),
      ]} />
      {engagement.overdueDates.length > 0 && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            Overdue: {overdueWords(engagement.overdueDates)}.
          </strong>
        </div>
      )}
      {steers && (
        <div class="govuk-button-group">
          {next && (
            <a href={`${base}/stage/${next.slug}`} role="button" draggable={false}
               class="govuk-button" data-module="govuk-button">{next.action}</a>
          )}
          {canChange && (
            <a href={`${base}/stage/cancel`} class="govuk-link">Cancel the health check</a>
          )}
        </div>
      )}
      <nav aria-label="Parts of the health check">
        <ul class="govuk-list">
          <li><a class="govuk-link" href={`${base}/questionnaire`}>Questionnaire</a></li>
          {team && (
            <li><a class="govuk-link" href={`${base}/questionnaire/results`}>
              Questionnaire results</a></li>
          )}
          <li><a class="govuk-link" href={`${base}/documents`}>Desk research</a></li>
          <li><a class="govuk-link" href={`${base}/fieldwork`}>Fieldwork plan</a></li>
          {team && <li><a class="govuk-link" href={`${base}/notes`}>Evidence notes</a></li>}
          {(team || lead) && (
            <>
              <li><a class="govuk-link" href={`${base}/triangulation`}>Triangulation</a></li>
              <li><a class="govuk-link" href={`${base}/findings`}>Findings and recommendations</a></li>
            </>
          )}
          <li><a class="govuk-link" href={`${base}/feedback`}>Initial feedback</a></li>
          <li><a class="govuk-link" href={`${base}/reports`}>Written reports</a></li>
          <li><a class="govuk-link" href={`${base}/plan`}>Improvement plan</a></li>
          <li><a class="govuk-link" href={`${base}/history`}>History of its stages</a></li>
        </ul>
      </nav>

      <h2 class="govuk-heading-l">Key dates</h2>
      <SummaryList rows={dateRows} />

      <Scoping engagement={engagement} change={canChange ? `${base}/scoping` : undefined} />

      <h2 class="govuk-heading-l">Review team</h2>
      <Team engagement={engagement} base={base} canChange={canChange} />
    </>
  );
}

function Lines({ items, none }: { items: string[]; none: string }) {
  if (!items.length) return <p class="govuk-body">{none}</p>;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {items.map((item, i) => <li key={i}>{item}</li>)}
    </ul>
  );
}

// The scoping record: the issues, the outcomes wanted, the stakeholder map
// as the workbook draws it (four named quadrants) and the arrangements.
function Scoping({ engagement, change }: { engagement: Engagement; change?: string }) {
  const scoping = engagement.scoping;
  const map = scoping?.stakeholders;
  const quadrant = (title: string, items: string[] | undefined) => (
    <div class="app-quadrant">
      <h4 class="govuk-heading-s">{title}</h4>
      <Lines items={items ?? []} none="No one yet" />
    </div>
  );
  return (
    <>
      <h2 class="govuk-heading-l">Scoping record</h2>
      {change && (
        <p class="govuk-body"><a class="govuk-link" href={change}>Change the scoping record</a></p>
      )}
      <h3 class="govuk-heading-m">Issues to look at</h3>
      <Lines items={scoping?.issues ?? []} none="None recorded yet." />
      <h3 class="govuk-heading-m">Outcomes the partnership wants</h3>
      <Lines items={scoping?.desiredOutcomes ?? []} none="None recorded yet." />
      <h3 class="govuk-heading-m">Stakeholder map</h3>
      <div class="app-stakeholder-map">
        {quadrant("Inform", map?.inform)}
        {quadrant("Involve", map?.involve)}
        {quadrant("Be aware", map?.beAware)}
        {quadrant("Keep on board", map?.keepOnBoard)}
      </div>
      <h3 class="govuk-heading-m">Arrangements</h3>
      <p class="govuk-body app-pre-line">{scoping?.arrangements || "None recorded yet."}</p>
    </>
  );
}

function Team({ engagement, base, canChange }: {
  engagement: Engagement; base: string; canChange: boolean;
}) {
  const coverage = engagement.teamCoverage;
  return (
    <>
      {engagement.team.length === 0 ? <p class="govuk-body">No one is on the team yet.</p> : (
        <div class="app-table-scroll" role="region" aria-label="Review team table" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-visually-hidden">The review team</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th>
                <th scope="col" class="govuk-table__header">Role</th>
                <th scope="col" class="govuk-table__header">Sector</th>
                {canChange && <th scope="col" class="govuk-table__header">
                  <span class="govuk-visually-hidden">Action</span></th>}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {engagement.team.map((m) => (
                <tr class="govuk-table__row" key={m.peer}>
                  <th scope="row" class="govuk-table__header">{m.peerDisplayName}</th>
                  <td class="govuk-table__cell">{teamRoleLabels[m.role] ?? "Member"}</td>
                  <td class="govuk-table__cell">{sectorLabel(m.peerSector)}</td>
                  {canChange && (
                    <td class="govuk-table__cell">
                      <a class="govuk-link"
                         href={`${base}/team/remove?peer=${encodeURIComponent(m.peer)}`}>
                        Remove<span class="govuk-visually-hidden"> {m.peerDisplayName}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canChange && (
        <a href={`${base}/team/add`} role="button" draggable={false}
           class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add someone to the team
        </a>
      )}
      {coverage && coverage.partnershipSectors.length > 0 && (
        <>
          <h3 class="govuk-heading-m">Sectors the team covers</h3>
          <p class="govuk-body">
            {coverage.coveredSectors.length
              ? `Covered: ${coverage.coveredSectors.map(sectorLabel).join(", ")}.`
              : "The team's full members cover none of the partnership's sectors yet."}
          </p>
          {coverage.warnings.length > 0 && (
            <div class="govuk-inset-text">
              <ul class="govuk-list">
                {coverage.warnings.map((w) => (
                  <li key={w}>{w.charAt(0).toUpperCase() + w.slice(1)}.</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </>
  );
}
