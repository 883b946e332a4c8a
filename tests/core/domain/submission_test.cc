#include "core/domain/submission.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIsWith;

// Two areas of two statements on a 1-4 scale, like a small Digging Deeper.
Framework TwoAreas(bool action_planning) {
  Framework f;
  f.framework_id = "two-areas";
  f.version = 1;
  f.scale = {{{"NO", 1}, {"NO but in hand", 2}, {"YES but", 3}, {"YES", 4}}};
  for (const std::string area : {"1", "2"}) {
    Section s;
    s.code = area;
    s.title = "Area " + area;
    s.statements = {{area + ".1", "First", "", Polarity::kUnspecified, {}},
                    {area + ".2", "Second", "", Polarity::kUnspecified, {}}};
    f.sections.push_back(s);
  }
  f.action_planning = action_planning;
  return f;
}

TEST(ValidateDraftTest, AcceptsActionEntriesOnAnActionPlanningBenchmark) {
  Draft draft;
  draft.answers = {{"1.1", 1}};
  draft.actions["1.1"] = {"Agree a protocol", "Chief officers"};
  draft.actions["2.2"] = {"", "Board"};
  EXPECT_THAT(ValidateDraft(TwoAreas(true), draft, false), IsOk());
}

TEST(ValidateDraftTest, RefusesActionEntriesABenchmarkDoesNotAskFor) {
  Draft draft;
  draft.actions["1.1"] = {"Agree a protocol", ""};
  EXPECT_THAT(ValidateDraft(TwoAreas(false), draft, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "does not ask for actions"));
}

TEST(ValidateDraftTest, RefusesActionEntriesForUnknownStatementsOrWithNothingInThem) {
  Draft unknown;
  unknown.actions["3.1"] = {"Act", ""};
  EXPECT_THAT(ValidateDraft(TwoAreas(true), unknown, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "actions for \"3.1\": not a statement of the questionnaire"));
  Draft area_code;
  area_code.actions["1"] = {"Act", ""};  // an area, not a statement
  EXPECT_THAT(ValidateDraft(TwoAreas(true), area_code, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "not a statement"));
  Draft empty;
  empty.actions["1.1"] = {"", ""};
  EXPECT_THAT(ValidateDraft(TwoAreas(true), empty, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "both entries are empty"));
}

TEST(ValidateDraftTest, LimitsTheLengthOfEachEntry) {
  Draft draft;
  draft.actions["1.1"] = {std::string(kMaxActionChars, 'a'), std::string(kMaxByWhomChars, 'b')};
  EXPECT_THAT(ValidateDraft(TwoAreas(true), draft, false), IsOk());
  draft.actions["1.1"].action.push_back('a');
  EXPECT_THAT(ValidateDraft(TwoAreas(true), draft, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "action needed for statement 1.1"));
  draft.actions["1.1"] = {"Act", std::string(kMaxByWhomChars + 1, 'b')};
  EXPECT_THAT(ValidateDraft(TwoAreas(true), draft, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "by whom for statement 1.1"));
  draft.actions["1.1"] = {"Act", "Board\nand chief officers"};  // by whom is one line
  EXPECT_THAT(ValidateDraft(TwoAreas(true), draft, false),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "by whom for statement 1.1"));
}

TEST(CheckCompleteTest, NamesTheFirstUnansweredStatement) {
  const Framework f = TwoAreas(true);
  EXPECT_THAT(CheckComplete(f, {{"1.1", 1}, {"1.2", 2}, {"2.1", 3}}, {}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "statement 2.2 is not answered"));
  EXPECT_THAT(CheckComplete(f, {{"1.1", 1}, {"1.2", 2}, {"2.1", 3}, {"2.2", 4}}, {}), IsOk());
}

}  // namespace
}  // namespace hc::domain
