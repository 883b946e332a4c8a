// Drafting a finding from the evidence (the principles it is about, the
// notes and questionnaire results that bear it out) or a recommendation
// answering findings, and changing either while it is a draft.
import { useState } from "preact/hooks";
import { engagements, evidence, feedback, listAll } from "./api";
import { benchmarkOf, principleOf } from "./benchmark";
import { Checkboxes, Choice, ErrorSummary, errorsOf, type FieldErrors, newRequestId, Radios,
         TextArea, TextField } from "./forms";
import { findingsOf } from "./findings_page";
import { findingKindLabels, polarityLabels, priorityLabels } from "./format";
import type { Engagement } from "./gen/healthcheck/v1/engagement_pb";
import type { Note } from "./gen/healthcheck/v1/evidence_pb";
import { type Finding, FindingKind, Priority, type Recommendation, ReviewState }
  from "./gen/healthcheck/v1/finding_pb";
import type { Framework } from "./gen/healthcheck/v1/framework_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { useCall } from "./use_call";

const notDraft = "Only a draft can be changed: the lead peer reopens an agreed one first.";

export function FindingFormPage({ id, finding }: { id: string; finding?: string }) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const [engagement, framework, notes, existing] = await Promise.all([
      engagements.getEngagement({ name }), benchmarkOf(name),
      listAll<Note>(async (pageToken) => {
        const r = await evidence.listNotes({ parent: name, pageSize: 500, pageToken });
        return [r.notes, r.nextPageToken];
      }),
      finding ? feedback.getFinding({ name: `${name}/findings/${finding}` })
              : Promise.resolve(undefined)]);
    return { engagement, framework, notes, existing };
  }, `${id}|${finding ?? ""}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { framework, existing } = outcome.value;
  if (!framework) {
    return <Problem message="Findings are drafted against the benchmark of the questionnaire, which is not set up yet." />;
  }
  if (existing && existing.state !== ReviewState.DRAFT) return <Problem message={notDraft} />;
  return <FindingForm {...outcome.value} framework={framework} />;
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 137)}...` : text);

