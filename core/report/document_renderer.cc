#include "core/report/document_renderer.h"

#include "core/common/status_macros.h"
#include "core/report/html_report.h"
#include "core/report/pdf_report.h"

namespace hc::report {

absl::StatusOr<app::RenderedReport> DocumentRenderer::Render(const ReportDocument& document) const {
  app::RenderedReport rendered;
  HC_ASSIGN_OR_RETURN(rendered.pdf, RenderReportPdf(document));
  rendered.html = RenderReportHtml(document);
  return rendered;
}

}  // namespace hc::report
