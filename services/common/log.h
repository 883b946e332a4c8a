#ifndef HC_SERVICES_COMMON_LOG_H_
#define HC_SERVICES_COMMON_LOG_H_

#include <initializer_list>
#include <utility>

#include "absl/strings/string_view.h"

namespace hc::services {

// Writes one structured line to stderr:
//   ts=2026-11-21T23:03:39.123456Z level=info event=rpc method=... code=OK
// Values holding spaces, quotes or '=' are quoted. Thread-safe (one write per
// line). Never pass secrets.
void LogLine(absl::string_view level, absl::string_view event,
             std::initializer_list<std::pair<absl::string_view, absl::string_view>> fields);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_LOG_H_
