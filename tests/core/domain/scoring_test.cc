#include "core/domain/scoring.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;

// ---------------------------------------------------------------------------
// A benchmark shaped like the Partnership Assessment Tool (seed 003), built in
// code: six sections of six statements, Strongly agree 4 .. Strongly
// disagree 1, section bands 19-24 / 13-18 / 7-12 / 6 and aggregate bands
// 109-144 / 73-108 / 37-72 / 36, a 4..1 significance scale, one overall
// statement and the findings A, B, C.

ResponseScale AgreeScale() {
  return {{{"Strongly agree", 4}, {"Agree", 3}, {"Disagree", 2}, {"Strongly disagree", 1}}};
}

Section MakeSection(const std::string& code, int n) {
  Section s{code, "Principle " + code, "", {}, {}, {}, {}};
  for (int i = 1; i <= n; ++i) {
    s.statements.push_back({code + "." + std::to_string(i), "Statement " + std::to_string(i),
                            "", Polarity::kUnspecified, {}});
  }
  return s;
}

std::vector<Band> AssessmentBands() {
  return {{19, 24, "very high", "Very high"},
          {13, 18, "present", "Present reasonably well"},
          {7, 12, "limited", "Limited"},
          {6, 6, "minimal", "Minimal"}};
}

std::vector<Band> AssessmentAggregateBands() {
  return {{109, 144, "working well", "Working well in all or most respects"},
          {73, 108, "working well overall", "Working well overall"},
          {37, 72, "concerns outweigh", "Concerns outweigh"},
          {36, 36, "working badly", "Working badly"}};
}

Framework Assessment() {
  Framework f;
  f.framework_id = "partnership-assessment-tool";
  f.version = 1;
  f.display_name = "Partnership Assessment Tool";
  f.scale = AgreeScale();
  for (int i = 1; i <= 6; ++i) {
    Section s = MakeSection(std::to_string(i), 6);
    s.bands = AssessmentBands();
    f.sections.push_back(s);
  }
  f.aggregate_bands = AssessmentAggregateBands();
  f.significance_scale = ResponseScale{{{"4 - more significant", 4}, {"3", 3}, {"2", 2},
                                        {"1 - less significant", 1}}};
  f.overall_statements = {{"overall.1", "The partnership is achieving its aims and objectives",
                           "", Polarity::kUnspecified, {}}};
  f.findings = {{"A", "Working well"}, {"B", "Working well in parts"}, {"C", "Urgent action"}};
  return f;
}

// Answers that give `total` on a section whose statements use the 1..4
// scale: every statement starts at 1 and is raised in turn.
void AnswerSection(const Section& section, int total, Response& r) {
  int extra = total - static_cast<int>(section.statements.size());
  for (const Statement& s : section.statements) {
    const int raise = std::min(3, extra);
    r.answers[s.code] = 1 + raise;
    extra -= raise;
  }
}

// A response with the given total on each section, in order.
Response WithTotals(const Framework& f, const std::vector<int>& totals,
                    RespondentLevel level = RespondentLevel::kUnspecified) {
  Response r;
  r.level = level;
  for (size_t i = 0; i < totals.size(); ++i) AnswerSection(f.sections[i], totals[i], r);
  return r;
}

Response AllSections(const Framework& f, int total,
                     RespondentLevel level = RespondentLevel::kUnspecified) {
  return WithTotals(f, std::vector<int>(f.sections.size(), total), level);
}

// Six section totals as even as possible that sum to `aggregate` (36..144).
std::vector<int> Balanced(int aggregate) {
  std::vector<int> totals(6, aggregate / 6);
  for (int i = 0; i < aggregate % 6; ++i) ++totals[i];
  return totals;
}

std::vector<Response> Copies(const Response& r, int n) { return std::vector<Response>(n, r); }

Results Score(const Framework& f, const std::vector<Response>& responses) {
  absl::StatusOr<Results> results = ScoreResponses(f, responses);
  EXPECT_TRUE(results.ok()) << results.status();
  return results.ok() ? *std::move(results) : Results{};
}

std::string FindingOf(const Framework& f, const std::vector<Response>& responses) {
  const Results r = Score(f, responses);
  return r.proposed_finding ? r.proposed_finding->code : "none";
}

TEST(ScoringFixture, TheTestBenchmarkIsValid) { EXPECT_THAT(ValidateFramework(Assessment()), IsOk()); }

// ---------------------------------------------------------------------------
// Validation.

TEST(ScoringValidation, EmptyPartialAndOverallAnswersAreValid) {
  const Framework f = Assessment();
  EXPECT_THAT(ValidateResponse(f, Response{}), IsOk());
  Response r;
  r.answers = {{"1.1", 4}, {"3.6", 1}, {"overall.1", 2}};
  r.significance = {{"1", 4}, {"6", 1}};
  EXPECT_THAT(ValidateResponse(f, r), IsOk());
}

