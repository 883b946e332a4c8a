#include "core/report/pdf_report.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <future>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/report/document_renderer.h"
#include "core/report/html_report.h"
#include "core/report/report_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/core/report/sample_report.h"

namespace hc::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A rendered PDF on disk, read back with poppler-utils. The tools are a
// build dependency (deploy/install-build-deps.sh): without them the test
// fails rather than skips.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    char name[] = "/tmp/hc_report_test_XXXXXX";
    const int fd = mkstemp(name);
    EXPECT_GE(fd, 0);
    close(fd);
    path_ = name;
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~PdfFile() { std::remove(path_.c_str()); }

  std::string Text() const { return Run(absl::StrCat("pdftotext -layout ", path_, " -")); }
  std::string PageText(int page) const {
    return Run(absl::StrCat("pdftotext -layout -f ", page, " -l ", page, " ", path_, " -"));
  }
  std::string Info() const { return Run(absl::StrCat("pdfinfo ", path_)); }
  int Pages() const {
    std::smatch m;
    const std::string info = Info();
    if (!std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) return 0;
    return std::stoi(m[1]);
  }

 private:
  static std::string Run(const std::string& command) {
    std::string out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    EXPECT_NE(pipe, nullptr) << command;
    if (pipe == nullptr) return out;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    const int status = pclose(pipe);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << command << " failed (is poppler-utils installed?): " << out;
    return out;
  }
  std::string path_;
};

std::string Pdf(const ReportDocument& doc) {
  absl::StatusOr<std::string> pdf = RenderReportPdf(doc);
  EXPECT_TRUE(pdf.ok()) << pdf.status();
  return pdf.ok() ? *pdf : "";
}

