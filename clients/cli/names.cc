#include "clients/cli/names.h"

#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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

absl::StatusOr<std::string> EngagementChildName(absl::string_view collection,
                                                absl::string_view what,
                                                absl::string_view lister,
                                                absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '/');
  const bool valid =
      parts.size() == 4 && parts[0] == kEngagements && !parts[1].empty() &&
      parts[2] == collection && !parts[3].empty() &&
      absl::c_all_of(text, [](char c) {
        return absl::ascii_isgraph(static_cast<unsigned char>(c));
      });
  if (!valid) {
    return UsageError(absl::StrCat("invalid ", what, " \"", text,
                                   "\": expected engagements/{id}/", collection,
                                   "/{id}, as ", lister, " prints it"));
  }
  return std::string(text);
}

}  // namespace hc::cli
