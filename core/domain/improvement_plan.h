#ifndef HC_CORE_DOMAIN_IMPROVEMENT_PLAN_H_
#define HC_CORE_DOMAIN_IMPROVEMENT_PLAN_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/domain/resource.h"

// The improvement plan (DOMAIN.md: lifecycle 7-8, Outputs): the
// partnership's actions answering the report's recommendations, approved by
// the lead peer or a programme lead, then tracked through progress updates
// and check-ins.
namespace hc::domain {

inline constexpr int kMaxPlanActions = 200;  // per engagement

// Where an action stands, on the Digging Deeper scale (seed 002). Values
// equal the API's.
enum class ActionStatus {
  kUnspecified = 0,
  kActionNeeded = 1,    // "NO - action is needed"
  kActionInHand = 2,    // "NO - but action is in hand"
  kNeedsImproving = 3,  // "YES - but needs improving"
  kWorkingWell = 4,     // "YES - working well"
};

enum class PlanState { kUnspecified = 0, kDraft = 1, kApproved = 2 };
enum class CheckInState { kUnspecified = 0, kScheduled = 1, kHeld = 2 };

// Stable names, stored and shown: "ACTION_NEEDED", ...; "DRAFT",
// "APPROVED"; "SCHEDULED", "HELD".
absl::string_view ActionStatusName(ActionStatus status);
std::optional<ActionStatus> ParseActionStatus(absl::string_view name);
absl::string_view PlanStateName(PlanState state);
std::optional<PlanState> ParsePlanState(absl::string_view name);
absl::string_view CheckInStateName(CheckInState state);
std::optional<CheckInState> ParseCheckInState(absl::string_view name);

// The plan itself: one per engagement, DRAFT until approved.
struct ImprovementPlan {
  ResourceMeta meta;  // meta.id is the engagement's id
  PlanState state = PlanState::kDraft;
  std::optional<absl::Time> approve_time;
  std::string approved_by;  // the approver's display name
};

struct PlanAction {
  ResourceMeta meta;
  std::string engagement_id;
  int number = 0;  // shown as "A3"; assigned once, never reused
  std::string title;        // what is to be done, one line
  std::string description;  // optional
  std::string recommendation_id;  // optional: an agreed recommendation it answers
  std::string statement_code;     // optional: a statement of the benchmark
  std::string owner_organisation;  // by whom: a member organisation's name
  std::optional<absl::CivilDay> due_date;
  ActionStatus status = ActionStatus::kActionNeeded;
  // Set when the lead peer or a programme lead confirms it is done; cleared
  // when it moves off WORKING_WELL.
  std::optional<absl::Time> verify_time;
  std::string verified_by;
};

// A note of progress on an action, kept as written: never changed.
struct ProgressUpdate {
  std::string id;
  std::string engagement_id;
  std::string action_id;
  std::string text;
  std::string evidence;  // optional
  ActionStatus status = ActionStatus::kUnspecified;  // the action's new status
  std::string author;    // display name
  absl::Time create_time = absl::UnixEpoch();
};

struct CheckIn {
  ResourceMeta meta;  // meta.id unused: a check-in is named by its number
  std::string engagement_id;
  int number = 0;  // 1, 2, ... in date order
  absl::CivilDay scheduled_date;
  CheckInState state = CheckInState::kScheduled;
  std::optional<absl::CivilDay> held_date;
  std::string notes;
  std::string held_by;  // display name of who recorded it
};

// How the plan's actions stand on `today`.
struct PlanSummary {
  // Indexed by ActionStatus (index 0 unused).
  std::array<int, 5> by_status{};
  int overdue = 0;
};

// "A3".
std::string ActionLabel(int number);

// Checks the client-supplied fields: title 1-200 characters on one line,
// description up to 5000, owner_organisation up to 200 on one line,
// statement_code up to 20, a status. INVALID_ARGUMENT naming the first bad
// field.
absl::Status ValidateAction(const PlanAction& action);

// Checks a progress update's text (1-5000), evidence (up to 5000) and new
// status. INVALID_ARGUMENT naming the first bad field.
absl::Status ValidateProgressUpdate(const ProgressUpdate& update);

// INVALID_ARGUMENT unless `owner` is empty or, compared by NormaliseName,
// one of `members`; returns the member's own spelling.
absl::StatusOr<std::string> MatchOwner(absl::string_view owner,
                                       const std::vector<std::string>& members);

// Overdue: a due date before `today` while the action is not WORKING_WELL.
bool IsOverdue(const PlanAction& action, absl::CivilDay today);
// A scheduled check-in whose date is before `today`.
bool IsOverdue(const CheckIn& check_in, absl::CivilDay today);

PlanSummary Summarise(const std::vector<PlanAction>& actions, absl::CivilDay today);

// Records a progress update's status on `action`: moving off WORKING_WELL
// clears the verification.
void ApplyStatus(PlanAction& action, ActionStatus status);

// FAILED_PRECONDITION unless the action is WORKING_WELL and not yet
// verified.
absl::Status CheckVerifiable(const PlanAction& action);

// A recommendation the plan must answer: its label and id.
struct AgreedRecommendation {
  std::string id;
  int number = 0;
};

// The approval rule: at least one action, every agreed recommendation
// answered by an action ("R2, R4 have no action"), every action with an
// owner and a due date ("A3 has no owner"). FAILED_PRECONDITION naming what
// is missing.
absl::Status CheckApproval(const std::vector<PlanAction>& actions,
                           const std::vector<AgreedRecommendation>& recommendations);

// `day` plus `months` calendar months, on the same day of the month or the
// month's last day when it is shorter (31 Aug + 6 months = 28/29 Feb).
absl::CivilDay AddMonths(absl::CivilDay day, int months);

// The check-ins of a plan approved on `approved_on`, numbered from 1, one
// for each entry of `months` (months after approval, ascending).
std::vector<CheckIn> ScheduleCheckIns(absl::string_view engagement_id,
                                      absl::CivilDay approved_on,
                                      const std::vector<int>& months);

// Checks a check-in can be recorded as held: it is SCHEDULED and `notes`
// are 1-5000 characters. FAILED_PRECONDITION / INVALID_ARGUMENT.
absl::Status CheckRecordable(const CheckIn& check_in, absl::string_view notes);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_IMPROVEMENT_PLAN_H_
