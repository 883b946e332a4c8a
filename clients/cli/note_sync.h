#ifndef HC_CLIENTS_CLI_NOTE_SYNC_H_
#define HC_CLIENTS_CLI_NOTE_SYNC_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/cli/note_queue.h"
#include "healthcheck/v1/evidence.pb.h"

namespace hc::cli {

// The server end of a sync: the three EvidenceService calls it makes. An
// abstract port, so that tests can lose replies on the way back.
class NoteUploader {
 public:
  virtual ~NoteUploader() = default;
  // Each returns the RPC's outcome.
  virtual absl::StatusOr<healthcheck::v1::Note> CreateNote(
      const healthcheck::v1::CreateNoteRequest& request) = 0;
  virtual absl::StatusOr<healthcheck::v1::Note> UpdateNote(
      const healthcheck::v1::UpdateNoteRequest& request) = 0;
  virtual absl::StatusOr<healthcheck::v1::Note> GetNote(
      const std::string& name) = 0;
};

// True for the failures that say nothing about the request, only that the
// server was not reached or did not answer in time: UNAVAILABLE and
// DEADLINE_EXCEEDED. Such a request may or may not have been applied.
bool IsTransient(const absl::Status& status);

// True if `note` already holds every field named in `edit`'s update mask,
// with `edit`'s value.
bool HasEdit(const healthcheck::v1::Note& note,
             const healthcheck::v1::UpdateNoteRequest& edit);

// Sends `edit`. An ABORTED reply (stale etag) is success when the note
// already holds the edit, because then it was this edit, sent before with
// its reply lost, that changed the etag: the current note is returned.
// Otherwise the ABORTED, or any other failure, is returned.
absl::StatusOr<healthcheck::v1::Note> SendEdit(
    NoteUploader& uploader, const healthcheck::v1::UpdateNoteRequest& edit);

// What one sync did.
struct SyncReport {
  // The entries uploaded, in order, with the server's note.
  std::vector<std::pair<int64_t, healthcheck::v1::Note>> uploaded;
  // The entries set aside into conflicts/ during this sync, with their
  // problems ("ABORTED: ...").
  std::vector<QueuedNote> set_aside;
  // Entries still waiting: the one the transient failure stopped at and
  // those after it; 0 when the queue was emptied.
  int remaining = 0;
  // The transient failure that stopped the sync; OK if it ran to the end.
  absl::Status stopped_by;
};

// Uploads the waiting entries of `queue` once each and in order. Each entry
// is marked sent before it is first sent and removed once the server has
// accepted it, so a create whose reply was lost is sent again with its
// request_id and the server replays its note instead of duplicating it; an
// edit is sent with SendEdit. A transient failure (IsTransient) stops the
// sync, keeping that entry and the later ones. Any other failure is the
// entry's own problem (a conflicting edit, an invalid note, a note or
// engagement gone, no permission): the entry moves to conflicts/ and the
// sync goes on with the next. Returns an error only if the queue itself
// cannot be read or changed.
absl::StatusOr<SyncReport> SyncNotes(NoteQueue& queue, NoteUploader& uploader);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_NOTE_SYNC_H_
