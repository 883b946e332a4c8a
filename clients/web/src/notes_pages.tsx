// The review team's evidence notes: a capture form built for speed in the
// room (each note kept in this browser at once and uploaded when it can, see
// note_outbox.ts), the list with the API's search and filters beside the
// notes still waiting, a conflicting change shown side by side, and changing
// one note.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { engagements, evidence, fieldwork, isOffline, listAll, problemOf, signInAgainIfNeeded }
  from "./api";
import { benchmarkOf } from "./benchmark";
import { Choice, ConfirmButton, ErrorSummary, Field, type FieldErrors, newRequestId, Radios,
         TextArea, TextField } from "./forms";
import { activitiesOf } from "./fieldwork_pages";
import { activityKindLabels, clock, formatMoment, formatTime, polarityLabels, sourceKinds }
  from "./format";
import type { Note } from "./gen/healthcheck/v1/evidence_pb";
import { ActivityState, type Document } from "./gen/healthcheck/v1/fieldwork_pb";
import { Polarity } from "./gen/healthcheck/v1/framework_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go, queryParam } from "./navigation";
import { applied, discard, entriesOf, keep, retry, type NoteContext, type NoteFields,
         type OutboxEntry, outboxStatus, type OutboxStatus, readContext, savedContext,
         saveContext, waitingEdit, watchOutbox } from "./note_outbox";
import { Pagination, pageSize, pageToken } from "./paging";
import { type Outcome, startEarly, takeEarly, useCall } from "./use_call";

// What the capture form needs: read afresh when the network allows and
// saved, otherwise the copy saved last time.
async function loadContext(id: string): Promise<NoteContext> {
  const name = `engagements/${id}`;
  try {
    // Asked all at once: each is one round trip on a slow connection.
    const [engagement, activities, documents, framework] = await Promise.all([
      engagements.getEngagement({ name }),
      activitiesOf(name),
      listAll<Document>(async (pageToken) => {
        const r = await fieldwork.listDocuments({ parent: name, pageSize: 500, pageToken });
        return [r.documents, r.nextPageToken];
      }),
      // Tags come from the benchmark.
      benchmarkOf(name),
    ]);
    const tags: NoteContext["tags"] = [];
    for (const section of framework?.sections ?? []) {
      tags.push({ code: section.code, text: section.title });
      for (const s of section.statements) tags.push({ code: s.code, text: s.text });
    }
    const context = {
      engagement: name,
      partnershipName: engagement.partnershipDisplayName,
      activities: activities.map((a) => ({
        name: a.name, title: a.title, day: a.day, start: clock(a.startTime), kind: a.kind,
        cancelled: a.state === ActivityState.CANCELLED })),
      documents: documents.map((d) => ({ name: d.name, title: d.title })),
      team: engagement.team.map((m) => ({ peer: m.peer, name: m.peerDisplayName })),
      tags,
    };
    await saveContext(context);
    return (await savedContext(name)) ?? { ...context, owner: "", savedAt: Date.now() };
  } catch (error) {
    const saved = isOffline(error) ? await savedContext(name) : null;
    if (saved) return saved;
    throw error;
  }
}

// The key under which the pages used in the room start reading the saved
// capture context as the app opens (startContextEarly, main.tsx). Reading
// it afresh waits until the page is drawn: its four calls would slow the
// page's own.
const savedKey = (id: string) => `saved context ${id}`;

export function startContextEarly(id: string): void {
  startEarly(savedKey(id), () => readContext(`engagements/${id}`));
}

// The capture context for a page: the copy saved in this browser at once,
// if there is one, then the one read afresh (kept instead when the network
// fails), so that pages used in the room draw without waiting on the API.
// Read as soon as the page is drawn, as useCall's calls are.
function useNoteContext(id: string): Outcome<NoteContext> {
  const [outcome, setOutcome] = useState<Outcome<NoteContext>>({ state: "loading" });
  useLayoutEffect(() => {
    let live = true;
    let fresh = false;
    savedContext(`engagements/${id}`, takeEarly(savedKey(id))).then((saved) => {
      if (live && saved && !fresh) setOutcome({ state: "done", value: saved });
    }, () => undefined); // no saved copy to show: the fresh one decides
    loadContext(id).then(
      (value) => {
        fresh = true;
        if (live) setOutcome({ state: "done", value });
      },
      (error: unknown) => {
        signInAgainIfNeeded(error);
        if (live) setOutcome((now) => (now.state === "done" ? now
          : { state: "failed", problem: problemOf(error) }));
      });
    return () => { live = false; };
  }, [id]);
  return outcome;
}