TEST(ScoringValidation, AnUnknownStatementIsInvalidArgument) {
  Response r;
  r.answers = {{"9.9", 3}};
  EXPECT_THAT(ValidateResponse(Assessment(), r),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "\"9.9\": not a statement"));
}

TEST(ScoringValidation, AValueOffTheScaleIsInvalidArgument) {
  for (int value : {0, 5, -1}) {
    Response r;
    r.answers = {{"2.3", value}};
    EXPECT_THAT(ValidateResponse(Assessment(), r),
                StatusIsWith(absl::StatusCode::kInvalidArgument, "not on the response scale"))
        << value;
  }
}

TEST(ScoringValidation, AnUnknownSectionInSignificanceIsInvalidArgument) {
  Response r;
  r.significance = {{"7", 2}};
  EXPECT_THAT(ValidateResponse(Assessment(), r),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "\"7\": not a section"));
}

TEST(ScoringValidation, ASignificanceValueOffItsScaleIsInvalidArgument) {
  Response r;
  r.significance = {{"1", 5}};
  EXPECT_THAT(ValidateResponse(Assessment(), r),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "not on the significance scale"));
}

TEST(ScoringValidation, SignificanceWithoutASignificanceScaleIsInvalidArgument) {
  Framework f = Assessment();
  f.significance_scale.reset();
  Response r;
  r.significance = {{"1", 3}};
  EXPECT_THAT(ValidateResponse(f, r),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "has no significance scale"));
}

TEST(ScoringValidation, ScoringAndLevelSpreadNameTheInvalidResponse) {
  const Framework f = Assessment();
  Response bad = AllSections(f, 12);
  bad.answers["1.1"] = 7;
  const std::vector<Response> responses = {AllSections(f, 12), bad};
  EXPECT_THAT(ScoreResponses(f, responses),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "responses[1]: answer to \"1.1\""));
  EXPECT_THAT(SpreadBetweenLevels(f, responses),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "responses[1]"));
}

// ---------------------------------------------------------------------------
// Totals and the seed's worked example.

TEST(ScoringTotals, TheSeedsWorkedExampleIs16InThePresentBand) {
  const Framework f = Assessment();
  // One strongly agree, three agree, one disagree, one strongly disagree.
  Response r;
  r.answers = {{"1.1", 4}, {"1.2", 3}, {"1.3", 3}, {"1.4", 3}, {"1.5", 2}, {"1.6", 1}};
  EXPECT_EQ(SectionTotal(f.sections[0], r), 16);
  const Results results = Score(f, {r});
  const ScoreSummary& s = results.sections[0].summary;
  ASSERT_TRUE(s.statistics.has_value());
  EXPECT_EQ(s.statistics->n, 1);
  EXPECT_DOUBLE_EQ(s.statistics->median, 16);
  EXPECT_EQ(s.banded_score, 16);
  ASSERT_TRUE(s.band.has_value());
  EXPECT_EQ(s.band->label, "present");
  EXPECT_EQ(s.band->text, "Present reasonably well");
}

TEST(ScoringTotals, ATotalNeedsEveryStatementOfItsSection) {
  const Framework f = Assessment();
  Response complete = AllSections(f, 15);
  Response partial = complete;
  partial.answers.erase("3.4");
  EXPECT_EQ(SectionTotal(f.sections[2], partial), std::nullopt);
  EXPECT_EQ(SectionTotal(f.sections[1], partial), 15);
  EXPECT_EQ(AggregateTotal(f, partial), std::nullopt);
  EXPECT_EQ(AggregateTotal(f, complete), 90);

  const Results results = Score(f, {complete, partial});
  EXPECT_EQ(results.respondents, 2);
  EXPECT_EQ(results.sections[2].summary.statistics->n, 1);
  EXPECT_EQ(results.sections[2].summary.incomplete, 1);
  EXPECT_EQ(results.sections[1].summary.statistics->n, 2);
  EXPECT_EQ(results.sections[1].summary.incomplete, 0);
  EXPECT_EQ(results.aggregate.statistics->n, 1);
  EXPECT_EQ(results.aggregate.incomplete, 1);
}

TEST(ScoringTotals, OverallStatementsAreNotPartOfTheAggregateAndEmptySectionsHaveNoTotal) {
  Framework f = Assessment();
  Response r = AllSections(f, 20);
  EXPECT_EQ(AggregateTotal(f, r), 120);
  r.answers["overall.1"] = 4;
  EXPECT_EQ(AggregateTotal(f, r), 120);
  f.sections.push_back(MakeSection("slot", 0));
  EXPECT_EQ(SectionTotal(f.sections.back(), r), std::nullopt);
  EXPECT_EQ(AggregateTotal(f, r), 120);
}

