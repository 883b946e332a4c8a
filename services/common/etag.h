#ifndef HC_SERVICES_COMMON_ETAG_H_
#define HC_SERVICES_COMMON_ETAG_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::services {

// The etag of a resource at `version` (AIP-154): W/"<version>".
std::string EtagOf(int64_t version);

// The version an etag from a request names: nullopt for an empty etag (no
// check); INVALID_ARGUMENT for one this server never issued.
absl::StatusOr<std::optional<int64_t>> ParseEtag(absl::string_view etag);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_ETAG_H_
