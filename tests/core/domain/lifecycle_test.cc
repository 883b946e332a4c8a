// The engagement lifecycle of core/domain/lifecycle.h: every legal and every
// illegal transition, and every guard's refusal.

#include "core/domain/lifecycle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "core/domain/engagement.h"
#include "core/domain/partnership.h"
#include "core/domain/peer.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::HasSubstr;

constexpr absl::CivilDay kQuestionnaireOpen(2024, 3, 1);
constexpr absl::CivilDay kQuestionnaireClose(2024, 4, 1);
constexpr absl::CivilDay kDay1(2024, 4, 8);
constexpr absl::CivilDay kDay2(2024, 4, 9);
constexpr absl::CivilDay kDay3(2024, 4, 10);
constexpr absl::CivilDay kReportDue(2024, 5, 8);
constexpr absl::CivilDay kPlanDue(2024, 7, 3);

constexpr Stage kAllStages[] = {
    Stage::kScoping,         Stage::kDeskResearch, Stage::kQuestionnaire,   Stage::kFieldwork,
    Stage::kInitialFeedback, Stage::kReport,       Stage::kImprovementPlan, Stage::kFollowUp,
    Stage::kClosed,          Stage::kCancelled,
};

constexpr Transition kAllTransitions[] = {
    Transition::kBeginDeskResearch,
    Transition::kOpenQuestionnaire,
    Transition::kStartFieldwork,
    Transition::kGiveInitialFeedback,
    Transition::kBeginReport,
    Transition::kPublishReport,
    Transition::kBeginFollowUp,
    Transition::kClose,
    Transition::kCancel,
};

Peer MakePeer(std::string id, std::string organisation, Sector sector,
              std::optional<absl::CivilDay> accredited, std::optional<absl::CivilDay> expiry) {
  Peer peer;
  peer.meta.id = std::move(id);
  peer.display_name = absl::StrCat("Peer ", peer.meta.id);
  peer.email = absl::StrCat(peer.meta.id, "@example.org");
  peer.home_organisation = std::move(organisation);
  peer.home_sector = sector;
  peer.accredited_date = accredited;
  peer.accreditation_expiry_date = expiry;
  return peer;
}

// An engagement, its partnership, team and facts in which every guard is
// met; tests break one thing at a time.
struct World {
  Partnership partnership;
  std::vector<Peer> peers;
  Engagement engagement;
  LifecycleFacts facts;
  absl::CivilDay today = kDay3;
  std::string reason = "Summary of the key strengths and areas for development";

  absl::StatusOr<Stage> Check(Transition transition) const {
    return CheckTransition(transition,
                           TransitionInput{engagement, partnership, peers, facts, today, reason});
  }
  Peer& peer(absl::string_view id) {
    for (Peer& p : peers) {
      if (p.meta.id == id) return p;
    }
    ADD_FAILURE() << "no peer " << id;
    return peers.front();
  }
};

World ReadyWorld(Stage stage) {
  World w;
  w.partnership.meta.id = "p1";
  w.partnership.display_name = "Northshire Community Safety Partnership";
  w.partnership.kind = PartnershipKind::kCsp;
  w.partnership.members = {{"Northshire County Council", Sector::kLocalGovernment},
                           {"Northshire Police", Sector::kPolice},
                           {"Northshire NHS Trust", Sector::kHealth}};
  w.peers = {
      MakePeer("lead", "Southshire Borough Council", Sector::kLocalGovernment,
               absl::CivilDay(2023, 1, 1), absl::CivilDay(2025, 12, 31)),
      MakePeer("peer", "Westshire Fire and Rescue", Sector::kFireAndRescue,
               absl::CivilDay(2023, 1, 1), absl::CivilDay(2025, 12, 31)),
      MakePeer("shadow", "Eastshire Housing", Sector::kHousing, std::nullopt, std::nullopt),
  };
  Engagement& e = w.engagement;
  e.meta.id = "e1";
  e.partnership_id = "p1";
  e.purpose = Purpose::kDevelopmental;
  e.stage = stage;
  e.scoping.issues = {"How partners share community safety priorities"};
  e.key_dates = {
      kQuestionnaireOpen, kQuestionnaireClose, kDay1, kDay2, kDay3, kDay3, kReportDue, kPlanDue};
  e.team = {
      {"lead", TeamRole::kLeadPeer}, {"peer", TeamRole::kPeer}, {"shadow", TeamRole::kShadow}};
  w.facts = {true, 3, true, true};
  return w;
}

