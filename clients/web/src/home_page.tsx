// The programme lead's home page: every engagement with its stage, how long
// it has been there, its lead peer and its next milestone, each row linking
// to the engagement.
import { programme } from "./api";
import { formatDate, idOf, keyDateLabel, stageLabel } from "./format";
import { Loading, Problem } from "./layout";
import { useCall } from "./use_call";

export function HomePage() {
  const outcome = useCall(() => programme.getProgrammeDashboard({ withinDays: 30 }), "home");
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const dashboard = outcome.value;
  return (
    <>
      <h1 class="govuk-heading-xl">Engagements</h1>
      <div class="govuk-button-group">
        <a href="/app/engagements/new" role="button" draggable={false} class="govuk-button"
           data-module="govuk-button">Start a health check</a>
        <a href="/app/engagements" class="govuk-link">Filter engagements by stage</a>
      </div>
      <p class="govuk-body">
        As of {formatDate(dashboard.asOf)}: {dashboard.engagements.length}{" "}
        {dashboard.engagements.length === 1 ? "engagement" : "engagements"} in the programme.
      </p>
      {dashboard.engagements.length === 0 ? (
        <p class="govuk-body">There are no engagements yet.</p>
      ) : (
        // A region of its own, reachable by keyboard, so that on a narrow
        // screen the table scrolls inside it instead of widening the page.
        <div class="app-table-scroll" role="region" aria-label="Engagements table" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">
              Every engagement, by stage
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Partnership</th>
                <th scope="col" class="govuk-table__header">Stage</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Days in stage
                </th>
                <th scope="col" class="govuk-table__header">Lead peer</th>
                <th scope="col" class="govuk-table__header">Next milestone</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {dashboard.engagements.map((e) => (
                <tr class="govuk-table__row" key={e.engagement}>
                  <th scope="row" class="govuk-table__header">
                    <a class="govuk-link" href={`/app/engagements/${idOf(e.engagement)}`}>
                      {e.partnershipDisplayName}
                    </a>
                  </th>
                  <td class="govuk-table__cell">{stageLabel(e.stage)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{e.daysInStage}</td>
                  <td class="govuk-table__cell">{e.leadPeerDisplayName || "Not chosen yet"}</td>
                  <td class="govuk-table__cell">
                    {e.nextMilestone
                      ? `${keyDateLabel(e.nextMilestone.keyDate)}: ${formatDate(e.nextMilestone.date)}` +
                        (e.nextMilestone.overdue ? " (overdue)" : "")
                      : "None"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
