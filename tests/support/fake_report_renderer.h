#ifndef HC_TESTS_SUPPORT_FAKE_REPORT_RENDERER_H_
#define HC_TESTS_SUPPORT_FAKE_REPORT_RENDERER_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "core/app/ports/report_renderer.h"

namespace hc::testing {

// Renders a report as recognisable, deterministic text: its title, status
// line, findings' headings and lines, and recommendations. html is that
// text; pdf is "%PDF-fake\n" and the same. Each is padded past 200 KiB with
// a filler line numbered by the version, so that a download takes several
// chunks. Keeps the last document it was given for tests to inspect.
// Thread-safe.
class FakeReportRenderer final : public app::ReportRenderer {
 public:
  static constexpr size_t kMinBytes = 200 * 1024 + 1;

  static std::string Text(const report::ReportDocument& d) {
    std::string text = absl::StrCat(d.title, "\n", d.subtitle, "\n", d.status_line, "\n",
                                    d.draft ? "DRAFT\n" : "FINAL\n");
    for (const report::PrincipleFindings& p : d.findings) {
      absl::StrAppend(&text, p.heading, "\n");
      for (const auto* list : {&p.strengths, &p.areas_for_development}) {
        for (const report::FindingLine& f : *list) {
          absl::StrAppend(&text, f.label, " ", f.title, "\n");
        }
      }
    }
    for (const report::RecommendationLine& r : d.recommendations) {
      absl::StrAppend(&text, r.label, " ", r.text, " (", r.priority, "; ", r.answers, ")\n");
    }
    while (text.size() < kMinBytes) {
      absl::StrAppend(&text, "filler for version ", d.version, "\n");
    }
    return text;
  }

  absl::StatusOr<app::RenderedReport> Render(
      const report::ReportDocument& document) const override {
    const std::string text = Text(document);
    absl::MutexLock lock(&mutex_);
    last_ = document;
    return app::RenderedReport{text, absl::StrCat("%PDF-fake\n", text)};
  }

  // The last document rendered (a default one before any).
  report::ReportDocument Last() const {
    absl::MutexLock lock(&mutex_);
    return last_;
  }

 private:
  mutable absl::Mutex mutex_;
  mutable report::ReportDocument last_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace hc::testing

#endif  // HC_TESTS_SUPPORT_FAKE_REPORT_RENDERER_H_
