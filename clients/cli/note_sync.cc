#include "clients/cli/note_sync.h"

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

bool SameField(const v1::Note& note, const v1::Note& edited,
               const std::string& path) {
  if (path == "text") return note.text() == edited.text();
  if (path == "polarity") return note.polarity() == edited.polarity();
  if (path == "activity") return note.activity() == edited.activity();
  if (path == "document") return note.document() == edited.document();
  if (path == "tags") {
    return std::vector<std::string>(note.tags().begin(), note.tags().end()) ==
           std::vector<std::string>(edited.tags().begin(), edited.tags().end());
  }
  return false;  // A path the client never sends: never assumed applied.
}

absl::StatusOr<v1::Note> Upload(NoteUploader& uploader,
                                const NoteWrite& write) {
  if (const auto* create = std::get_if<v1::CreateNoteRequest>(&write)) {
    return uploader.CreateNote(*create);
  }
  return SendEdit(uploader, std::get<v1::UpdateNoteRequest>(write));
}

}  // namespace

bool IsTransient(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnavailable ||
         status.code() == absl::StatusCode::kDeadlineExceeded;
}

bool HasEdit(const v1::Note& note, const v1::UpdateNoteRequest& edit) {
  for (const std::string& path : edit.update_mask().paths()) {
    if (!SameField(note, edit.note(), path)) return false;
  }
  return true;
}

absl::StatusOr<v1::Note> SendEdit(NoteUploader& uploader,
                                  const v1::UpdateNoteRequest& edit) {
  absl::StatusOr<v1::Note> updated = uploader.UpdateNote(edit);
  if (updated.status().code() != absl::StatusCode::kAborted) return updated;
  absl::StatusOr<v1::Note> current = uploader.GetNote(edit.note().name());
  if (current.ok() && HasEdit(*current, edit)) return current;
  return updated;
}

absl::StatusOr<SyncReport> SyncNotes(NoteQueue& queue, NoteUploader& uploader) {
  absl::StatusOr<std::vector<QueuedNote>> pending = queue.Pending();
  if (!pending.ok()) return pending.status();
  SyncReport report;
  for (size_t i = 0; i < pending->size(); ++i) {
    QueuedNote& entry = (*pending)[i];
    if (!entry.sent) {
      entry.sent = true;
      if (absl::Status marked = queue.Replace(entry); !marked.ok()) {
        return marked;
      }
    }
    absl::StatusOr<v1::Note> note = Upload(uploader, entry.write);
    if (IsTransient(note.status())) {
      report.remaining = static_cast<int>(pending->size() - i);
      report.stopped_by = note.status();
      return report;
    }
    if (note.ok()) {
      if (absl::Status removed = queue.Remove(entry.sequence); !removed.ok()) {
        return removed;
      }
      report.uploaded.emplace_back(entry.sequence, *std::move(note));
      continue;
    }
    const std::string problem = ErrorLine(note.status());
    if (absl::Status moved = queue.SetAside(entry, problem); !moved.ok()) {
      return moved;
    }
    entry.problem = problem;
    report.set_aside.push_back(std::move(entry));
  }
  return report;
}

}  // namespace hc::cli
