#ifndef HC_CORE_APP_IMPROVEMENT_PLAN_APP_SERVICE_H_
#define HC_CORE_APP_IMPROVEMENT_PLAN_APP_SERVICE_H_

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
#include "core/domain/engagement.h"
#include "core/domain/improvement_plan.h"
#include "core/domain/principal.h"

namespace hc::app {

struct ImprovementPlanOptions {
  // When the check-ins fall, in months after the plan's approval.
  std::vector<int> check_in_months = {6, 12};
  // The due dates a stage change applies (the programme's configuration).
  domain::DueDateRules due_date_rules;
};

// The plan with how its actions stand today.
struct PlanView {
  domain::ImprovementPlan plan;
  domain::PlanSummary summary;
  std::optional<absl::CivilDay> plan_due;  // the engagement's key date
};

struct ActionView {
  domain::PlanAction action;
  bool overdue = false;  // domain::IsOverdue today
};

struct CheckInView {
  domain::CheckIn check_in;
  bool overdue = false;
};

enum class SuggestionSource { kUnspecified = 0, kRecommendation = 1, kPossibleAction = 2,
                              kRespondentEntry = 3 };

// Something an action can be created from.
struct ActionSuggestion {
  SuggestionSource source = SuggestionSource::kUnspecified;
  std::string text;                // the recommendation's, possible action's or entry's text
  std::string recommendation_id;   // kRecommendation
  int recommendation_number = 0;
  std::string statement_code;      // kPossibleAction, kRespondentEntry
  std::string by_whom;             // kRespondentEntry
  std::string action_entry_id;     // kRespondentEntry
};

// Use cases of the improvement plan. Thread-safe. Rules:
// - Reads: the programme lead, the whole review team and the partnership's
//   contact (EngagementAccess::kRead); anyone else PERMISSION_DENIED.
// - Actions are created and updated by the partnership's contact and by the
//   lead peer and peers (not shadows, not the programme lead); progress
//   updates are the contact's; verifying, approving and recording check-ins
//   are the lead peer's or a programme lead's. PERMISSION_DENIED otherwise.
// - Changes need the report published (stage IMPROVEMENT_PLAN or
//   FOLLOW_UP): FAILED_PRECONDITION "the report is not published yet"
//   before, and once the engagement has ended.
// - INVALID_ARGUMENT for bad fields, an owner that is not a member
//   organisation, an unknown recommendation or statement; FAILED_PRECONDITION
//   for a recommendation that is not agreed; NOT_FOUND for an unknown action
//   or check-in; ABORTED for a stale etag.
class ImprovementPlanAppService {
 public:
  ImprovementPlanAppService(Store& store, Clock& clock, IdSource& ids,
                            const FrameworkCodec& codec, ImprovementPlanOptions options = {});

  absl::StatusOr<PlanView> GetPlan(const domain::Principal& principal,
                                   absl::string_view engagement_id);
  // Approves the plan (domain::CheckApproval; stage IMPROVEMENT_PLAN) and,
  // in the same transaction, makes the engagement's BeginFollowUp transition
  // and schedules the check-ins.
  absl::StatusOr<PlanView> ApprovePlan(const domain::Principal& principal,
                                       absl::string_view engagement_id,
                                       std::optional<int64_t> expected_version);

  // Creates an action numbered after the last one. Idempotent by
  // request_id. With `source_entry_id` (the team only) the respondents'
  // entry fills the title and statement when they are empty.
  absl::StatusOr<ActionView> CreateAction(const domain::Principal& principal,
                                          absl::string_view engagement_id,
                                          const domain::PlanAction& input,
                                          absl::string_view source_entry_id,
                                          const RequestKey& key);
  absl::StatusOr<ActionView> GetAction(const domain::Principal& principal,
                                       absl::string_view engagement_id, absl::string_view id);
  absl::StatusOr<Page<ActionView>> ListActions(const domain::Principal& principal,
                                               absl::string_view engagement_id,
                                               PlanActionQuery query, bool overdue_only,
                                               const PageRequest& page);
  // Copies the fields named in `paths` (title, description, recommendation,
  // statement_code, owner_organisation, due_date). The status changes only
  // through progress updates.
  absl::StatusOr<ActionView> UpdateAction(const domain::Principal& principal,
                                          absl::string_view engagement_id, absl::string_view id,
                                          const domain::PlanAction& input,
                                          const std::vector<std::string>& paths,
                                          std::optional<int64_t> expected_version);
  // Confirms a WORKING_WELL action is done (domain::CheckVerifiable).
  absl::StatusOr<ActionView> VerifyAction(const domain::Principal& principal,
                                          absl::string_view engagement_id, absl::string_view id,
                                          std::optional<int64_t> expected_version);

  // Records a progress update and sets the action's status to its status.
  // Idempotent by request_id.
  absl::StatusOr<domain::ProgressUpdate> CreateProgressUpdate(
      const domain::Principal& principal, absl::string_view engagement_id,
      absl::string_view action_id, const domain::ProgressUpdate& input, const RequestKey& key);
  absl::StatusOr<Page<domain::ProgressUpdate>> ListProgressUpdates(
      const domain::Principal& principal, absl::string_view engagement_id,
      absl::string_view action_id, const PageRequest& page);

  absl::StatusOr<Page<CheckInView>> ListCheckIns(const domain::Principal& principal,
                                                 absl::string_view engagement_id,
                                                 const PageRequest& page);
  // Records a scheduled check-in as held today with `notes` (required).
  absl::StatusOr<CheckInView> RecordCheckIn(const domain::Principal& principal,
                                            absl::string_view engagement_id, int number,
                                            absl::string_view notes,
                                            std::optional<int64_t> expected_version);

  // Agreed recommendations with no action yet, the benchmark's possible
  // actions, and for the review team only (once the questionnaire has
  // closed with k or more respondents) the respondents' unattributed action
  // entries.
  absl::StatusOr<std::vector<ActionSuggestion>> ListSuggestions(
      const domain::Principal& principal, absl::string_view engagement_id);

 private:
  absl::Status CheckAction(Repositories& repos, const domain::Engagement& engagement,
                           domain::PlanAction& action);
  absl::Status ApplyEntry(Repositories& repos, const domain::Principal& principal,
                          const domain::Engagement& engagement, absl::string_view entry_id,
                          domain::PlanAction& action);
  absl::StatusOr<bool> EntriesReadable(Repositories& repos, const domain::Principal& principal,
                                       const domain::Engagement& engagement);
  ActionView ViewOf(domain::PlanAction action);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  const FrameworkCodec& codec_;
  ImprovementPlanOptions options_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_IMPROVEMENT_PLAN_APP_SERVICE_H_
