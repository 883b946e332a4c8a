#include "core/domain/findings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/domain/initial_feedback.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Framework TwoPrinciples() {
  Framework f;
  f.display_name = "Test benchmark";
  f.section_term = "principle";
  for (const std::string code : {"1", "2"}) {
    Section s;
    s.code = code;
    s.title = "Principle " + code;
    s.statements = {{code + ".1", "a", "", Polarity::kUnspecified, {}}};
    s.bands = {{4, 6, "high", ""}, {1, 3, "low", ""}};
    f.sections.push_back(s);
  }
  return f;
}

ReviewFinding Finding(int number, FindingKind kind, std::vector<std::string> principles,
                      ReviewState state = ReviewState::kAgreed) {
  ReviewFinding f;
  f.number = number;
  f.kind = kind;
  f.title = "Title " + std::to_string(number);
  f.narrative = "Narrative " + std::to_string(number);
  f.principles = std::move(principles);
  f.state = state;
  return f;
}

TEST(ReviewStateTest, DraftIsAgreedOrWithdrawnAndAgreedIsReopened) {
  EXPECT_EQ(*NextReviewState(ReviewState::kDraft, ReviewAction::kAgree, "F1"),
            ReviewState::kAgreed);
  EXPECT_EQ(*NextReviewState(ReviewState::kAgreed, ReviewAction::kReopen, "F1"),
            ReviewState::kDraft);
  EXPECT_EQ(*NextReviewState(ReviewState::kDraft, ReviewAction::kWithdraw, "F1"),
            ReviewState::kWithdrawn);
  EXPECT_THAT(NextReviewState(ReviewState::kAgreed, ReviewAction::kWithdraw, "F1").status(),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "F1 is AGREED"));
  EXPECT_THAT(NextReviewState(ReviewState::kDraft, ReviewAction::kReopen, "R2").status(),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  for (ReviewAction action : {ReviewAction::kAgree, ReviewAction::kReopen,
                              ReviewAction::kWithdraw}) {
    EXPECT_THAT(NextReviewState(ReviewState::kWithdrawn, action, "F1").status(),
                StatusIs(absl::StatusCode::kFailedPrecondition));
  }
  EXPECT_TRUE(CheckEditable(ReviewState::kDraft, "F1").ok());
  EXPECT_THAT(CheckEditable(ReviewState::kAgreed, "F1"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(CheckEvidenceTest, ANoteOrReleasedResultsAreEvidence) {
  ReviewFinding f = Finding(4, FindingKind::kStrength, {"1"}, ReviewState::kDraft);
  EXPECT_THAT(CheckEvidence(f, true), StatusIsWith(absl::StatusCode::kFailedPrecondition,
                                                   "F4 has no evidence"));
  f.questionnaire_results = {"1.1"};
  EXPECT_THAT(CheckEvidence(f, false), StatusIsWith(absl::StatusCode::kFailedPrecondition,
                                                    "none are released"));
  EXPECT_TRUE(CheckEvidence(f, true).ok());
  f.questionnaire_results.clear();
  f.note_ids = {"n1"};
  EXPECT_TRUE(CheckEvidence(f, false).ok());
}

TEST(ValidateFindingTest, NamesTheFirstBadField) {
  ReviewFinding f = Finding(1, FindingKind::kStrength, {"1"});
  EXPECT_TRUE(ValidateFinding(f).ok());
  f.title = "two\nlines";
  EXPECT_THAT(ValidateFinding(f), StatusIsWith(absl::StatusCode::kInvalidArgument, "title"));
  f = Finding(1, FindingKind::kStrength, {"1"});
  f.note_ids = std::vector<std::string>(kMaxFindingLinks + 1, "n");
  EXPECT_THAT(ValidateFinding(f), StatusIsWith(absl::StatusCode::kInvalidArgument, "notes"));
  EXPECT_THAT(CheckFindingCodes(TwoPrinciples(), Finding(1, FindingKind::kStrength, {"1.1"})),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "is not a principle"));
  Recommendation r;
  r.text = "Do it";
  r.finding_ids = {"f1"};
  EXPECT_THAT(ValidateRecommendation(r),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "priority"));
}

TEST(InitialFeedbackTest, AgreedFindingsUnderTheirFirstPrincipleStrengthsFirst) {
  const std::vector<ReviewFinding> findings = {
      Finding(3, FindingKind::kAreaForDevelopment, {"2"}),
      Finding(1, FindingKind::kStrength, {"2", "1"}),
      Finding(2, FindingKind::kStrength, {"1"}, ReviewState::kDraft),
      Finding(4, FindingKind::kStrength, {"2"}, ReviewState::kWithdrawn),
  };
  const InitialFeedback f =
      ComposeInitialFeedback(TwoPrinciples(), "Anytown CSP", findings, {});
  ASSERT_EQ(f.principles.size(), 1u);
  EXPECT_EQ(f.principles[0].section_code, "2");
  ASSERT_EQ(f.principles[0].strengths.size(), 1u);
  EXPECT_EQ(f.principles[0].strengths[0].label, "F1");
  EXPECT_THAT(f.principles[0].strengths[0].also, ElementsAre("1"));
  ASSERT_EQ(f.principles[0].areas_for_development.size(), 1u);
  EXPECT_EQ(f.principles[0].areas_for_development[0].label, "F3");
  EXPECT_THAT(f.headline, ElementsAre("This health check had no questionnaire."));
  const std::string text = FeedbackText(f);
  EXPECT_THAT(text, HasSubstr("Initial feedback: Anytown CSP\nTest benchmark (draft"));
  EXPECT_THAT(text, HasSubstr("Principle 2: Principle 2\n  Strengths\n  - F1 Title 1\n"
                              "    Narrative 1\n    Also relates to principle 1\n  Areas for development\n"
                              "  - F3 Title 3\n"));
}

TEST(InitialFeedbackTest, TheHeadlineGivesTurnoutOverallBandAndHighestAndLowest) {
  Results r;
  r.respondents = 8;
  r.aggregate.range = {2, 12};
  r.aggregate.statistics = TotalStatistics{.n = 8, .median = 7.5};
  r.aggregate.band = Band{7, 9, "functioning", ""};
  for (double median : {5.0, 2.0}) {
    SectionScore s;
    s.summary.range = {1, 6};
    s.summary.statistics = TotalStatistics{.n = 8, .median = median};
    s.summary.band = median > 3 ? Band{4, 6, "high", ""} : Band{1, 3, "low", ""};
    r.sections.push_back(s);
  }
  QuestionnaireOutcome outcome{true, true, 10, 5, r};
  const InitialFeedback f = ComposeInitialFeedback(TwoPrinciples(), "Anytown CSP", {}, outcome);
  EXPECT_THAT(f.headline,
              ElementsAre("8 of the 10 partners invited answered the questionnaire (80%).",
                          "Taken together, the median total is 7.5 of a possible 2-12: "
                          "\"functioning\".",
                          "Rated highest: Principle 1, Principle 1 (\"high\"). Rated lowest: "
                          "Principle 2, Principle 2 (\"low\")."));
  outcome.results.reset();
  EXPECT_THAT(ComposeInitialFeedback(TwoPrinciples(), "A", {}, outcome).headline,
              ElementsAre(HasSubstr("Fewer than 5 partners answered")));
  outcome.closed = false;
  EXPECT_THAT(ComposeInitialFeedback(TwoPrinciples(), "A", {}, outcome).headline,
              ElementsAre(HasSubstr("still open")));
}

}  // namespace
}  // namespace hc::domain