TEST(ScoringTotals, AnEmptySetHasNoStatisticsAndNoFinding) {
  const Results results = Score(Assessment(), {});
  EXPECT_EQ(results.respondents, 0);
  EXPECT_EQ(results.statements.size(), 37u);
  for (const SectionScore& s : results.sections) {
    EXPECT_FALSE(s.summary.statistics.has_value());
    EXPECT_FALSE(s.summary.band.has_value());
  }
  EXPECT_FALSE(results.aggregate.statistics.has_value());
  EXPECT_FALSE(results.proposed_finding.has_value());
}

// ---------------------------------------------------------------------------
// Distributions.

TEST(ScoringDistribution, CountsFollowTheScaleOrderWithUnanswered) {
  const Framework f = Assessment();
  Response r1, r2, r3;
  r1.answers = {{"1.1", 4}, {"overall.1", 3}};
  r2.answers = {{"1.1", 4}, {"overall.1", 1}};
  r3.answers = {{"overall.1", 2}};
  const Results results = Score(f, {r1, r2, r3});
  ASSERT_EQ(results.statements.size(), 37u);
  const StatementDistribution& first = results.statements.front();
  EXPECT_EQ(first.statement_code, "1.1");
  EXPECT_EQ(first.counts, (std::vector<int>{2, 0, 0, 0}));  // Strongly agree first
  EXPECT_EQ(first.unanswered, 1);
  EXPECT_EQ(results.statements[6].statement_code, "2.1");
  EXPECT_EQ(results.statements[6].unanswered, 3);
  const StatementDistribution& overall = results.statements.back();
  EXPECT_EQ(overall.statement_code, "overall.1");
  EXPECT_EQ(overall.counts, (std::vector<int>{0, 1, 1, 1}));
  EXPECT_EQ(overall.unanswered, 0);
}

// ---------------------------------------------------------------------------
// Statistics on small hand-computed sets (range 6-24, width 18).

constexpr ScoreRange kSection{6, 24};

TEST(ScoringStatistics, QuantilesInterpolateLinearlyType7) {
  const std::vector<double> v = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(Quantile(v, 0), 1);
  EXPECT_DOUBLE_EQ(Quantile(v, 1), 4);
  EXPECT_DOUBLE_EQ(Quantile(v, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile(v, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(Quantile({7}, 0.75), 7);
}

TEST(ScoringStatistics, OddCount) {
  const auto s = Describe({20, 6, 15, 10, 12}, kSection);  // sorted 6 10 12 15 20
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->n, 5);
  EXPECT_DOUBLE_EQ(s->mean, 12.6);
  EXPECT_DOUBLE_EQ(s->median, 12);
  EXPECT_DOUBLE_EQ(s->min, 6);
  EXPECT_DOUBLE_EQ(s->max, 20);
  EXPECT_DOUBLE_EQ(s->q1, 10);   // h = 1
  EXPECT_DOUBLE_EQ(s->q3, 15);   // h = 3
  EXPECT_DOUBLE_EQ(s->iqr, 5);
  EXPECT_DOUBLE_EQ(s->consensus, 1 - 5.0 / 18);
}

TEST(ScoringStatistics, EvenCount) {
  const auto s = Describe({13, 7, 20, 9}, kSection);  // sorted 7 9 13 20
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->mean, 12.25);
  EXPECT_DOUBLE_EQ(s->median, 11);   // (9 + 13) / 2
  EXPECT_DOUBLE_EQ(s->q1, 8.5);      // h = 0.75: 7 + 0.75 * 2
  EXPECT_DOUBLE_EQ(s->q3, 14.75);    // h = 2.25: 13 + 0.25 * 7
  EXPECT_DOUBLE_EQ(s->iqr, 6.25);
  EXPECT_DOUBLE_EQ(s->consensus, 1 - 6.25 / 18);
}

TEST(ScoringStatistics, Ties) {
  const auto s = Describe({12, 18, 12, 12}, kSection);
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->mean, 13.5);
  EXPECT_DOUBLE_EQ(s->median, 12);
  EXPECT_DOUBLE_EQ(s->q1, 12);
  EXPECT_DOUBLE_EQ(s->q3, 13.5);  // 12 + 0.25 * 6
  EXPECT_DOUBLE_EQ(s->iqr, 1.5);
}

TEST(ScoringStatistics, ConsensusIsOneForIdenticalAnswersAndZeroForASplitBetweenExtremes) {
  const Framework f = Assessment();
  const Results same = Score(f, Copies(AllSections(f, 17), 7));
  for (const SectionScore& s : same.sections) {
    EXPECT_DOUBLE_EQ(s.summary.statistics->iqr, 0);
    EXPECT_DOUBLE_EQ(s.summary.statistics->consensus, 1);
  }
  EXPECT_DOUBLE_EQ(same.aggregate.statistics->consensus, 1);

  const auto split = Describe({6, 24, 6, 24}, kSection);
  EXPECT_DOUBLE_EQ(split->iqr, 18);
  EXPECT_DOUBLE_EQ(split->consensus, 0);
  EXPECT_DOUBLE_EQ(split->median, 15);
  EXPECT_DOUBLE_EQ(Describe({16}, kSection)->consensus, 1);
  EXPECT_DOUBLE_EQ(Describe({3, 3}, ScoreRange{3, 3})->consensus, 1);
  EXPECT_FALSE(Describe({}, kSection).has_value());
}

