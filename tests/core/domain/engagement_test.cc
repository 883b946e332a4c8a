// Engagement rules of core/domain/engagement.h: key date ordering and
// defaults, overdue dates, scoping limits and stable names.

#include "core/domain/engagement.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::IsEmpty;

using DateField = std::optional<absl::CivilDay> KeyDates::*;

constexpr absl::CivilDay kBase(2024, 4, 8);

// --- ValidateKeyDates -------------------------------------------------------

struct OrderingCase {
  const char* earlier_name;
  DateField earlier;
  const char* later_name;
  DateField later;
  bool strict;  // may the two fall on the same day?
};

const OrderingCase kOrderings[] = {
    {"questionnaire_open", &KeyDates::questionnaire_open, "questionnaire_close",
     &KeyDates::questionnaire_close, false},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, "fieldwork_day2", &KeyDates::fieldwork_day2,
     true},
    {"fieldwork_day2", &KeyDates::fieldwork_day2, "fieldwork_day3", &KeyDates::fieldwork_day3,
     true},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, "fieldwork_day3", &KeyDates::fieldwork_day3,
     true},
    {"fieldwork_day3", &KeyDates::fieldwork_day3, "feedback_date", &KeyDates::feedback_date, false},
    {"fieldwork_day3", &KeyDates::fieldwork_day3, "report_due", &KeyDates::report_due, true},
    {"report_due", &KeyDates::report_due, "plan_due", &KeyDates::plan_due, true},
};

class KeyDateOrderingTest : public ::testing::TestWithParam<OrderingCase> {};

TEST_P(KeyDateOrderingTest, LaterDateBeforeEarlierIsInvalidArgumentNamingBoth) {
  const OrderingCase& c = GetParam();
  KeyDates dates;
  dates.*c.earlier = kBase;
  dates.*c.later = kBase - 1;
  EXPECT_THAT(ValidateKeyDates(dates),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           absl::StrCat("key_dates.", c.later_name, " (2024-04-07) must be ",
                                        c.strict ? "after" : "on or after", " key_dates.",
                                        c.earlier_name, " (2024-04-08)")));
}

TEST_P(KeyDateOrderingTest, EqualDatesAreRefusedOnlyWhenStrict) {
  const OrderingCase& c = GetParam();
  KeyDates dates;
  dates.*c.earlier = kBase;
  dates.*c.later = kBase;
  if (c.strict) {
    EXPECT_THAT(ValidateKeyDates(dates), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                                      absl::StrCat("key_dates.", c.later_name,
                                                                   " (2024-04-08) must be "
                                                                   "after key_dates.",
                                                                   c.earlier_name)));
  } else {
    EXPECT_THAT(ValidateKeyDates(dates), IsOk());
  }
}

TEST_P(KeyDateOrderingTest, LaterDateAfterEarlierIsAccepted) {
  const OrderingCase& c = GetParam();
  KeyDates dates;
  dates.*c.earlier = kBase;
  dates.*c.later = kBase + 1;
  EXPECT_THAT(ValidateKeyDates(dates), IsOk());
}

TEST_P(KeyDateOrderingTest, EitherDateAloneIsAccepted) {
  const OrderingCase& c = GetParam();
  KeyDates only_earlier;
  only_earlier.*c.earlier = kBase;
  EXPECT_THAT(ValidateKeyDates(only_earlier), IsOk());
  KeyDates only_later;
  only_later.*c.later = kBase - 100;
  EXPECT_THAT(ValidateKeyDates(only_later), IsOk());
}

INSTANTIATE_TEST_SUITE_P(Engagement, KeyDateOrderingTest, ::testing::ValuesIn(kOrderings),
                         [](const ::testing::TestParamInfo<OrderingCase>& tp) {
                           return absl::StrCat(tp.param.later_name, "_vs_", tp.param.earlier_name);
                         });

TEST(Engagement, FullSetOfOrderedKeyDatesIsValid) {
  KeyDates d;
  d.questionnaire_open = absl::CivilDay(2024, 3, 1);
  d.questionnaire_close = absl::CivilDay(2024, 4, 1);
  d.fieldwork_day1 = absl::CivilDay(2024, 4, 8);
  d.fieldwork_day2 = absl::CivilDay(2024, 4, 9);
  d.fieldwork_day3 = absl::CivilDay(2024, 4, 10);
  d.feedback_date = absl::CivilDay(2024, 4, 10);
  d.report_due = absl::CivilDay(2024, 5, 8);
  d.plan_due = absl::CivilDay(2024, 7, 3);
  EXPECT_THAT(ValidateKeyDates(d), IsOk());
  EXPECT_THAT(ValidateKeyDates(KeyDates{}), IsOk());
}

