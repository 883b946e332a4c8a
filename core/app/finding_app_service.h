#ifndef HC_CORE_APP_FINDING_APP_SERVICE_H_
#define HC_CORE_APP_FINDING_APP_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/findings.h"
#include "core/domain/initial_feedback.h"
#include "core/domain/principal.h"

namespace hc::app {

// The initial feedback and whether it has been given (then it is the
// feedback as given, which never changes).
struct FeedbackView {
  domain::InitialFeedback feedback;
  bool given = false;
};

// Use cases of findings, recommendations and the initial feedback.
// Thread-safe. Rules:
// - The lead peer and peers on the team draft, edit and withdraw
//   (EngagementAccess::kDraft); only the lead peer agrees and reopens
//   (kLeadPeer). The whole team and the programme lead read.
// - The partnership's contact reads only once the report is published
//   (stage IMPROVEMENT_PLAN, FOLLOW_UP or CLOSED), and only agreed ones;
//   findings then come without their notes (notes are the team's alone).
//   Before that PERMISSION_DENIED, as for anyone else.
// - Only a draft changes (domain::CheckEditable); states move by
//   domain::NextReviewState; nothing is deleted and numbers are never
//   reused. Changes refused once the engagement has ended.
// - INVALID_ARGUMENT for bad fields, codes not of the benchmark, notes or
//   findings not of the engagement; NOT_FOUND for an unknown finding or
//   recommendation; ABORTED for a stale etag; FAILED_PRECONDITION for the
//   state rules, the evidence rule, a withdrawn finding linked, or no
//   questionnaire (no benchmark).
class FindingAppService {
 public:
  FindingAppService(Store& store, Clock& clock, IdSource& ids, const FrameworkCodec& codec);

  // Drafts a finding authored by the calling peer. Idempotent by request_id.
  absl::StatusOr<domain::ReviewFinding> CreateFinding(const domain::Principal& principal,
                                                      absl::string_view engagement_id,
                                                      const domain::ReviewFinding& input,
                                                      const RequestKey& key);
  absl::StatusOr<domain::ReviewFinding> GetFinding(const domain::Principal& principal,
                                                   absl::string_view engagement_id,
                                                   absl::string_view id);
  absl::StatusOr<Page<domain::ReviewFinding>> ListFindings(const domain::Principal& principal,
                                                           absl::string_view engagement_id,
                                                           const FindingQuery& query,
                                                           const PageRequest& page);
  // Copies the fields named in `paths` (kind, title, narrative, principles,
  // notes, questionnaire_results).
  absl::StatusOr<domain::ReviewFinding> UpdateFinding(const domain::Principal& principal,
                                                      absl::string_view engagement_id,
                                                      absl::string_view id,
                                                      const domain::ReviewFinding& input,
                                                      const std::vector<std::string>& paths,
                                                      std::optional<int64_t> expected_version);
  // Agree (with evidence: domain::CheckEvidence), reopen or withdraw (not
  // while a recommendation that is not withdrawn answers it).
  absl::StatusOr<domain::ReviewFinding> ChangeFindingState(
      const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
      domain::ReviewAction action, std::optional<int64_t> expected_version);

  absl::StatusOr<domain::Recommendation> CreateRecommendation(
      const domain::Principal& principal, absl::string_view engagement_id,
      const domain::Recommendation& input, const RequestKey& key);
  absl::StatusOr<domain::Recommendation> GetRecommendation(const domain::Principal& principal,
                                                           absl::string_view engagement_id,
                                                           absl::string_view id);
  absl::StatusOr<Page<domain::Recommendation>> ListRecommendations(
      const domain::Principal& principal, absl::string_view engagement_id,
      const RecommendationQuery& query, const PageRequest& page);
  // Copies the fields named in `paths` (text, priority, findings).
  absl::StatusOr<domain::Recommendation> UpdateRecommendation(
      const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
      const domain::Recommendation& input, const std::vector<std::string>& paths,
      std::optional<int64_t> expected_version);
  // Agree (only once every finding it answers is agreed), reopen or
  // withdraw.
  absl::StatusOr<domain::Recommendation> ChangeRecommendationState(
      const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
      domain::ReviewAction action, std::optional<int64_t> expected_version);

  // Once given, the feedback as given: for anyone who may read the
  // engagement. Before, a draft composed now: for the team only (it
  // carries questionnaire results); FAILED_PRECONDITION "not given yet"
  // for the programme lead and the partnership's contact.
  absl::StatusOr<FeedbackView> GetInitialFeedback(const domain::Principal& principal,
                                                  absl::string_view engagement_id);

 private:
  // Validates `finding` against its engagement: benchmark codes, notes.
  absl::Status CheckFinding(Repositories& repos, const domain::ReviewFinding& finding);
  // Validates `recommendation`: its findings exist and are not withdrawn.
  absl::Status CheckRecommendation(Repositories& repos,
                                   const domain::Recommendation& recommendation);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  const FrameworkCodec& codec_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_FINDING_APP_SERVICE_H_
