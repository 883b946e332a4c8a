#include "core/domain/improvement_plan.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/status_macros.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<ActionStatus>, 4> kStatusNames{{
    {ActionStatus::kActionNeeded, "ACTION_NEEDED"},
    {ActionStatus::kActionInHand, "ACTION_IN_HAND"},
    {ActionStatus::kNeedsImproving, "NEEDS_IMPROVING"},
    {ActionStatus::kWorkingWell, "WORKING_WELL"},
}};

constexpr std::array<EnumName<PlanState>, 2> kPlanStateNames{{
    {PlanState::kDraft, "DRAFT"},
    {PlanState::kApproved, "APPROVED"},
}};

constexpr std::array<EnumName<CheckInState>, 2> kCheckInStateNames{{
    {CheckInState::kScheduled, "SCHEDULED"},
    {CheckInState::kHeld, "HELD"},
}};

absl::Status CheckStatus(ActionStatus status) {
  if (ActionStatusName(status) != "UNKNOWN") return absl::OkStatus();
  return absl::InvalidArgumentError(
      "status must be ACTION_NEEDED, ACTION_IN_HAND, NEEDS_IMPROVING or WORKING_WELL");
}

// "R2 has no action" or "R2, R4 have no action".
std::string NoAction(const std::vector<std::string>& labels) {
  return absl::StrCat(absl::StrJoin(labels, ", "), labels.size() == 1 ? " has" : " have",
                      " no action");
}

}  // namespace

absl::string_view ActionStatusName(ActionStatus status) {
  return NameIn<ActionStatus>(kStatusNames, status);
}
std::optional<ActionStatus> ParseActionStatus(absl::string_view name) {
  return ValueIn<ActionStatus>(kStatusNames, name);
}
absl::string_view PlanStateName(PlanState state) {
  return NameIn<PlanState>(kPlanStateNames, state);
}
std::optional<PlanState> ParsePlanState(absl::string_view name) {
  return ValueIn<PlanState>(kPlanStateNames, name);
}
absl::string_view CheckInStateName(CheckInState state) {
  return NameIn<CheckInState>(kCheckInStateNames, state);
}
std::optional<CheckInState> ParseCheckInState(absl::string_view name) {
  return ValueIn<CheckInState>(kCheckInStateNames, name);
}

std::string ActionLabel(int number) { return absl::StrCat("A", number); }

absl::Status ValidateAction(const PlanAction& a) {
  HC_RETURN_IF_ERROR(CheckText("title", a.title, 1, 200));
  HC_RETURN_IF_ERROR(CheckText("description", a.description, 0, 5000, true));
  HC_RETURN_IF_ERROR(CheckText("owner_organisation", a.owner_organisation, 0, 200));
  HC_RETURN_IF_ERROR(CheckText("statement_code", a.statement_code, 0, 20));
  return CheckStatus(a.status);
}

absl::Status ValidateProgressUpdate(const ProgressUpdate& u) {
  HC_RETURN_IF_ERROR(CheckText("text", u.text, 1, 5000, true));
  HC_RETURN_IF_ERROR(CheckText("evidence", u.evidence, 0, 5000, true));
  return CheckStatus(u.status);
}

absl::StatusOr<std::string> MatchOwner(absl::string_view owner,
                                       const std::vector<std::string>& members) {
  if (owner.empty()) return std::string();
  const std::string wanted = NormaliseName(owner);
  for (const std::string& member : members) {
    if (NormaliseName(member) == wanted) return member;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "owner_organisation: \"", owner.substr(0, 60),
      "\" is not a member organisation of the partnership; name one of: ",
      absl::StrJoin(members, ", ")));
}

bool IsOverdue(const PlanAction& action, absl::CivilDay today) {
  return action.due_date && *action.due_date < today &&
         action.status != ActionStatus::kWorkingWell;
}

bool IsOverdue(const CheckIn& check_in, absl::CivilDay today) {
  return check_in.state == CheckInState::kScheduled && check_in.scheduled_date < today;
}

PlanSummary Summarise(const std::vector<PlanAction>& actions, absl::CivilDay today) {
  PlanSummary summary;
  for (const PlanAction& a : actions) {
    const int index = static_cast<int>(a.status);
    if (index > 0 && index < static_cast<int>(summary.by_status.size())) {
      ++summary.by_status[index];
    }
    if (IsOverdue(a, today)) ++summary.overdue;
  }
  return summary;
}

void ApplyStatus(PlanAction& action, ActionStatus status) {
  action.status = status;
  if (status != ActionStatus::kWorkingWell) {
    action.verify_time.reset();
    action.verified_by.clear();
  }
}

absl::Status CheckVerifiable(const PlanAction& action) {
  const std::string label = ActionLabel(action.number);
  if (action.status != ActionStatus::kWorkingWell) {
    return absl::FailedPreconditionError(absl::StrCat(
        label, " is ", ActionStatusName(action.status),
        "; only a WORKING_WELL action can be verified as done"));
  }
  if (action.verify_time) {
    return absl::FailedPreconditionError(absl::StrCat(label, " is already verified"));
  }
  return absl::OkStatus();
}

absl::Status CheckApproval(const std::vector<PlanAction>& actions,
                           const std::vector<AgreedRecommendation>& recommendations) {
  if (actions.empty()) {
    return absl::FailedPreconditionError("the plan has no action; add one before approving it");
  }
  std::vector<std::string> unanswered;
  for (const AgreedRecommendation& r : recommendations) {
    const bool answered = std::any_of(actions.begin(), actions.end(), [&](const PlanAction& a) {
      return a.recommendation_id == r.id;
    });
    if (!answered) unanswered.push_back(absl::StrCat("R", r.number));
  }
  if (!unanswered.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        NoAction(unanswered), "; every agreed recommendation needs an action"));
  }
  for (const PlanAction& a : actions) {
    if (a.owner_organisation.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat(ActionLabel(a.number), " has no owner organisation"));
    }
    if (!a.due_date) {
      return absl::FailedPreconditionError(
          absl::StrCat(ActionLabel(a.number), " has no due date"));
    }
  }
  return absl::OkStatus();
}

absl::CivilDay AddMonths(absl::CivilDay day, int months) {
  const absl::CivilMonth month = absl::CivilMonth(day) + months;
  const absl::CivilDay first(month);
  const int last = static_cast<int>((absl::CivilDay(month + 1) - 1).day());
  return first + (std::min(static_cast<int>(day.day()), last) - 1);
}

std::vector<CheckIn> ScheduleCheckIns(absl::string_view engagement_id,
                                      absl::CivilDay approved_on,
                                      const std::vector<int>& months) {
  std::vector<CheckIn> check_ins;
  for (int m : months) {
    CheckIn c;
    c.engagement_id = std::string(engagement_id);
    c.number = static_cast<int>(check_ins.size()) + 1;
    c.scheduled_date = AddMonths(approved_on, m);
    check_ins.push_back(std::move(c));
  }
  return check_ins;
}

absl::Status CheckRecordable(const CheckIn& check_in, absl::string_view notes) {
  if (check_in.state != CheckInState::kScheduled) {
    return absl::FailedPreconditionError(
        absl::StrCat("check-in ", check_in.number, " is already recorded as held"));
  }
  return CheckText("notes", notes, 1, 5000, true);
}

}  // namespace hc::domain
