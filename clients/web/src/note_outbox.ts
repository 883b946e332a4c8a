// Evidence notes written in this browser wait here, in IndexedDB, until the
// server has them: written at once whatever the network, kept through a
// closed tab or a restarted browser, and uploaded once each and in the order
// written, as `hcctl sync` uploads its queue.
//
// Exactly once: a new note's request_id is fixed when it is written, so a
// create whose reply was lost is sent again and the server replays the note
// it made. An edit carries the etag it was made from; ABORTED (the note has
// changed) is success when the note already holds the edit (this edit, its
// reply lost), and otherwise a conflict, set aside with the server's version
// for the person to resolve, never overwritten.
//
// A failure that says nothing of the entry (no network, the server away or
// busy, the session ended) stops the upload and keeps every entry; any other
// refusal is the entry's own and sets it aside with the reason.
//
// Entries belong to the person who wrote them (`owner`, users/...): only
// theirs are shown and uploaded in their session, and signing out deletes
// them (see discardOwn).
//
// Beside them is what the capture form needs with no network (NoteContext:
// the engagement's activities, documents, team and benchmark statements),
// kept from the last time it was read, and also deleted at sign-out.
import { Code, ConnectError } from "@connectrpc/connect";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { evidence, isOffline, problemOf, users } from "./api";
import type { Note } from "./gen/healthcheck/v1/evidence_pb";
import type { Polarity } from "./gen/healthcheck/v1/framework_pb";

export type NoteFields = {
  text: string;
  tags: string[];
  polarity: Polarity;
  activity: string; // engagements/{e}/activities/{a}, or ""
  document: string; // engagements/{e}/documents/{d}, or ""
};

export type OutboxEntry = {
  seq?: number; // the order written (IndexedDB's key)
  owner: string; // users/{user}
  engagement: string; // engagements/{engagement}
  // A new note: its request_id. An edit: the note's name and the etag it
  // was edited from, with the fields it changes.
  requestId: string;
  name: string;
  etag: string;
  fields: NoteFields;
  paths: (keyof NoteFields)[];
  writtenAt: number; // ms since the epoch
  // Counts the changes to the entry (an edit merged in, a conflict resolved),
  // so that an upload under way can tell its entry changed while it was sent.
  revision: number;
  // Set aside: why, and for a conflicting edit the server's version.
  problem: string;
  theirs?: NoteFields;
};

// What writing a note about an engagement needs to know, as plain data.
export type NoteContext = {
  engagement: string;
  owner: string;
  partnershipName: string;
  activities: { name: string; title: string; day: number; start: string; kind: number;
                cancelled: boolean }[];
  documents: { name: string; title: string }[];
  team: { peer: string; name: string }[];
  // The benchmark's principles and statements: "3" or "3.2", and its words.
  tags: { code: string; text: string }[];
  savedAt: number;
};

interface OutboxSchema extends DBSchema {
  entries: { key: number; value: OutboxEntry; indexes: { owner: string } };
  meta: { key: string; value: number };
  contexts: { key: string; value: NoteContext };
}

export type OutboxStatus = {
  waiting: number;
  setAside: number;
  lastUpload: number | null; // ms since the epoch
  // Notes this page has uploaded, so that it knows to read the list again.
  uploaded: number;
  // Why the last upload stopped, in words ("" when it ran to the end).
  stoppedBy: string;
};

let database: Promise<IDBPDatabase<OutboxSchema>> | null = null;
function db(): Promise<IDBPDatabase<OutboxSchema>> {
  database ??= openDB<OutboxSchema>("healthcheck-notes", 1, {
    upgrade(d) {
      d.createObjectStore("entries", { keyPath: "seq", autoIncrement: true })
        .createIndex("owner", "owner");
      d.createObjectStore("meta");
      d.createObjectStore("contexts", { keyPath: "engagement" });
    },
  });
  return database;
}

let owner = "";
let stoppedBy = "";
let signedOut = false;
let uploaded = 0;
const channelName = "healthcheck-session";
const lockName = "healthcheck-notes-upload";
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

