#ifndef HC_SERVICES_COMMON_PAGING_H_
#define HC_SERVICES_COMMON_PAGING_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/app/ports/page.h"

namespace hc::services {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// Builds the page request of a List call (AIP-158). `query` identifies the
// list and its filter: a token is valid only for the query that made it.
// INVALID_ARGUMENT for a negative page_size or a token that is malformed or
// from another query. A page_size of 0 means the default; above the maximum
// it is capped.
absl::StatusOr<app::PageRequest> ReadPageRequest(int page_size, absl::string_view page_token,
                                                 absl::string_view query);

// The opaque next_page_token for `next`, or empty when there is none.
std::string NextPageToken(const std::optional<app::Cursor>& next, absl::string_view query);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_PAGING_H_
