#ifndef HC_CORE_DOMAIN_ENGAGEMENT_H_
#define HC_CORE_DOMAIN_ENGAGEMENT_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "core/domain/resource.h"

namespace hc::domain {

// The stages of an engagement, in order (DOMAIN.md). Numeric values equal the
// API's.
enum class Stage {
  kUnspecified = 0,
  kScoping = 1,
  kDeskResearch = 2,
  kQuestionnaire = 3,
  kFieldwork = 4,
  kInitialFeedback = 5,
  kReport = 6,
  kImprovementPlan = 7,
  kFollowUp = 8,
  kClosed = 9,
  kCancelled = 10,
};

// Why a health check is done (seed 003, stage 1). Values equal the API's.
enum class Purpose {
  kUnspecified = 0,
  kDevelopmental = 1,
  kRoutineAudit = 2,
  kRemedial = 3,
};

// Values equal the API's.
enum class TeamRole {
  kUnspecified = 0,
  kLeadPeer = 1,
  kPeer = 2,
  kShadow = 3,
};

absl::string_view StageName(Stage stage);
std::optional<Stage> ParseStage(absl::string_view name);
absl::string_view PurposeName(Purpose purpose);
std::optional<Purpose> ParsePurpose(absl::string_view name);
absl::string_view TeamRoleName(TeamRole role);
std::optional<TeamRole> ParseTeamRole(absl::string_view name);

// True for the stages from which nothing moves on (CLOSED, CANCELLED).
bool IsTerminal(Stage stage);

// True for the stages after the written report's publication
// (IMPROVEMENT_PLAN, FOLLOW_UP, CLOSED): from then on the partnership sees
// the agreed findings, recommendations and its improvement plan.
bool ReportPublished(Stage stage);

// The stakeholder analysis matrix of seed 001.
struct StakeholderMap {
  std::vector<std::string> inform;
  std::vector<std::string> involve;
  std::vector<std::string> be_aware;
  std::vector<std::string> keep_on_board;
};

struct ScopingRecord {
  std::vector<std::string> issues;
  std::vector<std::string> desired_outcomes;
  StakeholderMap stakeholders;
  std::string arrangements;  // where, when and how
};

struct KeyDates {
  std::optional<absl::CivilDay> questionnaire_open;
  std::optional<absl::CivilDay> questionnaire_close;
  std::optional<absl::CivilDay> fieldwork_day1;
  std::optional<absl::CivilDay> fieldwork_day2;
  std::optional<absl::CivilDay> fieldwork_day3;
  std::optional<absl::CivilDay> feedback_date;
  std::optional<absl::CivilDay> report_due;
  std::optional<absl::CivilDay> plan_due;
};

// One key date as a change moved it: its field name (e.g. "report_due") and
// its values before and after (unset: nullopt).
struct KeyDateChange {
  std::string field;
  std::optional<absl::CivilDay> before;
  std::optional<absl::CivilDay> after;
};

// The key dates that differ between `before` and `after`, in field order.
std::vector<KeyDateChange> DiffKeyDates(const KeyDates& before, const KeyDates& after);

// The first change that moves a date which had already passed on `today`, or
// sets one in the past, if any: such dates are the record of what happened
// (the dashboard's turnaround is measured from them), so only the lead peer
// or a programme lead may change them.
std::optional<KeyDateChange> FirstChangeToAPassedDate(const std::vector<KeyDateChange>& changes,
                                                      absl::CivilDay today);

struct TeamMember {
  std::string peer_id;
  TeamRole role = TeamRole::kUnspecified;
};

// One health check of one partnership.
struct Engagement {
  ResourceMeta meta;
  std::string partnership_id;
  Purpose purpose = Purpose::kUnspecified;
  Stage stage = Stage::kScoping;
  ScopingRecord scoping;
  KeyDates key_dates;
  std::vector<TeamMember> team;
  std::string initial_feedback_summary;
  std::string end_reason;
  std::string previous_engagement_id;
};

// How the report's and the plan's due dates default when not set: the
// report `report_due_weeks` after fieldwork day 3, the plan `plan_due_weeks`
// after the report is published (DOMAIN.md: 4 and 8). Set by the server's
// --report_due_weeks and --plan_due_weeks.
struct DueDateRules {
  int report_due_weeks = 4;
  int plan_due_weeks = 8;

  int report_due_days() const { return report_due_weeks * 7; }
  int plan_due_days() const { return plan_due_weeks * 7; }
};

// INVALID_ARGUMENT unless both numbers of weeks are 1-52.
absl::Status ValidateDueDateRules(const DueDateRules& rules);

// FAILED_PRECONDITION "engagements/{id} is CLOSED and can no longer change"
// once the engagement is closed or cancelled; OK before.
absl::Status CheckNotEnded(const Engagement& engagement);

// Checks the scoping record's sizes and text. INVALID_ARGUMENT on failure.
absl::Status ValidateScoping(const ScopingRecord& scoping);

// Checks that the dates that are set are in order (see KeyDates in the API).
// INVALID_ARGUMENT naming the two dates on failure.
absl::Status ValidateKeyDates(const KeyDates& dates);

// Fills feedback_date (day 3) and report_due (day 3 + rules.report_due_weeks)
// when fieldwork_day3 is set and they are not.
void ApplyKeyDateDefaults(KeyDates& dates, const DueDateRules& rules);

// A key date that passed before the engagement reached its stage.
struct OverdueDate {
  absl::string_view key_date;  // the API field name, e.g. "fieldwork_day1"
  absl::CivilDay date;
  Stage expected_stage;
};

// The key dates before `today` whose stage the engagement has not reached,
// oldest first. Closed and cancelled engagements have none.
std::vector<OverdueDate> OverdueDates(const Engagement& engagement,
                                      absl::CivilDay today);

// The earliest key date whose stage the engagement has not reached, if any:
// the engagement is overdue exactly when this is before today. Stored so that
// the store can filter overdue engagements without knowing the rule.
std::optional<absl::CivilDay> NextDeadline(const Engagement& engagement);

// The lead peer's id, or empty.
std::string LeadPeerId(const Engagement& engagement);

// The member with `peer_id`, or nullptr.
const TeamMember* FindTeamMember(const Engagement& engagement,
                                 absl::string_view peer_id);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_ENGAGEMENT_H_
