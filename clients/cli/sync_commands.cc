#include "clients/cli/sync_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/grpc_note_uploader.h"
#include "clients/cli/note_queue.h"
#include "clients/cli/note_sync.h"
#include "clients/cli/note_views.h"

namespace hc::cli {
namespace {

// What waits and what was set aside, for --list and after a sync.
absl::Status ListQueue(const Invocation& invocation, const NoteQueue& queue,
                       bool with_pending) {
  absl::StatusOr<std::vector<QueuedNote>> pending = queue.Pending();
  if (!pending.ok()) return pending.status();
  absl::StatusOr<std::vector<QueuedNote>> conflicts = queue.Conflicts();
  if (!conflicts.ok()) return conflicts.status();
  if (with_pending) {
    invocation.out << QueueText(*pending, *conflicts);
  } else if (!conflicts->empty()) {
    invocation.out << "\n"
                   << conflicts->size() << " set aside in "
                   << queue.conflicts_dir().string()
                   << " (remove each file once redone):\n";
    for (const QueuedNote& entry : *conflicts) {
      invocation.out << "  " << QueuedNoteLine(entry) << "\n    "
                     << entry.problem << "\n";
    }
  }
  return absl::OkStatus();
}

absl::Status Sync(const Invocation& invocation) {
  absl::StatusOr<std::filesystem::path> dir = DefaultNoteQueueDir();
  if (!dir.ok()) return dir.status();
  absl::StatusOr<std::unique_ptr<NoteQueue>> queue = NoteQueue::Open(*dir);
  if (!queue.ok()) return queue.status();
  if (invocation.flags.IsOn("list")) {
    return ListQueue(invocation, **queue, /*with_pending=*/true);
  }
  GrpcNoteUploader uploader(invocation.connection);
  absl::StatusOr<SyncReport> report = SyncNotes(**queue, uploader);
  if (!report.ok()) return report.status();
  if (report->uploaded.empty() && report->set_aside.empty() &&
      report->remaining == 0) {
    invocation.out << "nothing to upload\n";
  } else {
    invocation.out << SyncReportText(*report);
  }
  if (absl::Status listed = ListQueue(invocation, **queue, false);
      !listed.ok()) {
    return listed;
  }
  if (!report->stopped_by.ok()) {
    return absl::Status(
        report->stopped_by.code(),
        absl::StrCat("sync stopped with ", report->remaining,
                     " still queued; run hcctl sync again when the server "
                     "can be reached (",
                     report->stopped_by.message(), ")"));
  }
  if (!report->set_aside.empty()) {
    return absl::AbortedError(absl::StrCat(
        report->set_aside.size(),
        " set aside as conflicts (shown above); the rest was uploaded"));
  }
  return absl::OkStatus();
}

}  // namespace

CommandGroup SyncCommands() {
  return {"sync",
          "Upload the notes written while the server could not be reached.",
          {
              {"",
               {},
               "Upload the offline note queue, once and in order.",
               "The queue lives in $HCCTL_QUEUE_DIR, else "
               "$XDG_STATE_HOME/hcctl/queue, else ~/.local/state/hcctl/queue; "
               "the server and token are the usual global ones. Each entry "
               "is removed once the server has it. A create carries the "
               "request_id fixed when it was queued, so resending one whose "
               "reply was lost creates nothing twice; an edit found already "
               "applied counts as done. UNAVAILABLE or DEADLINE_EXCEEDED stops "
               "the sync, keeping the rest (exit status 1). Any other "
               "refusal, such as an edit made from a stale etag, moves the "
               "entry to conflicts/ beside the queue, shows it, and the sync "
               "goes on (exit status 1 at the end). Text output only.",
               {{"list", "",
                 "Show the queue and what was set aside; send "
                 "nothing."}},
               Sync},
          }};
}

}  // namespace hc::cli
