#include "clients/cli/note_queue.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "clients/cli/durable_file.h"
#include "clients/cli/errors.h"

namespace hc::cli {
namespace {

namespace fs = std::filesystem;
namespace v1 = ::healthcheck::v1;

constexpr absl::string_view kQueuedPrefix = "queued/";
constexpr absl::string_view kEntrySuffix = ".note";
constexpr absl::string_view kMagic = "hcctl note queue entry 1";
constexpr absl::string_view kCreate = "create";
// Holds the last sequence handed out.
constexpr char kLastSequenceFile[] = "last-sequence";
constexpr absl::string_view kUpdate = "update";

absl::Status ErrnoError(absl::string_view what, const fs::path& path) {
  const int error = errno;
  return absl::Status(absl::ErrnoToStatusCode(error),
                      absl::StrCat("note queue: cannot ", what, " ",
                                   path.string(), ": ", std::strerror(error)));
}

absl::Status MakeDirectory(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return ErrnoError("create", dir);
  }
  return absl::OkStatus();
}

std::string EntryFileName(int64_t sequence) {
  return absl::StrFormat("%08d%s", sequence, kEntrySuffix);
}

// The sequence of an entry's file name; nullopt for any other file (a
// temporary file, the lock, conflicts/).
std::optional<int64_t> EntrySequence(absl::string_view file_name) {
  if (!absl::ConsumeSuffix(&file_name, kEntrySuffix) || file_name.empty() ||
      !absl::c_all_of(file_name, absl::ascii_isdigit)) {
    return std::nullopt;
  }
  int64_t sequence = 0;
  if (!absl::SimpleAtoi(file_name, &sequence) || sequence < 1) {
    return std::nullopt;
  }
  return sequence;
}

// The entry file: a header of "key: value" lines, a blank line, then the
// request in protobuf's binary form; "bytes" guards against truncation.
std::string EncodeEntry(const QueuedNote& entry) {
  const bool create =
      std::holds_alternative<v1::CreateNoteRequest>(entry.write);
  const std::string payload = std::visit(
      [](const auto& request) { return request.SerializeAsString(); },
      entry.write);
  std::string text =
      absl::StrCat(kMagic, "\nkind: ", create ? kCreate : kUpdate,
                   "\nsent: ", entry.sent ? "yes" : "no", "\n");
  if (!entry.problem.empty()) {
    absl::StrAppend(
        &text, "problem: ",
        absl::StrReplaceAll(entry.problem, {{"\n", " "}, {"\r", " "}}), "\n");
  }
  absl::StrAppend(&text, "bytes: ", payload.size(), "\n\n", payload);
  return text;
}

absl::StatusOr<QueuedNote> DecodeEntry(int64_t sequence, absl::string_view text,
                                       const fs::path& path) {
  const absl::Status unreadable = absl::DataLossError(
      absl::StrCat("note queue entry ", path.string(),
                   " is unreadable; move it out of the queue to go on"));
  const size_t end_of_header = text.find("\n\n");
  if (end_of_header == absl::string_view::npos) return unreadable;
  const std::vector<absl::string_view> lines =
      absl::StrSplit(text.substr(0, end_of_header), '\n');
  if (lines.empty() || lines[0] != kMagic) return unreadable;
  QueuedNote entry;
  entry.sequence = sequence;
  std::string kind;
  size_t bytes = 0;
  bool sized = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::pair<absl::string_view, absl::string_view> field =
        absl::StrSplit(lines[i], absl::MaxSplits(": ", 1));
    if (field.first == "kind") {
      kind = std::string(field.second);
    } else if (field.first == "sent") {
      entry.sent = field.second == "yes";
    } else if (field.first == "problem") {
      entry.problem = std::string(field.second);
    } else if (field.first == "bytes") {
      sized = absl::SimpleAtoi(field.second, &bytes);
    }
  }
  const absl::string_view payload = text.substr(end_of_header + 2);
  if (!sized || payload.size() != bytes) return unreadable;
  bool parsed = false;
  if (kind == kCreate) {
    v1::CreateNoteRequest request;
    parsed = request.ParseFromArray(payload.data(),
                                    static_cast<int>(payload.size()));
    entry.write = std::move(request);
  } else if (kind == kUpdate) {
    v1::UpdateNoteRequest request;
    parsed = request.ParseFromArray(payload.data(),
                                    static_cast<int>(payload.size()));
    entry.write = std::move(request);
  }
  if (!parsed) return unreadable;
  return entry;
}

