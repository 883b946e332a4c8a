#include "clients/cli/names.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"

namespace hc::cli {

absl::StatusOr<std::string> ResourceName(absl::string_view collection,
                                         absl::string_view what,
                                         absl::string_view text) {
  const std::string prefix = absl::StrCat(collection, "/");
  if (absl::StartsWith(text, prefix) && text.size() > prefix.size()) {
    return std::string(text);
  }
  const bool bare_id = !text.empty() &&
                       absl::StripAsciiWhitespace(text) == text &&
                       !absl::StrContains(text, '/');
  if (!bare_id) {
    return UsageError(absl::StrCat("invalid ", what, " \"", text,
                                   "\": expected ", collection,
                                   "/{id} or a bare id"));
  }
  return absl::StrCat(prefix, text);
}

}  // namespace hc::cli
