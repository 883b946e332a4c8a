#include "clients/cli/note_commands.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/errors.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/filter_terms.h"
#include "clients/cli/grpc_note_uploader.h"
#include "clients/cli/names.h"
#include "clients/cli/note_queue.h"
#include "clients/cli/note_sync.h"
#include "clients/cli/note_views.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/text_input.h"
#include "clients/cli/values.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

// The command that prints notes' names, for usage errors.
constexpr char kLister[] = "hcctl notes list";

// The fields bound to flags as they are; the source and the text are set
// by ApplySource and ReadText.
std::vector<FieldFlag> NoteFields() {
  return {
      {"polarity", "polarity", "polarity",
       "Evidence for (positive) or against (negative) the benchmark."},
      {"tag", "tags", "tags",
       "A principle or statement code of the benchmark, e.g. 3 or 3.2 (at "
       "most 20)."},
  };
}

std::vector<FlagSpec> SourceFlags() {
  return {
      {"activity", "ACTIVITY",
       "The activity the note comes from, as hcctl activities list prints "
       "it."},
      {"document", "DOCUMENT",
       "The document the note comes from, as hcctl documents list prints "
       "it."},
  };
}

FlagSpec OfflineFlag() {
  return {"offline", "",
          "Queue the write without trying the server (see hcctl sync)."};
}

absl::StatusOr<std::string> NoteName(absl::string_view text) {
  return EngagementChildName(kNotes, "NOTE", kLister, text);
}

// Sets the note's source from --activity or --document (clearing the
// other, since a note has exactly one). Returns whether one was given, or a
// usage error for both or a malformed name.
absl::StatusOr<bool> ApplySource(const FlagValues& flags, v1::Note& note) {
  if (flags.Has("activity") && flags.Has("document")) {
    return UsageError("give --activity or --document, not both");
  }
  if (flags.Has("activity")) {
    absl::StatusOr<std::string> activity =
        EngagementChildName(kActivities, "--activity", "hcctl activities list",
                            flags.Get("activity"));
    if (!activity.ok()) return activity.status();
    note.set_activity(*activity);
    note.clear_document();
    return true;
  }
  if (flags.Has("document")) {
    absl::StatusOr<std::string> document =
        EngagementChildName(kDocuments, "--document", "hcctl documents list",
                            flags.Get("document"));
    if (!document.ok()) return document.status();
    note.set_document(*document);
    note.clear_activity();
    return true;
  }
  return false;
}

// Applies the field flags of `notes edit` to `note` and returns the mask
// paths they set: changing the source names both activity and document.
absl::StatusOr<std::vector<std::string>> ApplyEditFlags(const FlagValues& flags,
                                                        v1::Note& note) {
  if (flags.IsOn("clear-tags") && flags.Has("tag")) {
    return UsageError("give --tag or --clear-tags, not both");
  }
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(NoteFields(), flags, note);
  if (!paths.ok()) return paths;
  if (flags.IsOn("clear-tags")) {
    note.clear_tags();
    paths->push_back("tags");
  }
  absl::StatusOr<bool> source = ApplySource(flags, note);
  if (!source.ok()) return source.status();
  if (*source) {
    paths->push_back("activity");
    paths->push_back("document");
  }
  return paths;
}

// Whether `notes edit` replaces the text: with --file, or when no other
// field is given (then from standard input or the editor). A field flag
// alone leaves the text as it is.
bool EditsText(const FlagValues& flags) {
  if (flags.Has("file")) return true;
  return !absl::c_any_of(
      std::vector<std::string>{"tag", "clear-tags", "polarity", "activity",
                               "document"},
      [&](const std::string& flag) { return flags.Has(flag); });
}

// The mask paths whose values differ between `before` and `after`.
std::vector<std::string> ChangedPaths(const v1::Note& before,
                                      const v1::Note& after) {
  v1::UpdateNoteRequest probe;
  *probe.mutable_note() = after;
  std::vector<std::string> paths;
  for (const char* path :
       {"text", "tags", "polarity", "activity", "document"}) {
    probe.mutable_update_mask()->clear_paths();
    probe.mutable_update_mask()->add_paths(path);
    if (!HasEdit(before, probe)) paths.push_back(path);
  }
  return paths;
}

absl::StatusOr<std::unique_ptr<NoteQueue>> OpenQueue() {
  absl::StatusOr<std::filesystem::path> dir = DefaultNoteQueueDir();
  if (!dir.ok()) return dir.status();
  return NoteQueue::Open(*dir);
}

