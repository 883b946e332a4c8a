#ifndef HC_CORE_APP_PORTS_REPORT_RENDERER_H_
#define HC_CORE_APP_PORTS_REPORT_RENDERER_H_

#include <string>

#include "absl/status/statusor.h"
#include "core/report/report_document.h"

namespace hc::app {

// One report version as the partnership receives it.
struct RenderedReport {
  std::string html;  // a self-contained, print-ready HTML document (UTF-8)
  std::string pdf;   // the same report as PDF
};

// Lays a composed report out as HTML and PDF. Deterministic for a given
// document apart from the PDF's creation date. Thread-safe.
class ReportRenderer {
 public:
  virtual ~ReportRenderer() = default;
  // INTERNAL if the PDF cannot be drawn.
  virtual absl::StatusOr<RenderedReport> Render(const report::ReportDocument& document) const = 0;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_REPORT_RENDERER_H_
