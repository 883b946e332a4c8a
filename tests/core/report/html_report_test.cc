#include "core/report/html_report.h"

#include <libxml/parser.h>

#include <string>

#include "core/report/report_text.h"
#include "core/report/xml_escape.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/core/report/sample_report.h"

namespace hc::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kHostile[] = "<script>alert(1)</script> & \"quotes\"";

// Parses strictly: no network, no recovery; nullptr on the first error.
bool IsWellFormedXml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "report.html",
                                "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  const bool ok = doc != nullptr;
  xmlFreeDoc(doc);
  return ok;
}

TEST(ReportHtml, IsWellFormedXmlWithoutScriptsOrExternalResources) {
  const std::string html = RenderReportHtml(testing::SampleReport());
  EXPECT_TRUE(IsWellFormedXml(html));
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\"/>"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
}

TEST(ReportHtml, StrictCheckRejectsWhatIsNotXml) {
  // The check itself can fail: an unclosed tag is refused.
  EXPECT_FALSE(IsWellFormedXml("<html><body><p>open</body></html>"));
  EXPECT_TRUE(IsWellFormedXml("<html><body><p>closed</p></body></html>"));
}

TEST(ReportHtml, HasEverySectionInOrderWithContentsLinks) {
  const std::string html = RenderReportHtml(testing::SampleReport());
  size_t last = 0;
  for (const ReportPart& part : ReportParts()) {
    EXPECT_THAT(html, HasSubstr("<a href=\"#" + part.anchor + "\">" + part.heading + "</a>"));
    const size_t at = html.find("<h2 id=\"" + part.anchor + "-h\">" + part.heading + "</h2>");
    ASSERT_NE(at, std::string::npos) << part.heading;
    EXPECT_GT(at, last) << part.heading << " is out of order";
    last = at;
  }
}

TEST(ReportHtml, HasEveryFindingRecommendationAndTheCharts) {
  const ReportDocument doc = testing::SampleReport();
  const std::string html = RenderReportHtml(doc);
  int findings = 0;
  for (const PrincipleFindings& p : doc.findings) {
    for (const auto* list : {&p.strengths, &p.areas_for_development}) {
      for (const FindingLine& f : *list) {
        EXPECT_THAT(html, HasSubstr("<span class=\"label\">" + f.label +
                                    "</span><span class=\"title\">" + XmlEscape(f.title) +
                                    "</span>"));
        ++findings;
      }
    }
  }
  EXPECT_EQ(findings, 7);
  ASSERT_EQ(doc.recommendations.size(), 5u);
  for (const RecommendationLine& r : doc.recommendations) {
    EXPECT_THAT(html, HasSubstr(r.label + "</span>" + XmlEscape(r.title) + "</h3>"));
    EXPECT_THAT(html, HasSubstr("Priority: " + r.priority));
  }
  EXPECT_THAT(html, HasSubstr("aria-label=\"Radar of the median total of each principle\""));
  EXPECT_THAT(html, HasSubstr("<polygon class=\"median\""));
  EXPECT_THAT(html, HasSubstr("aria-label=\"Mean total of each principle by level\""));
  EXPECT_THAT(html, HasSubstr("Median total of each principle, previous and this health check"));
  EXPECT_THAT(html, HasSubstr("Also relates to principle 5"));
}

TEST(ReportHtml, EscapesHostileText) {
  ReportDocument doc = testing::SampleReport();
  doc.findings[0].strengths[0].title = kHostile;
  doc.scope.partnership_name = kHostile;
  const std::string html = RenderReportHtml(doc);
  EXPECT_TRUE(IsWellFormedXml(html));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
}

TEST(ReportHtml, ControlCharactersKeepTheDocumentWellFormed) {
  ReportDocument doc = testing::SampleReport();
  doc.findings[0].strengths[0].title = "Bell\x01 and caf\xc3\xa9";
  const std::string html = RenderReportHtml(doc);
  EXPECT_TRUE(IsWellFormedXml(html));
  EXPECT_THAT(html, HasSubstr("Bell  and caf\xc3\xa9"));
}

TEST(ReportHtml, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  ReportDocument doc = testing::SampleReport();
  doc.findings[0].strengths[0].title = "Latin-1 caf\xe9, a lone \xc3 and an overlong \xc0\xaf";
  const std::string html = RenderReportHtml(doc);
  EXPECT_TRUE(IsWellFormedXml(html));
  EXPECT_THAT(html, HasSubstr("Latin-1 caf\uFFFD, a lone \uFFFD and an overlong \uFFFD\uFFFD"));
}

TEST(ReportHtml, WithheldGroupsShowTheirReasonAndNoFigure) {
  const std::string html = RenderReportHtml(testing::SampleReport());
  EXPECT_THAT(html, HasSubstr("<tr><td>Community representative</td><td colspan=\"3\"><span "
                              "class=\"withheld\">Withheld: fewer than 3 people answered at this "
                              "level</span></td></tr>"));
  EXPECT_THAT(html, HasSubstr("no figure is shown for a group of fewer than 3 people"));
}

TEST(ReportHtml, WithheldResultsShowOnlyTheReason) {
  ReportDocument doc = testing::SampleReport();
  doc.results.released = false;
  doc.results.withheld_reason = "Only 4 people answered; results need at least 5.";
  const std::string html = RenderReportHtml(doc);
  EXPECT_TRUE(IsWellFormedXml(html));
  EXPECT_THAT(html, HasSubstr("Only 4 people answered; results need at least 5."));
  EXPECT_THAT(html, Not(HasSubstr("class=\"scores\"")));
  EXPECT_THAT(html, Not(HasSubstr("<svg")));
  EXPECT_THAT(html, Not(HasSubstr("people answered the questionnaire")));
  EXPECT_THAT(html, Not(HasSubstr(doc.results.quotable_comments[0])));
}

TEST(ReportHtml, DraftIsMarkedOnEveryPrintedPageOnlyWhenDraft) {
  ReportDocument doc = testing::SampleReport();
  const std::string draft = RenderReportHtml(doc);
  EXPECT_THAT(draft, HasSubstr("@top-center { content: \"DRAFT\""));
  EXPECT_THAT(draft, HasSubstr("<div class=\"draft-banner\">DRAFT</div>"));
  doc.draft = false;
  const std::string final_version = RenderReportHtml(doc);
  EXPECT_THAT(final_version, Not(HasSubstr("DRAFT")));
}

}  // namespace
}  // namespace hc::report
