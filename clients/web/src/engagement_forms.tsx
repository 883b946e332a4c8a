// The forms that set up an engagement (programme leads): starting one for a
// partnership, its key dates, and its scoping record with the stakeholder
// map.
import { useState } from "preact/hooks";
import { engagements, listAll, partnerships } from "./api";
import { Choice, DateInput, type DateParts, dateOf, datePartsOf, ErrorSummary, errorsOf,
         type FieldErrors, newRequestId, Radios, TextArea } from "./forms";
import { keyDateLabel, purposeLabel } from "./format";
import { type Engagement, type KeyDates, Purpose } from "./gen/healthcheck/v1/engagement_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go, queryParam } from "./navigation";
import { useCall } from "./use_call";

export function NewEngagementPage() {
  const choices = useCall(() => listAll(async (pageToken) => {
    const r = await partnerships.listPartnerships({ pageSize: 500, pageToken });
    return [r.partnerships, r.nextPageToken];
  }), "new");
  const [partnership, setPartnership] = useState(
    queryParam("partnership") ? `partnerships/${queryParam("partnership")}` : "");
  const [purpose, setPurpose] = useState<Purpose>(Purpose.UNSPECIFIED);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  if (choices.state === "loading") return <Loading />;
  if (choices.state === "failed") return <Problem message={choices.problem} />;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!partnership) found["partnership"] = "Choose the partnership";
    if (purpose === Purpose.UNSPECIFIED) found["purpose"] = "Choose why it is being reviewed";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const made = await engagements.createEngagement({
        engagement: { partnership, purpose }, requestId });
      go(`/app/${made.name}`, "The health check is started: it is at scoping");
    } catch (error) {
      setErrors(errorsOf(error, { partnership: "partnership", purpose: "purpose" }));
    }
  };

  return (
    <>
      <BackLink href="/">Back to engagements</BackLink>
      <ErrorSummary errors={errors} firstField="partnership" />
      <h1 class="govuk-heading-xl">Start a health check</h1>
      <form onSubmit={submit} noValidate>
        <Choice id="partnership" label="Partnership" value={partnership} onChange={setPartnership}
                errors={errors}
                options={choices.value.map((p) => [p.name, p.displayName])} />
        <Radios id="purpose" legend="Why the partnership is being reviewed" value={purpose}
                onChange={setPurpose} errors={errors}
                options={[Purpose.DEVELOPMENTAL, Purpose.ROUTINE_AUDIT, Purpose.REMEDIAL]
                  .map((p) => [p, purposeLabel(p)])} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Start the health check
        </button>
      </form>
    </>
  );
}

// Loads the engagement a form changes.
function useEngagementToChange(id: string) {
  return useCall(() => engagements.getEngagement({ name: `engagements/${id}` }), id);
}

const dateFields = [
  "questionnaireOpen", "questionnaireClose", "fieldworkDay1", "fieldworkDay2", "fieldworkDay3",
  "feedbackDate", "reportDue", "planDue"] as const satisfies readonly (keyof KeyDates)[];