TEST(ScoringStatistics, ThroughTheResultsPath) {
  const Framework f = Assessment();
  const Results r = Score(f, {AllSections(f, 20), AllSections(f, 9), AllSections(f, 16)});
  const TotalStatistics& s = *r.sections[3].summary.statistics;
  EXPECT_EQ(s.n, 3);
  EXPECT_DOUBLE_EQ(s.mean, 15);
  EXPECT_DOUBLE_EQ(s.median, 16);
  EXPECT_DOUBLE_EQ(s.q1, 12.5);
  EXPECT_DOUBLE_EQ(s.q3, 18);
  EXPECT_EQ(r.sections[3].summary.band->label, "present");
  const TotalStatistics& a = *r.aggregate.statistics;
  EXPECT_DOUBLE_EQ(a.median, 96);
  EXPECT_DOUBLE_EQ(a.mean, 90);
  EXPECT_EQ(r.aggregate.band->label, "working well overall");
}

// ---------------------------------------------------------------------------
// Bands through the statistics path.

TEST(ScoringBands, EverySectionBandEdge) {
  const Framework f = Assessment();
  const std::vector<std::pair<int, std::string>> edges = {
      {6, "minimal"}, {7, "limited"}, {12, "limited"}, {13, "present"},
      {18, "present"}, {19, "very high"}, {24, "very high"}};
  for (const auto& [total, label] : edges) {
    const Results r = Score(f, Copies(AllSections(f, total), 3));
    for (const SectionScore& s : r.sections) {
      EXPECT_DOUBLE_EQ(s.summary.statistics->median, total);
      EXPECT_EQ(s.summary.banded_score, total);
      ASSERT_TRUE(s.summary.band.has_value()) << total;
      EXPECT_EQ(s.summary.band->label, label) << total;
    }
  }
}

TEST(ScoringBands, EveryAggregateBandEdge) {
  const Framework f = Assessment();
  const std::vector<std::pair<int, std::string>> edges = {
      {36, "working badly"},        {37, "concerns outweigh"},
      {72, "concerns outweigh"},    {73, "working well overall"},
      {108, "working well overall"}, {109, "working well"},
      {144, "working well"}};
  for (const auto& [total, label] : edges) {
    const Response one = WithTotals(f, Balanced(total));
    ASSERT_EQ(AggregateTotal(f, one), total);
    const Results r = Score(f, Copies(one, 3));
    EXPECT_DOUBLE_EQ(r.aggregate.statistics->median, total);
    ASSERT_TRUE(r.aggregate.band.has_value()) << total;
    EXPECT_EQ(r.aggregate.band->label, label) << total;
  }
}

TEST(ScoringBands, AFractionalMedianRoundsHalfUp) {
  EXPECT_EQ(BandedScore(18.5), 19);
  EXPECT_EQ(BandedScore(18.25), 18);
  EXPECT_EQ(BandedScore(18.75), 19);
  EXPECT_EQ(BandedScore(18), 18);
  const Framework f = Assessment();
  const std::vector<std::pair<std::pair<int, int>, std::string>> cases = {
      {{18, 19}, "very high"}, {{12, 13}, "present"}, {{6, 7}, "limited"}};
  for (const auto& [pair, label] : cases) {
    const Results r = Score(f, {AllSections(f, pair.first), AllSections(f, pair.second)});
    EXPECT_DOUBLE_EQ(r.sections[0].summary.statistics->median, pair.first + 0.5);
    EXPECT_EQ(r.sections[0].summary.banded_score, pair.second);
    EXPECT_EQ(r.sections[0].summary.band->label, label);
  }
  const Results agg =
      Score(f, {WithTotals(f, Balanced(72)), WithTotals(f, Balanced(73))});
  EXPECT_DOUBLE_EQ(agg.aggregate.statistics->median, 72.5);
  EXPECT_EQ(agg.aggregate.band->label, "working well overall");
}

TEST(ScoringBands, TheBandIsTheMediansNotTheMeans) {
  const Framework f = Assessment();
  // Medians 19 (very high); means (19 + 19 + 6) / 3 = 14.67 (present).
  const Results r = Score(f, {AllSections(f, 19), AllSections(f, 19), AllSections(f, 6)});
  EXPECT_NEAR(r.sections[0].summary.statistics->mean, 14.667, 1e-3);
  EXPECT_EQ(r.sections[0].summary.band->label, "very high");
}

// ---------------------------------------------------------------------------
// The proposed finding.

