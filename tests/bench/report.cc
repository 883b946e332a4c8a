#include "tests/bench/report.h"

#include "absl/strings/str_format.h"

namespace hc::bench {
namespace {

const RunSummary* FindEcho(const std::vector<RunSummary>& runs, int in_flight) {
  for (const RunSummary& run : runs) {
    if (run.scenario == "echo" && run.in_flight == in_flight) return &run;
  }
  return nullptr;
}

std::string Ratio(double value, double baseline) {
  if (baseline <= 0) return "-";
  return absl::StrFormat("%.2f", value / baseline);
}

}  // namespace

std::string FormatTable(const std::vector<RunSummary>& runs) {
  std::string table = absl::StrFormat(
      "| %-14s | %9s | %9s | %11s | %8s | %8s | %11s | %16s | %s |\n", "scenario", "in-flight",
      "calls", "ok calls/s", "p50 ms", "p99 ms", "p50 vs echo", "calls/s vs echo", "status codes");
  table +=
      "|----------------|----------:|----------:|------------:|---------:|---------:|"
      "------------:|-----------------:|---|\n";
  for (const RunSummary& run : runs) {
    const RunSummary* echo = FindEcho(runs, run.in_flight);
    absl::StrAppendFormat(
        &table, "| %-14s | %9d | %9d | %11.0f | %8.3f | %8.3f | %11s | %16s | %s |\n", run.scenario,
        run.in_flight, run.calls, run.ok_per_second, run.p50_ms, run.p99_ms,
        echo && run.ok_per_second > 0 ? Ratio(run.p50_ms, echo->p50_ms) : "-",
        echo ? Ratio(run.ok_per_second, echo->ok_per_second) : "-", run.codes);
  }
  return table;
}

}  // namespace hc::bench
