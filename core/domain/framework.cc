#include "core/domain/framework.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr size_t kMaxSections = 50;
constexpr size_t kMaxStatements = 200;
constexpr size_t kMaxTextChars = 4000;

absl::Status Invalid(absl::string_view place, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(place, ": ", reason));
}

// Prefixes a CheckText error with the place it was found.
absl::Status At(absl::string_view place, absl::Status status) {
  if (status.ok()) return status;
  return Invalid(place, status.message());
}

absl::Status CheckFrameworkId(absl::string_view id) {
  bool valid = !id.empty() && id.size() <= 63;
  for (char c : id) {
    valid = valid && (absl::ascii_islower(static_cast<unsigned char>(c)) ||
                      absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-');
  }
  if (valid) return absl::OkStatus();
  return Invalid("framework_id", absl::StrCat("\"", id, "\" must be 1-63 of [a-z0-9-]"));
}

absl::Status CheckScale(absl::string_view place, const ResponseScale& scale) {
  if (scale.points.size() < 2) return Invalid(place, "needs at least two points");
  std::set<std::string> labels;
  std::set<int> values;
  for (size_t i = 0; i < scale.points.size(); ++i) {
    const ScalePoint& p = scale.points[i];
    const std::string at = absl::StrCat(place, ".points[", i, "]");
    HC_RETURN_IF_ERROR(At(at, CheckText("label", p.label, 1, 200)));
    if (!labels.insert(p.label).second) {
      return Invalid(at, absl::StrCat("label \"", p.label, "\" is used twice"));
    }
    if (!values.insert(p.value).second) {
      return Invalid(at, absl::StrCat("value ", p.value, " is used twice"));
    }
  }
  return absl::OkStatus();
}

// Bands must tile [range.min, range.max] exactly.
absl::Status CheckBands(absl::string_view place, const std::vector<Band>& bands,
                        ScoreRange range) {
  if (bands.empty()) return absl::OkStatus();
  std::vector<const Band*> sorted;
  for (size_t i = 0; i < bands.size(); ++i) {
    const Band& b = bands[i];
    const std::string at = absl::StrCat(place, "[", i, "]");
    if (b.min_score > b.max_score) {
      return Invalid(at, absl::StrCat("min_score ", b.min_score, " is above max_score ",
                                      b.max_score));
    }
    HC_RETURN_IF_ERROR(At(at, CheckText("label", b.label, 1, 200)));
    HC_RETURN_IF_ERROR(At(at, CheckText("text", b.text, 0, kMaxTextChars, true)));
    sorted.push_back(&b);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const Band* a, const Band* b) { return a->min_score < b->min_score; });
  const auto span = [](const Band* b) { return absl::StrCat(b->min_score, "-", b->max_score); };
  if (sorted.front()->min_score != range.min) {
    return Invalid(place, absl::StrCat("the lowest band starts at ", sorted.front()->min_score,
                                       " but totals start at ", range.min));
  }
  for (size_t i = 1; i < sorted.size(); ++i) {
    const Band* prev = sorted[i - 1];
    const Band* next = sorted[i];
    if (next->min_score <= prev->max_score) {
      return Invalid(place, absl::StrCat(span(prev), " and ", span(next), " overlap"));
    }
    if (next->min_score > prev->max_score + 1) {
      return Invalid(place, absl::StrCat(span(prev), " and ", span(next), " leave ",
                                         prev->max_score + 1,
                                         next->min_score - 1 > prev->max_score + 1
                                             ? absl::StrCat("-", next->min_score - 1)
                                             : "",
                                         " uncovered"));
    }
  }
  if (sorted.back()->max_score != range.max) {
    return Invalid(place, absl::StrCat("the highest band ends at ", sorted.back()->max_score,
                                       " but totals reach ", range.max));
  }
  return absl::OkStatus();
}

absl::Status CheckStatement(absl::string_view at, const Statement& s,
                            const std::set<std::string>& elements,
                            std::set<std::string>& codes) {
  HC_RETURN_IF_ERROR(At(at, CheckText("code", s.code, 1, 20)));
  if (!codes.insert(s.code).second) {
    return Invalid(at, absl::StrCat("statement code \"", s.code, "\" is used twice"));
  }
  HC_RETURN_IF_ERROR(At(at, CheckText("text", s.text, 1, kMaxTextChars, true)));
  if (!s.element.empty() && !elements.count(s.element)) {
    return Invalid(at, absl::StrCat("element \"", s.element, "\" is not an element of its section"));
  }
  return At(at, CheckTextList("possible_actions", s.possible_actions, 50, 1000, true));
}

