// Report rendering benchmark: the sample report (tests/core/report) laid out
// as HTML and as PDF, against the floor of drawing the same number of A4
// pages of wrapped text with the same libraries (cairo's PDF surface and
// pango, DejaVu Sans 10pt) and no layout decisions at all, in the same run.
// Run:
//   build/tests/bench/hc_report_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdlib>
#include <string>

#include "core/report/html_report.h"
#include "core/report/pdf_report.h"
#include "tests/core/report/sample_report.h"

namespace hc::bench {
namespace {

constexpr double kA4Width = 595.28;
constexpr double kA4Height = 841.89;
constexpr int kSamplePages = 23;  // pdfinfo of the sample report

cairo_status_t Discard(void* sink, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(sink)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A page's worth of text: every statement of the sample's benchmark, cut to
// about 3500 characters.
std::string PageOfText(const report::ReportDocument& document) {
  std::string text;
  while (text.size() < 3500) {
    for (const auto& section : document.benchmark.sections) {
      for (const auto& statement : section.statements) text += statement.text + " ";
    }
  }
  return text.substr(0, 3500);
}

void BM_PlainPagesOfText(benchmark::State& state) {
  const std::string text = PageOfText(report::testing::SampleReport());
  for (auto _ : state) {
    std::string pdf;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(Discard, &pdf, kA4Width, kA4Height);
    cairo_t* cr = cairo_create(surface);
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans 10");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>((kA4Width - 120) * PANGO_SCALE));
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    for (int page = 0; page < kSamplePages; ++page) {
      cairo_move_to(cr, 60, 60);
      pango_cairo_show_layout(cr, layout);
      cairo_show_page(cr);
    }
    pango_font_description_free(font);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    benchmark::DoNotOptimize(pdf);
  }
}
BENCHMARK(BM_PlainPagesOfText)->Unit(benchmark::kMillisecond);

void BM_RenderReportPdf(benchmark::State& state) {
  const report::ReportDocument document = report::testing::SampleReport();
  for (auto _ : state) {
    absl::StatusOr<std::string> pdf = report::RenderReportPdf(document);
    if (!pdf.ok()) std::abort();
    benchmark::DoNotOptimize(*pdf);
  }
}
BENCHMARK(BM_RenderReportPdf)->Unit(benchmark::kMillisecond);

void BM_RenderReportHtml(benchmark::State& state) {
  const report::ReportDocument document = report::testing::SampleReport();
  for (auto _ : state) benchmark::DoNotOptimize(report::RenderReportHtml(document));
}
BENCHMARK(BM_RenderReportHtml)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hc::bench

BENCHMARK_MAIN();
