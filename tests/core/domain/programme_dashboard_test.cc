// The programme dashboard's figures (core/domain/programme_dashboard.h):
// age in stage, milestones, report turnaround, peer-days, expired team
// members and response totals, and the configurable due-date rules.

#include "core/domain/programme_dashboard.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIsWith;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr absl::CivilDay kToday(2025, 6, 16);

absl::Time At(absl::CivilDay day, int hour = 10) {
  return absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), hour, 0, 0),
                         absl::UTCTimeZone());
}

StageChange Change(Stage from, Stage to, absl::CivilDay day) {
  return {"e1", from, to, "programme lead", At(day), "", 0};
}

// An engagement with fieldwork on `day1` and the two days after.
Engagement WithFieldwork(absl::CivilDay day1, Stage stage) {
  Engagement e;
  e.meta.id = "e1";
  e.meta.create_time = At(day1 - 60);
  e.stage = stage;
  e.key_dates.fieldwork_day1 = day1;
  e.key_dates.fieldwork_day2 = day1 + 1;
  e.key_dates.fieldwork_day3 = day1 + 2;
  ApplyKeyDateDefaults(e.key_dates, DueDateRules{});
  return e;
}

std::vector<std::string> KeyDatesOf(const std::vector<Milestone>& milestones) {
  std::vector<std::string> names;
  for (const Milestone& m : milestones) names.emplace_back(m.key_date);
  return names;
}

// --- Due-date rules -----------------------------------------------------------

TEST(DueDateRules, ReportDueFollowsTheConfiguredWeeks) {
  KeyDates d;
  d.fieldwork_day3 = absl::CivilDay(2025, 3, 5);
  ApplyKeyDateDefaults(d, DueDateRules{6, 10});
  EXPECT_EQ(d.report_due, absl::CivilDay(2025, 4, 16));
}

TEST(DueDateRules, WeeksOutsideOneToFiftyTwoAreInvalid) {
  EXPECT_THAT(ValidateDueDateRules({1, 52}), IsOk());
  EXPECT_THAT(ValidateDueDateRules({0, 8}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "report_due_weeks"));
  EXPECT_THAT(ValidateDueDateRules({4, 53}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "plan_due_weeks"));
  EXPECT_THAT(ValidateDueDateRules({-4, 8}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "report_due_weeks"));
}

// --- Age in stage -------------------------------------------------------------

TEST(ProgrammeDashboard, StageIsEnteredAtTheLastRecordedChange) {
  EngagementHistory h{WithFieldwork(kToday + 30, Stage::kQuestionnaire),
                      {Change(Stage::kScoping, Stage::kDeskResearch, kToday - 20),
                       Change(Stage::kDeskResearch, Stage::kQuestionnaire, kToday - 9)}};
  EXPECT_EQ(StageEnterTime(h), At(kToday - 9));
  EXPECT_EQ(DaysInStage(StageEnterTime(h), kToday), 9);
}

TEST(ProgrammeDashboard, WithoutChangesTheStageIsEnteredAtCreation) {
  EngagementHistory h{WithFieldwork(kToday + 30, Stage::kScoping), {}};
  EXPECT_EQ(StageEnterTime(h), At(kToday - 30));
  EXPECT_EQ(DaysInStage(StageEnterTime(h), kToday), 30);
  EXPECT_EQ(DaysInStage(At(kToday, 23), kToday), 0);
  EXPECT_EQ(DaysInStage(At(kToday + 1), kToday), 0);
}

// --- Milestones ---------------------------------------------------------------

TEST(ProgrammeDashboard, UpcomingMilestonesAreTheUndoneKeyDatesInTheWindow) {
  Engagement e = WithFieldwork(kToday + 5, Stage::kQuestionnaire);
  e.key_dates.questionnaire_open = kToday - 10;
  e.key_dates.questionnaire_close = kToday;
  // Close (today), days 1-3 and the feedback; report due (day 3 + 28) is out.
  EXPECT_THAT(KeyDatesOf(UpcomingMilestones(e, kToday, 28)),
              ElementsAre("questionnaire_close", "fieldwork_day1", "fieldwork_day2",
                          "fieldwork_day3", "feedback_date"));
  EXPECT_THAT(KeyDatesOf(UpcomingMilestones(e, kToday, 35)),
              ElementsAre("questionnaire_close", "fieldwork_day1", "fieldwork_day2",
                          "fieldwork_day3", "feedback_date", "report_due"));
  EXPECT_THAT(KeyDatesOf(UpcomingMilestones(e, kToday, 5)),
              ElementsAre("questionnaire_close", "fieldwork_day1"));
}

TEST(ProgrammeDashboard, ReachedStagesCompleteTheirMilestones) {
  Engagement e = WithFieldwork(kToday - 1, Stage::kFieldwork);
  // Day 1 is done by FIELDWORK; days 2 and 3 and the feedback are not.
  EXPECT_THAT(KeyDatesOf(UpcomingMilestones(e, kToday, 28)),
              ElementsAre("fieldwork_day2", "fieldwork_day3", "feedback_date"));
  e.stage = Stage::kCancelled;
  EXPECT_THAT(UpcomingMilestones(e, kToday, 28), IsEmpty());
}