// --- ApplyKeyDateDefaults -------------------------------------------------------

TEST(Engagement, DefaultsFeedbackToDay3AndReportDueFourWeeksLater) {
  KeyDates d;
  d.fieldwork_day3 = absl::CivilDay(2024, 4, 10);
  ApplyKeyDateDefaults(d, DueDateRules{});
  EXPECT_EQ(d.feedback_date, absl::CivilDay(2024, 4, 10));
  EXPECT_EQ(d.report_due, absl::CivilDay(2024, 5, 8));
  EXPECT_EQ(d.plan_due, std::nullopt);
  EXPECT_THAT(ValidateKeyDates(d), IsOk());
}

TEST(Engagement, DefaultsDoNotOverwriteDatesAlreadySet) {
  KeyDates d;
  d.fieldwork_day3 = absl::CivilDay(2024, 4, 10);
  d.feedback_date = absl::CivilDay(2024, 4, 12);
  d.report_due = absl::CivilDay(2024, 6, 1);
  ApplyKeyDateDefaults(d, DueDateRules{});
  EXPECT_EQ(d.feedback_date, absl::CivilDay(2024, 4, 12));
  EXPECT_EQ(d.report_due, absl::CivilDay(2024, 6, 1));
}

TEST(Engagement, DefaultsFillOnlyTheMissingOne) {
  KeyDates d;
  d.fieldwork_day3 = absl::CivilDay(2024, 4, 10);
  d.feedback_date = absl::CivilDay(2024, 4, 11);
  ApplyKeyDateDefaults(d, DueDateRules{});
  EXPECT_EQ(d.feedback_date, absl::CivilDay(2024, 4, 11));
  EXPECT_EQ(d.report_due, absl::CivilDay(2024, 5, 8));
}

TEST(Engagement, NoDefaultsWithoutFieldworkDay3) {
  KeyDates d;
  d.fieldwork_day1 = absl::CivilDay(2024, 4, 8);
  ApplyKeyDateDefaults(d, DueDateRules{});
  EXPECT_EQ(d.feedback_date, std::nullopt);
  EXPECT_EQ(d.report_due, std::nullopt);
}

// --- OverdueDates and NextDeadline ------------------------------------------

struct DeadlineCase {
  const char* key_date;
  DateField field;
  Stage expected_stage;
};

const DeadlineCase kDeadlines[] = {
    {"questionnaire_open", &KeyDates::questionnaire_open, Stage::kQuestionnaire},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, Stage::kFieldwork},
    {"feedback_date", &KeyDates::feedback_date, Stage::kInitialFeedback},
    {"report_due", &KeyDates::report_due, Stage::kImprovementPlan},
    {"plan_due", &KeyDates::plan_due, Stage::kFollowUp},
};

Stage StageBefore(Stage stage) { return static_cast<Stage>(static_cast<int>(stage) - 1); }

class DeadlineTest : public ::testing::TestWithParam<DeadlineCase> {};

TEST_P(DeadlineTest, PassedDateIsOverdueInTheStageBeforeItsExpectedStage) {
  const DeadlineCase& c = GetParam();
  Engagement e;
  e.stage = StageBefore(c.expected_stage);
  e.key_dates.*c.field = kBase;
  std::vector<OverdueDate> overdue = OverdueDates(e, kBase + 1);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].key_date, c.key_date);
  EXPECT_EQ(overdue[0].date, kBase);
  EXPECT_EQ(overdue[0].expected_stage, c.expected_stage);
  EXPECT_EQ(NextDeadline(e), kBase);
}

TEST_P(DeadlineTest, DateIsNotOverdueOnTheDayItself) {
  const DeadlineCase& c = GetParam();
  Engagement e;
  e.stage = Stage::kScoping;
  e.key_dates.*c.field = kBase;
  EXPECT_THAT(OverdueDates(e, kBase), IsEmpty());
  EXPECT_EQ(NextDeadline(e), kBase);
}

