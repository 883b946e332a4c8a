#include "core/domain/engagement.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<Stage>, 10> kStageNames{{
    {Stage::kScoping, "SCOPING"},
    {Stage::kDeskResearch, "DESK_RESEARCH"},
    {Stage::kQuestionnaire, "QUESTIONNAIRE"},
    {Stage::kFieldwork, "FIELDWORK"},
    {Stage::kInitialFeedback, "INITIAL_FEEDBACK"},
    {Stage::kReport, "REPORT"},
    {Stage::kImprovementPlan, "IMPROVEMENT_PLAN"},
    {Stage::kFollowUp, "FOLLOW_UP"},
    {Stage::kClosed, "CLOSED"},
    {Stage::kCancelled, "CANCELLED"},
}};

constexpr std::array<EnumName<Purpose>, 3> kPurposeNames{{
    {Purpose::kDevelopmental, "DEVELOPMENTAL"},
    {Purpose::kRoutineAudit, "ROUTINE_AUDIT"},
    {Purpose::kRemedial, "REMEDIAL"},
}};

constexpr std::array<EnumName<TeamRole>, 3> kRoleNames{{
    {TeamRole::kLeadPeer, "LEAD_PEER"},
    {TeamRole::kPeer, "PEER"},
    {TeamRole::kShadow, "SHADOW"},
}};

// A key date and the stage an engagement should have reached by then.
struct Deadline {
  absl::string_view key_date;
  std::optional<absl::CivilDay> KeyDates::*field;
  Stage expected_stage;
};

constexpr std::array<Deadline, 5> kDeadlines{{
    {"questionnaire_open", &KeyDates::questionnaire_open, Stage::kQuestionnaire},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, Stage::kFieldwork},
    {"feedback_date", &KeyDates::feedback_date, Stage::kInitialFeedback},
    {"report_due", &KeyDates::report_due, Stage::kImprovementPlan},
    {"plan_due", &KeyDates::plan_due, Stage::kFollowUp},
}};

// The dates that must not go backwards, in order; `strict` when two may not
// fall on the same day.
struct Ordering {
  absl::string_view earlier_name;
  std::optional<absl::CivilDay> KeyDates::*earlier;
  absl::string_view later_name;
  std::optional<absl::CivilDay> KeyDates::*later;
  bool strict;
};

constexpr std::array<Ordering, 7> kOrderings{{
    {"questionnaire_open", &KeyDates::questionnaire_open, "questionnaire_close",
     &KeyDates::questionnaire_close, false},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, "fieldwork_day2",
     &KeyDates::fieldwork_day2, true},
    {"fieldwork_day2", &KeyDates::fieldwork_day2, "fieldwork_day3",
     &KeyDates::fieldwork_day3, true},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, "fieldwork_day3",
     &KeyDates::fieldwork_day3, true},
    {"fieldwork_day3", &KeyDates::fieldwork_day3, "feedback_date",
     &KeyDates::feedback_date, false},
    {"fieldwork_day3", &KeyDates::fieldwork_day3, "report_due",
     &KeyDates::report_due, true},
    {"report_due", &KeyDates::report_due, "plan_due", &KeyDates::plan_due, true},
}};

bool Reached(Stage stage, Stage expected) {
  return static_cast<int>(stage) >= static_cast<int>(expected);
}

}  // namespace

absl::string_view StageName(Stage stage) { return NameIn<Stage>(kStageNames, stage); }
std::optional<Stage> ParseStage(absl::string_view name) {
  return ValueIn<Stage>(kStageNames, name);
}
absl::string_view PurposeName(Purpose purpose) {
  return NameIn<Purpose>(kPurposeNames, purpose);
}
std::optional<Purpose> ParsePurpose(absl::string_view name) {
  return ValueIn<Purpose>(kPurposeNames, name);
}
absl::string_view TeamRoleName(TeamRole role) {
  return NameIn<TeamRole>(kRoleNames, role);
}
std::optional<TeamRole> ParseTeamRole(absl::string_view name) {
  return ValueIn<TeamRole>(kRoleNames, name);
}

absl::Status CheckNotEnded(const Engagement& engagement) {
  if (!IsTerminal(engagement.stage)) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat("engagements/", engagement.meta.id, " is ",
                                                    StageName(engagement.stage),
                                                    " and can no longer change"));
}

bool IsTerminal(Stage stage) {
  return stage == Stage::kClosed || stage == Stage::kCancelled;
}

bool ReportPublished(Stage stage) {
  return stage == Stage::kImprovementPlan || stage == Stage::kFollowUp || stage == Stage::kClosed;
}