// Queues `write` and says so on stderr; the command then succeeds.
absl::Status Enqueue(const Invocation& invocation, NoteQueue& queue,
                     NoteWrite write, absl::string_view why) {
  absl::StatusOr<QueuedNote> entry = queue.Append(std::move(write));
  if (!entry.ok()) return entry.status();
  invocation.err << "queued: " << why << "; run `hcctl sync` ("
                 << QueuedNoteName(entry->sequence) << ")\n";
  return absl::OkStatus();
}

constexpr char kUnreachable[] = "server unreachable";

absl::Status ShowNote(const Invocation& invocation, const v1::Note& note) {
  return Show(invocation, note, NoteText(note));
}

// Appends a create behind the writes already waiting, then syncs the
// queue: the new note never overtakes them. Shows the note if it was
// uploaded.
absl::Status AddBehindQueue(const Invocation& invocation, NoteQueue& queue,
                            v1::CreateNoteRequest request) {
  absl::StatusOr<QueuedNote> entry = queue.Append(std::move(request));
  if (!entry.ok()) return entry.status();
  GrpcNoteUploader uploader(invocation.connection);
  absl::StatusOr<SyncReport> report = SyncNotes(queue, uploader);
  if (!report.ok()) return report.status();
  invocation.err << SyncReportText(*report);
  const std::string name = QueuedNoteName(entry->sequence);
  for (const auto& [sequence, note] : report->uploaded) {
    if (sequence == entry->sequence) return ShowNote(invocation, note);
  }
  for (const QueuedNote& set_aside : report->set_aside) {
    if (set_aside.sequence == entry->sequence) {
      return absl::FailedPreconditionError(
          absl::StrCat(name, " was set aside: ", set_aside.problem));
    }
  }
  invocation.err << "queued: " << kUnreachable << "; run `hcctl sync` (" << name
                 << ")\n";
  return absl::OkStatus();
}

absl::Status Add(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::CreateNoteRequest request;
  request.set_parent(*engagement);
  v1::Note& note = *request.mutable_note();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(NoteFields(), invocation.flags, note);
  if (!paths.ok()) return paths.status();
  absl::StatusOr<bool> source = ApplySource(invocation.flags, note);
  if (!source.ok()) return source.status();
  if (!*source) {
    return CommandUsageError("missing --activity or --document",
                             invocation.path);
  }
  absl::StatusOr<std::string> text =
      ReadText(TextSourceOf(invocation.flags, kNoteText), invocation.flags,
               kNoteText, /*initial=*/"");
  if (!text.ok()) return text.status();
  note.set_text(*std::move(text));
  request.set_request_id(NewRequestId());

  absl::StatusOr<std::unique_ptr<NoteQueue>> queue = OpenQueue();
  if (!queue.ok()) return queue.status();
  if (invocation.flags.IsOn("offline")) {
    return Enqueue(invocation, **queue, request, "--offline");
  }
  absl::StatusOr<std::vector<QueuedNote>> pending = (*queue)->Pending();
  if (!pending.ok()) return pending.status();
  if (!pending->empty()) return AddBehindQueue(invocation, **queue, request);
  GrpcNoteUploader uploader(invocation.connection);
  absl::StatusOr<v1::Note> created = uploader.CreateNote(request);
  if (IsTransient(created.status())) {
    return Enqueue(invocation, **queue, request, kUnreachable);
  }
  if (!created.ok()) return created.status();
  return ShowNote(invocation, *created);
}

// Rewrites a queued create in place: it has no etag to edit from, and
// sends the edited note once.
absl::Status EditQueuedNote(const Invocation& invocation, NoteQueue& queue,
                            int64_t sequence) {
  absl::StatusOr<QueuedNote> entry = queue.Get(sequence);
  if (!entry.ok()) return entry.status();
  const std::string name = QueuedNoteName(sequence);
  auto* create = std::get_if<v1::CreateNoteRequest>(&entry->write);
  if (create == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        name, " is a queued edit, not a note; edit the note it names"));
  }
  if (entry->sent) {
    return absl::FailedPreconditionError(absl::StrCat(
        name,
        " was sent once and may already be on the server; run hcctl "
        "sync, then edit the note it names"));
  }
  v1::Note& note = *create->mutable_note();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyEditFlags(invocation.flags, note);
  if (!paths.ok()) return paths.status();
  if (EditsText(invocation.flags)) {
    absl::StatusOr<std::string> text =
        ReadText(TextSourceOf(invocation.flags, kNoteText), invocation.flags,
                 kNoteText, note.text());
    if (!text.ok()) return text.status();
    note.set_text(*std::move(text));
  }
  if (absl::Status replaced = queue.Replace(*entry); !replaced.ok()) {
    return replaced;
  }
  invocation.err << "queued note edited; run `hcctl sync` (" << name << ")\n";
  return Show(invocation, *create, absl::StrCat(QueuedNoteLine(*entry), "\n"));
}

