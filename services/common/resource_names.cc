#include "services/common/resource_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace hc::services {

namespace {

// 1 to `max` of [a-z0-9-].
bool IsId(absl::string_view id, size_t max) {
  if (id.empty() || id.size() > max) return false;
  for (char c : id) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '-') {
      return false;
    }
  }
  return true;
}

// A whole number from 1 written in digits only, without leading zeros, so
// that a name has one spelling ("versions/12", never "versions/012").
bool IsVersion(absl::string_view text, int& version) {
  if (text.empty() || text.size() > 9 || text[0] == '0') return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(text, &version);
}

}  // namespace

absl::StatusOr<std::string> ParseName(absl::string_view field, absl::string_view collection,
                                      absl::string_view name) {
  const std::string prefix = absl::StrCat(collection, "/");
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, prefix) || !IsId(id, 64)) {
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
  if (parts.size() != 4 || parts[0] != "frameworks" || !IsId(parts[1], 63) ||
      parts[2] != "versions" || !IsVersion(parts[3], out.version)) {
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