absl::Status CheckSection(absl::string_view at, const Section& section,
                          const ResponseScale& scale, std::set<std::string>& statement_codes) {
  HC_RETURN_IF_ERROR(At(at, CheckText("title", section.title, 1, 300)));
  HC_RETURN_IF_ERROR(At(at, CheckText("description", section.description, 0, kMaxTextChars, true)));
  std::set<std::string> elements;
  for (size_t i = 0; i < section.elements.size(); ++i) {
    const Element& e = section.elements[i];
    const std::string place = absl::StrCat(at, ".elements[", i, "]");
    HC_RETURN_IF_ERROR(At(place, CheckText("code", e.code, 1, 20)));
    HC_RETURN_IF_ERROR(At(place, CheckText("title", e.title, 1, 300)));
    HC_RETURN_IF_ERROR(At(place, CheckText("description", e.description, 0, kMaxTextChars, true)));
    if (!elements.insert(e.code).second) {
      return Invalid(place, absl::StrCat("element code \"", e.code, "\" is used twice"));
    }
  }
  if (section.statements.size() > kMaxStatements) {
    return Invalid(at, absl::StrCat("has more than ", kMaxStatements, " statements"));
  }
  for (size_t i = 0; i < section.statements.size(); ++i) {
    HC_RETURN_IF_ERROR(CheckStatement(absl::StrCat(at, ".statements[", i, "]"),
                                      section.statements[i], elements, statement_codes));
  }
  if (!section.bands.empty() && section.statements.empty()) {
    return Invalid(at, "has bands but no statements to total");
  }
  HC_RETURN_IF_ERROR(At(at, CheckTextList("typical_factors", section.typical_factors, 50, 1000)));
  return CheckBands(absl::StrCat(at, ".bands"), section.bands, SectionRange(section, scale));
}

}  // namespace

int ResponseScale::MinValue() const {
  int v = points.empty() ? 0 : points.front().value;
  for (const ScalePoint& p : points) v = std::min(v, p.value);
  return v;
}

int ResponseScale::MaxValue() const {
  int v = points.empty() ? 0 : points.front().value;
  for (const ScalePoint& p : points) v = std::max(v, p.value);
  return v;
}

ScoreRange SectionRange(const Section& section, const ResponseScale& scale) {
  const int n = static_cast<int>(section.statements.size());
  return {n * scale.MinValue(), n * scale.MaxValue()};
}

ScoreRange AggregateRange(const Framework& framework) {
  ScoreRange total;
  for (const Section& s : framework.sections) {
    const ScoreRange r = SectionRange(s, framework.scale);
    total.min += r.min;
    total.max += r.max;
  }
  return total;
}

const Band* BandFor(const std::vector<Band>& bands, int score) {
  for (const Band& b : bands) {
    if (b.min_score <= score && score <= b.max_score) return &b;
  }
  return nullptr;
}

std::string FrameworkName(absl::string_view framework_id, int version) {
  return absl::StrCat("frameworks/", framework_id, "/versions/", version);
}

absl::Status ValidateFramework(const Framework& f) {
  HC_RETURN_IF_ERROR(CheckFrameworkId(f.framework_id));
  HC_RETURN_IF_ERROR(CheckText("display_name", f.display_name, 1, 200));
  HC_RETURN_IF_ERROR(CheckText("source", f.source, 0, 1000));
  HC_RETURN_IF_ERROR(CheckText("description", f.description, 0, kMaxTextChars, true));
  HC_RETURN_IF_ERROR(CheckText("section_term", f.section_term, 0, 50));
  HC_RETURN_IF_ERROR(CheckScale("scale", f.scale));
  if (f.significance_scale) HC_RETURN_IF_ERROR(CheckScale("significance_scale", *f.significance_scale));
  if (f.sections.empty() || f.sections.size() > kMaxSections) {
    return Invalid("sections", absl::StrCat("needs 1-", kMaxSections, " sections"));
  }
  std::set<std::string> section_codes, statement_codes;
  for (size_t i = 0; i < f.sections.size(); ++i) {
    const Section& s = f.sections[i];
    const std::string at = absl::StrCat("sections[", i, "] (", s.code, ")");
    HC_RETURN_IF_ERROR(At(at, CheckText("code", s.code, 1, 20)));
    if (!section_codes.insert(s.code).second) {
      return Invalid(at, absl::StrCat("section code \"", s.code, "\" is used twice"));
    }
    HC_RETURN_IF_ERROR(CheckSection(at, s, f.scale, statement_codes));
  }
  for (size_t i = 0; i < f.overall_statements.size(); ++i) {
    HC_RETURN_IF_ERROR(CheckStatement(absl::StrCat("overall_statements[", i, "]"),
                                      f.overall_statements[i], {}, statement_codes));
  }
  HC_RETURN_IF_ERROR(CheckBands("aggregate_bands", f.aggregate_bands, AggregateRange(f)));
  std::set<std::string> finding_codes;
  for (size_t i = 0; i < f.findings.size(); ++i) {
    const std::string at = absl::StrCat("findings[", i, "]");
    HC_RETURN_IF_ERROR(At(at, CheckText("code", f.findings[i].code, 1, 20)));
    HC_RETURN_IF_ERROR(At(at, CheckText("text", f.findings[i].text, 1, kMaxTextChars, true)));
    if (!finding_codes.insert(f.findings[i].code).second) {
      return Invalid(at, absl::StrCat("finding code \"", f.findings[i].code, "\" is used twice"));
    }
  }
  return absl::OkStatus();
}

}  // namespace hc::domain
