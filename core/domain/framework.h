#ifndef HC_CORE_DOMAIN_FRAMEWORK_H_
#define HC_CORE_DOMAIN_FRAMEWORK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

// A benchmark (framework) as data: sections of numbered statements, a
// response scale and interpretation bands (DOMAIN.md: Benchmarks). A version
// is written once and never changes; a change is a new version.
namespace hc::domain {

struct ScalePoint {
  std::string label;
  int value = 0;
};

struct ResponseScale {
  std::vector<ScalePoint> points;
  int MinValue() const;
  int MaxValue() const;
};

struct Element {
  std::string code;
  std::string title;
  std::string description;
};

// Values equal the API's.
enum class Polarity { kUnspecified = 0, kPositive = 1, kNegative = 2 };

struct Statement {
  std::string code;
  std::string text;
  std::string element;  // an Element code of its section, or empty
  Polarity polarity = Polarity::kUnspecified;
  std::vector<std::string> possible_actions;
};

// Totals from min_score to max_score inclusive.
struct Band {
  int min_score = 0;
  int max_score = 0;
  std::string label;
  std::string text;
};

struct Section {
  std::string code;
  std::string title;
  std::string description;
  std::vector<Element> elements;
  std::vector<Statement> statements;
  std::vector<Band> bands;
  std::vector<std::string> typical_factors;
};

struct Finding {
  std::string code;
  std::string text;
};

struct Framework {
  std::string framework_id;
  int version = 0;
  std::string display_name;
  std::string source;
  std::string description;
  std::string section_term;
  ResponseScale scale;
  std::vector<Section> sections;
  std::vector<Band> aggregate_bands;
  std::optional<ResponseScale> significance_scale;
  std::vector<Statement> overall_statements;
  bool comments = false;
  bool action_planning = false;
  std::vector<Finding> findings;
  bool builtin = false;
  absl::Time create_time = absl::UnixEpoch();
};

// Checks a benchmark: ids and texts, a complete scale (two or more points
// with distinct labels and values), unique section, element and statement
// codes, statements naming existing elements, and bands that cover the
// whole possible range of a section total (or of the aggregate) with no gap
// or overlap. Returns INVALID_ARGUMENT "<place>: <reason>", e.g.
// "sections[1] (2).bands: 7-11 and 13-18 leave 12 uncovered".
absl::Status ValidateFramework(const Framework& framework);

// The possible range of one respondent's total over `statements` answered on
// `scale`.
struct ScoreRange {
  int min = 0;
  int max = 0;
};
ScoreRange SectionRange(const Section& section, const ResponseScale& scale);
ScoreRange AggregateRange(const Framework& framework);

// The band holding `score`, or nullptr.
const Band* BandFor(const std::vector<Band>& bands, int score);

// "frameworks/{id}/versions/{version}".
std::string FrameworkName(absl::string_view framework_id, int version);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_FRAMEWORK_H_