TEST(Lifecycle, TransitionNamesAreTheApiMethods) {
  EXPECT_EQ(TransitionName(Transition::kBeginDeskResearch), "BeginDeskResearch");
  EXPECT_EQ(TransitionName(Transition::kOpenQuestionnaire), "OpenQuestionnaire");
  EXPECT_EQ(TransitionName(Transition::kStartFieldwork), "StartFieldwork");
  EXPECT_EQ(TransitionName(Transition::kGiveInitialFeedback), "GiveInitialFeedback");
  EXPECT_EQ(TransitionName(Transition::kBeginReport), "BeginReport");
  EXPECT_EQ(TransitionName(Transition::kPublishReport), "PublishReport");
  EXPECT_EQ(TransitionName(Transition::kBeginFollowUp), "BeginFollowUp");
  EXPECT_EQ(TransitionName(Transition::kClose), "CloseEngagement");
  EXPECT_EQ(TransitionName(Transition::kCancel), "CancelEngagement");
}

// --- Every legal transition -------------------------------------------------

struct Move {
  Transition transition;
  Stage from;
  Stage to;
};

std::vector<Move> LegalMoves() {
  std::vector<Move> moves = {
      {Transition::kBeginDeskResearch, Stage::kScoping, Stage::kDeskResearch},
      {Transition::kOpenQuestionnaire, Stage::kDeskResearch, Stage::kQuestionnaire},
      {Transition::kStartFieldwork, Stage::kQuestionnaire, Stage::kFieldwork},
      {Transition::kGiveInitialFeedback, Stage::kFieldwork, Stage::kInitialFeedback},
      {Transition::kBeginReport, Stage::kInitialFeedback, Stage::kReport},
      {Transition::kPublishReport, Stage::kReport, Stage::kImprovementPlan},
      {Transition::kBeginFollowUp, Stage::kImprovementPlan, Stage::kFollowUp},
      {Transition::kClose, Stage::kFollowUp, Stage::kClosed},
      {Transition::kClose, Stage::kImprovementPlan, Stage::kClosed},
  };
  for (Stage from : kAllStages) {
    if (!IsTerminal(from)) moves.push_back({Transition::kCancel, from, Stage::kCancelled});
  }
  return moves;
}

bool IsLegal(Transition transition, Stage from) {
  for (const Move& m : LegalMoves()) {
    if (m.transition == transition && m.from == from) return true;
  }
  return false;
}

std::vector<Move> IllegalMoves() {
  std::vector<Move> moves;
  for (Transition t : kAllTransitions) {
    for (Stage from : kAllStages) {
      if (!IsLegal(t, from)) moves.push_back({t, from, Stage::kUnspecified});
    }
  }
  return moves;
}

std::string MoveName(const ::testing::TestParamInfo<Move>& info) {
  return absl::StrCat(TransitionName(info.param.transition), "From", StageName(info.param.from));
}

class LegalTransitionTest : public ::testing::TestWithParam<Move> {};

TEST_P(LegalTransitionTest, LeadsToItsTargetStageWhenGuardsAreMet) {
  const Move& move = GetParam();
  World w = ReadyWorld(move.from);
  absl::StatusOr<Stage> to = w.Check(move.transition);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, move.to);
}

INSTANTIATE_TEST_SUITE_P(Lifecycle, LegalTransitionTest, ::testing::ValuesIn(LegalMoves()),
                         MoveName);

// --- Every illegal transition -----------------------------------------------

class IllegalTransitionTest : public ::testing::TestWithParam<Move> {};

TEST_P(IllegalTransitionTest, IsFailedPreconditionNamingStageAndTransition) {
  const Move& move = GetParam();
  World w = ReadyWorld(move.from);
  absl::StatusOr<Stage> to = w.Check(move.transition);
  EXPECT_THAT(to, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(to.status().message()),
              HasSubstr(absl::StrCat("engagements/e1 is ", StageName(move.from))));
  EXPECT_THAT(std::string(to.status().message()),
              HasSubstr(std::string(TransitionName(move.transition))));
}

INSTANTIATE_TEST_SUITE_P(Lifecycle, IllegalTransitionTest, ::testing::ValuesIn(IllegalMoves()),
                         MoveName);