TEST(ProgrammeDashboard, ReportDueMilestoneFollowsTheConfiguredWeeks) {
  Engagement e = WithFieldwork(kToday - 2, Stage::kReport);
  e.key_dates.report_due.reset();
  ApplyKeyDateDefaults(e.key_dates, DueDateRules{2, 8});
  // Day 3 is today; two weeks later the report is due.
  EXPECT_THAT(KeyDatesOf(UpcomingMilestones(e, kToday, 13)), IsEmpty());
  const std::vector<Milestone> upcoming = UpcomingMilestones(e, kToday, 14);
  ASSERT_EQ(upcoming.size(), 1u);
  EXPECT_EQ(upcoming[0].key_date, "report_due");
  EXPECT_EQ(upcoming[0].date, kToday + 14);
  EXPECT_EQ(upcoming[0].done_at, Stage::kImprovementPlan);
}

TEST(ProgrammeDashboard, NextMilestoneIsTheOldestOverdueElseTheSoonest) {
  Engagement e = WithFieldwork(kToday - 3, Stage::kQuestionnaire);
  std::optional<Milestone> next = NextMilestone(e, kToday);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->key_date, "fieldwork_day1");
  EXPECT_EQ(next->date, kToday - 3);
  EXPECT_LT(next->date, kToday);  // overdue

  e = WithFieldwork(kToday + 3, Stage::kQuestionnaire);
  e.key_dates.questionnaire_close = kToday - 1;  // past but not an overdue date
  next = NextMilestone(e, kToday);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->key_date, "fieldwork_day1");
  EXPECT_EQ(next->date, kToday + 3);

  e.stage = Stage::kClosed;
  EXPECT_FALSE(NextMilestone(e, kToday).has_value());
}

// --- Turnaround -----------------------------------------------------------------

TEST(ProgrammeDashboard, TurnaroundRunsFromDay3ToThePublication) {
  const absl::CivilDay day1(2025, 3, 3);  // day 3 on 5 March, report due 2 April
  EngagementHistory h{WithFieldwork(day1, Stage::kImprovementPlan),
                      {Change(Stage::kInitialFeedback, Stage::kReport, day1 + 3),
                       Change(Stage::kReport, Stage::kImprovementPlan,
                              absl::CivilDay(2025, 3, 30))}};
  std::optional<Turnaround> t = ReportTurnaround(h);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->published, absl::CivilDay(2025, 3, 30));
  EXPECT_EQ(t->days, 25);
  EXPECT_TRUE(t->on_time);

  h.changes[1] = Change(Stage::kReport, Stage::kImprovementPlan, absl::CivilDay(2025, 4, 3));
  t = ReportTurnaround(h);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->days, 29);
  EXPECT_FALSE(t->on_time);
}

TEST(ProgrammeDashboard, NoTurnaroundBeforeThePublication) {
  EngagementHistory h{WithFieldwork(kToday - 10, Stage::kReport),
                      {Change(Stage::kInitialFeedback, Stage::kReport, kToday - 7)}};
  EXPECT_FALSE(ReportTurnaround(h).has_value());
  // Cancelled from REPORT: never published.
  h.changes.push_back(Change(Stage::kReport, Stage::kCancelled, kToday - 1));
  h.engagement.stage = Stage::kCancelled;
  EXPECT_FALSE(ReportTurnaround(h).has_value());
}

TEST(ProgrammeDashboard, TurnaroundSummaryHasTheMedianAndMean) {
  auto t = [](int days, bool on_time) {
    Turnaround x;
    x.days = days;
    x.on_time = on_time;
    return x;
  };
  TurnaroundSummary s = SummariseTurnaround({t(30, false), t(20, true), t(25, true)});
  EXPECT_EQ(s.published, 3);
  EXPECT_EQ(s.on_time, 2);
  EXPECT_EQ(s.median_days, 25.0);
  EXPECT_EQ(s.mean_days, 25.0);
  s = SummariseTurnaround({t(30, false), t(20, true), t(25, true), t(40, false)});
  EXPECT_EQ(s.median_days, 27.5);
  EXPECT_EQ(s.mean_days, 28.75);
  s = SummariseTurnaround({});
  EXPECT_EQ(s.published, 0);
  EXPECT_FALSE(s.median_days.has_value());
  EXPECT_FALSE(s.mean_days.has_value());
}

TEST(ProgrammeDashboard, LastTwelveMonthsStartsAYearEarlier) {
  EXPECT_EQ(LastTwelveMonths(kToday).from, absl::CivilDay(2024, 6, 16));
  EXPECT_EQ(LastTwelveMonths(absl::CivilDay(2024, 2, 29)).from, absl::CivilDay(2023, 3, 1));
  EXPECT_TRUE(LastTwelveMonths(kToday).Contains(kToday));
  EXPECT_FALSE(LastTwelveMonths(kToday).Contains(kToday + 1));
}

