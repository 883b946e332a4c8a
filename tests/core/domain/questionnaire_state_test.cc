#include "core/domain/questionnaire.h"

#include <gtest/gtest.h>

#include "absl/time/time.h"

namespace hc::domain {
namespace {

Questionnaire OpenFrom(absl::Time open, absl::Time close) {
  Questionnaire q;
  q.open_time = open;
  q.close_time = close;
  return q;
}

const absl::Time kOpen = absl::FromUnixSeconds(1'800'000'000);
const absl::Time kClose = kOpen + absl::Hours(48);

TEST(QuestionnaireState, ClosesForRespondentsAtItsCloseTime) {
  const Questionnaire q = OpenFrom(kOpen, kClose);
  EXPECT_EQ(StateAt(q, kOpen - absl::Seconds(1)), QuestionnaireState::kScheduled);
  EXPECT_EQ(StateAt(q, kOpen), QuestionnaireState::kOpen);
  EXPECT_EQ(StateAt(q, kClose - absl::Seconds(1)), QuestionnaireState::kOpen);
  EXPECT_EQ(StateAt(q, kClose), QuestionnaireState::kClosed);
}

// Figures are released only once no submission can still be committing: a
// minute after the close time, or at once when closed by hand (the close is
// written after every submission accepted before it).
TEST(QuestionnaireState, IsFinalAMinutePastItsCloseTimeOrAtOnceWhenClosedByHand) {
  Questionnaire q = OpenFrom(kOpen, kClose);
  EXPECT_FALSE(IsFinalAt(q, kOpen + absl::Hours(1)));
  EXPECT_FALSE(IsFinalAt(q, kClose));
  EXPECT_FALSE(IsFinalAt(q, kClose + kClosingSettle - absl::Seconds(1)));
  EXPECT_TRUE(IsFinalAt(q, kClose + kClosingSettle));
  q.closed_time = kOpen + absl::Hours(1);
  EXPECT_TRUE(IsFinalAt(q, kOpen + absl::Hours(1)));
  EXPECT_EQ(StateAt(q, kOpen + absl::Hours(1)), QuestionnaireState::kClosed);
}

}  // namespace
}  // namespace hc::domain
