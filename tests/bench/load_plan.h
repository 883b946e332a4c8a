#ifndef HC_TESTS_BENCH_LOAD_PLAN_H_
#define HC_TESTS_BENCH_LOAD_PLAN_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/bench/call_stats.h"
#include "tests/bench/closed_loop.h"

namespace hc::bench {

// What one hc_load process measures: every scenario at every in-flight
// level, one closed-loop run each, all against one server.
struct LoadPlan {
  std::vector<std::string> scenarios;  // names from ScenarioNames()
  std::vector<int> in_flights;         // each >= 1
  ClosedLoopOptions loop;              // in_flight is taken from in_flights
};

// Creates the fixture with `token`, then runs the plan over `channel`,
// in-flight level by level and, within a level, in the order of
// plan.scenarios. Logs a line per run to stderr. Returns one summary per run
// in that order; INVALID_ARGUMENT for an unknown scenario or an in-flight
// below 1; the fixture's error if it cannot be created. Blocks.
absl::StatusOr<std::vector<RunSummary>> RunLoadPlan(const std::shared_ptr<grpc::Channel>& channel,
                                                    const std::string& token, const LoadPlan& plan);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_LOAD_PLAN_H_