TEST(Lifecycle, CancelFromClosedIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kClosed);
  EXPECT_THAT(w.Check(Transition::kCancel),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "is CLOSED; CancelEngagement needs a stage before CLOSED"));
}

TEST(Lifecycle, CancelFromCancelledIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kCancelled);
  EXPECT_THAT(w.Check(Transition::kCancel),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "is CANCELLED; CancelEngagement needs a stage before CLOSED"));
}

TEST(Lifecycle, WrongStageMessageNamesTheStageNeeded) {
  World w = ReadyWorld(Stage::kScoping);
  EXPECT_THAT(w.Check(Transition::kPublishReport),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "is SCOPING; PublishReport needs REPORT"));
  EXPECT_THAT(w.Check(Transition::kClose),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "CloseEngagement needs FOLLOW_UP or IMPROVEMENT_PLAN"));
}

// --- BeginDeskResearch --------------------------------------------------------

TEST(Lifecycle, BeginDeskResearchWithoutScopingIssuesIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kScoping);
  w.engagement.scoping.issues.clear();
  EXPECT_THAT(w.Check(Transition::kBeginDeskResearch),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "has no scoping issues"));
}

class DeskResearchMissingDayTest
    : public ::testing::TestWithParam<std::optional<absl::CivilDay> KeyDates::*> {};

TEST_P(DeskResearchMissingDayTest, BeginDeskResearchWithoutAFieldworkDayIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kScoping);
  (w.engagement.key_dates.*GetParam()).reset();
  EXPECT_THAT(
      w.Check(Transition::kBeginDeskResearch),
      StatusIsWith(absl::StatusCode::kFailedPrecondition, "needs its three fieldwork dates"));
}

INSTANTIATE_TEST_SUITE_P(Lifecycle, DeskResearchMissingDayTest,
                         ::testing::Values(&KeyDates::fieldwork_day1, &KeyDates::fieldwork_day2,
                                           &KeyDates::fieldwork_day3));

TEST(Lifecycle, BeginDeskResearchWithoutLeadPeerIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kScoping);
  w.engagement.team = {{"peer", TeamRole::kPeer}, {"shadow", TeamRole::kShadow}};
  EXPECT_THAT(w.Check(Transition::kBeginDeskResearch),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "has no lead peer"));
}

// --- OpenQuestionnaire ------------------------------------------------------

TEST(Lifecycle, OpenQuestionnaireWithoutAQuestionnaireIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kDeskResearch);
  w.facts.questionnaire_set_up = false;
  EXPECT_THAT(w.Check(Transition::kOpenQuestionnaire),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "has no questionnaire"));
}

TEST(Lifecycle, OpenQuestionnaireWithoutOpenDateIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kDeskResearch);
  w.engagement.key_dates.questionnaire_open.reset();
  EXPECT_THAT(w.Check(Transition::kOpenQuestionnaire),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "needs questionnaire_open and questionnaire_close"));
}

TEST(Lifecycle, OpenQuestionnaireWithoutCloseDateIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kDeskResearch);
  w.engagement.key_dates.questionnaire_close.reset();
  EXPECT_THAT(w.Check(Transition::kOpenQuestionnaire),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "needs questionnaire_open and questionnaire_close"));
}

TEST(Lifecycle, OpenQuestionnaireClosingAfterFieldworkDay1IsFailedPrecondition) {
  World w = ReadyWorld(Stage::kDeskResearch);
  w.engagement.key_dates.questionnaire_close = kDay1 + 1;
  EXPECT_THAT(w.Check(Transition::kOpenQuestionnaire),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "questionnaire closes on 2024-04-09, after fieldwork day 1 "
                           "(2024-04-08)"));
}

TEST(Lifecycle, OpenQuestionnaireClosingOnFieldworkDay1IsAllowed) {
  World w = ReadyWorld(Stage::kDeskResearch);
  w.engagement.key_dates.questionnaire_close = kDay1;
  absl::StatusOr<Stage> to = w.Check(Transition::kOpenQuestionnaire);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kQuestionnaire);
}

// --- StartFieldwork -----------------------------------------------------------

TEST(Lifecycle, StartFieldworkWithFewerThanTwoFullMembersIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.engagement.team = {{"lead", TeamRole::kLeadPeer}, {"shadow", TeamRole::kShadow}};
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "needs at least 2 accredited, non-conflicted full members"));
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "it has 1"));
}