// Tells `listener` of every change to the outbox; returns how to stop.
export function watchOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The signed-in person's entries, oldest first.
export async function entriesOf(engagement?: string): Promise<OutboxEntry[]> {
  const all = await (await db()).getAllFromIndex("entries", "owner", owner);
  return all.filter((e) => !engagement || e.engagement === engagement)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function outboxStatus(): Promise<OutboxStatus> {
  const entries = await entriesOf();
  const lastUpload = (await (await db()).get("meta", `lastUpload ${owner}`)) ?? null;
  const setAside = entries.filter((e) => e.problem).length;
  return { waiting: entries.length - setAside, setAside, lastUpload, stoppedBy, uploaded };
}

// The waiting edit of `name`, if one is kept: a change page shows it, and a
// further change merges into it.
export async function waitingEdit(name: string): Promise<OutboxEntry | null> {
  return (await entriesOf()).find((e) => e.name === name && !e.problem) ?? null;
}

export type NewEntry = Pick<OutboxEntry, "engagement" | "requestId" | "name" | "etag" | "fields" |
                                         "paths">;

// Keeps a new note or an edit; resolves once it is on disk. An edit of a
// note that already has an edit waiting merges into that one (keeping the
// etag it was first made from).
export async function keep(entry: NewEntry): Promise<void> {
  const d = await db();
  const tx = d.transaction("entries", "readwrite");
  const mine = entry.name ? await tx.store.index("owner").getAll(owner) : [];
  const earlier = mine.find((e) => e.name === entry.name && !e.problem);
  if (earlier) {
    await tx.store.put({ ...earlier, fields: { ...earlier.fields, ...entry.fields },
                         paths: [...new Set([...earlier.paths, ...entry.paths])],
                         revision: earlier.revision + 1 });
  } else {
    await tx.store.add({ ...entry, owner, writtenAt: Date.now(), revision: 0, problem: "" });
  }
  await tx.done;
  changed();
  void upload();
}

// A set-aside entry queued again with `change`, in the order written
// (entries written after it may be on the server already): a conflicting
// edit kept after all (from the etag the note has now), or a refused note
// given another source (the activity it named was cancelled). False if the
// entry is no longer set aside (resolved in another tab, or gone).
export async function retry(seq: number,
                            change: Partial<Pick<OutboxEntry, "etag" | "fields" | "paths">>):
    Promise<boolean> {
  const d = await db();
  const tx = d.transaction("entries", "readwrite");
  const entry = await tx.store.get(seq);
  const queued = entry?.owner === owner && entry.problem !== "";
  if (entry && queued) {
    await tx.store.put({ ...entry, ...change, problem: "", theirs: undefined,
                         revision: entry.revision + 1 });
  }
  await tx.done;
  changed();
  void upload();
  return queued;
}

// Drops one of the person's set-aside entries (after they resolved it).
export async function discard(seq: number): Promise<void> {
  const d = await db();
  const entry = await d.get("entries", seq);
  if (entry?.owner === owner) await d.delete("entries", seq);
  changed();
}

export async function saveContext(context: Omit<NoteContext, "owner" | "savedAt">):
    Promise<void> {
  await (await db()).put("contexts", { ...context, owner, savedAt: Date.now() });
}

// The context last saved for `engagement`, whoever saved it: a read that
// may start as the app opens, before it knows who is signed in.
export async function readContext(engagement: string): Promise<NoteContext | undefined> {
  return (await db()).get("contexts", engagement);
}

// The context last saved for `engagement` by this person, if any; from
// `read` when one was started early.
export async function savedContext(engagement: string, read = readContext(engagement)):
    Promise<NoteContext | null> {
  const found = await read;
  return found?.owner === owner ? found : null;
}

// At sign-out: deletes everything this person keeps here, and tells the
// app's other tabs, which then stop uploading and reload.
export async function discardOwn(): Promise<void> {
  const d = await db();
  const tx = d.transaction(["entries", "meta", "contexts"], "readwrite");
  for (const key of await tx.objectStore("entries").index("owner").getAllKeys(owner)) {
    await tx.objectStore("entries").delete(key);
  }
  await tx.objectStore("meta").delete(`lastUpload ${owner}`);
  for (const context of await tx.objectStore("contexts").getAll()) {
    if (context.owner === owner) await tx.objectStore("contexts").delete(context.engagement);
  }
  await tx.done;
  signedOut = true;
  new BroadcastChannel(channelName).postMessage("signed-out");
  changed();
}

// A failure that says nothing of the entry itself (no network, the server
// away, busy or too slow, the page leaving, the session over): try again
// later, in words for the page; "" for a refusal of the entry itself.
function transient(error: unknown): string {
  if (isOffline(error) || !(error instanceof ConnectError)) return "No connection";
  switch (error.code) {
    case Code.Unavailable:
    case Code.DeadlineExceeded:
    case Code.ResourceExhausted:
    case Code.Canceled:
      return "No connection";
    case Code.Unauthenticated:
      return "Signed out: sign in again to upload";
    default:
      return "";
  }
}

// `base` with the edit's own fields (those it changes) put over it: how the
// note reads once the edit is made.
export function applied(base: NoteFields, edit: OutboxEntry): NoteFields {
  return { ...base, ...Object.fromEntries(edit.paths.map((path) => [path, edit.fields[path]])) };
}

function holds(note: NoteFields, entry: OutboxEntry): boolean {
  return entry.paths.every((path) =>
    JSON.stringify(note[path]) === JSON.stringify(entry.fields[path]));
}

function fieldsOf(note: Note): NoteFields {
  const { text, tags, polarity, activity, document } = note;
  return { text, tags: [...tags], polarity, activity, document };
}

// Sends one entry; returns the server's note.
async function send(entry: OutboxEntry): Promise<Note> {
  if (!entry.name) {
    return evidence.createNote({ parent: entry.engagement, note: entry.fields,
                                 requestId: entry.requestId });
  }
  try {
    return await evidence.updateNote({
      note: { ...entry.fields, name: entry.name, etag: entry.etag },
      updateMask: { paths: entry.paths } });
  } catch (error) {
    if (!(error instanceof ConnectError) || error.code !== Code.Aborted) throw error;
    const now = await evidence.getNote({ name: entry.name });
    if (holds(fieldsOf(now), entry)) return now;
    throw Object.assign(error, { theirs: fieldsOf(now) });
  }
}

// After sending `sent`: done, unless the entry changed meanwhile (an edit
// merged in, or deleted): then a changed edit goes again from the note's
// new etag, and a deleted one stays deleted.
async function settle(sent: OutboxEntry, outcome: { note: Note } | { problem: string;
                                                                   theirs?: NoteFields }) {
  const d = await db();
  const tx = d.transaction(["entries", "meta"], "readwrite");
  const entries = tx.objectStore("entries");
  const now = await entries.get(sent.seq ?? -1);
  if (now && "note" in outcome) {
    if (now.revision === sent.revision) await entries.delete(sent.seq ?? -1);
    else await entries.put({ ...now, etag: outcome.note.etag });
    await tx.objectStore("meta").put(Date.now(), `lastUpload ${owner}`);
    uploaded += 1;
  } else if (now && now.revision === sent.revision && "problem" in outcome) {
    await entries.put({ ...now, problem: outcome.problem, theirs: outcome.theirs });
  }
  await tx.done;
  changed();
}

// Why this tab may not upload now ("" when it may): the session it would
// upload with must still be the owner's, as another tab may have signed
// out and someone else in.
async function whyNot(): Promise<string> {
  if (signedOut) return "Signed out";
  try {
    const me = await users.getUser({ name: "users/me" });
    return me.name === owner ? "" : "Signed in as someone else";
  } catch (error) {
    return transient(error) || problemOf(error);
  }
}

let running: Promise<void> | null = null;
let again = false;

// Uploads the person's waiting entries in order: one upload at a time in
// this browser (a lock shared by its tabs), each entry sent until the server
// has it or refuses it. Asked while one runs, it runs once more after.
export function upload(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = navigator.locks.request(lockName, async () => {
    const waiting = (await entriesOf()).filter((e) => !e.problem);
    if (!waiting.length) return;
    stoppedBy = await whyNot();
    if (stoppedBy) return;
    for (const entry of waiting) {
      let note: Note;
      try {
        note = await send(entry);
      } catch (error) {
        stoppedBy = transient(error);
        if (stoppedBy) return;
        await settle(entry, { problem: ConnectError.from(error).rawMessage,
                              theirs: (error as { theirs?: NoteFields }).theirs });
        continue;
      }
      await settle(entry, { note });
    }
    stoppedBy = "";
  }).catch(() => undefined).then(() => {
    running = null;
    changed();
    if (again) {
      again = false;
      void upload();
    }
  });
  return running;
}

// Starts the outbox for the signed-in person (once; later calls do
// nothing): uploads now, when the browser is back online, and every 30
// seconds while anything waits. A sign-out in another tab reloads this one.
export function startOutbox(user: string): void {
  if (owner) return;
  owner = user;
  window.addEventListener("online", () => void upload());
  setInterval(() => {
    void outboxStatus().then((s) => { if (s.waiting) void upload(); });
  }, 30000);
  new BroadcastChannel(channelName).onmessage = () => {
    if (signedOut) return; // this tab's own sign-out
    signedOut = true;
    window.location.reload();
  };
  void upload();
}