// --- Peer-days --------------------------------------------------------------------

TEST(ProgrammeDashboard, PeerDaysCountEachMemberOnEachFieldworkDay) {
  Engagement a = WithFieldwork(kToday - 40, Stage::kReport);
  a.team = {{"lena", TeamRole::kLeadPeer}, {"hari", TeamRole::kPeer},
            {"sam", TeamRole::kShadow}};
  Engagement b = WithFieldwork(kToday - 10, Stage::kFieldwork);
  b.meta.id = "e2";
  b.key_dates.fieldwork_day3.reset();  // a two-day fieldwork
  b.team = {{"lena", TeamRole::kPeer}, {"hari", TeamRole::kLeadPeer}};
  const std::map<std::string, PeerDays> days =
      CountPeerDays({{a, {}}, {b, {}}}, LastTwelveMonths(kToday));
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days.at("lena").peer_days, 5);
  EXPECT_EQ(days.at("hari").peer_days, 5);
  EXPECT_EQ(days.at("sam").peer_days, 0);
  EXPECT_EQ(days.at("sam").shadow_days, 3);
}

TEST(ProgrammeDashboard, PeerDaysCountOnlyDaysInThePeriod) {
  Engagement e = WithFieldwork(kToday - 1, Stage::kFieldwork);  // days -1, 0, +1
  e.team = {{"lena", TeamRole::kLeadPeer}};
  EXPECT_EQ(CountPeerDays({{e, {}}}, {kToday - 1, kToday}).at("lena").peer_days, 2);
  EXPECT_THAT(CountPeerDays({{e, {}}}, {kToday + 2, kToday + 9}), IsEmpty());
}

TEST(ProgrammeDashboard, EngagementsBeforeFieldworkOrCancelledBeforeItUseNoPeerDays) {
  Engagement planned = WithFieldwork(kToday - 5, Stage::kQuestionnaire);
  planned.team = {{"lena", TeamRole::kLeadPeer}};
  Engagement cancelled_early = WithFieldwork(kToday - 5, Stage::kCancelled);
  cancelled_early.team = {{"hari", TeamRole::kLeadPeer}};
  Engagement cancelled_late = WithFieldwork(kToday - 5, Stage::kCancelled);
  cancelled_late.team = {{"sam", TeamRole::kLeadPeer}};
  const std::map<std::string, PeerDays> days = CountPeerDays(
      {{planned, {}},
       {cancelled_early, {Change(Stage::kQuestionnaire, Stage::kCancelled, kToday - 6)}},
       {cancelled_late, {Change(Stage::kFieldwork, Stage::kCancelled, kToday - 3)}}},
      LastTwelveMonths(kToday));
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days.at("sam").peer_days, 3);
  EXPECT_EQ(FurthestStage({cancelled_early, {}}), Stage::kUnspecified);
}

// --- Accreditation ------------------------------------------------------------------

TEST(ProgrammeDashboard, ExpiredLeadPeersAndPeersOnOpenEngagementsAreListed) {
  Engagement e = WithFieldwork(kToday + 20, Stage::kDeskResearch);
  e.team = {{"lena", TeamRole::kLeadPeer}, {"hari", TeamRole::kPeer},
            {"sam", TeamRole::kShadow}, {"ann", TeamRole::kPeer}};
  std::map<std::string, Peer> peers;
  peers["lena"].accreditation_expiry_date = kToday - 1;
  peers["hari"].accreditation_expiry_date = kToday;  // valid through today
  peers["sam"].accreditation_expiry_date = kToday - 100;
  peers["ann"].accreditation_expiry_date = kToday - 30;
  const std::vector<ExpiredMember> expired = ExpiredMembers(e, peers, kToday);
  ASSERT_EQ(expired.size(), 2u);
  EXPECT_EQ(expired[0].peer_id, "lena");
  EXPECT_EQ(expired[0].role, TeamRole::kLeadPeer);
  EXPECT_EQ(expired[0].expired, kToday - 1);
  EXPECT_EQ(expired[1].peer_id, "ann");
  e.stage = Stage::kClosed;
  EXPECT_THAT(ExpiredMembers(e, peers, kToday), IsEmpty());
}

// --- Response totals ---------------------------------------------------------------

TEST(ProgrammeDashboard, WithheldQuestionnairesAddNoFigureToTheTotals) {
  const ResponseTotals totals =
      TotalResponses({{true, 20, 12}, {false, 0, 0}, {true, 10, 5}, {false, 0, 0}});
  EXPECT_EQ(totals.questionnaires, 4);
  EXPECT_EQ(totals.released, 2);
  EXPECT_EQ(totals.invited, 30);
  EXPECT_EQ(totals.responded, 17);
}

}  // namespace
}  // namespace hc::domain
