#ifndef HC_TESTS_BENCH_SCENARIOS_H_
#define HC_TESTS_BENCH_SCENARIOS_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/bench/fixture.h"
#include "tests/bench/scenario.h"

namespace hc::bench {

// The scenarios hc_load knows, in the order the suite runs them; "echo" is
// the baseline the others are compared with.
const std::vector<std::string>& ScenarioNames();

// Makes the scenario called `name` over `channel`:
//   echo            EchoService/Echo with a 64-byte payload (no auth, no store)
//   get_engagement  GetEngagement of fixture.engagement
//   create_peer     CreatePeer, each with a new email and request_id (a
//                   durable write through the group-commit writer)
// Every call carries the bearer `token` (echo ignores it; sending it keeps
// the bytes on the wire alike). Returns INVALID_ARGUMENT for an unknown name.
absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(const std::string& name,
                                                       std::shared_ptr<grpc::Channel> channel,
                                                       const std::string& token,
                                                       const Fixture& fixture);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_SCENARIOS_H_
