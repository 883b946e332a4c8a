#ifndef HC_CORE_REPORT_REPORT_TEXT_H_
#define HC_CORE_REPORT_REPORT_TEXT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/report/report_document.h"

// Wording shared by the HTML and PDF renderings, so that both say the same
// thing in the same words. Thread-safe (no state).
namespace hc::report {

// The numbered parts of the report in their order, with the anchor each
// rendering links the contents to.
struct ReportPart {
  std::string anchor;   // "scope"
  std::string heading;  // "1 The partnership and the scope"
};
const std::vector<ReportPart>& ReportParts();

// "18.5", or "-" when unset.
std::string FigureText(const std::optional<double>& value);
// A mean with one decimal ("17.0"), or "-" when unset.
std::string MeanText(const std::optional<double>& value);
// "12 to 20", or "-" when either is unset.
std::string RangeText(const std::optional<double>& min, const std::optional<double>& max);
// A share in [0, 1] as "71%", or "-" when unset.
std::string PercentText(const std::optional<double>& share);
// "+2", "-1.5", "0", or "-" when unset.
std::string ChangeText(const std::optional<double>& value);
// "78%" (responded of invited); a withheld group's text is "Withheld: <reason>".
std::string RateText(const RateLine& rate);
// "principle" -> "Principle".
std::string Capitalised(absl::string_view term);
// "1.2" -> "1"; a statement's section code ("overall.1" -> "overall").
std::string SectionOfStatement(absl::string_view statement_code);
// The statements whose code belongs to the section `code`, in their order.
std::vector<StatementAnswers> StatementsOf(const std::vector<StatementAnswers>& statements,
                                           absl::string_view code);
// "6 to 24", a band's totals ("19 to 24", or "6" when one value).
std::string TotalsText(int min_score, int max_score);
// The sentence on the minimum group size under the response rates.
std::string MinGroupSentence(int k);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_REPORT_TEXT_H_
