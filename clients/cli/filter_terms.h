#ifndef HC_CLIENTS_CLI_FILTER_TERMS_H_
#define HC_CLIENTS_CLI_FILTER_TERMS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "clients/cli/values.h"

namespace hc::cli {

// Terms of the AIP-160 filters that list commands build from their flags.

// `field = "value"`, refusing (as a usage error naming --`flag`) an empty
// value or one that would end the string.
absl::StatusOr<std::string> QuotedTerm(absl::string_view field,
                                       absl::string_view flag,
                                       absl::string_view value);

// `field = VALUE`, the value of enum E given to --`flag` in upper case
// without its prefix (e.g. "state = AGREED"); a usage error listing the
// choices for anything else.
template <typename E>
absl::StatusOr<std::string> EnumTerm(absl::string_view field,
                                     absl::string_view flag,
                                     absl::string_view text) {
  absl::StatusOr<E> value = ParseEnum<E>(flag, text);
  if (!value.ok()) return value.status();
  return absl::StrCat(field, " = ", absl::AsciiStrToUpper(EnumLabel(*value)));
}

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FILTER_TERMS_H_
