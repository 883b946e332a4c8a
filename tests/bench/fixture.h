#ifndef HC_TESTS_BENCH_FIXTURE_H_
#define HC_TESTS_BENCH_FIXTURE_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace hc::bench {

// The resources the scenarios work on, made through the public API.
struct Fixture {
  std::string run_id;       // unique to this hc_load process; prefixes ids and emails
  std::string partnership;  // partnerships/{partnership}, with four member organisations
  std::string peer;         // peers/{peer}, on the engagement's team as a shadow
  std::string engagement;   // engagements/{engagement}, in SCOPING
};

// Creates the fixture over `channel` with a programme lead's `token`, each
// create with its own request_id. Returns the first failing call's status
// (e.g. UNAUTHENTICATED for a bad token, UNAVAILABLE if no server answers).
// Blocks; each call has a 5 s deadline.
absl::StatusOr<Fixture> CreateFixture(const std::shared_ptr<grpc::Channel>& channel,
                                      const std::string& token);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_FIXTURE_H_