absl::Status ValidateScoping(const ScopingRecord& s) {
  constexpr size_t kMaxItems = 50, kMaxItemChars = 2000;
  constexpr size_t kMaxStakeholders = 100, kMaxStakeholderChars = 200;
  const std::array<std::pair<absl::string_view, const std::vector<std::string>*>, 4>
      quadrants{{{"scoping.stakeholders.inform", &s.stakeholders.inform},
                 {"scoping.stakeholders.involve", &s.stakeholders.involve},
                 {"scoping.stakeholders.be_aware", &s.stakeholders.be_aware},
                 {"scoping.stakeholders.keep_on_board", &s.stakeholders.keep_on_board}}};
  for (const auto& [field, list] : quadrants) {
    if (absl::Status st = CheckTextList(field, *list, kMaxStakeholders, kMaxStakeholderChars);
        !st.ok()) {
      return st;
    }
  }
  if (absl::Status st = CheckTextList("scoping.issues", s.issues, kMaxItems, kMaxItemChars, true);
      !st.ok()) {
    return st;
  }
  if (absl::Status st = CheckTextList("scoping.desired_outcomes", s.desired_outcomes,
                                      kMaxItems, kMaxItemChars, true);
      !st.ok()) {
    return st;
  }
  return CheckText("scoping.arrangements", s.arrangements, 0, 4000, true);
}

absl::Status ValidateKeyDates(const KeyDates& dates) {
  for (const Ordering& o : kOrderings) {
    const auto& earlier = dates.*(o.earlier);
    const auto& later = dates.*(o.later);
    if (!earlier || !later) continue;
    if (*later < *earlier || (o.strict && *later == *earlier)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "key_dates.%s (%s) must be %s key_dates.%s (%s)", o.later_name,
          absl::FormatCivilTime(*later), o.strict ? "after" : "on or after",
          o.earlier_name, absl::FormatCivilTime(*earlier)));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateDueDateRules(const DueDateRules& rules) {
  for (const auto& [name, weeks] : {std::pair<absl::string_view, int>{"report_due_weeks",
                                                                      rules.report_due_weeks},
                                    {"plan_due_weeks", rules.plan_due_weeks}}) {
    if (weeks < 1 || weeks > 52) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s must be 1-52 weeks, not %d", name, weeks));
    }
  }
  return absl::OkStatus();
}

void ApplyKeyDateDefaults(KeyDates& dates, const DueDateRules& rules) {
  if (!dates.fieldwork_day3) return;
  if (!dates.feedback_date) dates.feedback_date = dates.fieldwork_day3;
  if (!dates.report_due) dates.report_due = *dates.fieldwork_day3 + rules.report_due_days();
}

std::vector<OverdueDate> OverdueDates(const Engagement& engagement,
                                      absl::CivilDay today) {
  std::vector<OverdueDate> overdue;
  if (IsTerminal(engagement.stage)) return overdue;
  for (const Deadline& d : kDeadlines) {
    const auto& date = engagement.key_dates.*(d.field);
    if (date && *date < today && !Reached(engagement.stage, d.expected_stage)) {
      overdue.push_back({d.key_date, *date, d.expected_stage});
    }
  }
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const OverdueDate& a, const OverdueDate& b) { return a.date < b.date; });
  return overdue;
}

std::optional<absl::CivilDay> NextDeadline(const Engagement& engagement) {
  std::optional<absl::CivilDay> next;
  if (IsTerminal(engagement.stage)) return next;
  for (const Deadline& d : kDeadlines) {
    const auto& date = engagement.key_dates.*(d.field);
    if (date && !Reached(engagement.stage, d.expected_stage) && (!next || *date < *next)) {
      next = *date;
    }
  }
  return next;
}

std::string LeadPeerId(const Engagement& engagement) {
  for (const TeamMember& m : engagement.team) {
    if (m.role == TeamRole::kLeadPeer) return m.peer_id;
  }
  return "";
}

const TeamMember* FindTeamMember(const Engagement& engagement,
                                 absl::string_view peer_id) {
  for (const TeamMember& m : engagement.team) {
    if (m.peer_id == peer_id) return &m;
  }
  return nullptr;
}

std::vector<KeyDateChange> DiffKeyDates(const KeyDates& before, const KeyDates& after) {
  const std::pair<const char*, std::optional<absl::CivilDay> KeyDates::*> fields[] = {
      {"questionnaire_open", &KeyDates::questionnaire_open},
      {"questionnaire_close", &KeyDates::questionnaire_close},
      {"fieldwork_day1", &KeyDates::fieldwork_day1},
      {"fieldwork_day2", &KeyDates::fieldwork_day2},
      {"fieldwork_day3", &KeyDates::fieldwork_day3},
      {"feedback_date", &KeyDates::feedback_date},
      {"report_due", &KeyDates::report_due},
      {"plan_due", &KeyDates::plan_due},
  };
  std::vector<KeyDateChange> changes;
  for (const auto& [field, member] : fields) {
    if (before.*member != after.*member) changes.push_back({field, before.*member, after.*member});
  }
  return changes;
}

std::optional<KeyDateChange> FirstChangeToAPassedDate(const std::vector<KeyDateChange>& changes,
                                                      absl::CivilDay today) {
  for (const KeyDateChange& c : changes) {
    if ((c.before && *c.before < today) || (c.after && *c.after < today)) return c;
  }
  return std::nullopt;
}

}  // namespace hc::domain