TEST(ScoringFinding, AWhenTheAggregateIsTopAndEverySectionInTheTopTwoBands) {
  const Framework f = Assessment();
  EXPECT_EQ(FindingOf(f, Copies(AllSections(f, 22), 3)), "A");
  // The lowest A: aggregate 109 with every section at 18 or 19.
  EXPECT_EQ(FindingOf(f, Copies(WithTotals(f, Balanced(109)), 3)), "A");
  // One very low respondent does not move the medians.
  EXPECT_EQ(FindingOf(f, {AllSections(f, 22), AllSections(f, 22), AllSections(f, 6)}), "A");
  const Results r = Score(f, Copies(AllSections(f, 22), 3));
  EXPECT_EQ(r.proposed_finding->text, "Working well");
}

TEST(ScoringFinding, BInTheMiddle) {
  const Framework f = Assessment();
  EXPECT_EQ(FindingOf(f, Copies(AllSections(f, 15), 3)), "B");
  EXPECT_EQ(FindingOf(f, Copies(WithTotals(f, Balanced(108)), 3)), "B");
  // The lowest B: aggregate 73, sections 13 and 12 (none in the lowest band).
  EXPECT_EQ(FindingOf(f, Copies(WithTotals(f, Balanced(73)), 3)), "B");
  // A top aggregate with one section only "limited" is not A.
  EXPECT_EQ(FindingOf(f, Copies(WithTotals(f, {24, 24, 24, 24, 24, 12}), 3)), "B");
}

TEST(ScoringFinding, CWhenTheAggregateIsInTheLowestTwoBandsOrASectionInItsLowest) {
  const Framework f = Assessment();
  EXPECT_EQ(FindingOf(f, Copies(WithTotals(f, Balanced(72)), 3)), "C");
  EXPECT_EQ(FindingOf(f, Copies(AllSections(f, 6), 3)), "C");
  // A top aggregate (126) with one section at its minimum.
  EXPECT_EQ(FindingOf(f, Copies(WithTotals(f, {24, 24, 24, 24, 24, 6}), 3)), "C");
}

TEST(ScoringFinding, NoneWithoutFindingsAggregateBandsOrCompleteResponses) {
  const std::vector<Response> good = Copies(AllSections(Assessment(), 22), 3);
  Framework f = Assessment();
  f.findings.clear();
  EXPECT_EQ(FindingOf(f, good), "none");
  f = Assessment();
  f.aggregate_bands.clear();
  EXPECT_EQ(FindingOf(f, good), "none");
  f = Assessment();
  f.findings = {{"1", "x"}, {"2", "y"}, {"3", "z"}};
  EXPECT_EQ(FindingOf(f, good), "none");
  f = Assessment();
  Response partial = good[0];
  partial.answers.erase("6.6");
  EXPECT_EQ(FindingOf(f, Copies(partial, 3)), "none");
}

TEST(ScoringFinding, TheRuleFollowsBandOrderNotNumbers) {
  // Same shape, other edges: sections 6-10 / 11-15 / 16-20 / 21-24, aggregate
  // 36-60 / 61-90 / 91-120 / 121-144, listed lowest first (the assessment
  // tool lists highest first).
  Framework shifted = Assessment();
  for (Section& s : shifted.sections) {
    s.bands = {{6, 10, "low", ""}, {11, 15, "mid-low", ""}, {16, 20, "mid-high", ""},
               {21, 24, "high", ""}};
  }
  shifted.aggregate_bands = {{36, 60, "low", ""}, {61, 90, "mid-low", ""},
                             {91, 120, "mid-high", ""}, {121, 144, "high", ""}};
  ASSERT_THAT(ValidateFramework(shifted), IsOk());
  const Framework tool = Assessment();
  // Sections 20, aggregate 120: the tool's top bands, the shifted one's third.
  EXPECT_EQ(FindingOf(tool, Copies(AllSections(tool, 20), 3)), "A");
  EXPECT_EQ(FindingOf(shifted, Copies(AllSections(tool, 20), 3)), "B");
  // Sections 13, aggregate 78: the tool's third aggregate band, the shifted
  // one's second (in its lower half).
  EXPECT_EQ(FindingOf(tool, Copies(AllSections(tool, 13), 3)), "B");
  EXPECT_EQ(FindingOf(shifted, Copies(AllSections(tool, 13), 3)), "C");
  EXPECT_EQ(FindingOf(shifted, Copies(AllSections(tool, 21), 3)), "A");

  // Listing order does not matter.
  Framework reversed = tool;
  std::reverse(reversed.aggregate_bands.begin(), reversed.aggregate_bands.end());
  for (Section& s : reversed.sections) std::reverse(s.bands.begin(), s.bands.end());
  for (int total : {6, 12, 13, 18, 19, 22}) {
    const std::vector<Response> set = Copies(AllSections(tool, total), 3);
    EXPECT_EQ(FindingOf(reversed, set), FindingOf(tool, set)) << total;
  }
}

