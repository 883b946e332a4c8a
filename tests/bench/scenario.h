#ifndef HC_TESTS_BENCH_SCENARIO_H_
#define HC_TESTS_BENCH_SCENARIO_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <string>

namespace hc::bench {

// One kind of call the load client repeats: the port between the closed-loop
// driver and the API. Implementations are thread-safe: StartCall may be
// called from many threads at once, including from within a `done` callback.
class Scenario {
 public:
  using Done = std::function<void(const grpc::Status&)>;

  virtual ~Scenario() = default;

  // The name printed in the results table, e.g. "get_engagement".
  virtual std::string name() const = 0;

  // Starts one asynchronous call that must finish by `deadline` and returns
  // at once. `done` runs exactly once, on a gRPC thread, with the call's
  // status; the scenario frees the call's state itself.
  virtual void StartCall(std::chrono::system_clock::time_point deadline, Done done) = 0;
};

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_SCENARIO_H_
