#include "services/common/resource_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"

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

std::string NameOf(absl::string_view collection, absl::string_view id) {
  if (id.empty()) return "";
  return absl::StrCat(collection, "/", id);
}

}  // namespace hc::services
