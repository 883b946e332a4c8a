#ifndef HC_CORE_APP_PORTS_STORE_H_
#define HC_CORE_APP_PORTS_STORE_H_

#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/ports/repositories.h"

namespace hc::app {

// What a backup of the store holds, read back from the copy itself.
struct BackupSummary {
  int64_t size_bytes = 0;
  int schema_version = 0;
  // The audit chain's head in the copy: keep it elsewhere to prove later
  // that no record up to it was changed or cut off.
  int64_t audit_head_sequence = 0;
  std::string audit_head_hash;
};

// Runs units of work against the store. Thread-safe; both calls block the
// calling thread, so call them from worker threads, never a network reactor.
class Store {
 public:
  using Work = absl::FunctionRef<absl::Status(Repositories&)>;

  virtual ~Store() = default;

  // Runs `work` on a consistent read-only snapshot. Writes inside fail.
  virtual absl::Status Read(Work work) = 0;

  // Runs `work` in a write transaction. If `work` returns an error, none of
  // its changes are kept and the error is returned. If it returns OK, the
  // call returns OK only once its changes are durable (they may share a
  // commit with other writers'); a failed commit returns UNAVAILABLE or
  // INTERNAL and keeps nothing.
  virtual absl::Status Write(Work work) = 0;

  // Folds every committed write into the store and empties the log of
  // recent transactions, so that the file no longer shows which changes
  // were committed together (a submitted response and its invitation's
  // used flag). UNAVAILABLE if open reads keep it from finishing; the next
  // call catches up.
  virtual absl::Status CompactLog() = 0;

  // Writes a consistent copy of the whole store to the new file `path` while
  // writes go on, syncs it, and checks the copy (every page, the schema, the
  // audit chain) before giving it its name. FAILED_PRECONDITION if `path`
  // exists or cannot be written; DATA_LOSS if the copy fails its checks.
  virtual absl::StatusOr<BackupSummary> BackUpTo(const std::string& path) = 0;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_STORE_H_
