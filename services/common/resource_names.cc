#include "services/common/resource_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace hc::services {

absl::StatusOr<std::string> ParseName(absl::string_view field, absl::string_view collection,
                                      absl::string_view name) {
  const std::string prefix = absl::StrCat(collection, "/");
  absl::string_view id = name;
  bool valid = absl::ConsumePrefix(&id, prefix) && !id.empty() && id.size() <= 64;
  for (char c : id) {
    valid = valid && (absl::ascii_islower(static_cast<unsigned char>(c)) ||
                      absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-');
  }
  if (!valid) {
    return absl::InvalidArgumentError(absl::StrCat(field, " must be a resource name like ",
                                                   prefix, "abc123, not \"",
                                                   name.substr(0, 100), "\""));
  }
  return std::string(id);
}

absl::StatusOr<std::string> ParseOptionalName(absl::string_view field,
                                              absl::string_view collection,
                                              absl::string_view name) {
  if (name.empty()) return std::string();
  return ParseName(field, collection, name);
}

absl::StatusOr<EngagementChildName> ParseEngagementChildName(absl::string_view field,
                                                             absl::string_view collection,
                                                             absl::string_view name) {
  const std::string separator = absl::StrCat("/", collection, "/");
  const size_t at = name.find(separator);
  absl::StatusOr<std::string> engagement =
      at == absl::string_view::npos
          ? absl::InvalidArgumentError("")
          : ParseName(field, "engagements", name.substr(0, at));
  absl::StatusOr<std::string> id =
      at == absl::string_view::npos
          ? absl::InvalidArgumentError("")
          : ParseName(field, collection, name.substr(at + 1));
  if (!engagement.ok() || !id.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(field, " must be like engagements/abc123/",
                                                   collection, "/def456, not \"",
                                                   name.substr(0, 100), "\""));
  }
  return EngagementChildName{*std::move(engagement), *std::move(id)};
}

absl::StatusOr<FrameworkVersionName> ParseFrameworkVersionName(absl::string_view field,
                                                               absl::string_view name) {
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  FrameworkVersionName out;
  if (parts.size() != 4 || parts[0] != "frameworks" || parts[1].empty() || parts[1].size() > 63 ||
      parts[2] != "versions" || !absl::SimpleAtoi(parts[3], &out.version) || out.version < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, " must be like frameworks/digging-deeper/versions/1, not \"", name.substr(0, 100),
        "\""));
  }
  out.framework_id = std::string(parts[1]);
  return out;
}

std::string NameOf(absl::string_view collection, absl::string_view id) {
  if (id.empty()) return "";
  return absl::StrCat(collection, "/", id);
}

}  // namespace hc::services
