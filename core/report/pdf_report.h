#ifndef HC_CORE_REPORT_PDF_REPORT_H_
#define HC_CORE_REPORT_PDF_REPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "core/report/report_document.h"

namespace hc::report {

// The report as an A4 PDF drawn in-process with cairo and pango: a title
// page, a contents page with each part's real page number (the flow is laid
// out twice), the parts in the report's order each from a new page, a
// running footer "Page N of M" with the title, "DRAFT" at the top of every
// page of a draft, and the charts as vectors. Metadata title and author are
// set. Returns the PDF's bytes, or INTERNAL if cairo cannot draw it.
// Thread-safe: every call has its own surface and contexts.
absl::StatusOr<std::string> RenderReportPdf(const ReportDocument& document);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_PDF_REPORT_H_
