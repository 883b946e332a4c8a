#ifndef HC_TESTS_BENCH_REPORT_H_
#define HC_TESTS_BENCH_REPORT_H_

#include <string>
#include <vector>

#include "tests/bench/call_stats.h"

namespace hc::bench {

// Formats `runs` as a Markdown table, one row per run, in the given order.
// Each row's ratios compare it with the "echo" run at the same in-flight in
// `runs` (the baseline measured in the same process against the same
// server): p50 / echo p50, and OK calls/s / echo OK calls/s. A ratio is "-"
// where there is no such echo run, its value is zero, or (for p50) the row
// had no OK call.
std::string FormatTable(const std::vector<RunSummary>& runs);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_REPORT_H_