// ---------------------------------------------------------------------------
// Weighted views.

TEST(ScoringWeighted, HandComputedSet) {
  const Framework f = Assessment();
  Response r1 = WithTotals(f, {24, 12, 18, 6, 24, 12});  // aggregate 96
  r1.significance = {{"1", 4}, {"2", 1}, {"3", 2}, {"4", 3}, {"5", 4}, {"6", 2}};
  Response r2 = AllSections(f, 15);  // aggregate 90
  r2.significance = {{"1", 3}, {"2", 3}, {"3", 3}, {"4", 3}, {"5", 3}, {"6", 3}};
  Response r3 = AllSections(f, 20);  // no rating for section 6
  r3.significance = {{"1", 1}, {"2", 1}, {"3", 1}, {"4", 1}, {"5", 1}};

  // (96 + 12 + 36 + 18 + 96 + 24) / (16 / 6) = 282 * 6 / 16.
  EXPECT_EQ(WeightedAggregate(f, r1), 105.75);
  EXPECT_EQ(WeightedAggregate(f, r2), 90);  // equal ratings: the aggregate
  EXPECT_EQ(WeightedAggregate(f, r3), std::nullopt);

  const Results r = Score(f, {r1, r2, r3});
  ASSERT_TRUE(r.weighted.has_value());
  const WeightedView& w = *r.weighted;
  ASSERT_EQ(w.sections.size(), 6u);
  EXPECT_EQ(w.sections[0].section_code, "1");
  EXPECT_EQ(w.sections[0].n, 3);
  EXPECT_DOUBLE_EQ(*w.sections[0].mean, 8.0 / 3);  // (4 + 3 + 1) / 3
  EXPECT_DOUBLE_EQ(*w.sections[1].mean, 5.0 / 3);  // (1 + 3 + 1) / 3
  EXPECT_EQ(w.sections[5].n, 2);
  EXPECT_DOUBLE_EQ(*w.sections[5].mean, 2.5);      // (2 + 3) / 2
  ASSERT_TRUE(w.weighted_aggregate.has_value());
  EXPECT_EQ(w.weighted_aggregate->n, 2);
  EXPECT_DOUBLE_EQ(w.weighted_aggregate->mean, 97.875);
  EXPECT_DOUBLE_EQ(w.weighted_aggregate->median, 97.875);
  EXPECT_DOUBLE_EQ(w.weighted_aggregate->min, 90);
  EXPECT_DOUBLE_EQ(w.weighted_aggregate->max, 105.75);
}

TEST(ScoringWeighted, WeightsStartAtOneOnAScaleFromZero) {
  Framework f = Assessment();
  f.significance_scale = ResponseScale{{{"0", 0}, {"1", 1}, {"2", 2}, {"3", 3}}};
  Response r = WithTotals(f, {24, 12, 18, 6, 24, 12});
  r.significance = {{"1", 0}, {"2", 0}, {"3", 0}, {"4", 0}, {"5", 0}, {"6", 0}};
  EXPECT_EQ(WeightedAggregate(f, r), 96);  // all weights 1, no division by 0
  r.significance["1"] = 3;                 // weights 4, 1, 1, 1, 1, 1
  EXPECT_EQ(WeightedAggregate(f, r), 112);  // (96 + 12 + 18 + 6 + 24 + 12) * 6 / 9
}

TEST(ScoringWeighted, NoWeightedViewWithoutASignificanceScale) {
  Framework f = Assessment();
  f.significance_scale.reset();
  const Response r = AllSections(f, 15);
  EXPECT_EQ(WeightedAggregate(f, r), std::nullopt);
  EXPECT_FALSE(Score(f, {r}).weighted.has_value());
}

// ---------------------------------------------------------------------------
// The spread between levels.

TEST(ScoringLevels, HandComputedSpread) {
  const Framework f = Assessment();
  using L = RespondentLevel;
  const std::vector<Response> responses = {
      AllSections(f, 20, L::kBoard),     AllSections(f, 22, L::kBoard),
      AllSections(f, 14, L::kManagement), AllSections(f, 8, L::kFrontLine),
      AllSections(f, 10, L::kFrontLine), AllSections(f, 12, L::kFrontLine),
      AllSections(f, 24, L::kUnspecified)};
  HC_ASSERT_OK_AND_ASSIGN(const LevelSpread spread, SpreadBetweenLevels(f, responses));
  EXPECT_EQ(spread.unassigned, 1);
  ASSERT_EQ(spread.sections.size(), 6u);
  const LevelSpreadRow& row = spread.sections[0];
  EXPECT_EQ(row.section_code, "1");
  ASSERT_EQ(row.levels.size(), 3u);
  EXPECT_EQ(row.levels[0].level, L::kBoard);
  EXPECT_EQ(row.levels[0].n, 2);
  EXPECT_DOUBLE_EQ(row.levels[0].mean, 21);
  EXPECT_EQ(row.levels[1].level, L::kManagement);
  EXPECT_DOUBLE_EQ(row.levels[1].mean, 14);
  EXPECT_EQ(row.levels[2].level, L::kFrontLine);
  EXPECT_EQ(row.levels[2].n, 3);
  EXPECT_DOUBLE_EQ(row.levels[2].mean, 10);
  EXPECT_EQ(row.largest_difference, 11);
  EXPECT_EQ(row.highest, L::kBoard);
  EXPECT_EQ(row.lowest, L::kFrontLine);
  EXPECT_EQ(spread.aggregate.section_code, "");
  EXPECT_DOUBLE_EQ(spread.aggregate.levels[0].mean, 126);  // (120 + 132) / 2
  EXPECT_EQ(spread.aggregate.largest_difference, 66);      // 126 - 60
}

