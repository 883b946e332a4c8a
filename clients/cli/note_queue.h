#ifndef HC_CLIENTS_CLI_NOTE_QUEUE_H_
#define HC_CLIENTS_CLI_NOTE_QUEUE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "healthcheck/v1/evidence.pb.h"

namespace hc::cli {

// The complete request of a note write made while the server could not be
// reached: a create (with the request_id fixed when it was queued) or an
// edit (with the etag it was made from and its update mask). The server and
// token are not kept: they come from the global options at sync time.
using NoteWrite = std::variant<healthcheck::v1::CreateNoteRequest,
                               healthcheck::v1::UpdateNoteRequest>;

// One entry of the queue.
struct QueuedNote {
  // Its place in the queue: entries are sent in increasing order.
  int64_t sequence = 0;
  // Set before the entry is first sent: its reply may have been lost, so
  // the server may already hold it.
  bool sent = false;
  // Why sync set it aside; empty for a waiting entry.
  std::string problem;
  NoteWrite write;
};

// The name by which a queued note is given to `hcctl notes edit` before it
// reaches the server, e.g. "queued/3".
std::string QueuedNoteName(int64_t sequence);

// The sequence of a name made by QueuedNoteName; nullopt for anything else.
std::optional<int64_t> ParseQueuedNoteName(absl::string_view text);

// Where the queue lives: $HCCTL_QUEUE_DIR, else $XDG_STATE_HOME/hcctl/queue,
// else ~/.local/state/hcctl/queue. A usage error if none can be found (no
// HOME either).
absl::StatusOr<std::filesystem::path> DefaultNoteQueueDir();

// A durable queue of note writes, one file per entry in a directory, named
// by its zero-padded sequence ("00000003.note") so that directory order is
// queue order. Entries that sync sets aside move to conflicts/ within it,
// under the same name, with the reason.
//
// Every change is durable when it returns: an entry is written to a
// temporary file, flushed (fsync), renamed into place and the directory
// flushed, so a crash leaves each entry whole or absent, never half
// written; a leftover temporary file is ignored and removed by the next
// Open.
//
// An open queue holds an exclusive lock on its directory (flock), so two
// hcctl processes never number or send entries at once. Not thread-safe.
class NoteQueue {
 public:
  // Opens the queue in `dir`, creating it and conflicts/ (mode 0700) if
  // needed, and locks it until the object is destroyed, waiting up to
  // `wait` for another process to let it go. UNAVAILABLE if it is still
  // held then; otherwise the errno's code, naming the path, if it cannot be
  // made or locked.
  static absl::StatusOr<std::unique_ptr<NoteQueue>> Open(
      const std::filesystem::path& dir,
      absl::Duration wait = absl::Seconds(30));

  ~NoteQueue();
  NoteQueue(const NoteQueue&) = delete;
  NoteQueue& operator=(const NoteQueue&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path conflicts_dir() const { return dir_ / "conflicts"; }

  // The waiting entries, in queue order. DATA_LOSS naming the file if one
  // cannot be read back.
  absl::StatusOr<std::vector<QueuedNote>> Pending() const;

  // The entries sync set aside, in queue order, each with its problem.
  absl::StatusOr<std::vector<QueuedNote>> Conflicts() const;

  // The waiting entry `sequence`; NOT_FOUND if there is none.
  absl::StatusOr<QueuedNote> Get(int64_t sequence) const;

  // Queues `write` after every entry, waiting or set aside, and returns it
  // with its sequence, one more than any handed out before in `dir`.
  absl::StatusOr<QueuedNote> Append(NoteWrite write);

  // Rewrites the waiting entry `entry.sequence` in place. NOT_FOUND if it
  // is not waiting.
  absl::Status Replace(const QueuedNote& entry);

  // Removes the waiting entry `sequence`, once it has been uploaded.
  absl::Status Remove(int64_t sequence);

  // Moves the waiting entry `entry` into conflicts/, recording `problem`.
  absl::Status SetAside(const QueuedNote& entry, absl::string_view problem);

 private:
  NoteQueue(std::filesystem::path dir, int lock_fd)
      : dir_(std::move(dir)), lock_fd_(lock_fd) {}

  std::filesystem::path dir_;
  int lock_fd_;
};

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_NOTE_QUEUE_H_