// "fieldworkDay1" -> "fieldwork_day1", the API's name for the date.
const apiName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function KeyDatesPage({ id }: { id: string }) {
  const outcome = useEngagementToChange(id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  return <KeyDatesForm engagement={outcome.value} />;
}

function KeyDatesForm({ engagement }: { engagement: Engagement }) {
  const [values, setValues] = useState<Record<string, DateParts>>(() => Object.fromEntries(
    dateFields.map((f) => [f, datePartsOf(engagement.keyDates?.[f])])));
  const [errors, setErrors] = useState<FieldErrors>({});
  const back = `/app/${engagement.name}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const keyDates: Record<string, unknown> = {};
    for (const field of dateFields) {
      const typed = dateOf(values[field], keyDateLabel(apiName(field)));
      if (typed.problem) found[field] = typed.problem;
      else keyDates[field] = typed.date;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await engagements.updateEngagement({
        engagement: { name: engagement.name, etag: engagement.etag, keyDates },
        updateMask: { paths: ["key_dates"] } });
      go(back, "The key dates are saved");
    } catch (error) {
      // "key_dates.fieldwork_day2 (...) must be after key_dates.fieldwork_day1
      // (...)" is said with the dates' names as the form shows them.
      const found = errorsOf(error, Object.fromEntries(
        dateFields.map((f) => [`key_dates.${apiName(f)}`, f])));
      setErrors(Object.fromEntries(Object.entries(found).map(([field, message]) => [
        field, message.replace(/key_dates\.([a-z0-9_]+)/g, (_, name) => keyDateLabel(name))])));
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <ErrorSummary errors={errors} firstField={dateFields[0]} />
      <h1 class="govuk-heading-xl">Key dates</h1>
      <p class="govuk-body">
        Leave a date empty until it is known. The initial feedback defaults to fieldwork day 3
        and the report to 4 weeks after it.
      </p>
      <form onSubmit={submit} noValidate>
        {dateFields.map((field) => (
          <DateInput key={field} id={field} legend={keyDateLabel(apiName(field))}
                     value={values[field]} errors={errors}
                     onChange={(value) => setValues({ ...values, [field]: value })} />
        ))}
        <button type="submit" class="govuk-button" data-module="govuk-button">Save the dates</button>
      </form>
    </>
  );
}

export function ScopingPage({ id }: { id: string }) {
  const outcome = useEngagementToChange(id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  return <ScopingForm engagement={outcome.value} />;
}

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

function ScopingForm({ engagement }: { engagement: Engagement }) {
  const scoping = engagement.scoping;
  const map = scoping?.stakeholders;
  const [issues, setIssues] = useState(scoping?.issues.join("\n") ?? "");
  const [outcomes, setOutcomes] = useState(scoping?.desiredOutcomes.join("\n") ?? "");
  const [inform, setInform] = useState(map?.inform.join("\n") ?? "");
  const [involve, setInvolve] = useState(map?.involve.join("\n") ?? "");
  const [beAware, setBeAware] = useState(map?.beAware.join("\n") ?? "");
  const [keepOnBoard, setKeepOnBoard] = useState(map?.keepOnBoard.join("\n") ?? "");
  const [arrangements, setArrangements] = useState(scoping?.arrangements ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const back = `/app/${engagement.name}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await engagements.updateEngagement({
        engagement: {
          name: engagement.name, etag: engagement.etag,
          scoping: {
            issues: lines(issues), desiredOutcomes: lines(outcomes), arrangements,
            stakeholders: { inform: lines(inform), involve: lines(involve),
                            beAware: lines(beAware), keepOnBoard: lines(keepOnBoard) },
          },
        },
        updateMask: { paths: ["scoping"] } });
      go(back, "The scoping record is saved");
    } catch (error) {
      setErrors(errorsOf(error, {
        "scoping.issues": "issues", "scoping.desired_outcomes": "outcomes",
        "scoping.stakeholders.inform": "inform", "scoping.stakeholders.involve": "involve",
        "scoping.stakeholders.be_aware": "be-aware",
        "scoping.stakeholders.keep_on_board": "keep-on-board",
        "scoping.arrangements": "arrangements" }));
    }
  };

  const oneEach = "One on each line.";
  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <ErrorSummary errors={errors} firstField="issues" />
      <h1 class="govuk-heading-xl">Scoping record</h1>
      <form onSubmit={submit} noValidate>
        <TextArea id="issues" label="Issues the health check should look at" hint={oneEach}
                  value={issues} onInput={setIssues} errors={errors} />
        <TextArea id="outcomes" label="Outcomes the partnership wants from it" hint={oneEach}
                  value={outcomes} onInput={setOutcomes} errors={errors} />
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Stakeholder map</legend>
          <div class="govuk-hint">
            Who needs to be involved, placed in the four quadrants of the stakeholder analysis
            matrix. One stakeholder on each line.
          </div>
          <div class="app-stakeholder-map">
            <TextArea id="inform" label="Inform" value={inform} onInput={setInform}
                      errors={errors} rows={4} />
            <TextArea id="involve" label="Involve" value={involve} onInput={setInvolve}
                      errors={errors} rows={4} />
            <TextArea id="be-aware" label="Be aware" value={beAware} onInput={setBeAware}
                      errors={errors} rows={4} />
            <TextArea id="keep-on-board" label="Keep on board" value={keepOnBoard}
                      onInput={setKeepOnBoard} errors={errors} rows={4} />
          </div>
        </fieldset>
        <TextArea id="arrangements" label="Arrangements"
                  hint="Where, when and how the health check is carried out."
                  value={arrangements} onInput={setArrangements} errors={errors} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Save the scoping record
        </button>
      </form>
    </>
  );
}
