#include "tests/bench/closed_loop.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace hc::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

// One run's shared state. Each slot is touched only by its own chain of
// calls, and each call starts after the previous one's callback, so a slot
// needs no lock; the counters shared by all slots are atomics.
//
// A completion normally issues the slot's next call from the gRPC thread it
// runs on. gRPC may run a callback inline inside StartCall (e.g. a call that
// fails at once on a broken channel); a chain of those would recurse without
// bound, so beyond a small depth the slot is handed to the thread in Run().
class Loop {
 public:
  Loop(Scenario& scenario, const ClosedLoopOptions& options)
      : scenario_(scenario),
        options_(options),
        slots_(options.in_flight),
        active_slots_(options.in_flight) {}

  ClosedLoopResult Run() {
    const SteadyClock::time_point start = SteadyClock::now();
    measure_start_ = start + absl::ToChronoNanoseconds(options_.warmup);
    measure_end_ = measure_start_ + absl::ToChronoNanoseconds(options_.duration);
    stopped_at_ns_.store(ToNs(measure_end_));
    for (Slot& slot : slots_) Issue(slot);
    ServeDeferredUntilAllRetired();

    ClosedLoopResult result;
    for (const Slot& slot : slots_) result.stats.Merge(slot.stats);
    const SteadyClock::time_point end{SteadyClock::duration(stopped_at_ns_.load())};
    result.seconds = std::chrono::duration<double>(end - measure_start_).count();
    return result;
  }

 private:
  struct Slot {
    SteadyClock::time_point started;
    CallStats stats;
  };

  static int64_t ToNs(SteadyClock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  }

  // Issues the calls of slots handed over by deep callback chains, and
  // returns once every slot has retired.
  void ServeDeferredUntilAllRetired() {
    absl::MutexLock lock(&mu_);
    for (;;) {
      mu_.Await(absl::Condition(
          +[](Loop* loop) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop->mu_) {
            return loop->active_slots_ == 0 || !loop->deferred_.empty();
          },
          this));
      if (deferred_.empty()) return;  // and no slot is active
      std::vector<Slot*> ready;
      ready.swap(deferred_);
      mu_.Unlock();
      for (Slot* slot : ready) Issue(*slot);
      mu_.Lock();
    }
  }

  // Starts the slot's next call, or retires the slot once the window is over.
  void Issue(Slot& slot) {
    slot.started = SteadyClock::now();
    if (slot.started >= measure_end_ || stop_.load(std::memory_order_relaxed)) {
      absl::MutexLock lock(&mu_);
      --active_slots_;
      return;
    }
    const auto deadline =
        std::chrono::system_clock::now() + absl::ToChronoNanoseconds(options_.call_timeout);
    ++depth_;
    scenario_.StartCall(deadline,
                        [this, &slot](const grpc::Status& status) { OnDone(slot, status); });
    --depth_;
  }

  // Records a call that completed inside the measured window, then goes on.
  void OnDone(Slot& slot, const grpc::Status& status) {
    const SteadyClock::time_point now = SteadyClock::now();
    if (now >= measure_start_ && now < measure_end_ && !stop_.load(std::memory_order_relaxed)) {
      const int64_t n = recorded_.fetch_add(1, std::memory_order_relaxed) + 1;
      if (n <= options_.max_calls) {
        const double ms = std::chrono::duration<double, std::milli>(now - slot.started).count();
        slot.stats.Record(status.error_code(), ms);
      }
      if (n == options_.max_calls) {
        stopped_at_ns_.store(ToNs(now));
        stop_.store(true);
      }
    }
    if (depth_ >= kMaxDepth) {
      absl::MutexLock lock(&mu_);
      deferred_.push_back(&slot);
      return;
    }
    Issue(slot);
  }

  static constexpr int kMaxDepth = 8;
  // How many StartCall frames are on this thread's stack.
  static thread_local int depth_;

  Scenario& scenario_;
  const ClosedLoopOptions options_;
  std::vector<Slot> slots_;
  absl::Mutex mu_;
  int active_slots_ ABSL_GUARDED_BY(mu_);  // slots not yet retired
  std::vector<Slot*> deferred_ ABSL_GUARDED_BY(mu_);
  SteadyClock::time_point measure_start_;
  SteadyClock::time_point measure_end_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> recorded_{0};
  std::atomic<int64_t> stopped_at_ns_{0};
};

thread_local int Loop::depth_ = 0;

}  // namespace

ClosedLoopResult RunClosedLoop(Scenario& scenario, const ClosedLoopOptions& options) {
  return Loop(scenario, options).Run();
}

}  // namespace hc::bench
