#include "tests/bench/load_plan.h"

#include <iostream>

#include "absl/strings/str_format.h"
#include "core/common/status_macros.h"
#include "tests/bench/fixture.h"
#include "tests/bench/scenarios.h"

namespace hc::bench {
namespace {

absl::Status Validate(const LoadPlan& plan) {
  for (int in_flight : plan.in_flights) {
    if (in_flight < 1) {
      return absl::InvalidArgumentError(
          absl::StrFormat("in-flight must be at least 1, not %d", in_flight));
    }
  }
  if (plan.scenarios.empty() || plan.in_flights.empty()) {
    return absl::InvalidArgumentError("the plan needs a scenario and an in-flight level");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<RunSummary>> RunLoadPlan(const std::shared_ptr<grpc::Channel>& channel,
                                                    const std::string& token,
                                                    const LoadPlan& plan) {
  HC_RETURN_IF_ERROR(Validate(plan));
  HC_ASSIGN_OR_RETURN(const Fixture fixture, CreateFixture(channel, token));
  std::cerr << "hc_load: fixture " << fixture.partnership << " " << fixture.peer << " "
            << fixture.engagement << "\n";
  // Make every scenario before measuring anything, so a bad name fails fast.
  std::vector<std::unique_ptr<Scenario>> scenarios;
  for (const std::string& name : plan.scenarios) {
    HC_ASSIGN_OR_RETURN(std::unique_ptr<Scenario> scenario,
                        MakeScenario(name, channel, token, fixture));
    scenarios.push_back(std::move(scenario));
  }

  std::vector<RunSummary> summaries;
  for (int in_flight : plan.in_flights) {
    for (const std::unique_ptr<Scenario>& scenario : scenarios) {
      ClosedLoopOptions options = plan.loop;
      options.in_flight = in_flight;
      const ClosedLoopResult result = RunClosedLoop(*scenario, options);
      summaries.push_back(Summarize(scenario->name(), in_flight, result.stats, result.seconds));
      const RunSummary& s = summaries.back();
      std::cerr << absl::StrFormat(
          "hc_load: %s in_flight=%d calls=%d ok/s=%.0f p50=%.3fms p99=%.3fms %s\n", s.scenario,
          s.in_flight, s.calls, s.ok_per_second, s.p50_ms, s.p99_ms, s.codes);
    }
  }
  return summaries;
}

}  // namespace hc::bench