TEST(Lifecycle, StartFieldworkWithLeadAndOnePeerAndUnaccreditedShadowIsAllowed) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  ASSERT_FALSE(w.peer("shadow").accredited_date.has_value());
  absl::StatusOr<Stage> to = w.Check(Transition::kStartFieldwork);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kFieldwork);
}

TEST(Lifecycle, StartFieldworkWithMemberExpiringBeforeDay3IsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.peer("peer").accreditation_expiry_date = kDay2;
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "Peer peer (Westshire Fire and Rescue)'s accreditation expires on 2024-04-09, "
                           "before 2024-04-10"));
}

TEST(Lifecycle, StartFieldworkWithMemberExpiringOnDay3IsAllowed) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.peer("peer").accreditation_expiry_date = kDay3;
  absl::StatusOr<Stage> to = w.Check(Transition::kStartFieldwork);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kFieldwork);
}

TEST(Lifecycle, StartFieldworkWithLeadAccreditedOnlyAfterDay1IsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.peer("lead").accredited_date = kDay2;
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "Peer lead (Southshire Borough Council) is accredited only from 2024-04-09"));
}

TEST(Lifecycle, StartFieldworkWithNeverAccreditedFullMemberIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.peer("peer").accredited_date.reset();
  w.peer("peer").accreditation_expiry_date.reset();
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "Peer peer (Westshire Fire and Rescue) is not accredited"));
}

TEST(Lifecycle, StartFieldworkWithConflictedMemberIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.peer("peer").home_organisation = "northshire  POLICE";
  absl::StatusOr<Stage> to = w.Check(Transition::kStartFieldwork);
  EXPECT_THAT(to, StatusIsWith(absl::StatusCode::kFailedPrecondition, "conflict of interest"));
  EXPECT_THAT(to, StatusIsWith(absl::StatusCode::kFailedPrecondition, "northshire  POLICE"));
}

TEST(Lifecycle, StartFieldworkWithoutFieldworkDatesIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.engagement.key_dates.fieldwork_day3.reset();
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "needs its fieldwork dates"));
}

TEST(Lifecycle, StartFieldworkWithoutLeadPeerIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.engagement.team = {{"peer", TeamRole::kPeer}, {"lead", TeamRole::kPeer}};
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "has no lead peer"));
}

TEST(Lifecycle, StartFieldworkWithDeletedPeerOnTeamIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.engagement.team.push_back({"gone", TeamRole::kPeer});
  EXPECT_THAT(w.Check(Transition::kStartFieldwork),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "peers/gone no longer exists"));
}

// --- GiveInitialFeedback ------------------------------------------------------

TEST(Lifecycle, GiveInitialFeedbackBeforeDay3IsFailedPrecondition) {
  World w = ReadyWorld(Stage::kFieldwork);
  w.today = kDay2;
  EXPECT_THAT(w.Check(Transition::kGiveInitialFeedback),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "at the end of fieldwork day 3 (2024-04-10), not before"));
}

TEST(Lifecycle, GiveInitialFeedbackAfterDay3IsAllowed) {
  World w = ReadyWorld(Stage::kFieldwork);
  w.today = kDay3 + 5;
  absl::StatusOr<Stage> to = w.Check(Transition::kGiveInitialFeedback);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kInitialFeedback);
}

TEST(Lifecycle, GiveInitialFeedbackWithoutAgreedFindingsIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kFieldwork);
  w.facts.agreed_findings = 0;
  EXPECT_THAT(w.Check(Transition::kGiveInitialFeedback),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "has no agreed findings to give as initial feedback"));
}

TEST(Lifecycle, GiveInitialFeedbackTakesRemarksButDoesNotNeedThem) {
  World w = ReadyWorld(Stage::kFieldwork);
  w.reason = "";
  absl::StatusOr<Stage> to = w.Check(Transition::kGiveInitialFeedback);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kInitialFeedback);
  w.reason = std::string(4001, 'x');
  EXPECT_THAT(w.Check(Transition::kGiveInitialFeedback),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// --- BeginReport, PublishReport, BeginFollowUp --------------------------------

TEST(Lifecycle, BeginReportWithoutReportDueIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kInitialFeedback);
  w.engagement.key_dates.report_due.reset();
  EXPECT_THAT(w.Check(Transition::kBeginReport),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "needs a report_due date"));
}

TEST(Lifecycle, PublishWithoutAgreedFindingsIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kReport);
  w.facts.agreed_findings = 0;
  EXPECT_THAT(w.Check(Transition::kPublishReport),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "has no agreed findings; the report cannot be published"));
}

