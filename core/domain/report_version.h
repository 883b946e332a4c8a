#ifndef HC_CORE_DOMAIN_REPORT_VERSION_H_
#define HC_CORE_DOMAIN_REPORT_VERSION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/domain/principal.h"
#include "core/domain/resource.h"

// Versions of the written report (DOMAIN.md: lifecycle 6, Outputs): each is
// generated once from the engagement as it then is, reviewed by the team,
// checked for factual accuracy by the partnership and published. A
// published version never changes; a correction is a new version, whose
// publication supersedes the earlier one.
namespace hc::domain {

inline constexpr int kMaxReportVersions = 100;        // per engagement
inline constexpr int kMaxReportComments = 1000;       // per version
inline constexpr size_t kMaxReportCommentText = 4000; // characters
inline constexpr size_t kMaxReportCommentSection = 100;

// DRAFT -> TEAM_REVIEW -> FACTUAL_CHECK -> PUBLISHED -> SUPERSEDED (when a
// correction is published); any unpublished version may be WITHDRAWN,
// which is final.
enum class ReportState {
  kUnspecified = 0,
  kDraft = 1,
  kTeamReview = 2,
  kFactualCheck = 3,
  kPublished = 4,
  kSuperseded = 5,
  kWithdrawn = 6,
};

// The custom methods that move a version between states.
enum class ReportAction { kSubmitForReview, kSendForFactualCheck, kPublish, kWithdraw };

// One rendering of a version, as stored: the bytes (empty when listed),
// their lower-case hex SHA-256 and their size.
struct ReportRendering {
  std::string bytes;
  std::string sha256;
  int64_t size = 0;
};

struct ReportVersion {
  ResourceMeta meta;  // meta.id is the number in decimal
  std::string engagement_id;
  int number = 0;  // 1, 2, ... within the engagement; never reused
  ReportState state = ReportState::kDraft;
  std::string created_by;  // display name of the peer who generated it
  std::string created_by_peer_id;
  std::optional<absl::Time> publish_time;
  std::string published_by;  // display name of the lead peer who published it
  // The document's content fingerprint at generation (see
  // app::ReportFingerprint): publishing requires the engagement to still
  // compose to it.
  std::string content_fingerprint;
  ReportRendering html;
  ReportRendering pdf;
  int comment_count = 0;
  int partnership_comment_count = 0;  // of those, from the partnership
};

// A remark on one version, by the team or (in the factual-accuracy check)
// the partnership's contact. Never changed or deleted.
struct ReportComment {
  std::string id;
  std::string engagement_id;
  int report_number = 0;
  std::string text;
  std::string section;  // e.g. "4 Findings"; may be empty
  std::string author_name;
  std::string author_role;  // "Lead peer", "Peer", "Partnership contact", ...
  // Written by the partnership's contact. The partnership reads only these:
  // the team's remarks on its drafts stay with the team.
  bool from_partnership = false;
  absl::Time create_time = absl::UnixEpoch();
};

// Stable names, stored and shown: "DRAFT", "TEAM_REVIEW", "FACTUAL_CHECK",
// "PUBLISHED", "SUPERSEDED", "WITHDRAWN".
absl::string_view ReportStateName(ReportState state);
std::optional<ReportState> ParseReportState(absl::string_view name);

// "version 3".
std::string ReportVersionLabel(int number);

// Not yet published nor withdrawn: DRAFT, TEAM_REVIEW or FACTUAL_CHECK.
bool IsUnpublished(ReportState state);

// What the partnership's contact may read: FACTUAL_CHECK, PUBLISHED and
// SUPERSEDED (the version they check, and what was published).
bool VisibleToPartnership(ReportState state);

// The state `action` leads to from `from`, or FAILED_PRECONDITION naming
// `label` ("version 3") and what state it must be in.
absl::StatusOr<ReportState> NextReportState(ReportState from, ReportAction action,
                                            absl::string_view label);

// Whether a comment may be added now: the partnership's contact only in
// FACTUAL_CHECK, the team in TEAM_REVIEW and FACTUAL_CHECK.
// FAILED_PRECONDITION naming `label` otherwise.
absl::Status CheckCommentable(ReportState state, Role author_role, absl::string_view label);

// Text 1-kMaxReportCommentText characters, section at most
// kMaxReportCommentSection on one line. INVALID_ARGUMENT naming the field.
absl::Status ValidateReportComment(const ReportComment& comment);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_REPORT_VERSION_H_
