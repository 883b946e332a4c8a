#ifndef HC_CORE_REPORT_HTML_REPORT_H_
#define HC_CORE_REPORT_HTML_REPORT_H_

#include <string>

#include "core/report/report_document.h"

namespace hc::report {

// The report as one self-contained, print-ready HTML5 document (UTF-8, inline
// CSS and SVG charts, no scripts, no external resources) that is also
// well-formed XML. Sections in the report's order with a linked contents;
// "Draft" on every printed page of a draft. Every text is escaped.
// Thread-safe (no state).
std::string RenderReportHtml(const ReportDocument& document);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_HTML_REPORT_H_
