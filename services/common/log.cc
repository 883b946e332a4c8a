#include "services/common/log.h"

#include <unistd.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace hc::services {
namespace {

std::string Quoted(absl::string_view value) {
  if (!value.empty() && value.find_first_of(" \"=\n\t") == absl::string_view::npos) {
    return std::string(value);
  }
  return absl::StrCat("\"",
                      absl::StrReplaceAll(value, {{"\\", "\\\\"}, {"\"", "\\\""}, {"\n", "\\n"}}),
                      "\"");
}

}  // namespace

void LogLine(absl::string_view level, absl::string_view event,
             std::initializer_list<std::pair<absl::string_view, absl::string_view>> fields) {
  std::string line = absl::StrCat(
      "ts=", absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(), absl::UTCTimeZone()),
      " level=", level, " event=", event);
  for (const auto& [key, value] : fields) absl::StrAppend(&line, " ", key, "=", Quoted(value));
  line.push_back('\n');
  // One write(2) per line keeps lines from different threads whole.
  [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace hc::services