TEST_P(DeadlineTest, ReachedStageIsNotOverdue) {
  const DeadlineCase& c = GetParam();
  for (int s = static_cast<int>(c.expected_stage); s <= static_cast<int>(Stage::kFollowUp); ++s) {
    Engagement e;
    e.stage = static_cast<Stage>(s);
    e.key_dates.*c.field = kBase;
    EXPECT_THAT(OverdueDates(e, kBase + 30), IsEmpty()) << StageName(e.stage);
    EXPECT_EQ(NextDeadline(e), std::nullopt) << StageName(e.stage);
  }
}

TEST_P(DeadlineTest, TerminalStagesAreNeverOverdue) {
  const DeadlineCase& c = GetParam();
  for (Stage stage : {Stage::kClosed, Stage::kCancelled}) {
    Engagement e;
    e.stage = stage;
    e.key_dates.*c.field = kBase;
    EXPECT_THAT(OverdueDates(e, kBase + 30), IsEmpty()) << StageName(stage);
    EXPECT_EQ(NextDeadline(e), std::nullopt) << StageName(stage);
  }
}

INSTANTIATE_TEST_SUITE_P(Engagement, DeadlineTest, ::testing::ValuesIn(kDeadlines),
                         [](const ::testing::TestParamInfo<DeadlineCase>& tp) {
                           return std::string(tp.param.key_date);
                         });

TEST(Engagement, DatesWithoutADeadlineAreNeverOverdue) {
  Engagement e;
  e.stage = Stage::kScoping;
  e.key_dates.questionnaire_close = kBase;
  e.key_dates.fieldwork_day2 = kBase;
  e.key_dates.fieldwork_day3 = kBase;
  EXPECT_THAT(OverdueDates(e, kBase + 30), IsEmpty());
  EXPECT_EQ(NextDeadline(e), std::nullopt);
}

TEST(Engagement, OverdueDatesAreOrderedOldestFirst) {
  Engagement e;
  e.stage = Stage::kScoping;
  // Out of the usual order, so that only sorting puts them right.
  e.key_dates.questionnaire_open = absl::CivilDay(2024, 3, 5);
  e.key_dates.fieldwork_day1 = absl::CivilDay(2024, 3, 1);
  e.key_dates.feedback_date = absl::CivilDay(2024, 3, 20);
  e.key_dates.report_due = absl::CivilDay(2024, 2, 1);
  e.key_dates.plan_due = absl::CivilDay(2024, 3, 10);
  std::vector<OverdueDate> overdue = OverdueDates(e, absl::CivilDay(2024, 4, 1));
  ASSERT_EQ(overdue.size(), 5u);
  EXPECT_EQ(overdue[0].key_date, "report_due");
  EXPECT_EQ(overdue[1].key_date, "fieldwork_day1");
  EXPECT_EQ(overdue[2].key_date, "questionnaire_open");
  EXPECT_EQ(overdue[3].key_date, "plan_due");
  EXPECT_EQ(overdue[4].key_date, "feedback_date");
  EXPECT_EQ(NextDeadline(e), absl::CivilDay(2024, 2, 1));
}

TEST(Engagement, OnlyPassedUnreachedDatesAreOverdueAndNextDeadlineIsEarliestUnreached) {
  Engagement e;
  e.stage = Stage::kFieldwork;
  e.key_dates.questionnaire_open = absl::CivilDay(2024, 3, 1);  // reached
  e.key_dates.fieldwork_day1 = absl::CivilDay(2024, 4, 8);      // reached
  e.key_dates.feedback_date = absl::CivilDay(2024, 4, 10);      // passed
  e.key_dates.report_due = absl::CivilDay(2024, 5, 8);          // future
  e.key_dates.plan_due = absl::CivilDay(2024, 7, 3);            // future
  const absl::CivilDay today(2024, 4, 20);
  std::vector<OverdueDate> overdue = OverdueDates(e, today);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].key_date, "feedback_date");
  EXPECT_EQ(overdue[0].expected_stage, Stage::kInitialFeedback);
  EXPECT_EQ(NextDeadline(e), absl::CivilDay(2024, 4, 10));

  e.stage = Stage::kInitialFeedback;
  EXPECT_THAT(OverdueDates(e, today), IsEmpty());
  EXPECT_EQ(NextDeadline(e), absl::CivilDay(2024, 5, 8));
}

// --- ValidateScoping --------------------------------------------------------

