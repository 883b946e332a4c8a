// The documents the review team reads in desk research: listed newest
// first, recorded and changed by the programme lead and the team's lead
// peer and peers; a note can then cite one as its source.
import { useState } from "preact/hooks";
import { engagements, fieldwork, listAll } from "./api";
import { DateInput, type DateParts, dateOf, datePartsOf, ErrorSummary, errorsOf,
         type FieldErrors, newRequestId, SummaryCard, TextArea, TextField } from "./forms";
import { formatDate } from "./format";
import type { Engagement } from "./gen/healthcheck/v1/engagement_pb";
import type { Document } from "./gen/healthcheck/v1/fieldwork_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { hasEnded } from "./stage_steps";
import { contributes } from "./team_access";
import { useCall } from "./use_call";

export function DocumentsPage({ id, me }: { id: string; me: User }) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const [engagement, documents] = await Promise.all([
      engagements.getEngagement({ name }),
      listAll<Document>(async (pageToken) => {
        const r = await fieldwork.listDocuments({ parent: name, pageSize: 500, pageToken });
        return [r.documents, r.nextPageToken];
      })]);
    return { engagement, documents };
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, documents } = outcome.value;
  const canChange = contributes(me, engagement) && !hasEnded(engagement);
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Desk research</h1>
      <p class="govuk-body">The documents the review team reads before going on site.</p>
      {canChange && (
        <a href={`/app/${engagement.name}/documents/new`} role="button" draggable={false}
           class="govuk-button" data-module="govuk-button">Record a document</a>
      )}
      {documents.length === 0 && <p class="govuk-body">No document is recorded yet.</p>}
      {documents.map((d) => (
        <SummaryCard key={d.name} title={d.title}
          action={canChange ? { href: `/app/${d.name}`, text: "Change", about: d.title } : undefined}
          rows={[
            { key: "From", value: d.source || "Not recorded" },
            { key: "Dated", value: d.date?.year ? formatDate(d.date) : "Not recorded" },
            { key: "The team's notes", value: <span class="app-pre-line">{d.notes || "None"}</span> },
          ]} />
      ))}
    </>
  );
}

export function DocumentFormPage({ id, document }: { id: string; document?: string }) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const [engagement, existing] = await Promise.all([
      engagements.getEngagement({ name }),
      document ? fieldwork.getDocument({ name: `${name}/documents/${document}` })
               : Promise.resolve(undefined)]);
    return { engagement, existing };
  }, `${id}|${document ?? ""}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  return <DocumentForm {...outcome.value} />;
}

function DocumentForm({ engagement, existing }: { engagement: Engagement; existing?: Document }) {
  const [title, setTitle] = useState(existing?.title ?? "");
  const [source, setSource] = useState(existing?.source ?? "");
  const [date, setDate] = useState<DateParts>(datePartsOf(existing?.date));
  const [notes, setNotes] = useState(existing?.notes ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  const back = `/app/${engagement.name}/documents`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!title.trim()) found["title"] = "Enter the document's title";
    const dated = dateOf(date, "The document's date");
    if (dated.problem) found["date"] = dated.problem;
    setErrors(found);
    if (Object.keys(found).length) return;
    const fields = { title: title.trim(), source: source.trim(), date: dated.date,
                     notes: notes.trim() };
    try {
      if (existing) {
        await fieldwork.updateDocument({
          document: { ...fields, name: existing.name, etag: existing.etag },
          updateMask: { paths: ["title", "source", "date", "notes"] } });
        go(back, `"${fields.title}" is changed`);
      } else {
        await fieldwork.createDocument({ parent: engagement.name, document: fields, requestId });
        go(back, `"${fields.title}" is recorded`);
      }
    } catch (error) {
      setErrors(errorsOf(error, { title: "title", source: "source", date: "date", notes: "notes" }));
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the desk research</BackLink>
      <ErrorSummary errors={errors} firstField="title" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">{existing ? `Change "${existing.title}"` : "Record a document"}</h1>
      <form onSubmit={submit} noValidate>
        <TextField id="title" label="Title" value={title} onInput={setTitle} errors={errors}
                   hint="For example, Community safety strategy 2026 to 2029" />
        <TextField id="source" label="Where it came from (optional)" value={source}
                   onInput={setSource} errors={errors}
                   hint="Who produced it, or where the team found it" />
        <DateInput id="date" legend="Its date (optional)" value={date} onChange={setDate}
                   errors={errors} hint="For example, 27 3 2026" />
        <TextArea id="notes" label="The team's notes (optional)" value={notes} onInput={setNotes}
                  errors={errors} hint="What it says that matters for the health check." />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {existing ? "Save the change" : "Record the document"}
          </button>
          <a class="govuk-link" href={back}>Go back without saving</a>
        </div>
      </form>
    </>
  );
}