TEST(ScoringLevels, OneLevelHasNoSpreadAndTiesGoToTheEarlierLevel) {
  const Framework f = Assessment();
  using L = RespondentLevel;
  HC_ASSERT_OK_AND_ASSIGN(const LevelSpread one,
                          SpreadBetweenLevels(f, {AllSections(f, 15, L::kManagement)}));
  EXPECT_EQ(one.sections[0].levels.size(), 1u);
  EXPECT_EQ(one.sections[0].largest_difference, std::nullopt);
  EXPECT_EQ(one.sections[0].highest, std::nullopt);

  HC_ASSERT_OK_AND_ASSIGN(const LevelSpread tie,
                          SpreadBetweenLevels(f, {AllSections(f, 15, L::kFrontLine),
                                                  AllSections(f, 10, L::kManagement),
                                                  AllSections(f, 15, L::kBoard)}));
  EXPECT_EQ(tie.sections[0].largest_difference, 5);
  EXPECT_EQ(tie.sections[0].highest, L::kBoard);
  EXPECT_EQ(tie.sections[0].lowest, L::kManagement);

  // An incomplete section leaves that respondent out of that row only.
  Response partial = AllSections(f, 20, L::kBoard);
  partial.answers.erase("2.1");
  HC_ASSERT_OK_AND_ASSIGN(const LevelSpread p,
                          SpreadBetweenLevels(f, {partial, AllSections(f, 8, L::kFrontLine)}));
  EXPECT_EQ(p.sections[0].largest_difference, 12);
  EXPECT_EQ(p.sections[1].levels.size(), 1u);
  EXPECT_EQ(p.aggregate.levels.size(), 1u);
}

// ---------------------------------------------------------------------------
// Change since a previous result.

TEST(ScoringChange, MediansMeansAndBands) {
  const Framework f = Assessment();
  const Results before = Score(f, {AllSections(f, 10), AllSections(f, 12), AllSections(f, 20)});
  const Results after = Score(f, {AllSections(f, 15), AllSections(f, 15), AllSections(f, 18)});
  HC_ASSERT_OK_AND_ASSIGN(const ResultsChange change, ChangeSince(before, after));
  ASSERT_EQ(change.sections.size(), 6u);
  const ScoreChange& c = change.sections[0];
  EXPECT_EQ(c.section_code, "1");
  EXPECT_EQ(c.median_change, 3);  // 12 -> 15
  EXPECT_EQ(c.mean_change, 2);    // 14 -> 16
  EXPECT_EQ(c.previous_band->label, "limited");
  EXPECT_EQ(c.current_band->label, "present");
  EXPECT_EQ(change.aggregate.median_change, 18);  // 72 -> 90
  EXPECT_EQ(change.aggregate.mean_change, 12);    // 84 -> 96
  EXPECT_EQ(change.aggregate.previous_band->label, "concerns outweigh");
  EXPECT_EQ(change.aggregate.current_band->label, "working well overall");
}