function sourceLabel(context: NoteContext, source: string): string {
  const activity = context.activities.find((a) => a.name === source);
  if (activity) {
    return `Day ${activity.day}, ${activity.start}: ${activity.title} (${
      (activityKindLabels[activity.kind] ?? "activity").toLowerCase()})`;
  }
  const document = context.documents.find((d) => d.name === source);
  return document ? `Document: ${document.title}` : "A source no longer listed";
}

// The outbox's figures, kept up to date as it changes.
function useOutbox(engagement: string): { status: OutboxStatus | null; entries: OutboxEntry[] } {
  const [state, setState] = useState<{ status: OutboxStatus | null; entries: OutboxEntry[] }>(
    { status: null, entries: [] });
  useLayoutEffect(() => {
    let live = true;
    const read = () => void Promise.all([outboxStatus(), entriesOf(engagement)])
      .then(([status, entries]) => { if (live) setState({ status, entries }); });
    read();
    const stop = watchOutbox(read);
    return () => { live = false; stop(); };
  }, [engagement]);
  return state;
}

// How many notes wait in this browser and when the last upload was.
export function OutboxLine({ status }: { status: OutboxStatus | null }) {
  if (!status) return null;
  const last = status.lastUpload
    ? `Last upload ${formatMoment(status.lastUpload)}.`
    : "Nothing uploaded from this browser yet.";
  const waiting = status.waiting === 0 ? "No notes are waiting to upload."
    : `${status.waiting} ${status.waiting === 1 ? "note is" : "notes are"} waiting to upload${
        status.stoppedBy ? ` (${status.stoppedBy.toLowerCase()})` : ""}.`;
  return (
    <div class="govuk-inset-text" role="status">
      <p class="govuk-body govuk-!-margin-bottom-1"><strong>{waiting}</strong></p>
      {status.setAside > 0 && (
        <p class="govuk-body govuk-!-margin-bottom-1">
          {status.setAside} could not be uploaded and {status.setAside === 1 ? "needs" : "need"} you:
          see the notes list.
        </p>
      )}
      <p class="govuk-body govuk-!-margin-bottom-0">{last}</p>
    </div>
  );
}

