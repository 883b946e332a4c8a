#ifndef HC_CLIENTS_CLI_NAMES_H_
#define HC_CLIENTS_CLI_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::cli {

// The collections of the API's resource names.
inline constexpr absl::string_view kPartnerships = "partnerships";
inline constexpr absl::string_view kPeers = "peers";
inline constexpr absl::string_view kEngagements = "engagements";
inline constexpr absl::string_view kAccessTokens = "accessTokens";
inline constexpr absl::string_view kFrameworks = "frameworks";
// Collections within an engagement.
inline constexpr absl::string_view kActivities = "activities";
inline constexpr absl::string_view kDocuments = "documents";
inline constexpr absl::string_view kNotes = "notes";
inline constexpr absl::string_view kFindings = "findings";
inline constexpr absl::string_view kReports = "reports";
inline constexpr absl::string_view kRecommendations = "recommendations";

// Returns `text` as a resource name in `collection`: a bare id gains the
// prefix ("abc" -> "engagements/abc"), a full name is kept as it is. Returns
// a usage error naming `what` (e.g. "--peer" or "ENGAGEMENT") if `text` is
// empty, has surrounding spaces or names another collection.
absl::StatusOr<std::string> ResourceName(absl::string_view collection,
                                         absl::string_view what,
                                         absl::string_view text);

// Returns `text` as the name of a resource in `collection` within an
// engagement, engagements/{id}/{collection}/{id}. Its id is unique only
// within the engagement, so it is always named in full. Returns a usage
// error naming `what` (e.g. "ACTIVITY") and `lister`, the command that
// prints such names (e.g. "hcctl activities list"), if `text` is anything
// else or holds spaces or control characters.
absl::StatusOr<std::string> EngagementChildName(absl::string_view collection,
                                                absl::string_view what,
                                                absl::string_view lister,
                                                absl::string_view text);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_NAMES_H_