std::vector<std::string> Items(size_t n, size_t chars) {
  return std::vector<std::string>(n, std::string(chars, 'a'));
}

TEST(Engagement, ScopingAtEveryLimitIsValid) {
  ScopingRecord s;
  s.issues = Items(50, 2000);
  s.desired_outcomes = Items(50, 2000);
  s.stakeholders.inform = Items(100, 200);
  s.stakeholders.involve = Items(100, 200);
  s.stakeholders.be_aware = Items(100, 200);
  s.stakeholders.keep_on_board = Items(100, 200);
  s.arrangements = std::string(4000, 'a');
  EXPECT_THAT(ValidateScoping(s), IsOk());
  EXPECT_THAT(ValidateScoping(ScopingRecord{}), IsOk());
}

TEST(Engagement, ScopingWithTooManyIssuesIsInvalidArgument) {
  ScopingRecord s;
  s.issues = Items(51, 10);
  EXPECT_THAT(ValidateScoping(s),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "scoping.issues may hold at most 50 entries, not 51"));
}

TEST(Engagement, ScopingWithTooLongOutcomeIsInvalidArgument) {
  ScopingRecord s;
  s.desired_outcomes = {"fine", std::string(2001, 'a')};
  EXPECT_THAT(ValidateScoping(s),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "scoping.desired_outcomes[1] must be 1-2000 characters, not 2001"));
}

TEST(Engagement, ScopingWithTooManyOrTooLongStakeholdersIsInvalidArgument) {
  ScopingRecord too_many;
  too_many.stakeholders.keep_on_board = Items(101, 5);
  EXPECT_THAT(ValidateScoping(too_many),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "scoping.stakeholders.keep_on_board may hold at most 100"));
  ScopingRecord too_long;
  too_long.stakeholders.be_aware = Items(1, 201);
  EXPECT_THAT(ValidateScoping(too_long),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "scoping.stakeholders.be_aware[0] must be 1-200"));
}

TEST(Engagement, ScopingWithEmptyIssueIsInvalidArgument) {
  ScopingRecord s;
  s.issues = {"Trust between partners", " "};
  EXPECT_THAT(ValidateScoping(s),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "scoping.issues[1] is required"));
}

TEST(Engagement, ScopingIssuesMayBeMultilineButStakeholdersMayNot) {
  ScopingRecord issues;
  issues.issues = {"First line\nsecond line"};
  EXPECT_THAT(ValidateScoping(issues), IsOk());
  ScopingRecord stakeholders;
  stakeholders.stakeholders.inform = {"Board\nmembers"};
  EXPECT_THAT(ValidateScoping(stakeholders),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "scoping.stakeholders.inform[0] must be UTF-8 text without control"));
}

TEST(Engagement, ScopingWithTooLongArrangementsIsInvalidArgument) {
  ScopingRecord s;
  s.arrangements = std::string(4001, 'a');
  EXPECT_THAT(ValidateScoping(s),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "scoping.arrangements must be"));
}

// --- Names ------------------------------------------------------------------

TEST(Engagement, StageNamesRoundTrip) {
  const std::pair<Stage, const char*> kNames[] = {
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
  };
  for (const auto& [stage, name] : kNames) {
    EXPECT_EQ(StageName(stage), name);
    EXPECT_EQ(ParseStage(name), stage) << name;
  }
  EXPECT_EQ(StageName(Stage::kUnspecified), "UNKNOWN");
  EXPECT_EQ(ParseStage("UNKNOWN"), std::nullopt);
  EXPECT_EQ(ParseStage("scoping"), std::nullopt);
  EXPECT_EQ(ParseStage(""), std::nullopt);
}

TEST(Engagement, PurposeNamesRoundTrip) {
  const std::pair<Purpose, const char*> kNames[] = {
      {Purpose::kDevelopmental, "DEVELOPMENTAL"},
      {Purpose::kRoutineAudit, "ROUTINE_AUDIT"},
      {Purpose::kRemedial, "REMEDIAL"},
  };
  for (const auto& [purpose, name] : kNames) {
    EXPECT_EQ(PurposeName(purpose), name);
    EXPECT_EQ(ParsePurpose(name), purpose) << name;
  }
  EXPECT_EQ(PurposeName(Purpose::kUnspecified), "UNKNOWN");
  EXPECT_EQ(ParsePurpose("UNKNOWN"), std::nullopt);
  EXPECT_EQ(ParsePurpose("remedial"), std::nullopt);
}

