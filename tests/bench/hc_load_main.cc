// hc_load: a closed-loop load client for hc_server. Not a test: it measures
// and prints, and never fails on a timing.
//
//   hc_load --target=127.0.0.1:PORT --first_lead_link_file=PATH --suite
//   hc_load --target=... --first_lead_link_file=... --scenario=get_engagement --in_flight=64
//
// The token must be a programme lead's. The server must run with
// --enable_echo for the echo baseline.

#include <grpcpp/grpcpp.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "tests/bench/load_plan.h"
#include "tests/bench/report.h"
#include "tests/bench/scenarios.h"
#include "tests/support/sign_in.h"

ABSL_FLAG(std::string, target, "", "Server address, host:port (loopback only)");
ABSL_FLAG(std::string, first_lead_link_file, "",
          "The first programme lead's set-password link file, which the server's first start "
          "wrote: hc_load signs in as that lead (setting the password the first time)");
ABSL_FLAG(std::string, scenario, "echo",
          "echo, get_engagement or create_peer (the echo baseline runs first)");
ABSL_FLAG(int, in_flight, 1, "Concurrent outstanding calls");
ABSL_FLAG(bool, suite, false,
          "Run every scenario at each of --suite_in_flight (ignores --scenario, --in_flight)");
ABSL_FLAG(std::vector<std::string>, suite_in_flight, std::vector<std::string>({"1", "64"}),
          "In-flight levels of --suite");
ABSL_FLAG(double, duration_s, 5, "Measured seconds per run");
ABSL_FLAG(double, warmup_s, 1, "Unmeasured seconds before each run");
ABSL_FLAG(int64_t, max_calls, 2'000'000, "Recorded calls per run at most");
ABSL_FLAG(double, call_timeout_s, 5, "Deadline of each call");

namespace {

bool PlanFromFlags(hc::bench::LoadPlan& plan) {
  plan.loop.duration = absl::Seconds(absl::GetFlag(FLAGS_duration_s));
  plan.loop.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_s));
  plan.loop.max_calls = absl::GetFlag(FLAGS_max_calls);
  plan.loop.call_timeout = absl::Seconds(absl::GetFlag(FLAGS_call_timeout_s));
  if (!absl::GetFlag(FLAGS_suite)) {
    plan.scenarios = {absl::GetFlag(FLAGS_scenario)};
    // The baseline runs first so that the table has its ratios.
    if (plan.scenarios[0] != "echo") plan.scenarios.insert(plan.scenarios.begin(), "echo");
    plan.in_flights = {absl::GetFlag(FLAGS_in_flight)};
    return true;
  }
  plan.scenarios = hc::bench::ScenarioNames();
  for (const std::string& level : absl::GetFlag(FLAGS_suite_in_flight)) {
    int n = 0;
    if (!absl::SimpleAtoi(level, &n)) return false;
    plan.in_flights.push_back(n);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Closed-loop load client for hc_server. Usage: hc_load --target=HOST:PORT "
      "--first_lead_link_file=PATH (--suite | --scenario=NAME --in_flight=N) [--duration_s=S]");
  absl::ParseCommandLine(argc, argv);
  // Debian's Abseil is built without NDEBUG, so every absl::Mutex (gRPC's
  // own locks included) runs deadlock detection through one global graph.
  // That is client-side overhead on the cores the server also runs on.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const std::string target = absl::GetFlag(FLAGS_target);
  if (target.empty() || absl::GetFlag(FLAGS_first_lead_link_file).empty()) {
    std::cerr << "hc_load: need --target and --first_lead_link_file\n";
    return EXIT_FAILURE;
  }
  hc::bench::LoadPlan plan;
  if (!PlanFromFlags(plan)) {
    std::cerr << "hc_load: --suite_in_flight must be a list of integers\n";
    return EXIT_FAILURE;
  }

  auto channel = grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5))) {
    std::cerr << "hc_load: cannot connect to " << target << "\n";
    return EXIT_FAILURE;
  }
  absl::StatusOr<std::string> signed_in =
      hc::testing::SignInAsFirstLead(*channel, absl::GetFlag(FLAGS_first_lead_link_file));
  if (!signed_in.ok()) {
    std::cerr << "hc_load: cannot sign in: " << signed_in.status() << "\n";
    return EXIT_FAILURE;
  }
  const std::string token = *signed_in;
  const auto summaries = hc::bench::RunLoadPlan(channel, token, plan);
  if (!summaries.ok()) {
    std::cerr << "hc_load: " << summaries.status() << "\n";
    return EXIT_FAILURE;
  }
  std::cout << "hc_load against " << target << ": warm-up " << absl::GetFlag(FLAGS_warmup_s)
            << " s, measured " << absl::GetFlag(FLAGS_duration_s)
            << " s per run; latencies over OK calls\n\n"
            << hc::bench::FormatTable(*summaries);
  return EXIT_SUCCESS;
}
