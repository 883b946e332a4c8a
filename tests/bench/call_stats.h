#ifndef HC_TESTS_BENCH_CALL_STATS_H_
#define HC_TESTS_BENCH_CALL_STATS_H_

#include <grpcpp/grpcpp.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace hc::bench {

// What one closed-loop run observed: the latency of every OK call and a count
// of every status code. Latencies of failed calls are left out of the
// percentiles (a fast rejection would flatter them) but the calls are counted.
// Not thread-safe: the load driver keeps one per concurrent slot and merges
// them after the run.
class CallStats {
 public:
  // Records one completed call.
  void Record(grpc::StatusCode code, double latency_ms);
  // Adds everything `other` recorded.
  void Merge(const CallStats& other);

  // Completed calls of any status.
  int64_t calls() const;
  int64_t count(grpc::StatusCode code) const;
  const std::vector<double>& ok_latencies_ms() const { return ok_latencies_ms_; }

 private:
  // gRPC status codes are 0 (OK) .. 16 (UNAUTHENTICATED).
  static constexpr int kCodes = 17;
  std::array<int64_t, kCodes> counts_{};
  std::vector<double> ok_latencies_ms_;
};

// The summary of a finished run.
struct RunSummary {
  std::string scenario;
  int in_flight = 0;
  int64_t calls = 0;         // completed, any status
  double seconds = 0;        // length of the measured window
  double ok_per_second = 0;  // OK calls / seconds
  double p50_ms = 0;         // over OK calls; 0 if there were none
  double p99_ms = 0;
  std::string codes;  // e.g. "OK=1234 UNAVAILABLE=2", every code seen
};

// Returns the nearest-rank percentile `p` (0 < p <= 100) of `values`, or 0
// for an empty vector. Sorts `values`.
double Percentile(std::vector<double>& values, double p);

// Summarises `stats` gathered over `seconds`. Sorts a copy of the latencies.
RunSummary Summarize(const std::string& scenario, int in_flight, const CallStats& stats,
                     double seconds);

// Returns the upper-case name of a status code, e.g. "DEADLINE_EXCEEDED".
std::string CodeName(grpc::StatusCode code);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_CALL_STATS_H_