TEST(Engagement, TeamRoleNamesRoundTrip) {
  const std::pair<TeamRole, const char*> kNames[] = {
      {TeamRole::kLeadPeer, "LEAD_PEER"},
      {TeamRole::kPeer, "PEER"},
      {TeamRole::kShadow, "SHADOW"},
  };
  for (const auto& [role, name] : kNames) {
    EXPECT_EQ(TeamRoleName(role), name);
    EXPECT_EQ(ParseTeamRole(name), role) << name;
  }
  EXPECT_EQ(TeamRoleName(TeamRole::kUnspecified), "UNKNOWN");
  EXPECT_EQ(ParseTeamRole("UNKNOWN"), std::nullopt);
  EXPECT_EQ(ParseTeamRole("TEAM_ROLE_PEER"), std::nullopt);
}

TEST(Engagement, OnlyClosedAndCancelledAreTerminal) {
  for (int s = static_cast<int>(Stage::kUnspecified); s <= static_cast<int>(Stage::kCancelled);
       ++s) {
    const Stage stage = static_cast<Stage>(s);
    EXPECT_EQ(IsTerminal(stage), stage == Stage::kClosed || stage == Stage::kCancelled)
        << StageName(stage);
  }
}

TEST(Engagement, LeadPeerIdAndFindTeamMember) {
  Engagement e;
  EXPECT_EQ(LeadPeerId(e), "");
  e.team = {{"a", TeamRole::kPeer}, {"b", TeamRole::kLeadPeer}, {"c", TeamRole::kShadow}};
  EXPECT_EQ(LeadPeerId(e), "b");
  ASSERT_NE(FindTeamMember(e, "c"), nullptr);
  EXPECT_EQ(FindTeamMember(e, "c")->role, TeamRole::kShadow);
  EXPECT_EQ(FindTeamMember(e, "d"), nullptr);
}

TEST(KeyDateChanges, DiffGivesEachMovedDateWithBothValues) {
  KeyDates before;
  before.fieldwork_day1 = absl::CivilDay(2026, 11, 2);
  before.report_due = absl::CivilDay(2026, 12, 1);
  KeyDates after = before;
  after.fieldwork_day1 = absl::CivilDay(2026, 11, 3);
  after.plan_due = absl::CivilDay(2027, 2, 1);
  const std::vector<KeyDateChange> changes = DiffKeyDates(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "fieldwork_day1");
  EXPECT_EQ(changes[0].before, absl::CivilDay(2026, 11, 2));
  EXPECT_EQ(changes[0].after, absl::CivilDay(2026, 11, 3));
  EXPECT_EQ(changes[1].field, "plan_due");
  EXPECT_EQ(changes[1].before, std::nullopt);
  EXPECT_EQ(changes[1].after, absl::CivilDay(2027, 2, 1));
  EXPECT_TRUE(DiffKeyDates(before, before).empty());
}

TEST(KeyDateChanges, OnlyADateThatHadPassedCountsAsRewritingThePast) {
  KeyDates before;
  before.fieldwork_day1 = absl::CivilDay(2026, 11, 2);
  before.report_due = absl::CivilDay(2026, 12, 1);
  KeyDates later = before;
  later.report_due = absl::CivilDay(2026, 12, 8);
  const absl::CivilDay today(2026, 11, 20);
  EXPECT_EQ(FirstChangeToAPassedDate(DiffKeyDates(before, later), today), std::nullopt);
  KeyDates rewritten = before;
  rewritten.fieldwork_day1 = absl::CivilDay(2026, 11, 5);
  const auto passed = FirstChangeToAPassedDate(DiffKeyDates(before, rewritten), today);
  ASSERT_TRUE(passed.has_value());
  EXPECT_EQ(passed->field, "fieldwork_day1");
  // Nor may a date be set in the past.
  KeyDates backdated = before;
  backdated.plan_due = absl::CivilDay(2026, 11, 1);
  EXPECT_TRUE(FirstChangeToAPassedDate(DiffKeyDates(before, backdated), today).has_value());
  // Today itself has not passed yet.
  EXPECT_EQ(FirstChangeToAPassedDate(DiffKeyDates(before, rewritten), absl::CivilDay(2026, 11, 2)),
            std::nullopt);
}

}  // namespace
}  // namespace hc::domain