// Shows the server's text and the user's on stderr and returns the
// one-line ABORTED: nothing was changed.
absl::Status Conflict(const Invocation& invocation, NoteUploader& uploader,
                      const v1::UpdateNoteRequest& request) {
  const std::string& name = request.note().name();
  invocation.err << "conflict: " << name
                 << " has changed since the etag you edited from\n";
  absl::StatusOr<v1::Note> current = uploader.GetNote(name);
  if (current.ok()) {
    invocation.err << "server's text (etag " << current->etag() << "):\n"
                   << TerminalSafe(current->text()) << "\n";
  }
  invocation.err << "your text:\n"
                 << TerminalSafe(request.note().text()) << "\n";
  return absl::AbortedError(
      absl::StrCat(name,
                   " has changed since it was read; nothing was changed (both "
                   "texts above): edit it again"));
}

// The online edit: from the note as read, with its etag unless --etag
// names the one the user edits from.
absl::Status EditOnline(const Invocation& invocation, NoteQueue& queue,
                        NoteUploader& uploader, const v1::Note& current) {
  v1::UpdateNoteRequest request;
  v1::Note& edited = *request.mutable_note();
  edited = current;
  absl::StatusOr<std::vector<std::string>> given =
      ApplyEditFlags(invocation.flags, edited);
  if (!given.ok()) return given.status();
  if (EditsText(invocation.flags)) {
    absl::StatusOr<std::string> text =
        ReadText(TextSourceOf(invocation.flags, kNoteText), invocation.flags,
                 kNoteText, current.text());
    if (!text.ok()) return text.status();
    edited.set_text(*std::move(text));
  }
  const std::vector<std::string> paths = ChangedPaths(current, edited);
  if (paths.empty()) {
    invocation.err << "no change: " << current.name() << " already says that\n";
    return ShowNote(invocation, current);
  }
  if (invocation.flags.Has("etag"))
    edited.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths.begin(),
                                                      paths.end());
  absl::StatusOr<v1::Note> updated = SendEdit(uploader, request);
  if (IsTransient(updated.status())) {
    return Enqueue(invocation, queue, request, kUnreachable);
  }
  if (updated.status().code() == absl::StatusCode::kAborted) {
    return Conflict(invocation, uploader, request);
  }
  if (!updated.ok()) return updated.status();
  return ShowNote(invocation, *updated);
}

// The offline edit: only what is given, from the etag given.
absl::Status EditOffline(const Invocation& invocation, NoteQueue& queue,
                         const std::string& name, absl::string_view why) {
  if (!invocation.flags.Has("etag")) {
    return UsageError(absl::StrCat(
        why,
        ": an offline edit needs --etag=ETAG, the etag of the note you "
        "are editing (hcctl notes get shows it); nothing was queued"));
  }
  v1::UpdateNoteRequest request;
  v1::Note& note = *request.mutable_note();
  note.set_name(name);
  note.set_etag(invocation.flags.Get("etag"));
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyEditFlags(invocation.flags, note);
  if (!paths.ok()) return paths.status();
  if (EditsText(invocation.flags)) {
    const TextSource source = TextSourceOf(invocation.flags, kNoteText);
    if (source == TextSource::kEditor) {
      return UsageError(absl::StrCat(
          why,
          ": the note's current text is unknown here, so give the new "
          "text with --file or on standard input; nothing was queued"));
    }
    absl::StatusOr<std::string> text =
        ReadText(source, invocation.flags, kNoteText, /*initial=*/"");
    if (!text.ok()) return text.status();
    note.set_text(*std::move(text));
    paths->push_back("text");
  }
  if (paths->empty()) return NothingToUpdate(invocation);
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  return Enqueue(invocation, queue, request, why);
}

