#include "core/domain/improvement_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::HasSubstr;

PlanAction ActionOf(int number, std::string recommendation, std::string owner,
                    std::optional<absl::CivilDay> due) {
  PlanAction a;
  a.number = number;
  a.title = "Agree a data-sharing protocol";
  a.recommendation_id = std::move(recommendation);
  a.owner_organisation = std::move(owner);
  a.due_date = due;
  return a;
}

TEST(ActionStatusNames, RoundTripTheDiggingDeeperScale) {
  for (ActionStatus s : {ActionStatus::kActionNeeded, ActionStatus::kActionInHand,
                         ActionStatus::kNeedsImproving, ActionStatus::kWorkingWell}) {
    EXPECT_EQ(ParseActionStatus(ActionStatusName(s)), s);
  }
  EXPECT_EQ(ActionStatusName(ActionStatus::kActionInHand), "ACTION_IN_HAND");
  EXPECT_EQ(ParseActionStatus("DONE"), std::nullopt);
  EXPECT_EQ(ActionLabel(7), "A7");
}

TEST(ValidateAction, NeedsAOneLineTitleAndAKnownStatus) {
  PlanAction a = ActionOf(1, "", "", std::nullopt);
  EXPECT_THAT(ValidateAction(a), IsOk());
  a.title = "two\nlines";
  EXPECT_THAT(ValidateAction(a), StatusIsWith(absl::StatusCode::kInvalidArgument, "title"));
  a.title = "ok";
  a.status = ActionStatus::kUnspecified;
  EXPECT_THAT(ValidateAction(a), StatusIsWith(absl::StatusCode::kInvalidArgument, "status"));
}

TEST(MatchOwner, AcceptsAMemberInAnySpacingOrCaseAndReturnsItsSpelling) {
  const std::vector<std::string> members = {"Anytown Council", "Anytown NHS Trust"};
  EXPECT_EQ(MatchOwner("  anytown   council ", members).value(), "Anytown Council");
  EXPECT_EQ(MatchOwner("", members).value(), "");
  EXPECT_THAT(MatchOwner("Otherton Police", members).status(),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "not a member organisation"));
}

TEST(ActionOverdue, OnlyWhenTheDueDateHasPassedAndItIsNotWorkingWell) {
  const absl::CivilDay today(2027, 3, 10);
  PlanAction a = ActionOf(1, "", "", today - 1);
  EXPECT_TRUE(IsOverdue(a, today));
  a.due_date = today;
  EXPECT_FALSE(IsOverdue(a, today));  // due today is not yet overdue
  a.due_date = today - 30;
  a.status = ActionStatus::kWorkingWell;
  EXPECT_FALSE(IsOverdue(a, today));
  a.status = ActionStatus::kNeedsImproving;
  EXPECT_TRUE(IsOverdue(a, today));
  a.due_date.reset();
  EXPECT_FALSE(IsOverdue(a, today));
}

TEST(Summarise, CountsByStatusAndOverdue) {
  const absl::CivilDay today(2027, 3, 10);
  std::vector<PlanAction> actions = {ActionOf(1, "", "", today - 1), ActionOf(2, "", "", today),
                                     ActionOf(3, "", "", today - 5)};
  actions[2].status = ActionStatus::kWorkingWell;
  const PlanSummary s = Summarise(actions, today);
  EXPECT_EQ(s.by_status[static_cast<int>(ActionStatus::kActionNeeded)], 2);
  EXPECT_EQ(s.by_status[static_cast<int>(ActionStatus::kWorkingWell)], 1);
  EXPECT_EQ(s.overdue, 1);
}

TEST(ApplyStatus, MovingOffWorkingWellClearsTheVerification) {
  PlanAction a = ActionOf(1, "", "", std::nullopt);
  a.status = ActionStatus::kWorkingWell;
  a.verify_time = absl::FromUnixSeconds(100);
  a.verified_by = "Lena Lead";
  ApplyStatus(a, ActionStatus::kWorkingWell);  // still working well: kept
  EXPECT_TRUE(a.verify_time.has_value());
  ApplyStatus(a, ActionStatus::kNeedsImproving);
  EXPECT_EQ(a.status, ActionStatus::kNeedsImproving);
  EXPECT_FALSE(a.verify_time.has_value());
  EXPECT_EQ(a.verified_by, "");
}

