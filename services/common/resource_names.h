#ifndef HC_SERVICES_COMMON_RESOURCE_NAMES_H_
#define HC_SERVICES_COMMON_RESOURCE_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::services {

// Parses `{collection}/{id}` (AIP-122) and returns the id. INVALID_ARGUMENT
// naming `field` unless the collection matches and the id is 1-64 of
// [a-z0-9-].
absl::StatusOr<std::string> ParseName(absl::string_view field, absl::string_view collection,
                                      absl::string_view name);

// As ParseName, but an empty name gives an empty id.
absl::StatusOr<std::string> ParseOptionalName(absl::string_view field,
                                              absl::string_view collection,
                                              absl::string_view name);

// A resource under an engagement, `engagements/{engagement}/{collection}/{id}`.
struct EngagementChildName {
  std::string engagement_id;
  std::string id;
};

// Parses an engagement's child resource name. INVALID_ARGUMENT naming
// `field` unless both ids are as in ParseName.
absl::StatusOr<EngagementChildName> ParseEngagementChildName(absl::string_view field,
                                                             absl::string_view collection,
                                                             absl::string_view name);

// A benchmark version's name, `frameworks/{framework_id}/versions/{version}`.
struct FrameworkVersionName {
  std::string framework_id;
  int version = 0;
};

// Parses a benchmark version's name. INVALID_ARGUMENT naming `field` unless
// the id is 1-63 of [a-z0-9-] and the version a whole number from 1 in
// digits, without leading zeros (one spelling per version).
absl::StatusOr<FrameworkVersionName> ParseFrameworkVersionName(absl::string_view field,
                                                               absl::string_view name);

// `{collection}/{id}`, or empty for an empty id.
std::string NameOf(absl::string_view collection, absl::string_view id);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_RESOURCE_NAMES_H_