// Tags chosen by typing a number ("3.2") or a word of the statement.
function TagPicker({ tags, setTags, choices, errors }: {
  tags: string[]; setTags: (tags: string[]) => void; choices: NoteContext["tags"];
  errors: FieldErrors;
}) {
  const [typed, setTyped] = useState("");
  const [said, setSaid] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const word = typed.trim().toLowerCase();
  const matches = word === "" ? [] : choices.filter((c) => !tags.includes(c.code) &&
    (c.code === word || c.code.startsWith(`${word}.`) || c.text.toLowerCase().includes(word)))
    .slice(0, 6);
  // Adding or removing takes away the button pressed: the focus goes back
  // to the box, and what happened is said.
  const add = (code: string) => {
    setTags([...tags, code]);
    setTyped("");
    setSaid(`Added ${code}`);
    input.current?.focus();
  };
  const remove = (code: string) => {
    setTags(tags.filter((t) => t !== code));
    setSaid(`Removed ${code}`);
    input.current?.focus();
  };
  const textOf = (code: string) => choices.find((c) => c.code === code)?.text ?? "";
  return (
    <Field id="tags" label="Principles or statements it speaks to (optional)" errors={errors}
           hint="Type a number, such as 3.2, or a word, then choose from the list.">
      {(described, error) => (<>
      {tags.length > 0 && (
        <ul class="govuk-list app-tags">
          {tags.map((code) => (
            <li key={code}>
              <strong>{code}</strong> {textOf(code)}{" "}
              <button type="button" class="govuk-button govuk-button--secondary app-small-button"
                      onClick={() => remove(code)}>
                Remove<span class="govuk-visually-hidden"> {code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input class={`govuk-input govuk-!-width-one-half${error ? " govuk-input--error" : ""}`}
             id="tags" type="text" value={typed} autocomplete="off" spellcheck={false} ref={input}
             aria-describedby={described}
             onInput={(e) => { setTyped((e.target as HTMLInputElement).value); setSaid(""); }}
             onKeyDown={(e) => {
               if (e.key === "Enter") {
                 e.preventDefault();
                 if (matches[0]) add(matches[0].code);
               }
             }} />
      <p class="govuk-visually-hidden" aria-live="polite">
        {said || (word === "" ? "" : `${matches.length || "No"} ${
          matches.length === 1 ? "match" : "matches"}`)}
      </p>
      {word !== "" && (
        matches.length === 0
          ? <p class="govuk-body-s govuk-!-margin-top-2">No principle or statement matches.</p>
          : (
            <ul class="govuk-list govuk-!-margin-top-2">
              {matches.map((c) => (
                <li key={c.code}>
                  <button type="button" class="govuk-button govuk-button--secondary app-small-button"
                          onClick={() => add(c.code)}>
                    Add {c.code}<span class="govuk-visually-hidden">:</span>
                  </button>{" "}{c.text}
                </li>
              ))}
            </ul>
          )
      )}
      </>)}
    </Field>
  );
}

// The sources a note may name, for a "Heard or seen at" choice: the
// activities not cancelled (and `chosen`, even if it was) by day and time,
// and the documents.
function sourceGroups(context: NoteContext, chosen: string): [string, [string, string][]][] {
  const activities = context.activities.filter((a) => !a.cancelled || a.name === chosen)
    .sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
  return [["Activities", activities.map((a) => [a.name, sourceLabel(context, a.name)])],
          ["Documents", context.documents.map((d) => [d.name, d.title])]];
}

// The source of a note, as its fields name it.
const sourceOf = (fields: NoteFields) => fields.activity || fields.document;
const withSource = (fields: NoteFields, source: string): NoteFields => {
  const isDocument = source.includes("/documents/");
  return { ...fields, activity: isDocument ? "" : source, document: isDocument ? source : "" };
};

// The fields of a note, as the capture form and the change form ask them.
// Its problems go to `setErrors`, for the page's summary above its heading.
function NoteForm({ context, initial, submitLabel, onSave, errors, setErrors }: {
  context: NoteContext; initial: NoteFields; submitLabel: string;
  onSave: (fields: NoteFields) => Promise<void>;
  errors: FieldErrors; setErrors: (errors: FieldErrors) => void;
}) {
  const [source, setSource] = useState(sourceOf(initial));
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [polarity, setPolarity] = useState<Polarity>(initial.polarity);
  const [text, setText] = useState(initial.text);
  const [saving, setSaving] = useState(false);
  const textBox = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!source) found["source"] = "Choose where it was heard or seen";
    if (!text.trim()) found["text"] = "Enter what was said or seen";
    else if (text.length > 10000) found["text"] = "A note can be at most 10,000 characters";
    if (polarity === Polarity.UNSPECIFIED) found["polarity"] = "Choose whether it is for or against";
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      await onSave(withSource({ text: text.trim(), tags, polarity, activity: "", document: "" },
                              source));
      setText("");
      setTags([]);
      setPolarity(Polarity.UNSPECIFIED);
      textBox.current?.querySelector("textarea")?.focus();
    } catch (error) {
      setErrors({ "": error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Choice id="source" label="Heard or seen at" value={source} onChange={setSource}
              errors={errors} options={[]} groups={sourceGroups(context, source)} />
      <div ref={textBox}>
        <TextArea id="text" label="What was said or seen" value={text} onInput={setText}
                  errors={errors} rows={6} />
      </div>
      <Radios id="polarity" legend="Is it for or against the benchmark?" value={polarity}
              onChange={setPolarity} errors={errors}
              options={[[Polarity.POSITIVE, "For: it shows the statement holds"],
                        [Polarity.NEGATIVE, "Against: it shows the statement does not hold"]]} />
      <TagPicker tags={tags} setTags={setTags} choices={context.tags} errors={errors} />
      <button type="submit" class="govuk-button" data-module="govuk-button" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}

// Capture: each note is kept in this browser at once; the form stays, with
// its source, ready for the next.
export function NewNotePage({ id }: { id: string }) {
  const engagement = `engagements/${id}`;
  const outcome = useNoteContext(id);
  const { status } = useOutbox(engagement);
  const [savedAt, setSavedAt] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") {
    return <Problem message={`${outcome.problem} Open this page once with a connection, and it ` +
                             "works without one afterwards."} />;
  }
  const context = outcome.value;
  const preset = queryParam("source") || sessionStorage.getItem(`note-source ${engagement}`) || "";
  const initial: NoteFields = {
    text: "", tags: [], polarity: Polarity.UNSPECIFIED,
    activity: preset.includes("/activities/") ? preset : "",
    document: preset.includes("/documents/") ? preset : "",
  };
  return (
    <>
      <BackLink href={`/app/${engagement}/notes`}>Back to the notes</BackLink>
      <ErrorSummary errors={errors} firstField="source" />
      <span class="govuk-caption-l">{context.partnershipName}</span>
      <h1 class="govuk-heading-l">Add a note</h1>
      {savedAt > 0 && (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
             aria-labelledby="saved-title">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="saved-title">Success</h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">
              Your note is saved ({new Date(savedAt).toLocaleTimeString(
                "en-GB", { hour: "2-digit", minute: "2-digit" })}).
            </p>
          </div>
        </div>
      )}
      <OutboxLine status={status} />
      <NoteForm context={context} initial={initial} submitLabel="Save the note"
                errors={errors} setErrors={setErrors}
                onSave={async (fields) => {
                  sessionStorage.setItem(`note-source ${engagement}`,
                                         fields.activity || fields.document);
                  await keep({ engagement, requestId: newRequestId(), name: "", etag: "", fields,
                               paths: [] });
                  setSavedAt(Date.now());
                }} />
    </>
  );
}

function NoteFieldsView({ context, fields }: { context: NoteContext; fields: NoteFields }) {
  return (
    <>
      <p class="govuk-body app-pre-line govuk-!-margin-bottom-1">{fields.text}</p>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <strong class={`govuk-tag govuk-tag--${fields.polarity === Polarity.NEGATIVE
          ? "orange" : "green"}`}>{polarityLabels[fields.polarity] ?? "Not said"}</strong>{" "}
        {fields.tags.length ? `Speaks to ${fields.tags.join(", ")}. ` : ""}
        {sourceLabel(context, fields.activity || fields.document)}
      </p>
    </>
  );
}

// A note not uploaded: waiting, or set aside with why; a conflicting change
// shown beside the server's version, to keep one or the other.
function HeldNote({ context, entry }: { context: NoteContext; entry: OutboxEntry }) {
  const [problem, setProblem] = useState("");
  const mine = async () => {
    try {
      const now = await evidence.getNote({ name: entry.name });
      await retry(entry.seq ?? -1, { etag: now.etag });
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const written = formatMoment(entry.writtenAt);
  return (
    <li>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        {entry.name ? "A change to a note" : "A new note"}, written {written}
      </h3>
      {!entry.problem && <NoteFieldsView context={context} fields={entry.fields} />}
      {entry.problem && entry.theirs && (
        <>
          <p class="govuk-body">Someone changed this note since you read it.</p>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <h4 class="govuk-heading-s">Your version</h4>
              <NoteFieldsView context={context} fields={applied(entry.theirs, entry)} />
            </div>
            <div class="govuk-grid-column-one-half">
              <h4 class="govuk-heading-s">The version saved now</h4>
              <NoteFieldsView context={context} fields={entry.theirs} />
            </div>
          </div>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary"
                    onClick={() => void mine()}>
              Keep your version<span class="govuk-visually-hidden"> of the change written {
                written}</span>
            </button>
            <button type="button" class="govuk-button govuk-button--secondary"
                    onClick={() => void discard(entry.seq ?? -1)}>
              Keep the version saved now<span class="govuk-visually-hidden"> instead of the
                change written {written}</span>
            </button>
          </div>
          {problem && <p class="govuk-error-message" role="alert">{problem}</p>}
        </>
      )}
      {entry.problem && !entry.theirs && (
        <>
          <NoteFieldsView context={context} fields={entry.fields} />
          <p class="govuk-error-message">It could not be uploaded: {entry.problem}</p>
          {!offered(context, sourceOf(entry.fields)) &&
            <SourceRetry context={context} entry={entry} />}
          <ConfirmButton label={<>Delete it from this browser<span class="govuk-visually-hidden">
                           : the {entry.name ? "change" : "note"} written {written}</span></>}
                         confirm="Yes, delete it" act={() => discard(entry.seq ?? -1)} />
        </>
      )}
    </li>
  );
}

// Whether a note may name `source` now (an activity not cancelled, or a
// document).
const offered = (context: NoteContext, source: string) =>
  context.activities.some((a) => a.name === source && !a.cancelled) ||
  context.documents.some((d) => d.name === source);

// A note refused because the source it names is no longer offered (its
// activity was cancelled), sent again from the source the person picks.
function SourceRetry({ context, entry }: { context: NoteContext; entry: OutboxEntry }) {
  const [picked, setPicked] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLDivElement>(null);
  const id = `source-${entry.seq ?? 0}`;
  const refuse = (problem: string) => {
    setErrors({ [id]: problem });
    field.current?.querySelector("select")?.focus();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!picked) return refuse("Choose where it was heard or seen");
    setSending(true);
    try {
      const queued = await retry(entry.seq ?? -1, {
        fields: withSource(entry.fields, picked),
        paths: entry.name ? [...new Set([...entry.paths, "activity" as const, "document" as const])]
                          : entry.paths,
      });
      if (!queued) refuse("It has changed in another tab or window: reload this page");
    } catch (error) {
      refuse(problemOf(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div ref={field}>
        <Choice id={id} label="Heard or seen at" value={picked} onChange={setPicked}
                errors={errors}
                hint="Its activity was cancelled. Pick another source, then upload it again."
                options={[]} groups={sourceGroups(context, "")} />
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary"
              data-module="govuk-button" disabled={sending}>
        Upload it again<span class="govuk-visually-hidden">: the {entry.name ? "change" : "note"}
          {" "}written {formatMoment(entry.writtenAt)}</span>
      </button>
    </form>
  );
}

type NoteFilters = { q: string; tag: string; polarity: string; source: string; author: string;
                     day: string };

function filterOf(f: NoteFilters): string {
  return [
    f.tag && `tag = "${f.tag.replace(/["\\]/g, "")}"`,
    f.polarity && `polarity = ${f.polarity}`,
    f.source && `source = ${f.source}`,
    f.author && `author = "${f.author}"`,
    f.day && `day = ${f.day}`,
  ].filter(Boolean).join(" AND ");
}


// The filters the address asks for.
function filtersAsked(): NoteFilters {
  return {
    q: queryParam("q"), tag: queryParam("tag"), polarity: queryParam("polarity"),
    source: queryParam("source"), author: queryParam("author"), day: queryParam("day"),
  };
}

// The server's page of notes the address asks for, read again whenever this
// browser has uploaded a note (`uploaded` counts them).
const listKey = (id: string, uploaded: number) =>
  `notes ${id}|${window.location.search}|${uploaded}`;
const listOf = (id: string) => () => {
  const filters = filtersAsked();
  return evidence.listNotes({ parent: `engagements/${id}`, pageSize, pageToken: pageToken(),
                              filter: filterOf(filters), query: filters.q });
};

// Started as the app opens, with the capture context, so that the list is
// drawn as soon as it knows who is signed in.
export function listNotesEarly(id: string): void {
  startEarly(listKey(id, 0), listOf(id));
  startContextEarly(id);
}

// The notes of an engagement: those still in this browser first, then the
// server's, searched and filtered as the API allows.
export function NotesPage({ id }: { id: string }) {
  const engagement = `engagements/${id}`;
  const filters = filtersAsked();
  // The filter form's fields as typed, sent as the page's query.
  const [asked, setAsked] = useState(filters);
  const ask = (key: keyof NoteFilters) => (value: string) => setAsked({ ...asked, [key]: value });
  const outcome = useNoteContext(id);
  const { status, entries } = useOutbox(engagement);
  // The server's page, read again whenever this browser uploads a note, and
  // the last one shown meanwhile.
  const listed = useCall(listOf(id), listKey(id, status?.uploaded ?? 0));
  const shown = useRef<{ notes: Note[]; next: string; problem: string } | null>(null);
  if (listed.state === "done") {
    shown.current = { notes: listed.value.notes, next: listed.value.nextPageToken, problem: "" };
  } else if (listed.state === "failed") {
    shown.current = { notes: [], next: "", problem: listed.problem };
  }
  if (outcome.state === "loading" || !shown.current) return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const context = outcome.value;
  const { notes, next, problem } = shown.current;
  const authorOf = (peer: string) => context.team.find((m) => m.peer === peer)?.name ?? "A peer";
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <BackLink href={`/app/${engagement}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{context.partnershipName}</span>
      <h1 class="govuk-heading-l">Evidence notes</h1>
      <a href={`/app/${engagement}/notes/new`} role="button" draggable={false}
         class="govuk-button" data-module="govuk-button">Add a note</a>
      <OutboxLine status={status} />
      {entries.length > 0 && (
        <>
          <h2 class="govuk-heading-m">In this browser, not uploaded yet</h2>
          <ul class="govuk-list app-timeline">
            {entries.map((e) => <HeldNote key={e.seq} context={context} entry={e} />)}
          </ul>
        </>
      )}
      <h2 class="govuk-heading-m">Notes on the server</h2>
      <details class="govuk-details" open={filtered}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Search and filter the notes</span>
        </summary>
        <div class="govuk-details__text">
      <form method="get" class="app-filters" action={`/app/${engagement}/notes`}>
        <TextField id="q" label="Words in the note" type="search" value={asked.q}
                   onInput={ask("q")} errors={{}}
                   hint="Every word must occur; meet* finds meet, meeting…" />
        <TextField id="tag" label="Principle or statement" width="5" value={asked.tag}
                   onInput={ask("tag")} errors={{}} />
        <Choice id="polarity" label="For or against" value={asked.polarity} empty="Any"
                onChange={ask("polarity")} errors={{}}
                options={[["POSITIVE", "For"], ["NEGATIVE", "Against"]]} />
        <Choice id="source" label="Source" value={asked.source} empty="Any"
                onChange={ask("source")} errors={{}} options={sourceKinds} />
        <Choice id="author" label="Written by" value={asked.author} empty="Any"
                onChange={ask("author")} errors={{}}
                options={context.team.map((m) => [m.peer, m.name])} />
        <Choice id="day" label="Fieldwork day" value={asked.day} empty="Any"
                onChange={ask("day")} errors={{}}
                options={[["1", "Day 1"], ["2", "Day 2"], ["3", "Day 3"]]} />
        <button type="submit" class="govuk-button govuk-button--secondary">Show notes</button>
        {filtered && (
          <p class="govuk-body"><a class="govuk-link" href={`/app/${engagement}/notes`}>
            Clear the search</a></p>
        )}
      </form>
        </div>
      </details>
      {problem ? <p class="govuk-body" role="alert">{problem}</p>
        : notes.length === 0 ? <p class="govuk-body">{filtered ? "No note matches." : "No notes yet."}</p>
        : (
          <ul class="govuk-list app-timeline">
            {notes.map((n) => (
              <li key={n.name}>
                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                  {authorOf(n.author)}, {formatTime(n.createTime)}
                </h3>
                <NoteFieldsView context={context} fields={n} />
                <a class="govuk-link" href={`/app/${n.name}`}>
                  Change<span class="govuk-visually-hidden"> the note by {authorOf(n.author)}
                  of {formatTime(n.createTime)}</span></a>
              </li>
            ))}
          </ul>
        )}
      <Pagination nextPageToken={next} />
    </>
  );
}

// Changing one note: the change is kept in this browser and uploaded with
// the etag it was made from.
export function NotePage({ id, note }: { id: string; note: string }) {
  const engagement = `engagements/${id}`;
  const name = `${engagement}/notes/${note}`;
  const [errors, setErrors] = useState<FieldErrors>({});
  const outcome = useCall(async () => {
    const [context, current, waiting] = await Promise.all([
      loadContext(id), evidence.getNote({ name }), waitingEdit(name)]);
    return { context, note: current, waiting };
  }, `${id}/${note}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { context, note: current, waiting } = outcome.value;
  // A change still waiting to upload is shown as made; another merges in.
  const saved: NoteFields = { text: current.text, tags: [...current.tags],
                              polarity: current.polarity, activity: current.activity,
                              document: current.document };
  const fields = waiting ? applied(saved, waiting) : saved;
  return (
    <>
      <BackLink href={`/app/${engagement}/notes`}>Back to the notes</BackLink>
      <ErrorSummary errors={errors} firstField="source" />
      <span class="govuk-caption-l">{context.partnershipName}</span>
      <h1 class="govuk-heading-l">Change a note</h1>
      <NoteForm context={context} initial={fields} submitLabel="Save the change"
                errors={errors} setErrors={setErrors}
                onSave={async (changed) => {
                  const paths = (Object.keys(changed) as (keyof NoteFields)[]).filter((k) =>
                    JSON.stringify(changed[k]) !== JSON.stringify(fields[k]));
                  if (paths.length) {
                    await keep({ engagement, requestId: "", name: current.name,
                                 etag: current.etag, fields: changed, paths });
                  }
                  go(`/app/${engagement}/notes`, paths.length ? "Your change is saved"
                    : "Nothing was changed");
                }} />
    </>
  );
}