TEST(CheckVerifiable, OnlyAWorkingWellActionNotYetVerified) {
  PlanAction a = ActionOf(4, "", "", std::nullopt);
  EXPECT_THAT(CheckVerifiable(a),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "A4 is ACTION_NEEDED"));
  a.status = ActionStatus::kWorkingWell;
  EXPECT_THAT(CheckVerifiable(a), IsOk());
  a.verify_time = absl::FromUnixSeconds(1);
  EXPECT_THAT(CheckVerifiable(a),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "already verified"));
}

TEST(CheckApproval, NeedsAnAction) {
  EXPECT_THAT(CheckApproval({}, {}),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "no action"));
}

TEST(CheckApproval, NamesEveryUnansweredRecommendation) {
  const absl::CivilDay due(2027, 6, 1);
  const std::vector<AgreedRecommendation> recs = {{"r1", 1}, {"r2", 2}, {"r4", 4}};
  EXPECT_THAT(CheckApproval({ActionOf(1, "r1", "Council", due)}, recs),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "R2, R4 have no action"));
  EXPECT_THAT(CheckApproval({ActionOf(1, "r1", "Council", due), ActionOf(2, "r2", "Council", due)},
                            recs),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "R4 has no action"));
}

TEST(CheckApproval, NeedsAnOwnerAndADueDateOnEveryAction) {
  const absl::CivilDay due(2027, 6, 1);
  const std::vector<AgreedRecommendation> recs = {{"r1", 1}};
  EXPECT_THAT(CheckApproval({ActionOf(1, "r1", "Council", due), ActionOf(2, "", "", due)}, recs),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "A2 has no owner"));
  EXPECT_THAT(CheckApproval({ActionOf(1, "r1", "Council", std::nullopt)}, recs),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "A1 has no due date"));
  EXPECT_THAT(CheckApproval({ActionOf(1, "r1", "Council", due), ActionOf(2, "", "Trust", due)},
                            recs),
              IsOk());
}

TEST(AddMonths, KeepsTheDayOrFallsToTheMonthsLastDay) {
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 8, 31), 6), absl::CivilDay(2027, 2, 28));
  EXPECT_EQ(AddMonths(absl::CivilDay(2027, 8, 31), 6), absl::CivilDay(2028, 2, 29));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 8, 31), 12), absl::CivilDay(2027, 8, 31));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 3, 31), 6), absl::CivilDay(2026, 9, 30));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 1, 15), 6), absl::CivilDay(2026, 7, 15));
}

TEST(ScheduleCheckIns, NumbersOneCheckInPerInterval) {
  const std::vector<CheckIn> c = ScheduleCheckIns("e1", absl::CivilDay(2026, 8, 31), {6, 12});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].number, 1);
  EXPECT_EQ(c[0].scheduled_date, absl::CivilDay(2027, 2, 28));
  EXPECT_EQ(c[1].number, 2);
  EXPECT_EQ(c[1].scheduled_date, absl::CivilDay(2027, 8, 31));
  EXPECT_EQ(c[1].state, CheckInState::kScheduled);
  EXPECT_EQ(c[1].engagement_id, "e1");
}

TEST(CheckIns, AreOverdueWhenStillScheduledAfterTheirDateAndRecordedOnce) {
  CheckIn c;
  c.number = 1;
  c.scheduled_date = absl::CivilDay(2027, 2, 28);
  EXPECT_FALSE(IsOverdue(c, absl::CivilDay(2027, 2, 28)));
  EXPECT_TRUE(IsOverdue(c, absl::CivilDay(2027, 3, 1)));
  EXPECT_THAT(CheckRecordable(c, ""), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckRecordable(c, "Met the board"), IsOk());
  c.state = CheckInState::kHeld;
  EXPECT_FALSE(IsOverdue(c, absl::CivilDay(2027, 3, 1)));
  EXPECT_THAT(CheckRecordable(c, "again"),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "already recorded"));
}

}  // namespace
}  // namespace hc::domain
