// The engagements the person may see, with the list's filters (stage,
// overdue) and pages; a programme lead may start one.
import { useState } from "preact/hooks";
import { engagements } from "./api";
import { Choice } from "./forms";
import { formatDate, stageLabel } from "./format";
import { Stage } from "./gen/healthcheck/v1/engagement_pb";
import { Loading } from "./layout";
import { queryParam } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { DataTable } from "./table";
import { useCall } from "./use_call";

const stages = Object.values(Stage)
  .filter((v): v is Stage => typeof v === "number" && v !== Stage.STAGE_UNSPECIFIED);

export function EngagementsPage({ lead }: { lead: boolean }) {
  const stage = queryParam("stage");
  const overdue = queryParam("overdue") === "yes";
  const token = pageToken();
  const terms: string[] = [];
  if (stage && Stage[Number(stage)]) terms.push(`stage = ${Stage[Number(stage)]}`);
  if (overdue) terms.push("overdue = true");
  const filter = terms.join(" AND ");
  const outcome = useCall(
    () => engagements.listEngagements({ pageSize, pageToken: token, filter }),
    `${filter}|${token}`);
  const [stageChoice, setStageChoice] = useState(stage);
  return (
    <>
      <h1 class="govuk-heading-xl">Engagements</h1>
      {lead && (
        <a href="/app/engagements/new" role="button" draggable={false} class="govuk-button"
           data-module="govuk-button">Start a health check</a>
      )}
      <form method="get" action="/app/engagements" class="app-filters">
        <h2 class="govuk-heading-m">Filter</h2>
        <Choice id="stage" label="Stage" value={stageChoice} onChange={setStageChoice}
                errors={{}} empty="Any stage"
                options={stages.map((s) => [String(s), stageLabel(s)])} />
        <div class="govuk-form-group">
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox"
                     value="yes" defaultChecked={overdue} />
              <label class="govuk-label govuk-checkboxes__label" for="overdue">
                Only those with an overdue date
              </label>
            </div>
          </div>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">Apply filters</button>
        {filter && (
          <p class="govuk-body"><a class="govuk-link" href="/app/engagements">Clear filters</a></p>
        )}
      </form>
      {outcome.state === "loading" && <Loading />}
      {outcome.state === "failed" && <p class="govuk-body" role="alert">{outcome.problem}</p>}
      {outcome.state === "done" && (
        <>
          <DataTable caption="Engagements, oldest first"
            empty={`No engagements ${filter ? "match these filters" : "yet"}.`}
            head={["Partnership", "Stage", "Fieldwork begins"]}
            rows={outcome.value.engagements.map((e) => [e.name,
              <a class="govuk-link" href={`/app/${e.name}`}>{e.partnershipDisplayName}</a>,
              stageLabel(e.stage), formatDate(e.keyDates?.fieldworkDay1)])} />
          <Pagination nextPageToken={outcome.value.nextPageToken} />
        </>
      )}
    </>
  );
}
