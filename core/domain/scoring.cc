#include "core/domain/scoring.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"

namespace hc::domain {
namespace {

constexpr std::array<RespondentLevel, 3> kLevels = {
    RespondentLevel::kBoard, RespondentLevel::kManagement, RespondentLevel::kFrontLine};

bool OnScale(const ResponseScale& scale, int value) {
  return std::any_of(scale.points.begin(), scale.points.end(),
                     [value](const ScalePoint& p) { return p.value == value; });
}

bool HasStatement(const Framework& framework, const std::string& code) {
  const auto is_code = [&code](const Statement& s) { return s.code == code; };
  for (const Section& section : framework.sections) {
    if (std::any_of(section.statements.begin(), section.statements.end(), is_code)) return true;
  }
  return std::any_of(framework.overall_statements.begin(), framework.overall_statements.end(),
                     is_code);
}

bool HasSection(const Framework& framework, const std::string& code) {
  return std::any_of(framework.sections.begin(), framework.sections.end(),
                     [&code](const Section& s) { return s.code == code; });
}

std::string BenchmarkName(const Framework& framework) {
  return absl::StrCat(framework.framework_id, " v", framework.version);
}

absl::Status CheckSignificance(const Framework& framework, const Response& response) {
  for (const auto& [code, value] : response.significance) {
    if (!framework.significance_scale) {
      return absl::InvalidArgumentError(
          absl::StrCat("significance of section \"", code, "\": benchmark ",
                       BenchmarkName(framework), " has no significance scale"));
    }
    if (!HasSection(framework, code)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "significance of section \"", code, "\": not a section of ", BenchmarkName(framework)));
    }
    if (!OnScale(*framework.significance_scale, value)) {
      return absl::InvalidArgumentError(absl::StrCat("significance of section \"", code,
                                                     "\": ", value,
                                                     " is not on the significance scale"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateAll(const Framework& framework, const std::vector<Response>& responses) {
  for (size_t i = 0; i < responses.size(); ++i) {
    const absl::Status status = ValidateResponse(framework, responses[i]);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("responses[", i, "]: ", status.message()));
    }
  }
  return absl::OkStatus();
}

std::optional<Band> BandOf(const std::vector<Band>& bands, int score) {
  const Band* band = BandFor(bands, score);
  if (band == nullptr) return std::nullopt;
  return *band;
}

ScoreSummary Summarise(const std::vector<double>& totals, int respondents, ScoreRange range,
                       const std::vector<Band>& bands) {
  ScoreSummary summary;
  summary.range = range;
  summary.incomplete = respondents - static_cast<int>(totals.size());
  summary.statistics = Describe(totals, range);
  if (summary.statistics) {
    summary.banded_score = BandedScore(summary.statistics->median);
    summary.band = BandOf(bands, *summary.banded_score);
  }
  return summary;
}

StatementDistribution Distribute(const Statement& statement, const ResponseScale& scale,
                                 const std::vector<Response>& responses) {
  StatementDistribution d{statement.code, std::vector<int>(scale.points.size(), 0), 0};
  for (const Response& r : responses) {
    const auto it = r.answers.find(statement.code);
    if (it == r.answers.end()) {
      ++d.unanswered;
      continue;
    }
    for (size_t i = 0; i < scale.points.size(); ++i) {
      if (scale.points[i].value == it->second) ++d.counts[i];
    }
  }
  return d;
}

std::vector<StatementDistribution> Distributions(const Framework& framework,
                                                 const std::vector<Response>& responses) {
  std::vector<StatementDistribution> out;
  for (const Section& section : framework.sections) {
    for (const Statement& s : section.statements) {
      out.push_back(Distribute(s, framework.scale, responses));
    }
  }
  for (const Statement& s : framework.overall_statements) {
    out.push_back(Distribute(s, framework.scale, responses));
  }
  return out;
}

std::vector<double> SectionTotals(const Section& section, const std::vector<Response>& responses) {
  std::vector<double> totals;
  for (const Response& r : responses) {
    if (const std::optional<int> t = SectionTotal(section, r)) totals.push_back(*t);
  }
  return totals;
}

std::vector<double> AggregateTotals(const Framework& framework,
                                    const std::vector<Response>& responses) {
  std::vector<double> totals;
  for (const Response& r : responses) {
    if (const std::optional<int> t = AggregateTotal(framework, r)) totals.push_back(*t);
  }
  return totals;
}

WeightedView Weigh(const Framework& framework, const std::vector<Response>& responses) {
  WeightedView view;
  for (const Section& section : framework.sections) {
    SectionSignificance s{section.code, 0, std::nullopt};
    double sum = 0;
    for (const Response& r : responses) {
      const auto it = r.significance.find(section.code);
      if (it == r.significance.end()) continue;
      ++s.n;
      sum += it->second;
    }
    if (s.n > 0) s.mean = sum / s.n;
    view.sections.push_back(std::move(s));
  }
  std::vector<double> weighted;
  for (const Response& r : responses) {
    if (const std::optional<double> w = WeightedAggregate(framework, r)) weighted.push_back(*w);
  }
  view.weighted_aggregate = Describe(std::move(weighted), AggregateRange(framework));
  return view;
}

// Rank by min_score (0 = lowest), so the rule follows the bands' order
// whatever their numbers or the order the benchmark file lists them in.
int RankOf(const std::vector<Band>& bands, const Band& band) {
  return static_cast<int>(std::count_if(bands.begin(), bands.end(), [&band](const Band& b) {
    return b.min_score < band.min_score;
  }));
}

const Finding* FindingCoded(const Framework& framework, absl::string_view code) {
  for (const Finding& f : framework.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

// Where the sections' medians stand: any in its section's lowest band, and
// all in the upper half of their bands. nullopt when a banded section has
// no band for its median.
struct SectionStanding {
  bool any_lowest = false;
  bool all_upper_half = true;
};

std::optional<SectionStanding> StandingOf(const Framework& framework,
                                          const std::vector<SectionScore>& sections) {
  SectionStanding standing;
  for (const Section& section : framework.sections) {
    if (section.bands.empty()) continue;
    const auto it = std::find_if(sections.begin(), sections.end(), [&section](const auto& s) {
      return s.section_code == section.code;
    });
    if (it == sections.end() || !it->summary.band) return std::nullopt;
    const int size = static_cast<int>(section.bands.size());
    const int rank = RankOf(section.bands, *it->summary.band);
    if (size >= 2 && rank == 0) standing.any_lowest = true;
    if (rank < size - (size + 1) / 2) standing.all_upper_half = false;
  }
  return standing;
}

std::optional<double> MeanOf(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

// One row of the level spread: `total_of` gives a respondent's total (or
// nullopt) for the section or the aggregate.
template <typename TotalOf>
LevelSpreadRow SpreadRow(std::string code, const std::vector<Response>& responses,
                         TotalOf total_of) {
  LevelSpreadRow row;
  row.section_code = std::move(code);
  for (RespondentLevel level : kLevels) {
    std::vector<double> totals;
    for (const Response& r : responses) {
      if (r.level != level) continue;
      if (const std::optional<int> t = total_of(r)) totals.push_back(*t);
    }
    if (const std::optional<double> mean = MeanOf(totals)) {
      row.levels.push_back({level, static_cast<int>(totals.size()), *mean});
    }
  }
  if (row.levels.size() < 2) return row;
  // max_element returns the first largest, min_element the first smallest:
  // ties go to the earlier level, as documented.
  const auto by_mean = [](const LevelMean& a, const LevelMean& b) { return a.mean < b.mean; };
  const auto high = std::max_element(row.levels.begin(), row.levels.end(), by_mean);
  const auto low = std::min_element(row.levels.begin(), row.levels.end(), by_mean);
  row.largest_difference = high->mean - low->mean;
  row.highest = high->level;
  row.lowest = low->level;
  return row;
}

ScoreChange Compare(std::string code, const ScoreSummary* previous,
                    const ScoreSummary& current) {
  ScoreChange change;
  change.section_code = std::move(code);
  change.current_band = current.band;
  if (previous == nullptr) return change;
  change.previous_band = previous->band;
  const bool comparable = previous->statistics && current.statistics &&
                          previous->range.min == current.range.min &&
                          previous->range.max == current.range.max;
  if (!comparable) return change;
  change.median_change = current.statistics->median - previous->statistics->median;
  change.mean_change = current.statistics->mean - previous->statistics->mean;
  return change;
}

}  // namespace

absl::Status ValidateResponse(const Framework& framework, const Response& response) {
  for (const auto& [code, value] : response.answers) {
    if (!HasStatement(framework, code)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "answer to \"", code, "\": not a statement of ", BenchmarkName(framework)));
    }
    if (!OnScale(framework.scale, value)) {
      return absl::InvalidArgumentError(
          absl::StrCat("answer to \"", code, "\": ", value, " is not on the response scale"));
    }
  }
  return CheckSignificance(framework, response);
}

std::optional<int> SectionTotal(const Section& section, const Response& response) {
  if (section.statements.empty()) return std::nullopt;
  int total = 0;
  for (const Statement& s : section.statements) {
    const auto it = response.answers.find(s.code);
    if (it == response.answers.end()) return std::nullopt;
    total += it->second;
  }
  return total;
}

std::optional<int> AggregateTotal(const Framework& framework, const Response& response) {
  int total = 0;
  bool any = false;
  for (const Section& section : framework.sections) {
    if (section.statements.empty()) continue;
    const std::optional<int> t = SectionTotal(section, response);
    if (!t) return std::nullopt;
    total += *t;
    any = true;
  }
  if (!any) return std::nullopt;
  return total;
}

std::optional<double> WeightedAggregate(const Framework& framework, const Response& response) {
  if (!framework.significance_scale) return std::nullopt;
  const int min_rating = framework.significance_scale->MinValue();
  double weighted_sum = 0;  // sum of total * weight
  double weight_sum = 0;
  int sections = 0;
  for (const Section& section : framework.sections) {
    if (section.statements.empty()) continue;
    const std::optional<int> total = SectionTotal(section, response);
    const auto rating = response.significance.find(section.code);
    if (!total || rating == response.significance.end()) return std::nullopt;
    const int weight = rating->second - min_rating + 1;
    if (weight < 1) return std::nullopt;  // an invalid rating below the scale
    weighted_sum += static_cast<double>(*total) * weight;
    weight_sum += weight;
    ++sections;
  }
  if (sections == 0) return std::nullopt;
  // Dividing by the mean weight (weight_sum / sections) rather than by the
  // sum keeps the figure in the units of the unweighted aggregate.
  return weighted_sum * sections / weight_sum;
}

double Quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

std::optional<TotalStatistics> Describe(std::vector<double> values, ScoreRange range) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  TotalStatistics s;
  s.n = static_cast<int>(values.size());
  s.mean = *MeanOf(values);
  s.median = Quantile(values, 0.5);
  s.min = values.front();
  s.max = values.back();
  s.q1 = Quantile(values, 0.25);
  s.q3 = Quantile(values, 0.75);
  s.iqr = s.q3 - s.q1;
  const int width = range.max - range.min;
  s.consensus = width > 0 ? std::clamp(1.0 - s.iqr / width, 0.0, 1.0) : 1.0;
  return s;
}

int BandedScore(double median) { return static_cast<int>(std::floor(median + 0.5)); }

absl::StatusOr<Results> ScoreResponses(const Framework& framework,
                                       const std::vector<Response>& responses) {
  HC_RETURN_IF_ERROR(ValidateAll(framework, responses));
  Results results;
  results.framework_id = framework.framework_id;
  results.framework_version = framework.version;
  results.respondents = static_cast<int>(responses.size());
  results.statements = Distributions(framework, responses);
  for (const Section& section : framework.sections) {
    results.sections.push_back(
        {section.code, Summarise(SectionTotals(section, responses), results.respondents,
                                 SectionRange(section, framework.scale), section.bands)});
  }
  results.aggregate = Summarise(AggregateTotals(framework, responses), results.respondents,
                                AggregateRange(framework), framework.aggregate_bands);
  if (framework.significance_scale) results.weighted = Weigh(framework, responses);
  results.proposed_finding = ProposeFinding(framework, results.sections, results.aggregate);
  return results;
}

std::optional<Finding> ProposeFinding(const Framework& framework,
                                      const std::vector<SectionScore>& sections,
                                      const ScoreSummary& aggregate) {
  const Finding* a = FindingCoded(framework, "A");
  const Finding* b = FindingCoded(framework, "B");
  const Finding* c = FindingCoded(framework, "C");
  if (!a || !b || !c || framework.aggregate_bands.empty() || !aggregate.band) return std::nullopt;
  const std::optional<SectionStanding> standing = StandingOf(framework, sections);
  if (!standing) return std::nullopt;
  const int size = static_cast<int>(framework.aggregate_bands.size());
  const int rank = RankOf(framework.aggregate_bands, *aggregate.band);
  if (rank < size / 2 || standing->any_lowest) return *c;
  if (rank == size - 1 && standing->all_upper_half) return *a;
  return *b;
}

absl::StatusOr<LevelSpread> SpreadBetweenLevels(const Framework& framework,
                                                const std::vector<Response>& responses) {
  HC_RETURN_IF_ERROR(ValidateAll(framework, responses));
  LevelSpread spread;
  for (const Response& r : responses) {
    if (std::find(kLevels.begin(), kLevels.end(), r.level) == kLevels.end()) ++spread.unassigned;
  }
  for (const Section& section : framework.sections) {
    spread.sections.push_back(SpreadRow(section.code, responses, [&section](const Response& r) {
      return SectionTotal(section, r);
    }));
  }
  spread.aggregate = SpreadRow("", responses, [&framework](const Response& r) {
    return AggregateTotal(framework, r);
  });
  return spread;
}

absl::StatusOr<ResultsChange> ChangeSince(const Results& previous, const Results& current) {
  if (previous.framework_id != current.framework_id) {
    return absl::InvalidArgumentError(
        absl::StrCat("previous results are of benchmark ", previous.framework_id,
                     " and current results of ", current.framework_id,
                     ": compare results of the same benchmark"));
  }
  std::map<std::string, const ScoreSummary*> before;
  for (const SectionScore& s : previous.sections) before[s.section_code] = &s.summary;
  ResultsChange change;
  for (const SectionScore& s : current.sections) {
    const auto it = before.find(s.section_code);
    change.sections.push_back(
        Compare(s.section_code, it == before.end() ? nullptr : it->second, s.summary));
  }
  change.aggregate = Compare("", &previous.aggregate, current.aggregate);
  return change;
}

}  // namespace hc::domain