TEST(ScoringChange, DifferentBenchmarksAreInvalidArgument) {
  const Framework f = Assessment();
  Framework other = Assessment();
  other.framework_id = "digging-deeper";
  EXPECT_THAT(ChangeSince(Score(other, {}), Score(f, {})),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ScoringChange, NothingToCompareGivesNoChange) {
  const Framework f = Assessment();
  const Results now = Score(f, Copies(AllSections(f, 18), 3));
  HC_ASSERT_OK_AND_ASSIGN(const ResultsChange none, ChangeSince(Score(f, {}), now));
  EXPECT_EQ(none.sections[0].median_change, std::nullopt);
  EXPECT_EQ(none.sections[0].previous_band, std::nullopt);
  EXPECT_EQ(none.sections[0].current_band->label, "present");
  EXPECT_EQ(none.aggregate.mean_change, std::nullopt);

  // Version 2 shortens section 1 and adds section 7.
  Framework v2 = Assessment();
  v2.version = 2;
  v2.sections[0] = MakeSection("1", 5);
  v2.sections.push_back(MakeSection("7", 6));
  const Results later = Score(v2, Copies(AllSections(v2, 12), 3));
  HC_ASSERT_OK_AND_ASSIGN(const ResultsChange c, ChangeSince(now, later));
  ASSERT_EQ(c.sections.size(), 7u);
  EXPECT_EQ(c.sections[0].median_change, std::nullopt);  // range 5-20 vs 6-24
  EXPECT_EQ(c.sections[1].median_change, -6);
  EXPECT_EQ(c.sections[6].section_code, "7");
  EXPECT_EQ(c.sections[6].median_change, std::nullopt);
  EXPECT_EQ(c.aggregate.median_change, std::nullopt);
}

// ---------------------------------------------------------------------------
// Properties on random response sets.

Response RandomResponse(const Framework& f, std::mt19937& rng) {
  std::uniform_int_distribution<int> value(1, 4), percent(0, 99), level(0, 3);
  Response r;
  r.level = static_cast<RespondentLevel>(level(rng));
  for (const Section& s : f.sections) {
    for (const Statement& st : s.statements) {
      if (percent(rng) >= 3) r.answers[st.code] = value(rng);
    }
    if (percent(rng) >= 10) r.significance[s.code] = value(rng);
  }
  if (percent(rng) >= 20) r.answers["overall.1"] = value(rng);
  return r;
}

void ExpectOrdered(const TotalStatistics& s, ScoreRange range, const std::string& where) {
  EXPECT_LE(range.min, s.min) << where;
  EXPECT_LE(s.min, s.q1) << where;
  EXPECT_LE(s.q1, s.median) << where;
  EXPECT_LE(s.median, s.q3) << where;
  EXPECT_LE(s.q3, s.max) << where;
  EXPECT_LE(s.max, range.max) << where;
  EXPECT_GE(s.mean, s.min - 1e-9) << where;
  EXPECT_LE(s.mean, s.max + 1e-9) << where;
  EXPECT_DOUBLE_EQ(s.iqr, s.q3 - s.q1) << where;
  EXPECT_GE(s.consensus, 0) << where;
  EXPECT_LE(s.consensus, 1) << where;
}

void CheckInvariants(const Framework& f, const std::vector<Response>& set, int trial) {
  const std::string where = absl::StrCat("trial ", trial, " n ", set.size());
  HC_ASSERT_OK_AND_ASSIGN(const Results r, ScoreResponses(f, set));
  const int n = static_cast<int>(set.size());
  for (const StatementDistribution& d : r.statements) {
    int sum = d.unanswered;
    for (int c : d.counts) sum += c;
    EXPECT_EQ(sum, n) << where << " " << d.statement_code;
  }
  for (const SectionScore& s : r.sections) {
    const int with = s.summary.statistics ? s.summary.statistics->n : 0;
    EXPECT_EQ(with + s.summary.incomplete, n) << where;
    if (!s.summary.statistics) continue;
    ExpectOrdered(*s.summary.statistics, {6, 24}, where);
    EXPECT_TRUE(s.summary.band.has_value()) << where;
  }
  if (r.aggregate.statistics) ExpectOrdered(*r.aggregate.statistics, {36, 144}, where);
  EXPECT_EQ(r.proposed_finding.has_value(), r.aggregate.statistics.has_value()) << where;
  if (r.weighted->weighted_aggregate) {
    ExpectOrdered(*r.weighted->weighted_aggregate, {36, 144}, where);
  }
  for (const Response& one : set) {
    for (const Section& s : f.sections) {
      if (const auto t = SectionTotal(s, one)) {
        EXPECT_GE(*t, 6) << where;
        EXPECT_LE(*t, 24) << where;
      }
    }
    Response equal = one;
    for (auto& [code, rating] : equal.significance) rating = 2;
    if (equal.significance.size() == 6 && AggregateTotal(f, equal)) {
      EXPECT_DOUBLE_EQ(*WeightedAggregate(f, equal), *AggregateTotal(f, equal)) << where;
    }
  }
  HC_ASSERT_OK_AND_ASSIGN(const LevelSpread spread, SpreadBetweenLevels(f, set));
  for (const LevelSpreadRow& row : spread.sections) {
    if (!row.largest_difference) continue;
    EXPECT_GE(*row.largest_difference, 0) << where;
    EXPECT_LE(*row.largest_difference, 18) << where;
  }
}

TEST(ScoringProperties, InvariantsHoldOnRandomSets) {
  const Framework f = Assessment();
  std::mt19937 rng(20240607);
  std::uniform_int_distribution<int> size(0, 30);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Response> set;
    const int n = size(rng);
    for (int i = 0; i < n; ++i) set.push_back(RandomResponse(f, rng));
    CheckInvariants(f, set, trial);
  }
}

}  // namespace
}  // namespace hc::domain