absl::StatusOr<std::string> ReadWholeFile(const fs::path& path) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return ErrnoError("read", path);
  std::string contents;
  char buffer[8192];
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return ErrnoError("read", path);
    if (got == 0) return contents;
    contents.append(buffer, static_cast<size_t>(got));
  }
}

// The sequences of the entries in `dir`, ascending.
absl::StatusOr<std::vector<int64_t>> Sequences(const fs::path& dir) {
  std::error_code error;
  std::vector<int64_t> sequences;
  for (const fs::directory_entry& file : fs::directory_iterator(dir, error)) {
    if (!file.is_regular_file(error)) continue;
    if (std::optional<int64_t> sequence =
            EntrySequence(file.path().filename().string())) {
      sequences.push_back(*sequence);
    }
  }
  if (error) {
    return absl::Status(absl::ErrnoToStatusCode(error.value()),
                        absl::StrCat("note queue: cannot list ", dir.string(),
                                     ": ", error.message()));
  }
  absl::c_sort(sequences);
  return sequences;
}

absl::StatusOr<std::vector<QueuedNote>> ReadEntries(const fs::path& dir) {
  absl::StatusOr<std::vector<int64_t>> sequences = Sequences(dir);
  if (!sequences.ok()) return sequences.status();
  std::vector<QueuedNote> entries;
  for (int64_t sequence : *sequences) {
    const fs::path path = dir / EntryFileName(sequence);
    absl::StatusOr<std::string> text = ReadWholeFile(path);
    if (!text.ok()) return text.status();
    absl::StatusOr<QueuedNote> entry = DecodeEntry(sequence, *text, path);
    if (!entry.ok()) return entry.status();
    entries.push_back(*std::move(entry));
  }
  return entries;
}

// Removes the temporary files an interrupted write left in `dir`; only the
// lock holder writes, so none of them is in use.
void RemoveLeftovers(const fs::path& dir) {
  std::error_code error;
  for (const fs::directory_entry& file : fs::directory_iterator(dir, error)) {
    if (absl::EndsWith(file.path().filename().string(), kTemporarySuffix)) {
      fs::remove(file.path(), error);
    }
  }
}

// Takes the exclusive lock on `fd`, trying again until `wait` has passed:
// another hcctl may be adding a note or syncing. On failure errno says why
// (EWOULDBLOCK: still held).
bool LockWithin(int fd, absl::Duration wait) {
  const absl::Time deadline = absl::Now() + wait;
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    if (errno != EWOULDBLOCK || absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(100));
  }
}

}  // namespace

std::string QueuedNoteName(int64_t sequence) {
  return absl::StrCat(kQueuedPrefix, sequence);
}

std::optional<int64_t> ParseQueuedNoteName(absl::string_view text) {
  int64_t sequence = 0;
  if (!absl::ConsumePrefix(&text, kQueuedPrefix) || text.empty() ||
      !absl::c_all_of(text, absl::ascii_isdigit) ||
      !absl::SimpleAtoi(text, &sequence) || sequence < 1) {
    return std::nullopt;
  }
  return sequence;
}

absl::StatusOr<fs::path> DefaultNoteQueueDir() {
  const char* queue_dir = std::getenv("HCCTL_QUEUE_DIR");
  if (queue_dir != nullptr && *queue_dir != '\0') return fs::path(queue_dir);
  const char* state_home = std::getenv("XDG_STATE_HOME");
  if (state_home != nullptr && *state_home != '\0') {
    return fs::path(state_home) / "hcctl" / "queue";
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') {
    return fs::path(home) / ".local" / "state" / "hcctl" / "queue";
  }
  return UsageError(
      "no place for the note queue: set HCCTL_QUEUE_DIR (or XDG_STATE_HOME "
      "or HOME)");
}

