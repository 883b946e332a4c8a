#include "core/domain/report_version.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/domain/report_wording.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;

TEST(ReportVersionStates, MoveFromDraftThroughReviewAndCheckToPublished) {
  auto step = [](ReportState from, ReportAction action) {
    return NextReportState(from, action, "version 1");
  };
  EXPECT_EQ(*step(ReportState::kDraft, ReportAction::kSubmitForReview), ReportState::kTeamReview);
  EXPECT_EQ(*step(ReportState::kTeamReview, ReportAction::kSendForFactualCheck),
            ReportState::kFactualCheck);
  EXPECT_EQ(*step(ReportState::kFactualCheck, ReportAction::kPublish), ReportState::kPublished);
}

TEST(ReportVersionStates, SkippingAStepIsFailedPreconditionNamingTheVersion) {
  EXPECT_THAT(NextReportState(ReportState::kDraft, ReportAction::kPublish, "version 2"),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "version 2 is DRAFT; only a version in FACTUAL_CHECK can be published"));
  EXPECT_THAT(NextReportState(ReportState::kDraft, ReportAction::kSendForFactualCheck, "v"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(NextReportState(ReportState::kFactualCheck, ReportAction::kSubmitForReview, "v"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(ReportVersionStates, OnlyAnUnpublishedVersionIsWithdrawnAndAPublishedOneStays) {
  for (ReportState s : {ReportState::kDraft, ReportState::kTeamReview, ReportState::kFactualCheck}) {
    EXPECT_EQ(*NextReportState(s, ReportAction::kWithdraw, "v"), ReportState::kWithdrawn);
    EXPECT_TRUE(IsUnpublished(s));
  }
  for (ReportState s : {ReportState::kPublished, ReportState::kSuperseded, ReportState::kWithdrawn}) {
    EXPECT_FALSE(IsUnpublished(s));
    for (ReportAction a : {ReportAction::kSubmitForReview, ReportAction::kSendForFactualCheck,
                           ReportAction::kPublish, ReportAction::kWithdraw}) {
      EXPECT_THAT(NextReportState(s, a, "v"), StatusIs(absl::StatusCode::kFailedPrecondition));
    }
  }
}

TEST(ReportVersionStates, ThePartnershipSeesTheCheckedAndThePublishedOnly) {
  EXPECT_FALSE(VisibleToPartnership(ReportState::kDraft));
  EXPECT_FALSE(VisibleToPartnership(ReportState::kTeamReview));
  EXPECT_TRUE(VisibleToPartnership(ReportState::kFactualCheck));
  EXPECT_TRUE(VisibleToPartnership(ReportState::kPublished));
  EXPECT_TRUE(VisibleToPartnership(ReportState::kSuperseded));
  EXPECT_FALSE(VisibleToPartnership(ReportState::kWithdrawn));
}

TEST(ReportVersionStates, StateNamesRoundTrip) {
  for (ReportState s : {ReportState::kDraft, ReportState::kTeamReview, ReportState::kFactualCheck,
                        ReportState::kPublished, ReportState::kSuperseded,
                        ReportState::kWithdrawn}) {
    EXPECT_EQ(ParseReportState(ReportStateName(s)), s);
  }
  EXPECT_EQ(ParseReportState("LOST"), std::nullopt);
}

TEST(ReportComments, TheContactCommentsInTheCheckAndTheTeamInReviewToo) {
  EXPECT_THAT(CheckCommentable(ReportState::kFactualCheck, Role::kPartnershipContact, "v"), IsOk());
  EXPECT_THAT(CheckCommentable(ReportState::kTeamReview, Role::kPartnershipContact, "v"),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "factual-accuracy check"));
  EXPECT_THAT(CheckCommentable(ReportState::kTeamReview, Role::kPeer, "v"), IsOk());
  EXPECT_THAT(CheckCommentable(ReportState::kFactualCheck, Role::kPeer, "v"), IsOk());
  EXPECT_THAT(CheckCommentable(ReportState::kDraft, Role::kPeer, "v"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(CheckCommentable(ReportState::kPublished, Role::kPeer, "v"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(ReportComments, TextIsRequiredAndBoundedAndTheSectionIsOneLine) {
  ReportComment c;
  EXPECT_THAT(ValidateReportComment(c), StatusIsWith(absl::StatusCode::kInvalidArgument, "text"));
  c.text = "F2 overstates it\nsee page 4";
  EXPECT_THAT(ValidateReportComment(c), IsOk());
  c.text = std::string(kMaxReportCommentText + 1, 'x');
  EXPECT_THAT(ValidateReportComment(c), StatusIsWith(absl::StatusCode::kInvalidArgument, "text"));
  c.text = "ok";
  c.section = "4 Findings\n5";
  EXPECT_THAT(ValidateReportComment(c),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "section"));
}

TEST(ReportWording, DatesAndGroupsAsTheReaderExpects) {
  EXPECT_EQ(LongDate(absl::CivilDay(2026, 3, 3)), "3 March 2026");
  EXPECT_EQ(LongDate(absl::CivilDay(2025, 12, 31)), "31 December 2025");
  EXPECT_EQ(GroupLabel("FRONT_LINE"), "Front-line staff");
  EXPECT_EQ(GroupLabel("FIRE_AND_RESCUE"), "Fire and rescue");
  EXPECT_EQ(GroupLabel("Riverside Police"), "Riverside Police");
  EXPECT_EQ(ClockTime(9 * 60 + 5), "09:05");
  EXPECT_EQ(ParticipantsLine({{"", "", Sector::kHealth, 2, {}}, {"", "", Sector::kPolice, 1, {}},
                              {"", "", Sector::kHealth, 1, {}}}),
            "4 participants: Health, Police");
  EXPECT_EQ(ParticipantsLine({}), "");
}

TEST(ReportWording, MeanAnswerWeighsEachScalePointByItsCount) {
  ResponseScale scale{{{"Strongly agree", 4}, {"Agree", 3}, {"Disagree", 2}, {"Strongly disagree", 1}}};
  StatementDistribution d{"1.1", {1, 2, 0, 1}, 3};
  EXPECT_DOUBLE_EQ(*MeanAnswer(scale, d), (4 + 6 + 1) / 4.0);
  EXPECT_EQ(MeanAnswer(scale, {"1.2", {0, 0, 0, 0}, 5}), std::nullopt);
}

}  // namespace
}  // namespace hc::domain
