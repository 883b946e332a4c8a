#ifndef HC_CORE_DOMAIN_FINDINGS_H_
#define HC_CORE_DOMAIN_FINDINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/domain/framework.h"
#include "core/domain/resource.h"

// Findings and recommendations (DOMAIN.md: Fieldwork, evidence and
// findings): what the review team concludes from its evidence, drafted by
// the team and agreed by the lead peer; the initial feedback and the report
// are built from the agreed ones.
namespace hc::domain {

inline constexpr int kMaxFindings = 200;         // per engagement
inline constexpr int kMaxRecommendations = 200;  // per engagement
inline constexpr size_t kMaxFindingLinks = 100;  // principles, notes, results, findings

enum class FindingKind { kUnspecified = 0, kStrength = 1, kAreaForDevelopment = 2 };

// Draft -> agreed (by the lead peer) -> back to draft when reopened; a draft
// may be withdrawn, which is final. Nothing is ever deleted, so numbers and
// ids stay stable for every report version that cites them.
enum class ReviewState { kUnspecified = 0, kDraft = 1, kAgreed = 2, kWithdrawn = 3 };

enum class Priority { kUnspecified = 0, kHigh = 1, kMedium = 2, kLow = 3 };

// The custom methods that move a finding or recommendation between states.
enum class ReviewAction { kAgree, kReopen, kWithdraw };

struct ReviewFinding {
  ResourceMeta meta;
  std::string engagement_id;
  // 1, 2, ... in order of drafting within the engagement: shown as "F3",
  // assigned once and never reused.
  int number = 0;
  FindingKind kind = FindingKind::kUnspecified;
  std::string title;      // one line: the finding in a sentence
  std::string narrative;  // what the team found and why it matters
  // Section (principle, area) codes of the benchmark, distinct; the first is
  // the principle it is reported under.
  std::vector<std::string> principles;
  // Supporting evidence: notes of the engagement, and section or statement
  // codes whose questionnaire results bear it out.
  std::vector<std::string> note_ids;
  std::vector<std::string> questionnaire_results;
  ReviewState state = ReviewState::kDraft;
  std::string author_peer_id;     // who drafted it
  std::string agreed_by_peer_id;  // set while agreed
  std::optional<absl::Time> agree_time;
};

struct Recommendation {
  ResourceMeta meta;
  std::string engagement_id;
  int number = 0;  // shown as "R2"; as ReviewFinding::number
  std::string text;
  Priority priority = Priority::kUnspecified;
  std::vector<std::string> finding_ids;  // the findings it answers, distinct, at least one
  ReviewState state = ReviewState::kDraft;
  std::string author_peer_id;
  std::string agreed_by_peer_id;
  std::optional<absl::Time> agree_time;
};

// Stable names, stored and shown: "STRENGTH", "AREA_FOR_DEVELOPMENT";
// "DRAFT", "AGREED", "WITHDRAWN"; "HIGH", "MEDIUM", "LOW".
absl::string_view FindingKindName(FindingKind kind);
std::optional<FindingKind> ParseFindingKind(absl::string_view name);
absl::string_view ReviewStateName(ReviewState state);
std::optional<ReviewState> ParseReviewState(absl::string_view name);
absl::string_view PriorityName(Priority priority);
std::optional<Priority> ParsePriority(absl::string_view name);

// "F3" and "R2".
std::string FindingLabel(int number);
std::string RecommendationLabel(int number);

// Check the client-supplied fields (kind, title 1-200 characters on one
// line, narrative 1-10000, at least one principle, every list distinct and
// at most kMaxFindingLinks long; text 1-2000, a priority, one or more
// findings). INVALID_ARGUMENT naming the first bad field.
absl::Status ValidateFinding(const ReviewFinding& finding);
absl::Status ValidateRecommendation(const Recommendation& recommendation);

// Checks the finding's principles are section codes and its questionnaire
// results section or statement codes of `framework`. INVALID_ARGUMENT
// naming the first code that is not.
absl::Status CheckFindingCodes(const Framework& framework, const ReviewFinding& finding);

// A finding is agreed only with evidence: a supporting note, or
// questionnaire results once they are released (`results_released`).
// FAILED_PRECONDITION saying what is missing otherwise.
absl::Status CheckEvidence(const ReviewFinding& finding, bool results_released);

// The state `action` leads to from `from`, or FAILED_PRECONDITION naming
// `label` ("F3") and why: only a draft is agreed or withdrawn, only an
// agreed one reopened.
absl::StatusOr<ReviewState> NextReviewState(ReviewState from, ReviewAction action,
                                            absl::string_view label);

// Only a draft is edited: FAILED_PRECONDITION for an agreed one ("reopen it
// first") or a withdrawn one.
absl::Status CheckEditable(ReviewState state, absl::string_view label);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_FINDINGS_H_
