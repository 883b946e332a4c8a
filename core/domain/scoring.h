#ifndef HC_CORE_DOMAIN_SCORING_H_
#define HC_CORE_DOMAIN_SCORING_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/domain/framework.h"
#include "core/domain/response.h"

// The scoring of questionnaire results (DOMAIN.md: Benchmarks and scoring):
// pure functions of a benchmark and a set of submitted responses.
//
// Every function here computes figures for whatever set of responses it is
// given, however small: disclosure control (k-anonymity, complementary
// suppression) belongs to the caller and nothing is suppressed here.
// Everything is deterministic (no clock, no randomness, results in benchmark
// order) and thread-safe: there is no shared state.
//
// Rules that apply throughout:
// - A respondent's SECTION TOTAL is the sum of their scale values over the
//   section's statements. It exists only when every statement of the section
//   is answered; a respondent who left any statement of a section unanswered
//   counts in that section's `incomplete` and nowhere in its statistics. A
//   section without statements (an empty slot) has no totals.
// - A respondent's AGGREGATE is the sum of their section totals. It exists
//   only when every section that has statements has a total, i.e. when every
//   section statement is answered (overall statements, such as "The
//   partnership is achieving its aims and objectives", are not part of it).
// - Overall statements are answered on the benchmark's scale like any other
//   statement and appear in the per-statement distributions.
namespace hc::domain {

// Checks one response against `framework`. Returns INVALID_ARGUMENT when an
// answer names a statement that is neither a section statement nor an
// overall statement of the benchmark, when an answer's value is not a value
// of `framework.scale`, when a significance rating names a section that is
// not in the benchmark, when a rating's value is not a value of
// `framework.significance_scale`, or when the response carries ratings for a
// benchmark that has no significance scale. Unanswered statements and
// unrated sections are allowed (see the totals rules above).
absl::Status ValidateResponse(const Framework& framework, const Response& response);

// The respondent's total for `section`, or nullopt when the section has no
// statements or any of its statements is unanswered. Expects a valid
// response.
std::optional<int> SectionTotal(const Section& section, const Response& response);

// The respondent's aggregate (sum of section totals), or nullopt when any
// section with statements has no total or no section has statements.
std::optional<int> AggregateTotal(const Framework& framework, const Response& response);

// The respondent's significance-weighted aggregate:
//   sum over sections s of total(s) * w(s) / mean over sections of w
// where w(s) = rating(s) - significance_scale.MinValue() + 1, so every weight
// is at least 1 (on the built-in 1..4 scale w is the rating itself). The
// weights average 1 by construction, so equal ratings give exactly the
// unweighted aggregate, and with sections of equal size the result stays in
// AggregateRange(framework). nullopt when the benchmark has no significance
// scale, or the respondent has no aggregate, or left any section with
// statements unrated. Expects a valid response.
std::optional<double> WeightedAggregate(const Framework& framework, const Response& response);

// The p-quantile (0 <= p <= 1) of `sorted` (ascending, non-empty) by linear
// interpolation between order statistics (Hyndman and Fan type 7, the
// default of R and NumPy): h = (n - 1) p, Q = x[floor h] + (h - floor h) *
// (x[floor h + 1] - x[floor h]), indices from 0.
double Quantile(const std::vector<double>& sorted, double p);

// Descriptive statistics of respondents' totals.
struct TotalStatistics {
  int n = 0;
  double mean = 0;    // arithmetic mean
  double median = 0;  // Quantile(0.5): the middle total, or the mean of the
                      // two middle totals when n is even
  double min = 0;
  double max = 0;
  double q1 = 0;   // Quantile(0.25)
  double q3 = 0;   // Quantile(0.75)
  double iqr = 0;  // q3 - q1
  // The agreement between respondents, in [0, 1]:
  //   consensus = 1 - iqr / (range.max - range.min)
  // 1 when the middle half of respondents give the same total (everyone
  // agrees), 0 when the middle half spans the whole possible range (the
  // respondents split between the two extremes). 1 when the range is a
  // single value. The IQR rather than the standard deviation: it ignores a
  // lone outlier and is read off the same quartiles as the box plot.
  double consensus = 1;
};

// The statistics of `values` whose possible range is `range`, or nullopt
// when `values` is empty.
std::optional<TotalStatistics> Describe(std::vector<double> values, ScoreRange range);

// The whole score used to find the band of a median: the median rounded half
// up (floor(median + 0.5)). A median of integer totals is either whole or
// ends in .5; x.5 means the two middle respondents straddle a score, and the
// partnership is given the higher of the two (18.5 reads as 19, "very high").
int BandedScore(double median);

// The answers to one statement.
struct StatementDistribution {
  std::string statement_code;
  // counts[i] is the number of respondents who chose framework.scale.points[i]
  // (the scale's own order, e.g. Strongly agree first).
  std::vector<int> counts;
  int unanswered = 0;  // counts sum to respondents - unanswered
};

// The figures of one section, or of the aggregate.
struct ScoreSummary {
  ScoreRange range;    // the possible range of one respondent's total
  int incomplete = 0;  // respondents without a total here
  std::optional<TotalStatistics> statistics;  // nullopt when nobody has a total
  // The band of the MEDIAN total (via BandedScore and BandFor): the median is
  // the total of the typical respondent, always lies between two real
  // totals, and is not pulled across a band edge by one extreme respondent
  // as the mean is. Both nullopt without statistics; `band` is nullopt when
  // the benchmark has no bands here.
  std::optional<int> banded_score;
  std::optional<Band> band;
};

struct SectionScore {
  std::string section_code;
  ScoreSummary summary;
};

// The mean significance rating of one section, over the respondents who
// rated it (`n`); nullopt when nobody did.
struct SectionSignificance {
  std::string section_code;
  int n = 0;
  std::optional<double> mean;
};

struct WeightedView {
  std::vector<SectionSignificance> sections;  // benchmark order
  // Describe() of the respondents' WeightedAggregate values, over
  // AggregateRange(framework); no band: the bands are for unweighted totals.
  std::optional<TotalStatistics> weighted_aggregate;
};

struct Results {
  std::string framework_id;
  int framework_version = 0;
  int respondents = 0;
  // Every section statement in benchmark order, then the overall statements.
  std::vector<StatementDistribution> statements;
  std::vector<SectionScore> sections;  // benchmark order
  ScoreSummary aggregate;              // banded with framework.aggregate_bands
  std::optional<WeightedView> weighted;  // only with a significance scale
  std::optional<Finding> proposed_finding;  // ProposeFinding()
};

// Scores `responses` on `framework`. Returns INVALID_ARGUMENT
// "responses[i]: <reason>" for the first response that fails
// ValidateResponse. Expects a framework that passes ValidateFramework (its
// bands then cover every possible total). An empty set gives n = 0 and no
// statistics anywhere.
absl::StatusOr<Results> ScoreResponses(const Framework& framework,
                                       const std::vector<Response>& responses);

// The action-planning finding to propose (seed 003, stage 4), for the team
// to confirm. Only when the benchmark has aggregate bands and findings coded
// "A", "B" and "C", the aggregate has a band and every section with bands has
// a band; otherwise nullopt. Bands are ranked by min_score (rank 0 = lowest),
// never by their numbers or the order they are listed in:
// - C (significant areas of concern, urgent action) when the aggregate
//   band's rank is in the lower half of the aggregate bands (the lowest
//   size/2, rounded down: 37-72 and 36 on the assessment tool), or any
//   section's band is that section's lowest band (of two or more: 6);
// - A (working well) when the aggregate band is the top aggregate band
//   (109-144) and every section's band is in the upper half of that
//   section's bands (the top size/2, rounded up: 13-24);
// - B (working well in parts, concerns in others) otherwise.
// All bands are those of the medians (ScoreSummary::band).
std::optional<Finding> ProposeFinding(const Framework& framework,
                                      const std::vector<SectionScore>& sections,
                                      const ScoreSummary& aggregate);

// The spread between levels ("the spread matters as much as the level").
struct LevelMean {
  RespondentLevel level = RespondentLevel::kUnspecified;
  int n = 0;         // respondents of this level with a total
  double mean = 0;   // their mean total
};

struct LevelSpreadRow {
  std::string section_code;  // empty for the aggregate row
  // Levels with at least one total, in the order board, management, front
  // line.
  std::vector<LevelMean> levels;
  // The highest level mean minus the lowest (the largest difference between
  // any two levels), and which levels those are (the first in the order
  // above on a tie). nullopt with fewer than two levels.
  std::optional<double> largest_difference;
  std::optional<RespondentLevel> highest;
  std::optional<RespondentLevel> lowest;
};

struct LevelSpread {
  std::vector<LevelSpreadRow> sections;  // benchmark order
  LevelSpreadRow aggregate;
  int unassigned = 0;  // responses without a level: left out of every row
};

// Groups `responses` by Response::level and compares the levels' mean totals
// per section and for the aggregate. Returns INVALID_ARGUMENT
// "responses[i]: <reason>" for the first response that fails
// ValidateResponse.
absl::StatusOr<LevelSpread> SpreadBetweenLevels(const Framework& framework,
                                                const std::vector<Response>& responses);

// The change of one section (or the aggregate) between two results:
// current minus previous. A change is nullopt when the section is not in the
// previous results, either side has no statistics, or the section's possible
// range differs between the two (a new benchmark version changed it, so the
// totals are not comparable).
struct ScoreChange {
  std::string section_code;  // empty for the aggregate
  std::optional<double> median_change;
  std::optional<double> mean_change;
  std::optional<Band> previous_band;
  std::optional<Band> current_band;
};

struct ResultsChange {
  std::vector<ScoreChange> sections;  // the current results' sections, in order
  ScoreChange aggregate;
};

// The change since a previous health check. Sections are matched by code.
// Returns INVALID_ARGUMENT when the two results are of different benchmarks
// (framework_id); versions of the same benchmark may differ.
absl::StatusOr<ResultsChange> ChangeSince(const Results& previous, const Results& current);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_SCORING_H_