function FindingForm({ engagement, framework, notes, existing }: {
  engagement: Engagement; framework: Framework; notes: Note[]; existing?: Finding;
}) {
  const [kind, setKind] = useState<FindingKind>(existing?.kind ?? FindingKind.UNSPECIFIED);
  const [title, setTitle] = useState(existing?.title ?? "");
  const [narrative, setNarrative] = useState(existing?.narrative ?? "");
  const [principles, setPrinciples] = useState<string[]>(existing?.principles ?? []);
  const [main, setMain] = useState(existing?.principles[0] ?? "");
  const [chosenNotes, setNotes] = useState<string[]>(existing?.notes ?? []);
  const [results, setResults] = useState<string[]>(existing?.questionnaireResults ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  const back = `/app/${engagement.name}/findings`;
  const titles = new Map(framework.sections.map((s) => [s.code, `${s.code}. ${s.title}`]));
  const people = new Map(engagement.team.map((m) => [m.peer, m.peerDisplayName]));
  // The notes to choose from: those speaking to a chosen principle, and any
  // chosen before.
  const offered = notes.filter((n) => chosenNotes.includes(n.name) ||
    n.tags.some((t) => principles.includes(principleOf(framework, t) ?? "")));
  const reportedUnder = principles.includes(main) ? main : principles[0] ?? "";

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (kind === FindingKind.UNSPECIFIED) found["kind"] = "Choose whether it is a strength or an area for development";
    if (!title.trim()) found["title"] = "Enter the finding in one line";
    if (!narrative.trim()) found["narrative"] = "Enter what the team found and why";
    if (!principles.length) found["principles"] = "Choose at least one principle it is about";
    setErrors(found);
    if (Object.keys(found).length) return;
    const fields = {
      kind, title: title.trim(), narrative: narrative.trim(),
      principles: [reportedUnder, ...principles.filter((p) => p !== reportedUnder)],
      notes: chosenNotes,
      // Results only for principles still chosen (a statement's, "3.2", by
      // its principle).
      questionnaireResults: results.filter((r) =>
        principles.includes(principleOf(framework, r) ?? r)),
    };
    try {
      if (existing) {
        await feedback.updateFinding({
          finding: { ...fields, name: existing.name, etag: existing.etag },
          updateMask: { paths: ["kind", "title", "narrative", "principles", "notes",
                                "questionnaire_results"] } });
        go(back, `${existing.label} is changed`);
      } else {
        const made = await feedback.createFinding({ parent: engagement.name, finding: fields,
                                                    requestId });
        go(back, `${made.label} is drafted`);
      }
    } catch (error) {
      setErrors(errorsOf(error, { kind: "kind", title: "title", narrative: "narrative",
                                  principles: "principles", notes: "notes",
                                  questionnaire_results: "results" }));
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the findings</BackLink>
      <ErrorSummary errors={errors} firstField="kind" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">{existing ? `Change ${existing.label}` : "Draft a finding"}</h1>
      <form onSubmit={submit} noValidate>
        <Radios id="kind" legend="Is it a strength or an area for development?" value={kind}
                onChange={setKind} errors={errors}
                options={[FindingKind.STRENGTH, FindingKind.AREA_FOR_DEVELOPMENT]
                  .map((k) => [k, findingKindLabels[k]])} />
        <TextField id="title" label="The finding in one line" value={title} onInput={setTitle}
                   errors={errors} hint="For example, Partners share a clear vision" />
        <TextArea id="narrative" label="What the team found" value={narrative}
                  onInput={setNarrative} errors={errors}
                  hint="What you saw and heard, and why it matters. The partnership reads this." />
        <Checkboxes id="principles" legend="Principles it is about" values={principles}
                    onChange={setPrinciples} errors={errors} small
                    options={framework.sections.map((s) => [s.code, titles.get(s.code) ?? s.code])} />
        {principles.length > 1 && (
          <Choice id="main" label="Principle it is reported under" value={reportedUnder}
                  onChange={setMain} errors={errors}
                  hint="The report and the feedback show it there, and name the others."
                  options={principles.map((p) => [p, titles.get(p) ?? p])} />
        )}
        {principles.length > 0 && (
          <>
            <Checkboxes id="notes" legend="Notes that bear it out" values={chosenNotes}
                        onChange={setNotes} errors={errors} small
                        hint={offered.length ? "Notes tagged to the principles chosen."
                                             : "No note is tagged to the principles chosen yet."}
                        options={offered.map((n) => [n.name, excerpt(n.text), [
                          polarityLabels[n.polarity] ?? "",
                          people.get(n.author) ?? "",
                          `tagged ${n.tags.join(", ")}`].filter(Boolean).join(" · ")])} />
            <Checkboxes id="results" legend="Questionnaire results that bear it out"
                        values={results} onChange={setResults} errors={errors} small
                        hint="Once released, the partners' answers on these principles support it."
                        options={[
                          ...principles.map((p): [string, string] =>
                            [p, `Results for ${titles.get(p) ?? p}`]),
                          // Statements' results chosen before (hcctl offers them).
                          ...results.filter((r) => !principles.includes(r) &&
                                                   principles.includes(principleOf(framework, r) ?? ""))
                            .map((r): [string, string] => [r, `Results for statement ${r}`])]} />
          </>
        )}
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {existing ? "Save the change" : "Draft the finding"}
          </button>
          <a class="govuk-link" href={back}>Go back without saving</a>
        </div>
      </form>
    </>
  );
}

export function RecommendationFormPage({ id, recommendation }: {
  id: string; recommendation?: string;
}) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const [engagement, findings, existing] = await Promise.all([
      engagements.getEngagement({ name }), findingsOf(name),
      recommendation
        ? feedback.getRecommendation({ name: `${name}/recommendations/${recommendation}` })
        : Promise.resolve(undefined)]);
    return { engagement, findings, existing };
  }, `${id}|${recommendation ?? ""}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { existing } = outcome.value;
  if (existing && existing.state !== ReviewState.DRAFT) return <Problem message={notDraft} />;
  return <RecommendationForm {...outcome.value} />;
}

function RecommendationForm({ engagement, findings, existing }: {
  engagement: Engagement; findings: Finding[]; existing?: Recommendation;
}) {
  const [text, setText] = useState(existing?.text ?? "");
  const [priority, setPriority] = useState<Priority>(existing?.priority ?? Priority.UNSPECIFIED);
  const [answers, setAnswers] = useState<string[]>(existing?.findings ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  const back = `/app/${engagement.name}/findings`;
  const open = findings.filter((f) => f.state !== ReviewState.WITHDRAWN);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found["text"] = "Enter the recommendation";
    if (priority === Priority.UNSPECIFIED) found["priority"] = "Choose its priority";
    if (!answers.length) found["findings"] = "Choose at least one finding it answers";
    setErrors(found);
    if (Object.keys(found).length) return;
    const fields = { text: text.trim(), priority, findings: answers };
    try {
      if (existing) {
        await feedback.updateRecommendation({
          recommendation: { ...fields, name: existing.name, etag: existing.etag },
          updateMask: { paths: ["text", "priority", "findings"] } });
        go(back, `${existing.label} is changed`);
      } else {
        const made = await feedback.createRecommendation({
          parent: engagement.name, recommendation: fields, requestId });
        go(back, `${made.label} is drafted`);
      }
    } catch (error) {
      setErrors(errorsOf(error, { text: "text", priority: "priority", findings: "findings" }));
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the findings</BackLink>
      <ErrorSummary errors={errors} firstField="text" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">
        {existing ? `Change ${existing.label}` : "Draft a recommendation"}
      </h1>
      <form onSubmit={submit} noValidate>
        <TextArea id="text" label="What the team recommends" value={text} onInput={setText}
                  errors={errors} hint="One thing the partnership could do, in plain words." />
        <Radios id="priority" legend="Priority" value={priority} onChange={setPriority}
                errors={errors}
                options={[Priority.HIGH, Priority.MEDIUM, Priority.LOW]
                  .map((p) => [p, priorityLabels[p]])} />
        <Checkboxes id="findings" legend="Findings it answers" values={answers}
                    onChange={setAnswers} errors={errors} small
                    hint={open.length ? undefined : "Draft a finding first."}
                    options={open.map((f) => [f.name, `${f.label} ${f.title}`])} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {existing ? "Save the change" : "Draft the recommendation"}
          </button>
          <a class="govuk-link" href={back}>Go back without saving</a>
        </div>
      </form>
    </>
  );
}
