#include "core/report/report_text.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace hc::report {

const std::vector<ReportPart>& ReportParts() {
  static const auto* const kParts = new std::vector<ReportPart>{
      {"scope", "1 The partnership and the scope"},
      {"method", "2 How we worked"},
      {"results", "3 What the questionnaire said"},
      {"findings", "4 Findings by principle"},
      {"recommendations", "5 Recommendations"},
      {"annex", "Annex: the benchmark"},
  };
  return *kParts;
}

std::string FigureText(const std::optional<double>& value) {
  if (!value) return "-";
  if (*value == std::floor(*value)) return absl::StrFormat("%.0f", *value);
  return absl::StrFormat("%.1f", *value);
}

std::string MeanText(const std::optional<double>& value) {
  if (!value) return "-";
  return absl::StrFormat("%.1f", *value);
}

std::string RangeText(const std::optional<double>& min, const std::optional<double>& max) {
  if (!min || !max) return "-";
  return absl::StrCat(FigureText(min), " to ", FigureText(max));
}

std::string PercentText(const std::optional<double>& share) {
  if (!share) return "-";
  return absl::StrFormat("%.0f%%", *share * 100);
}

std::string ChangeText(const std::optional<double>& value) {
  if (!value) return "-";
  return absl::StrCat(*value > 0 ? "+" : "", FigureText(value));
}

std::string RateText(const RateLine& rate) {
  if (!rate.released) return rate.withheld_reason;
  if (rate.invited <= 0) return absl::StrCat(rate.responded, " responded");
  return absl::StrFormat("%.0f%%", 100.0 * rate.responded / rate.invited);
}

std::string Capitalised(absl::string_view term) {
  std::string out(term);
  if (!out.empty()) out[0] = absl::ascii_toupper(static_cast<unsigned char>(out[0]));
  return out;
}

std::string SectionOfStatement(absl::string_view statement_code) {
  return std::string(statement_code.substr(0, statement_code.find('.')));
}

std::vector<StatementAnswers> StatementsOf(const std::vector<StatementAnswers>& statements,
                                           absl::string_view code) {
  std::vector<StatementAnswers> out;
  for (const StatementAnswers& s : statements) {
    if (SectionOfStatement(s.code) == code) out.push_back(s);
  }
  return out;
}

std::string TotalsText(int min_score, int max_score) {
  if (min_score == max_score) return absl::StrCat(min_score);
  return absl::StrCat(min_score, " to ", max_score);
}

std::string MinGroupSentence(int k) {
  return absl::StrCat("To protect respondents, no figure is shown for a group of fewer than ", k,
                      " people; such a group shows only why it is withheld.");
}

}  // namespace hc::report
