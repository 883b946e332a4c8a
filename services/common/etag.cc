#include "services/common/etag.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace hc::services {

std::string EtagOf(int64_t version) { return absl::StrCat("W/\"", version, "\""); }

absl::StatusOr<std::optional<int64_t>> ParseEtag(absl::string_view etag) {
  if (etag.empty()) return std::optional<int64_t>();
  absl::string_view digits = etag;
  int64_t version = 0;
  if (!absl::ConsumePrefix(&digits, "W/\"") || !absl::ConsumeSuffix(&digits, "\"") ||
      !absl::SimpleAtoi(digits, &version) || version < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("etag ", etag.substr(0, 40), " is not one this server issued"));
  }
  return std::optional<int64_t>(version);
}

}  // namespace hc::services