absl::StatusOr<std::unique_ptr<NoteQueue>> NoteQueue::Open(
    const fs::path& dir, absl::Duration wait) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    return absl::Status(absl::ErrnoToStatusCode(error.value()),
                        absl::StrCat("note queue: cannot create ", dir.string(),
                                     ": ", error.message()));
  }
  ::chmod(dir.c_str(), 0700);
  if (absl::Status made = MakeDirectory(dir / "conflicts"); !made.ok()) {
    return made;
  }
  const fs::path lock = dir / "lock";
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoError("open", lock);
  if (!LockWithin(fd, wait)) {
    const bool busy = errno == EWOULDBLOCK;
    absl::Status status = busy ? absl::UnavailableError(absl::StrCat(
                                     "the note queue ", dir.string(),
                                     " is in use by another hcctl; try again "
                                     "when it has finished"))
                               : ErrnoError("lock", lock);
    ::close(fd);
    return status;
  }
  RemoveLeftovers(dir);
  RemoveLeftovers(dir / "conflicts");
  return std::unique_ptr<NoteQueue>(new NoteQueue(dir, fd));
}

NoteQueue::~NoteQueue() { ::close(lock_fd_); }

absl::StatusOr<std::vector<QueuedNote>> NoteQueue::Pending() const {
  return ReadEntries(dir_);
}

absl::StatusOr<std::vector<QueuedNote>> NoteQueue::Conflicts() const {
  return ReadEntries(conflicts_dir());
}

absl::StatusOr<QueuedNote> NoteQueue::Get(int64_t sequence) const {
  const fs::path path = dir_ / EntryFileName(sequence);
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    return absl::NotFoundError(absl::StrCat(
        QueuedNoteName(sequence),
        " is not waiting in the note queue (see hcctl sync --list)"));
  }
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  return DecodeEntry(sequence, *text, path);
}

absl::StatusOr<QueuedNote> NoteQueue::Append(NoteWrite write) {
  absl::StatusOr<std::vector<int64_t>> waiting = Sequences(dir_);
  if (!waiting.ok()) return waiting.status();
  absl::StatusOr<std::vector<int64_t>> set_aside = Sequences(conflicts_dir());
  if (!set_aside.ok()) return set_aside.status();
  // Numbers are never reused, even once the queue has emptied, so that a
  // queued/N the user saw earlier never names another note.
  const fs::path last_file = dir_ / kLastSequenceFile;
  int64_t last = 0;
  if (absl::StatusOr<std::string> recorded = ReadWholeFile(last_file);
      recorded.ok()) {
    if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(*recorded), &last)) {
      last = 0;
    }
  } else if (!absl::IsNotFound(recorded.status())) {
    return recorded.status();
  }
  if (!waiting->empty()) last = std::max(last, waiting->back());
  if (!set_aside->empty()) last = std::max(last, set_aside->back());
  QueuedNote entry;
  entry.sequence = last + 1;
  entry.write = std::move(write);
  if (absl::Status recorded =
          WriteFileDurably(last_file, absl::StrCat(entry.sequence, "\n"));
      !recorded.ok()) {
    return recorded;
  }
  if (absl::Status written = WriteFileDurably(
          dir_ / EntryFileName(entry.sequence), EncodeEntry(entry));
      !written.ok()) {
    return written;
  }
  return entry;
}

absl::Status NoteQueue::Replace(const QueuedNote& entry) {
  if (absl::StatusOr<QueuedNote> current = Get(entry.sequence); !current.ok()) {
    return current.status();
  }
  return WriteFileDurably(dir_ / EntryFileName(entry.sequence),
                          EncodeEntry(entry));
}

absl::Status NoteQueue::Remove(int64_t sequence) {
  const fs::path path = dir_ / EntryFileName(sequence);
  if (::unlink(path.c_str()) != 0) return ErrnoError("remove", path);
  return SyncDirectory(dir_);
}

absl::Status NoteQueue::SetAside(const QueuedNote& entry,
                                 absl::string_view problem) {
  QueuedNote conflict = entry;
  conflict.problem = std::string(problem);
  // Written before the waiting entry goes: a crash in between leaves the
  // entry to be sent (and set aside) again, never lost.
  if (absl::Status written =
          WriteFileDurably(conflicts_dir() / EntryFileName(entry.sequence),
                           EncodeEntry(conflict));
      !written.ok()) {
    return written;
  }
  return Remove(entry.sequence);
}

}  // namespace hc::cli
