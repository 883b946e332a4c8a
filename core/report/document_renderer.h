#ifndef HC_CORE_REPORT_DOCUMENT_RENDERER_H_
#define HC_CORE_REPORT_DOCUMENT_RENDERER_H_

#include "core/app/ports/report_renderer.h"

namespace hc::report {

// The report renderer port's adapter: HTML (html_report.h) and PDF
// (pdf_report.h) of the same document. Holds no state; thread-safe.
class DocumentRenderer final : public app::ReportRenderer {
 public:
  // INTERNAL if the PDF cannot be drawn.
  absl::StatusOr<app::RenderedReport> Render(const ReportDocument& document) const override;
};

}  // namespace hc::report

#endif  // HC_CORE_REPORT_DOCUMENT_RENDERER_H_