TEST(Lifecycle, PublishWithFindingsButNoReportReadyIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kReport);
  w.facts.agreed_findings = 4;
  w.facts.report_ready = false;
  EXPECT_THAT(w.Check(Transition::kPublishReport),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "has no report signed off by the lead peer"));
}

TEST(Lifecycle, BeginFollowUpWithoutApprovedPlanIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kImprovementPlan);
  w.facts.plan_approved = false;
  EXPECT_THAT(
      w.Check(Transition::kBeginFollowUp),
      StatusIsWith(absl::StatusCode::kFailedPrecondition, "has no approved improvement plan"));
}

// --- Close ------------------------------------------------------------------

TEST(Lifecycle, CloseFromImprovementPlanWithoutPlanOrReasonIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kImprovementPlan);
  w.facts.plan_approved = false;
  w.reason = "";
  EXPECT_THAT(w.Check(Transition::kClose),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "cannot close without an approved plan or a recorded reason"));
}

TEST(Lifecycle, CloseFromImprovementPlanWithoutPlanButWithReasonIsAllowed) {
  World w = ReadyWorld(Stage::kImprovementPlan);
  w.facts.plan_approved = false;
  w.reason = "The partnership was dissolved by its board";
  absl::StatusOr<Stage> to = w.Check(Transition::kClose);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kClosed);
}

// A reason of white space only is no recorded reason.
TEST(Lifecycle, CloseFromImprovementPlanWithWhitespaceOnlyReasonIsFailedPrecondition) {
  World w = ReadyWorld(Stage::kImprovementPlan);
  w.facts.plan_approved = false;
  w.reason = "   ";
  EXPECT_THAT(w.Check(Transition::kClose), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(Lifecycle, CloseFromFollowUpNeedsNeitherPlanFactNorReason) {
  World w = ReadyWorld(Stage::kFollowUp);
  w.facts.plan_approved = false;
  w.reason = "";
  absl::StatusOr<Stage> to = w.Check(Transition::kClose);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kClosed);
}

// --- Cancel and reasons -------------------------------------------------------

TEST(Lifecycle, CancelWithoutReasonIsInvalidArgument) {
  World w = ReadyWorld(Stage::kQuestionnaire);
  w.reason = "";
  EXPECT_THAT(w.Check(Transition::kCancel),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "CancelEngagement needs a reason"));
}

TEST(Lifecycle, ReasonOver4000CharactersIsInvalidArgument) {
  World w = ReadyWorld(Stage::kScoping);
  w.reason = std::string(4001, 'x');
  EXPECT_THAT(w.Check(Transition::kCancel),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "reason must be 1-4000"));
}

TEST(Lifecycle, ReasonOver4000CharactersOnTransitionNotNeedingOneIsInvalidArgument) {
  World w = ReadyWorld(Stage::kFollowUp);
  w.reason = std::string(4001, 'x');
  EXPECT_THAT(w.Check(Transition::kClose),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "reason must be 0-4000"));
}

TEST(Lifecycle, ReasonOfExactly4000CharactersIsAccepted) {
  World w = ReadyWorld(Stage::kScoping);
  w.reason = std::string(4000, 'x');
  absl::StatusOr<Stage> to = w.Check(Transition::kCancel);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kCancelled);
}

TEST(Lifecycle, ReasonLengthIsCountedInCharactersNotBytes) {
  World w = ReadyWorld(Stage::kScoping);
  w.reason.clear();
  for (int i = 0; i < 4000; ++i) w.reason += "\xC3\xA9";  // 'é': 8000 bytes
  absl::StatusOr<Stage> to = w.Check(Transition::kCancel);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kCancelled);
}

TEST(Lifecycle, ReasonWithControlCharacterIsInvalidArgument) {
  World w = ReadyWorld(Stage::kScoping);
  w.reason = "budget\x01cut";
  EXPECT_THAT(w.Check(Transition::kCancel),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "reason must be UTF-8"));
}

TEST(Lifecycle, MultilineReasonIsAccepted) {
  World w = ReadyWorld(Stage::kScoping);
  w.reason = "Budget withdrawn.\nThe partnership will ask again next year.";
  absl::StatusOr<Stage> to = w.Check(Transition::kCancel);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(*to, Stage::kCancelled);
}

}  // namespace
}  // namespace hc::domain