absl::Status Edit(const Invocation& invocation) {
  absl::StatusOr<std::unique_ptr<NoteQueue>> queue = OpenQueue();
  if (!queue.ok()) return queue.status();
  if (std::optional<int64_t> sequence =
          ParseQueuedNoteName(invocation.args[0])) {
    return EditQueuedNote(invocation, **queue, *sequence);
  }
  absl::StatusOr<std::string> name = NoteName(invocation.args[0]);
  if (!name.ok()) return name.status();
  if (invocation.flags.IsOn("offline")) {
    return EditOffline(invocation, **queue, *name, "--offline");
  }
  GrpcNoteUploader uploader(invocation.connection);
  // The writes already waiting go first; an edit read before them would
  // be made from an etag they are about to change.
  absl::StatusOr<std::vector<QueuedNote>> pending = (*queue)->Pending();
  if (!pending.ok()) return pending.status();
  if (!pending->empty()) {
    absl::StatusOr<SyncReport> report = SyncNotes(**queue, uploader);
    if (!report.ok()) return report.status();
    invocation.err << SyncReportText(*report);
    if (report->remaining > 0) {
      return EditOffline(invocation, **queue, *name, kUnreachable);
    }
  }
  absl::StatusOr<v1::Note> current = uploader.GetNote(*name);
  if (IsTransient(current.status())) {
    return EditOffline(invocation, **queue, *name, kUnreachable);
  }
  if (!current.ok()) return current.status();
  return EditOnline(invocation, **queue, uploader, *current);
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = NoteName(invocation.args[0]);
  if (!name.ok()) return name.status();
  GrpcNoteUploader uploader(invocation.connection);
  absl::StatusOr<v1::Note> note = uploader.GetNote(*name);
  if (!note.ok()) return note.status();
  return ShowNote(invocation, *note);
}

// The value of `source = ...`: an activity kind or DOCUMENT.
absl::StatusOr<std::string> SourceValue(absl::string_view text) {
  if (absl::AsciiStrToLower(text) == "document") return std::string("DOCUMENT");
  absl::StatusOr<v1::ActivityKind> kind =
      ParseEnum<v1::ActivityKind>("source", text);
  if (!kind.ok()) {
    return UsageError(absl::StrCat(
        "invalid --source \"", text, "\": expected one of ",
        EnumChoices(*v1::ActivityKind_descriptor()), ", document"));
  }
  return absl::AsciiStrToUpper(EnumLabel(*kind));
}

// The filter of ListNotes from --tag, --polarity, --source, --author and
// --day, joined by AND.
absl::StatusOr<std::string> NoteFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("tag")) {
    absl::StatusOr<std::string> term =
        QuotedTerm("tag", "tag", flags.Get("tag"));
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  if (flags.Has("polarity")) {
    absl::StatusOr<v1::Polarity> polarity =
        ParseEnum<v1::Polarity>("polarity", flags.Get("polarity"));
    if (!polarity.ok()) return polarity.status();
    terms.push_back(absl::StrCat("polarity = ",
                                 absl::AsciiStrToUpper(EnumLabel(*polarity))));
  }
  if (flags.Has("source")) {
    absl::StatusOr<std::string> source = SourceValue(flags.Get("source"));
    if (!source.ok()) return source.status();
    terms.push_back(absl::StrCat("source = ", *source));
  }
  if (flags.Has("author")) {
    absl::StatusOr<std::string> author =
        ResourceName(kPeers, "--author", flags.Get("author"));
    if (!author.ok()) return author.status();
    absl::StatusOr<std::string> term = QuotedTerm("author", "author", *author);
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  if (flags.Has("day")) {
    const std::string day = flags.Get("day");
    if (day != "1" && day != "2" && day != "3") {
      return UsageError(absl::StrCat(
          "invalid --day \"", day, "\": expected a fieldwork day, 1, 2 or 3"));
    }
    terms.push_back(absl::StrCat("day = ", day));
  }
  return absl::StrJoin(terms, " AND ");
}

// Lists the engagement's notes matching the filter flags and `query`.
absl::Status ListMatching(const Invocation& invocation,
                          const std::string& query) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  absl::StatusOr<std::string> filter = NoteFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = v1::EvidenceService::NewStub(invocation.connection.channel());
  return ListPages<v1::ListNotesResponse>(
      invocation,
      [&](const Paging& paging, v1::ListNotesResponse& page) {
        v1::ListNotesRequest request;
        request.set_parent(*engagement);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        request.set_query(query);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListNotes(&context, request, &page);
            });
      },
      NotesTable);
}