// pdftotext keeps words of a wrapped line apart by runs of spaces; compare
// with whitespace folded.
std::string Folded(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

TEST(ReportPdf, HasEveryHeadingFindingAndRecommendationAndPageNumbers) {
  const ReportDocument doc = testing::SampleReport();
  const PdfFile file(Pdf(doc));
  const std::string text = Folded(file.Text());
  for (const ReportPart& part : ReportParts()) EXPECT_THAT(text, HasSubstr(part.heading));
  for (const PrincipleFindings& p : doc.findings) {
    EXPECT_THAT(text, HasSubstr(p.heading));
    for (const auto* list : {&p.strengths, &p.areas_for_development}) {
      for (const FindingLine& f : *list) EXPECT_THAT(text, HasSubstr(f.label + " " + f.title));
    }
  }
  for (const RecommendationLine& r : doc.recommendations) {
    EXPECT_THAT(text, HasSubstr(r.label + " " + r.title));
  }
  EXPECT_THAT(text, HasSubstr(absl::StrCat("Page 1 of ", file.Pages())));
  EXPECT_THAT(text, HasSubstr("Withheld: fewer than 3 people answered at this level"));
}

TEST(ReportPdf, IsA4WithMetadataAndAReasonableLength) {
  const PdfFile file(Pdf(testing::SampleReport()));
  const std::string info = file.Info();
  EXPECT_THAT(info, HasSubstr("595.28 x 841.89 pts (A4)"));
  EXPECT_THAT(info, HasSubstr("Partnership health check: Riverside Community Safety Partnership"));
  EXPECT_THAT(info, HasSubstr("Dr Amina Okafor (lead peer)"));
  EXPECT_GE(file.Pages(), 6);
  EXPECT_LE(file.Pages(), 40);
}

TEST(ReportPdf, ContentsGivesThePageEachPartStartsOn) {
  const PdfFile file(Pdf(testing::SampleReport()));
  const std::string contents = file.PageText(2);
  ASSERT_THAT(contents, HasSubstr("Contents"));
  int previous = 2;
  for (const ReportPart& part : ReportParts()) {
    std::smatch m;
    const std::regex line(std::regex_replace(part.heading, std::regex(R"([:.])"), R"(\$&)") +
                          R"(\s+(\d+))");
    ASSERT_TRUE(std::regex_search(contents, m, line)) << part.heading << "\n" << contents;
    const int page = std::stoi(m[1]);
    EXPECT_GT(page, previous) << part.heading;
    EXPECT_THAT(file.PageText(page), HasSubstr(part.heading)) << "page " << page;
    // Each part starts a page: the page before (the contents' own page
    // aside) does not show its heading.
    if (page - 1 != 2) {
      EXPECT_THAT(file.PageText(page - 1), Not(HasSubstr(part.heading))) << "page " << page - 1;
    }
    previous = page;
  }
}

TEST(ReportPdf, DraftSaysSoOnEveryPageAndAFinalVersionNowhere) {
  ReportDocument doc = testing::SampleReport();
  const PdfFile draft(Pdf(doc));
  const int pages = draft.Pages();
  ASSERT_GT(pages, 0);
  for (int page = 1; page <= pages; ++page) {
    const std::string text = draft.PageText(page);
    EXPECT_THAT(text, HasSubstr("DRAFT")) << "page " << page;
    EXPECT_THAT(text, HasSubstr(absl::StrCat("Page ", page, " of ", pages)));
  }
  doc.draft = false;
  const PdfFile final_version(Pdf(doc));
  EXPECT_THAT(final_version.Text(), Not(HasSubstr("DRAFT")));
}

TEST(ReportPdf, ATableLongerThanAPageRepeatsItsHeader) {
  ReportDocument doc = testing::SampleReport();
  doc.method.documents_read.clear();
  for (int i = 1; i <= 90; ++i) {
    doc.method.documents_read.push_back(
        {absl::StrCat("Board paper number ", 100 + i), "Riverside Borough Council", "1 May 2025"});
  }
  const PdfFile file(Pdf(doc));
  int pages_with_rows = 0;
  for (int page = 1; page <= file.Pages(); ++page) {
    const std::string text = file.PageText(page);
    if (text.find("Board paper number") == std::string::npos) continue;
    ++pages_with_rows;
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(Document\s+From\s+Dated)")))
        << "page " << page << " has rows but no header:\n" << text;
  }
  EXPECT_GE(pages_with_rows, 2);
}

TEST(ReportPdf, WritesHostileTextAsText) {
  ReportDocument doc = testing::SampleReport();
  doc.findings[0].strengths[0].title = "<script>alert(1)</script> & \"quotes\"";
  const PdfFile file(Pdf(doc));
  EXPECT_THAT(file.Text(), HasSubstr("<script>alert(1)</script> & \"quotes\""));
}

TEST(ReportPdf, ControlCharactersDoNotLoseTheText) {
  ReportDocument doc = testing::SampleReport();
  doc.findings[0].strengths[0].title = "Bell\x01 and caf\xc3\xa9";
  const PdfFile file(Pdf(doc));
  EXPECT_THAT(file.Text(), HasSubstr("and caf\xc3\xa9"));
}

TEST(ReportPdf, BytesThatAreNotUtf8DoNotLoseTheText) {
  ReportDocument doc = testing::SampleReport();
  doc.findings[0].strengths[0].title = "Latin-1 caf\xe9 still shows";
  const PdfFile file(Pdf(doc));
  EXPECT_THAT(file.Text(), HasSubstr("Latin-1 caf\uFFFD still shows"));
}

TEST(ReportPdf, WithheldResultsShowOnlyTheReason) {
  ReportDocument doc = testing::SampleReport();
  doc.results.released = false;
  doc.results.withheld_reason = "Only 4 people answered; results need at least 5.";
  const PdfFile file(Pdf(doc));
  const std::string text = Folded(file.Text());
  EXPECT_THAT(text, HasSubstr("Only 4 people answered; results need at least 5."));
  EXPECT_THAT(text, Not(HasSubstr("Scores by principle")));
  EXPECT_THAT(text, Not(HasSubstr("Levels compared")));
  EXPECT_THAT(text, Not(HasSubstr(doc.results.quotable_comments[0])));
}

TEST(DocumentRenderer, RendersBothFromManyThreadsAtOnce) {
  const ReportDocument doc = testing::SampleReport();
  const DocumentRenderer renderer;
  std::vector<std::future<absl::StatusOr<app::RenderedReport>>> runs;
  for (int i = 0; i < 4; ++i) {
    runs.push_back(std::async(std::launch::async, [&] { return renderer.Render(doc); }));
  }
  const std::string html = RenderReportHtml(doc);
  for (auto& run : runs) {
    const absl::StatusOr<app::RenderedReport> rendered = run.get();
    ASSERT_TRUE(rendered.ok()) << rendered.status();
    EXPECT_EQ(rendered->html, html);
    EXPECT_EQ(rendered->pdf.substr(0, 5), "%PDF-");
    const PdfFile file(rendered->pdf);
    EXPECT_THAT(Folded(file.Text()), HasSubstr("5 Recommendations"));
  }
}

}  // namespace
}  // namespace hc::report
