#include "tests/bench/call_stats.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace hc::bench {

void CallStats::Record(grpc::StatusCode code, double latency_ms) {
  const int index = static_cast<int>(code);
  // An out-of-range code from a misbehaving peer is counted as UNKNOWN.
  ++counts_[index >= 0 && index < kCodes ? index : grpc::StatusCode::UNKNOWN];
  if (code == grpc::StatusCode::OK) ok_latencies_ms_.push_back(latency_ms);
}

void CallStats::Merge(const CallStats& other) {
  for (int i = 0; i < kCodes; ++i) counts_[i] += other.counts_[i];
  ok_latencies_ms_.insert(ok_latencies_ms_.end(), other.ok_latencies_ms_.begin(),
                          other.ok_latencies_ms_.end());
}

int64_t CallStats::calls() const {
  int64_t total = 0;
  for (int64_t n : counts_) total += n;
  return total;
}

int64_t CallStats::count(grpc::StatusCode code) const { return counts_[static_cast<int>(code)]; }

double Percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  // Nearest rank: the smallest value with at least p% of values at or below.
  const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

RunSummary Summarize(const std::string& scenario, int in_flight, const CallStats& stats,
                     double seconds) {
  RunSummary summary;
  summary.scenario = scenario;
  summary.in_flight = in_flight;
  summary.calls = stats.calls();
  summary.seconds = seconds;
  const int64_t ok = stats.count(grpc::StatusCode::OK);
  summary.ok_per_second = seconds > 0 ? static_cast<double>(ok) / seconds : 0;
  std::vector<double> latencies = stats.ok_latencies_ms();
  summary.p50_ms = Percentile(latencies, 50);
  summary.p99_ms = Percentile(latencies, 99);
  std::vector<std::string> seen;
  for (int code = 0; code <= grpc::StatusCode::UNAUTHENTICATED; ++code) {
    const auto status_code = static_cast<grpc::StatusCode>(code);
    const int64_t n = stats.count(status_code);
    if (n > 0) seen.push_back(absl::StrCat(CodeName(status_code), "=", n));
  }
  summary.codes = seen.empty() ? std::string(1, '-') : absl::StrJoin(seen, " ");
  return summary;
}

std::string CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return absl::StrCat("CODE_", static_cast<int>(code));
  }
}

}  // namespace hc::bench
