#ifndef HC_TESTS_BENCH_CLOSED_LOOP_H_
#define HC_TESTS_BENCH_CLOSED_LOOP_H_

#include <cstdint>

#include "absl/time/time.h"
#include "tests/bench/call_stats.h"
#include "tests/bench/scenario.h"

namespace hc::bench {

struct ClosedLoopOptions {
  int in_flight = 1;                         // concurrent outstanding calls, >= 1
  absl::Duration warmup = absl::Seconds(1);  // calls completing in it are not recorded
  absl::Duration duration = absl::Seconds(5);
  int64_t max_calls = 2'000'000;                   // recorded calls at most; ends the run early
  absl::Duration call_timeout = absl::Seconds(5);  // each call's deadline
};

struct ClosedLoopResult {
  CallStats stats;     // calls that completed inside the measured window
  double seconds = 0;  // the measured window: until `duration` or max_calls
};

// Drives `scenario` in a closed loop: `in_flight` slots each keep one call
// outstanding and issue the next as soon as the previous completes, through
// the warm-up and the measured window. Returns once every outstanding call
// has finished (at most call_timeout after the window ends). Blocks the
// caller; `scenario` must outlive the call.
ClosedLoopResult RunClosedLoop(Scenario& scenario, const ClosedLoopOptions& options);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_CLOSED_LOOP_H_
