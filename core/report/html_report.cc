#include "core/report/html_report.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "core/report/charts.h"
#include "core/report/report_text.h"
#include "core/report/svg_writer.h"
#include "core/report/xml_escape.h"

namespace hc::report {
namespace {

// House look of services/web/feedback_page.cc, plus print rules. No '<' or
// '&' may appear here: the document is also XML.
constexpr absl::string_view kStyle = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.45; color: #0b0c0c; background: #fff; margin: 0; }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.draft-banner { position: sticky; top: 0; background: #d4351c; color: #fff; font-weight: 700;
                text-align: center; letter-spacing: 0.2em; padding: 0.2rem; z-index: 1; }
header.title-block { border-bottom: 4px solid #1d70b8; margin-bottom: 1.5rem; padding-bottom: 1rem; }
header.title-block p { color: #505a5f; margin: 0.2rem 0; }
header.title-block p.status { color: #0b0c0c; font-weight: 700; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.6rem; border-bottom: 2px solid #1d70b8; padding-bottom: 0.2rem; }
h3 { font-size: 1.15rem; margin: 1.4rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
nav.contents ol { list-style: none; padding: 0; }
nav.contents li { margin: 0.3rem 0; }
nav.contents a { color: #1d70b8; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.92em; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; border-bottom: 2px solid #505a5f; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
table.wide-first th:first-child { width: 44%; }
tr.total td { font-weight: 700; border-top: 2px solid #505a5f; }
td.withheld { color: #505a5f; font-style: italic; }
figure { margin: 0.8rem 0 1rem; }
figure svg.chart { width: 100%; height: auto; max-width: 42rem; display: block; }
figcaption { color: #505a5f; font-size: 0.9em; margin-top: 0.3rem; }
.note { color: #505a5f; }
.withheld-box { background: #f3f2f1; border-left: 6px solid #505a5f; padding: 0.5rem 1rem; }
.proposed { background: #f3f2f1; border-left: 6px solid #1d70b8; padding: 0.5rem 1rem; }
ul.points { list-style: none; padding: 0; margin: 0; }
ul.points li { border-left: 4px solid #b1b4b6; padding: 0.25rem 0 0.25rem 0.75rem; margin: 0 0 0.75rem; }
ul.strengths li { border-left-color: #00703c; }
ul.areas li { border-left-color: #f47738; }
.label { font-weight: 700; color: #505a5f; margin-right: 0.35rem; }
.title { font-weight: 700; }
.narrative { margin: 0.2rem 0 0; white-space: pre-line; }
.also { color: #505a5f; font-size: 0.9em; margin: 0.2rem 0 0; }
blockquote { border-left: 4px solid #b1b4b6; margin: 0.5rem 0; padding: 0.2rem 0.8rem; font-style: italic; }
div.recommendation { border: 1px solid #b1b4b6; border-left: 6px solid #1d70b8; padding: 0.4rem 0.9rem; margin: 0 0 0.9rem; }
div.recommendation h3 { margin-top: 0.3rem; }
p.meta { color: #505a5f; margin: 0.2rem 0; }
ol.statements { padding-left: 0; list-style: none; }
ol.statements li { margin: 0.2rem 0; }
.code { font-weight: 700; margin-right: 0.4rem; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .draft-banner { display: none; }
  nav.contents, section.part { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, li, figure, blockquote, div.recommendation, div.keep {
    break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 20mm 18mm 22mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
                  font-family: "DejaVu Sans", sans-serif; color: #505a5f; } }
)css";

constexpr absl::string_view kDraftPageStyle =
    "@page { @top-center { content: \"DRAFT\"; color: #d4351c; font-weight: 700; "
    "font-family: \"DejaVu Sans\", sans-serif; font-size: 10pt; letter-spacing: 0.2em; } }\n";

std::string E(absl::string_view text) { return XmlEscape(text); }

struct Column {
  std::string heading;
  bool numeric = false;
};

// Cells are HTML already escaped by the caller.
std::string Table(const std::vector<Column>& columns,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::string& css_class = "") {
  std::string out = absl::StrCat("<table", css_class.empty() ? "" : " class=\"" + css_class + "\"",
                                 ">\n<thead><tr>");
  for (const Column& c : columns) {
    absl::StrAppend(&out, "<th scope=\"col\"", c.numeric ? " class=\"num\"" : "", ">",
                    E(c.heading), "</th>");
  }
  absl::StrAppend(&out, "</tr></thead>\n<tbody>\n");
  for (const std::vector<std::string>& row : rows) {
    absl::StrAppend(&out, "<tr>");
    for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
      // A short row's last cell spans the columns left over.
      const size_t span = i + 1 == row.size() ? columns.size() - i : 1;
      absl::StrAppend(&out, "<td", span > 1 ? absl::StrCat(" colspan=\"", span, "\"") : "",
                      columns[i].numeric && span == 1 ? " class=\"num\"" : "", ">", row[i],
                      "</td>");
    }
    absl::StrAppend(&out, "</tr>\n");
  }
  return absl::StrCat(out, "</tbody>\n</table>\n");
}

std::string List(const std::vector<std::string>& items) {
  if (items.empty()) return "<p class=\"note\">None recorded.</p>\n";
  std::string out = "<ul>\n";
  for (const std::string& item : items) absl::StrAppend(&out, "<li>", E(item), "</li>\n");
  return absl::StrCat(out, "</ul>\n");
}

std::string Figure(const Drawing& drawing, absl::string_view caption) {
  return absl::StrCat("<figure>\n", DrawingToSvg(drawing), "<figcaption>", E(caption),
                      "</figcaption>\n</figure>\n");
}

std::string PartStart(size_t index) {
  const ReportPart& part = ReportParts()[index];
  return absl::StrCat("<section class=\"part\" id=\"", part.anchor, "\" aria-labelledby=\"",
                      part.anchor, "-h\">\n<h2 id=\"", part.anchor, "-h\">", E(part.heading),
                      "</h2>\n");
}

std::string TitleBlock(const ReportDocument& d) {
  std::string out = "<header class=\"title-block\">\n";
  absl::StrAppend(&out, "<h1>", E(d.title), "</h1>\n<p>", E(d.subtitle), "</p>\n");
  if (!d.status_line.empty()) absl::StrAppend(&out, "<p class=\"status\">", E(d.status_line), "</p>\n");
  absl::StrAppend(&out, "<p>", E(d.date), "</p>\n</header>\n");
  return out;
}

std::string Contents() {
  std::string out = "<nav class=\"contents\" aria-labelledby=\"contents-h\">\n<h2 id=\"contents-h\">Contents</h2>\n<ol>\n";
  for (const ReportPart& part : ReportParts()) {
    absl::StrAppend(&out, "<li><a href=\"#", part.anchor, "\">", E(part.heading), "</a></li>\n");
  }
  return absl::StrCat(out, "</ol>\n</nav>\n");
}

std::string ScopePart(const ScopeSection& s) {
  std::string out = PartStart(0);
  absl::StrAppend(&out, Table({{"About the partnership"}, {""}},
                              {{"Partnership", E(s.partnership_name)}, {"Purpose", E(s.purpose)}}));
  std::vector<std::vector<std::string>> members;
  for (const MemberOrganisation& m : s.members) members.push_back({E(m.name), E(m.sector)});
  absl::StrAppend(&out, "<h3>Member organisations</h3>\n",
                  Table({{"Organisation"}, {"Sector"}}, members));
  absl::StrAppend(&out, "<h3>Issues the partnership asked us to look at</h3>\n", List(s.issues));
  absl::StrAppend(&out, "<h3>Outcomes the partnership wants</h3>\n", List(s.desired_outcomes));
  absl::StrAppend(&out, "<h3>Arrangements</h3>\n",
                  s.arrangements.empty() ? "<p class=\"note\">None recorded.</p>\n"
                                         : absl::StrCat("<p>", E(s.arrangements), "</p>\n"));
  std::vector<std::vector<std::string>> dates;
  for (const Fact& f : s.key_dates) dates.push_back({E(f.label), E(f.value)});
  absl::StrAppend(&out, "<h3>Key dates</h3>\n", Table({{"Event"}, {"Date"}}, dates));
  std::vector<std::vector<std::string>> team;
  for (const TeamMemberLine& t : s.team) {
    team.push_back({E(t.name), E(t.role), E(t.organisation), E(t.sector)});
  }
  absl::StrAppend(&out, "<h3>The peer team</h3>\n",
                  Table({{"Name"}, {"Role"}, {"Organisation"}, {"Sector"}}, team), "</section>\n");
  return out;
}

std::vector<std::string> RateRow(const RateLine& r) {
  if (!r.released) {
    // One cell across the figures' columns: a withheld group has none.
    return {E(r.group), absl::StrCat("<span class=\"withheld\">", E(RateText(r)), "</span>")};
  }
  return {E(r.group), absl::StrCat(r.invited), absl::StrCat(r.responded), E(RateText(r))};
}

std::string RatesTable(const std::vector<RateLine>& rates, absl::string_view group) {
  std::vector<std::vector<std::string>> rows;
  for (const RateLine& r : rates) rows.push_back(RateRow(r));
  return Table({{std::string(group)}, {"Invited", true}, {"Responded", true}, {"Rate", true}},
               rows);
}

std::string MethodPart(const MethodSection& m) {
  std::string out = PartStart(1);
  std::vector<std::vector<std::string>> docs;
  for (const DocumentLine& d : m.documents_read) docs.push_back({E(d.title), E(d.source), E(d.date)});
  absl::StrAppend(&out, "<h3>Documents we read</h3>\n",
                  Table({{"Document"}, {"From"}, {"Dated"}}, docs));
  std::vector<std::vector<std::string>> acts;
  for (const ActivityLine& a : m.activities_held) {
    acts.push_back({absl::StrCat(a.day), E(a.time), E(a.kind), E(a.title), E(a.participants)});
  }
  absl::StrAppend(&out, "<h3>What we did on site</h3>\n",
                  Table({{"Day", true}, {"Time"}, {"Activity"}, {"Subject"}, {"Who took part"}}, acts));
  absl::StrAppend(&out, "<h3>Who answered the questionnaire</h3>\n<p>", E(MinGroupSentence(m.min_group_size)),
                  "</p>\n", RatesTable({m.overall_rate}, "All respondents"),
                  "<h4>By level</h4>\n", RatesTable(m.rates_by_level, "Level"),
                  "<h4>By sector</h4>\n", RatesTable(m.rates_by_sector, "Sector"), "</section>\n");
  return out;
}

std::vector<std::string> ScoreRow(const SectionScoreLine& s) {
  return {absl::StrCat("<span class=\"code\">", E(s.code), "</span>", E(s.title)),
          FigureText(s.median), E(s.band_label), MeanText(s.mean),
          RangeText(s.min, s.max),
          PercentText(s.consensus),
          E(TotalsText(s.range_min, s.range_max))};
}

std::string ScoresTable(const ResultsSection& r) {
  std::vector<std::vector<std::string>> rows;
  for (const SectionScoreLine& s : r.sections) rows.push_back(ScoreRow(s));
  if (r.aggregate) rows.push_back(ScoreRow(*r.aggregate));
  std::string table = Table({{Capitalised(r.section_term)}, {"Median", true}, {"Band"},
                             {"Mean", true}, {"Lowest to highest", true}, {"Consensus", true},
                             {"Possible totals", true}},
                            rows, "scores wide-first");
  // The aggregate is the last row: mark it as the total.
  if (r.aggregate) {
    const size_t last = table.rfind("<tr>");
    table.replace(last, 4, "<tr class=\"total\">");
  }
  return table;
}

std::string StatementTables(const ResultsSection& r) {
  std::vector<std::string> codes;
  for (const SectionScoreLine& s : r.sections) codes.push_back(s.code);
  for (const StatementAnswers& s : r.statements) {
    const std::string c = SectionOfStatement(s.code);
    if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
  }
  std::string out;
  for (const std::string& code : codes) {
    const std::vector<StatementAnswers> group = StatementsOf(r.statements, code);
    if (group.empty()) continue;
    std::string heading = absl::StrCat(Capitalised(r.section_term), " ", code);
    for (const SectionScoreLine& s : r.sections) {
      if (s.code == code) absl::StrAppend(&heading, ": ", s.title);
    }
    if (code == "overall") heading = "Overall statements";
    std::vector<Column> cols = {{"Statement"}};
    for (const AnswerCount& c : group.front().counts) cols.push_back({c.label, true});
    cols.push_back({"No answer", true});
    std::vector<std::vector<std::string>> rows;
    for (const StatementAnswers& s : group) {
      std::vector<std::string> row = {
          absl::StrCat("<span class=\"code\">", E(s.code), "</span>", E(s.text))};
      for (const AnswerCount& c : s.counts) row.push_back(absl::StrCat(c.count));
      row.push_back(absl::StrCat(s.unanswered));
      rows.push_back(std::move(row));
    }
    absl::StrAppend(&out, "<div class=\"keep\">\n<h4>", E(heading), "</h4>\n",
                    Figure(DistributionChart(group), "Number of respondents giving each answer."),
                    "</div>\n", Table(cols, rows, "answers wide-first"));
  }
  return out;
}

std::string LevelsBlock(const ResultsSection& r) {
  std::string out = "<div class=\"keep\">\n<h3>Levels compared</h3>\n";
  std::optional<Drawing> chart = LevelsChart(r.sections, r.levels);
  if (!chart) {
    return absl::StrCat(out, "<p class=\"note\">Fewer than two levels had enough respondents to "
                             "be compared.</p>\n</div>\n");
  }
  absl::StrAppend(&out, Figure(*chart, "Mean total of each level; shaded zones are the bands."),
                  "</div>\n");
  std::vector<Column> cols = {{"Level"}, {"n", true}};
  for (const SectionScoreLine& s : r.sections) cols.push_back({s.code, true});
  cols.push_back({"All", true});
  std::vector<std::vector<std::string>> rows;
  for (const LevelMeanLine& l : r.levels) {
    std::vector<std::string> row = {E(l.level), absl::StrCat(l.n)};
    for (const std::optional<double>& m : l.section_means) row.push_back(MeanText(m));
    row.push_back(MeanText(l.aggregate_mean));
    rows.push_back(std::move(row));
  }
  return absl::StrCat(out, Table(cols, rows));
}

std::vector<std::string> ChangeRow(const ChangeLine& c, bool bands) {
  // Sections compare medians (whole or half points), statements means.
  auto figure = bands ? FigureText : MeanText;
  std::vector<std::string> row = {
      absl::StrCat("<span class=\"code\">", E(c.code), "</span>", E(c.title)),
      figure(c.previous), figure(c.current), ChangeText(c.change)};
  if (bands) row.push_back(absl::StrCat(E(c.previous_band), " \u2192 ", E(c.current_band)));
  return row;
}

std::string ChangeBlock(const ResultsSection& r) {
  std::string out = "<div class=\"keep\">\n<h3>Change since the previous health check</h3>\n";
  if (!r.previous) {
    return absl::StrCat(out, "<p class=\"note\">", E(r.previous_note), "</p>\n</div>\n");
  }
  const PreviousHealthCheck& p = *r.previous;
  absl::StrAppend(&out, "<p>Compared with the ", E(p.engagement_name), ", which ",
                  p.previous_respondents, " people answered.</p>\n");
  absl::StrAppend(&out, Figure(*ChangeChart(r.sections, r.previous),
                               "Median total, previous and this health check."),
                  "</div>\n");
  std::vector<std::vector<std::string>> rows;
  for (const ChangeLine& c : p.sections) rows.push_back(ChangeRow(c, true));
  if (p.aggregate) rows.push_back(ChangeRow(*p.aggregate, true));
  absl::StrAppend(&out, Table({{Capitalised(r.section_term)}, {"Previous median", true},
                               {"Median now", true}, {"Change", true}, {"Band"}},
                              rows, "wide-first"));
  rows.clear();
  for (const ChangeLine& c : p.statements) rows.push_back(ChangeRow(c, false));
  absl::StrAppend(&out, "<h4>Each statement</h4>\n",
                  Table({{"Statement"}, {"Previous mean", true}, {"Mean now", true}, {"Change", true}},
                        rows, "wide-first"));
  return out;
}

std::string CommentsBlock(const ResultsSection& r) {
  std::string out = "<h3>What respondents wrote</h3>\n";
  if (r.quotable_comments.empty()) {
    return absl::StrCat(out, "<p class=\"note\">No comments were chosen for quotation.</p>\n");
  }
  for (const std::string& c : r.quotable_comments) {
    absl::StrAppend(&out, "<blockquote><p>", E(c), "</p></blockquote>\n");
  }
  return out;
}

std::string ResultsPart(const ResultsSection& r) {
  std::string out = PartStart(2);
  if (!r.released) {
    return absl::StrCat(out, "<p>", E(r.benchmark_name), "</p>\n<div class=\"withheld-box\"><p>",
                        E(r.withheld_reason), "</p></div>\n</section>\n");
  }
  absl::StrAppend(&out, "<p>", r.respondents, " people answered the questionnaire of the ",
                  E(r.benchmark_name), ".</p>\n<div class=\"keep\">\n<h3>Scores by ",
                  E(r.section_term), "</h3>\n",
                  Figure(RadarChart(r.sections),
                         "Median total of each " + r.section_term + "; shaded zones are the bands."),
                  "</div>\n", ScoresTable(r));
  if (!r.proposed_finding.empty()) {
    absl::StrAppend(&out, "<div class=\"proposed\"><p>", E(r.proposed_finding), "</p></div>\n");
  }
  absl::StrAppend(&out, "<h3>Answers to each statement</h3>\n", StatementTables(r), LevelsBlock(r),
                  ChangeBlock(r), CommentsBlock(r), "</section>\n");
  return out;
}

std::string Points(absl::string_view heading, absl::string_view css_class,
                   const std::vector<FindingLine>& points) {
  if (points.empty()) return "";
  std::string out = absl::StrCat("<h4>", heading, "</h4>\n<ul class=\"points ", css_class, "\">\n");
  for (const FindingLine& f : points) {
    absl::StrAppend(&out, "<li><span class=\"label\">", E(f.label), "</span><span class=\"title\">",
                    E(f.title), "</span>\n<p class=\"narrative\">", E(f.narrative), "</p>\n");
    if (!f.also_relates_to.empty()) {
      absl::StrAppend(&out, "<p class=\"also\">", E(f.also_relates_to), "</p>\n");
    }
    absl::StrAppend(&out, "</li>\n");
  }
  return absl::StrCat(out, "</ul>\n");
}

std::string FindingsPart(const std::vector<PrincipleFindings>& findings) {
  std::string out = PartStart(3);
  if (findings.empty()) absl::StrAppend(&out, "<p class=\"note\">No findings were agreed.</p>\n");
  for (const PrincipleFindings& p : findings) {
    absl::StrAppend(&out, "<h3>", E(p.heading), "</h3>\n",
                    Points("Strengths", "strengths", p.strengths),
                    Points("Areas for development", "areas", p.areas_for_development));
  }
  return absl::StrCat(out, "</section>\n");
}

std::string RecommendationsPart(const std::vector<RecommendationLine>& recs) {
  std::string out = PartStart(4);
  if (recs.empty()) absl::StrAppend(&out, "<p class=\"note\">No recommendations were made.</p>\n");
  for (const RecommendationLine& r : recs) {
    absl::StrAppend(&out, "<div class=\"recommendation\">\n<h3><span class=\"label\">", E(r.label),
                    "</span>", E(r.title), "</h3>\n<p class=\"meta\">Priority: ", E(r.priority));
    if (!r.answers.empty()) absl::StrAppend(&out, " \u00b7 ", E(r.answers));
    absl::StrAppend(&out, "</p>\n<p>", E(r.text), "</p>\n</div>\n");
  }
  return absl::StrCat(out, "</section>\n");
}

std::string BandsTable(const std::vector<domain::Band>& bands) {
  std::vector<std::vector<std::string>> rows;
  for (const domain::Band& b : bands) {
    rows.push_back({E(TotalsText(b.min_score, b.max_score)), E(b.label), E(b.text)});
  }
  return Table({{"Totals", true}, {"Band"}, {"Meaning"}}, rows, "bands");
}

std::string Statements(const std::vector<domain::Statement>& statements) {
  std::string out = "<ol class=\"statements\">\n";
  for (const domain::Statement& s : statements) {
    absl::StrAppend(&out, "<li><span class=\"code\">", E(s.code), "</span>", E(s.text), "</li>\n");
  }
  return absl::StrCat(out, "</ol>\n");
}

std::string AnnexPart(const domain::Framework& f) {
  std::string out = PartStart(5);
  absl::StrAppend(&out, "<p><strong>", E(f.display_name), "</strong> (version ", f.version,
                  ")</p>\n<p>", E(f.description), "</p>\n<p class=\"note\">Source: ", E(f.source),
                  "</p>\n<h3>The answer scale</h3>\n<ul>\n");
  for (const domain::ScalePoint& p : f.scale.points) {
    absl::StrAppend(&out, "<li>", E(p.label), " (", p.value, ")</li>\n");
  }
  absl::StrAppend(&out, "</ul>\n");
  const std::string term = Capitalised(f.section_term);
  for (const domain::Section& s : f.sections) {
    absl::StrAppend(&out, "<h3>", E(term), " ", E(s.code), ": ", E(s.title), "</h3>\n");
    if (!s.description.empty()) absl::StrAppend(&out, "<p>", E(s.description), "</p>\n");
    absl::StrAppend(&out, Statements(s.statements), BandsTable(s.bands));
  }
  if (!f.overall_statements.empty()) {
    absl::StrAppend(&out, "<h3>Overall statements</h3>\n", Statements(f.overall_statements));
  }
  if (!f.aggregate_bands.empty()) {
    absl::StrAppend(&out, "<h3>Bands of the total over every ", E(f.section_term), "</h3>\n",
                    BandsTable(f.aggregate_bands));
  }
  return absl::StrCat(out, "</section>\n");
}

}  // namespace

std::string RenderReportHtml(const ReportDocument& d) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" "
      "xml:lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"/>\n<title>",
      E(d.title), "</title>\n<style>", kStyle, d.draft ? kDraftPageStyle : "",
      "</style>\n</head>\n<body>\n");
  if (d.draft) absl::StrAppend(&out, "<div class=\"draft-banner\">DRAFT</div>\n");
  absl::StrAppend(&out, "<main>\n", TitleBlock(d), Contents(), ScopePart(d.scope),
                  MethodPart(d.method), ResultsPart(d.results), FindingsPart(d.findings),
                  RecommendationsPart(d.recommendations), AnnexPart(d.benchmark),
                  "</main>\n</body>\n</html>\n");
  return out;
}

}  // namespace hc::report
