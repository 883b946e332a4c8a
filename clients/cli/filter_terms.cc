#include "clients/cli/filter_terms.h"

#include "absl/strings/match.h"
#include "clients/cli/errors.h"

namespace hc::cli {

absl::StatusOr<std::string> QuotedTerm(absl::string_view field,
                                       absl::string_view flag,
                                       absl::string_view value) {
  if (value.empty() || absl::StrContains(value, '"') ||
      absl::StrContains(value, '\\')) {
    return UsageError(absl::StrCat("invalid --", flag, " \"", value, "\""));
  }
  return absl::StrCat(field, " = \"", value, "\"");
}

}  // namespace hc::cli
