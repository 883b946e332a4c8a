#ifndef HC_CORE_APP_PORTS_STORE_H_
#define HC_CORE_APP_PORTS_STORE_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "core/app/ports/repositories.h"

namespace hc::app {

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
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_STORE_H_