absl::Status List(const Invocation& invocation) {
  return ListMatching(invocation, "");
}

absl::Status Search(const Invocation& invocation) {
  return ListMatching(invocation, absl::StrJoin(invocation.args.begin() + 1,
                                                invocation.args.end(), " "));
}

std::vector<FlagSpec> FilterFlags() {
  std::vector<FlagSpec> flags = {
      {"tag", "CODE",
       "Notes tagged to this principle (or any of its statements) or "
       "statement, e.g. 3 or 3.2."},
      {"polarity", "POLARITY", "positive or negative."},
      {"source", "SOURCE",
       absl::StrCat("Where the notes come from: ",
                    EnumChoices(*v1::ActivityKind_descriptor()),
                    ", or document.")},
      {"author", "PEER", "Notes logged by this peer."},
      {"day", "DAY", "Notes from activities on fieldwork day 1, 2 or 3."},
  };
  const std::vector<FlagSpec> paging = PagingFlags();
  flags.insert(flags.end(), paging.begin(), paging.end());
  return flags;
}

constexpr char kNoteArg[] =
    "NOTE is the full name hcctl notes list prints, "
    "engagements/{id}/notes/{id}, or, for a note still waiting in the "
    "offline queue, queued/N as hcctl sync --list prints it. ";

constexpr char kQueueDetails[] =
    " When the server cannot be reached (UNAVAILABLE or DEADLINE_EXCEEDED "
    "after the usual retries), or with --offline, the write is queued on "
    "this computer and the command succeeds with a notice on stderr; hcctl "
    "sync uploads the queue later, in order. While the queue holds "
    "anything, a new write goes behind it, never ahead.";

}  // namespace

CommandGroup NoteCommands() {
  const google::protobuf::Descriptor& type = *v1::Note::descriptor();
  std::vector<FlagSpec> add_flags =
      FieldFlagSpecs(type, NoteFields(), {"polarity"});
  std::vector<FlagSpec> edit_flags = FieldFlagSpecs(type, NoteFields());
  for (std::vector<FlagSpec>* flags : {&add_flags, &edit_flags}) {
    const std::vector<FlagSpec> sources = SourceFlags();
    flags->insert(flags->end(), sources.begin(), sources.end());
    flags->push_back(TextFileFlag(kNoteText));
    flags->push_back(OfflineFlag());
  }
  edit_flags.push_back({"clear-tags", "", "Remove every tag."});
  edit_flags.push_back(
      {"etag", "ETAG",
       "Edit from this etag rather than the one just read: ABORTED (a "
       "conflict) unless the note still has it. Required offline."});
  return {
      "notes",
      "Evidence notes: what the review team saw, heard and read, tagged to "
      "the benchmark; written offline too.",
      {
          {"add",
           {"ENGAGEMENT"},
           "Log a note from an activity or a document.",
           absl::StrCat(
               "Give --activity or --document. FAILED_PRECONDITION once the "
               "engagement has ended. ",
               kCreateDetails, kQueueDetails),
           add_flags,
           Add},
          {"edit",
           {"NOTE"},
           "Change a note's text, tags, polarity or source.",
           absl::StrCat(
               kNoteArg,
               "Reads the note and opens its text in the editor unless --file "
               "or standard input gives the new text; a field flag alone "
               "leaves the text as it is. Sends only the fields that change, "
               "with the etag read: if someone changed the note meanwhile, "
               "nothing is changed and both texts are shown (ABORTED). A "
               "queued note (queued/N) is rewritten in the queue. Offline, "
               "the edit is queued with --etag, which is then required, and "
               "the text must come from --file or standard input.",
               kQueueDetails),
           edit_flags,
           Edit},
          {"get", {"NOTE"}, "Show a note.", kNoteArg, {}, Get},
          {"list",
           {"ENGAGEMENT"},
           "List the engagement's notes in the order they were logged.",
           "",
           FilterFlags(),
           List},
          {"search",
           {"ENGAGEMENT", "WORDS..."},
           "Find the notes holding all the words.",
           "Any form of a word matches; word* matches a prefix. Nothing "
           "typed is query syntax. The filter flags narrow the search.",
           FilterFlags(),
           Search},
      }};
}

}  // namespace hc::cli
