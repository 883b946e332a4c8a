#include "core/report/pdf_report.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/report/charts.h"
#include "core/report/palette.h"
#include "core/report/pdf_blocks.h"
#include "core/report/pdf_layout.h"
#include "core/report/report_text.h"
#include "core/report/xml_escape.h"

namespace hc::report {
namespace {

using pdf::FlowItem;
using pdf::Markup;
using pdf::TableColumn;
using pdf::TextStyle;

std::string M(absl::string_view text) { return Markup(text); }

std::string Secondary(absl::string_view markup) {
  return absl::StrCat("<span foreground=\"", palette::Hex(palette::kSecondaryText), "\">", markup,
                      "</span>");
}

// Appends the report's blocks to a flow, with the house's type scale.
class FlowBuilder {
 public:
  explicit FlowBuilder(std::map<std::string, int> pages) : pages_(std::move(pages)) {}

  std::vector<FlowItem> Take() { return std::move(flow_); }
  void MarkPageBreak() { flow_.back().page_break_before = true; }
  void KeepWithNext() { flow_.back().keep_with_next = true; }
  int PageOf(const std::string& anchor) const {
    auto it = pages_.find(anchor);
    return it == pages_.end() ? 0 : it->second;
  }

  void Add(std::shared_ptr<const pdf::Block> block, double space_before = 0,
           bool keep_with_next = false) {
    flow_.push_back({std::move(block), space_before, keep_with_next, false, "", nullptr});
  }
  void Text(std::string markup, TextStyle style, double space_before = 5,
            bool keep_with_next = false) {
    Add(std::make_shared<pdf::TextBlock>(std::move(markup), std::move(style)), space_before,
        keep_with_next);
  }
  void Para(absl::string_view text) { Text(M(text), {}); }
  void Note(absl::string_view text) {
    TextStyle style;
    style.colour = palette::kSecondaryText;
    Text(M(text), style);
  }
  void Part(size_t index) {
    const ReportPart& part = ReportParts()[index];
    TextStyle style{.size = 17, .bold = true, .colour = palette::kText};
    style.underline = palette::kBrand;
    Text(M(part.heading), style, 0, true);
    flow_.back().page_break_before = true;
    flow_.back().anchor = part.anchor;
  }
  void Heading(absl::string_view text, double size = 12.5) {
    Text(M(text), TextStyle{.size = size, .bold = true}, size > 11 ? 16 : 10, true);
  }
  void Bullets(const std::vector<std::string>& items) {
    if (items.empty()) return Note("None recorded.");
    for (const std::string& item : items) {
      Text(absl::StrCat("\u2022  ", M(item)), TextStyle{.indent = 8}, 2);
    }
  }
  void Chart(Drawing drawing, double scale, absl::string_view caption) {
    Add(std::make_shared<pdf::ChartBlock>(std::move(drawing), scale), 8, true);
    TextStyle style{.size = 8.5, .italic = true, .colour = palette::kSecondaryText};
    Text(M(caption), style, 2);
  }
  // A table whose header row stays with its first row and repeats on every
  // page the table continues on; a short table is kept whole. Cells are
  // markup.
  void Table(const std::vector<TableColumn>& columns, std::vector<std::string> header,
             const std::vector<std::vector<std::string>>& rows, double size = 9) {
    constexpr size_t kShortTable = 6;
    auto head = std::make_shared<pdf::TableRowBlock>(columns, std::move(header), true, size);
    Add(head, 6, !rows.empty());
    for (size_t i = 0; i < rows.size(); ++i) {
      Add(std::make_shared<pdf::TableRowBlock>(columns, rows[i], false, size), 0,
          rows.size() <= kShortTable && i + 1 < rows.size());
      flow_.back().repeat_header = head;
    }
    Add(std::make_shared<pdf::SpaceBlock>(6));
  }

 private:
  std::map<std::string, int> pages_;
  std::vector<FlowItem> flow_;
};

void TitlePage(const ReportDocument& d, FlowBuilder& f) {
  f.Add(std::make_shared<pdf::SpaceBlock>(150));
  f.Text(M(d.title), TextStyle{.size = 24, .bold = true, .line_spacing = 1.1}, 10);
  f.Text(M(d.subtitle), TextStyle{.size = 14, .colour = palette::kSecondaryText}, 10);
  TextStyle status{.size = 11, .bold = true};
  if (d.draft) status.colour = palette::kDraft;
  status.underline = palette::kBrand;
  if (!d.status_line.empty()) f.Text(M(d.status_line), status, 30);
  f.Text(M(d.date), TextStyle{.size = 11}, 8);
  if (!d.results.benchmark_name.empty()) {
    f.Text(Secondary(M(absl::StrCat("Benchmark: ", d.results.benchmark_name))), TextStyle{}, 8);
  }
}

void ContentsPage(FlowBuilder& f) {
  f.Text(M("Contents"), TextStyle{.size = 17, .bold = true, .underline = palette::kBrand}, 0, true);
  f.MarkPageBreak();
  const std::vector<TableColumn> columns = {{8}, {1, true}};
  for (const ReportPart& part : ReportParts()) {
    const int page = f.PageOf(part.anchor);
    f.Add(std::make_shared<pdf::TableRowBlock>(
              columns, std::vector<std::string>{M(part.heading), page > 0 ? absl::StrCat(page) : ""},
              false, 11),
          4);
  }
}

void ScopePart(const ScopeSection& s, FlowBuilder& f) {
  f.Part(0);
  f.Table({{1}, {3}}, {"About the partnership", ""},
          {{"Partnership", M(s.partnership_name)}, {"Purpose", M(s.purpose)}});
  std::vector<std::vector<std::string>> rows;
  for (const MemberOrganisation& m : s.members) rows.push_back({M(m.name), M(m.sector)});
  f.Heading("Member organisations");
  f.Table({{2.4}, {1.6}}, {"Organisation", "Sector"}, rows);
  f.Heading("Issues the partnership asked us to look at");
  f.Bullets(s.issues);
  f.Heading("Outcomes the partnership wants");
  f.Bullets(s.desired_outcomes);
  f.Heading("Arrangements");
  if (s.arrangements.empty()) {
    f.Note("None recorded.");
  } else {
    f.Para(s.arrangements);
  }
  rows.clear();
  for (const Fact& d : s.key_dates) rows.push_back({M(d.label), M(d.value)});
  f.Heading("Key dates");
  f.Table({{2}, {1}}, {"Event", "Date"}, rows);
  rows.clear();
  for (const TeamMemberLine& t : s.team) {
    rows.push_back({M(t.name), M(t.role), M(t.organisation), M(t.sector)});
  }
  f.Heading("The peer team");
  f.Table({{2}, {1.2}, {2.5}, {1.5}}, {"Name", "Role", "Organisation", "Sector"}, rows);
}

void RatesTable(const std::vector<RateLine>& rates, absl::string_view group, FlowBuilder& f) {
  std::vector<std::vector<std::string>> rows;
  for (const RateLine& r : rates) {
    if (r.released) {
      rows.push_back({M(r.group), absl::StrCat(r.invited), absl::StrCat(r.responded), M(RateText(r))});
    } else {
      // One cell across the figures' columns: a withheld group has none.
      rows.push_back({M(r.group), Secondary(absl::StrCat("<i>", M(RateText(r)), "</i>"))});
    }
  }
  f.Table({{2.6}, {0.9, true}, {0.9, true}, {0.9, true}},
          {M(group), "Invited", "Responded", "Rate"}, rows);
}

void MethodPart(const MethodSection& m, FlowBuilder& f) {
  f.Part(1);
  std::vector<std::vector<std::string>> rows;
  for (const DocumentLine& d : m.documents_read) rows.push_back({M(d.title), M(d.source), M(d.date)});
  f.Heading("Documents we read");
  f.Table({{3}, {1.6}, {1.2}}, {"Document", "From", "Dated"}, rows);
  rows.clear();
  for (const ActivityLine& a : m.activities_held) {
    rows.push_back({absl::StrCat(a.day), M(a.time), M(a.kind), M(a.title), M(a.participants)});
  }
  f.Heading("What we did on site");
  f.Table({{0.5, true}, {0.7}, {1.2}, {2.6}, {2.2}},
          {"Day", "Time", "Activity", "Subject", "Who took part"}, rows);
  f.Heading("Who answered the questionnaire");
  f.Para(MinGroupSentence(m.min_group_size));
  RatesTable({m.overall_rate}, "All respondents", f);
  f.Heading("By level", 10.5);
  RatesTable(m.rates_by_level, "Level", f);
  f.Heading("By sector", 10.5);
  RatesTable(m.rates_by_sector, "Sector", f);
}

std::vector<std::string> ScoreRow(const SectionScoreLine& s, bool total) {
  const std::string name = absl::StrCat("<b>", M(s.code), "</b>  ", M(s.title));
  std::vector<std::string> row = {
      name, FigureText(s.median), M(s.band_label), MeanText(s.mean),
      RangeText(s.min, s.max),
      PercentText(s.consensus),
      M(TotalsText(s.range_min, s.range_max))};
  if (total) {
    for (std::string& cell : row) cell = absl::StrCat("<b>", cell, "</b>");
  }
  return row;
}

void ScoresBlock(const ResultsSection& r, FlowBuilder& f) {
  f.Heading(absl::StrCat("Scores by ", r.section_term));
  f.Chart(RadarChart(r.sections), 0.92,
          absl::StrCat("Median total of each ", r.section_term, "; shaded zones are the bands."));
  std::vector<std::vector<std::string>> rows;
  for (const SectionScoreLine& s : r.sections) rows.push_back(ScoreRow(s, false));
  if (r.aggregate) rows.push_back(ScoreRow(*r.aggregate, true));
  f.Table({{2.8}, {1.0, true}, {1.5}, {0.9, true}, {1.2, true}, {1.3, true}, {1.3, true}},
          {M(Capitalised(r.section_term)), "Median", "Band", "Mean", "Lowest to highest",
           "Consensus", "Possible totals"},
          rows, 8.5);
  if (!r.proposed_finding.empty()) {
    TextStyle box{.background = palette::kLightFill, .left_rule = palette::kBrand};
    f.Text(M(r.proposed_finding), box, 6);
  }
}

std::string StatementGroupHeading(const ResultsSection& r, const std::string& code) {
  if (code == "overall") return "Overall statements";
  std::string heading = absl::StrCat(Capitalised(r.section_term), " ", code);
  for (const SectionScoreLine& s : r.sections) {
    if (s.code == code) absl::StrAppend(&heading, ": ", s.title);
  }
  return heading;
}

void StatementGroup(const ResultsSection& r, const std::vector<StatementAnswers>& group,
                    const std::string& code, FlowBuilder& f) {
  f.Heading(StatementGroupHeading(r, code), 10.5);
  f.Chart(DistributionChart(group), 1.0, "Number of respondents giving each answer.");
  std::vector<TableColumn> columns = {{4.2}};
  std::vector<std::string> header = {"Statement"};
  for (const AnswerCount& c : group.front().counts) {
    columns.push_back({1.15, true});
    header.push_back(M(c.label));
  }
  columns.push_back({1.0, true});
  header.push_back("No answer");
  std::vector<std::vector<std::string>> rows;
  for (const StatementAnswers& s : group) {
    std::vector<std::string> row = {absl::StrCat("<b>", M(s.code), "</b>  ", M(s.text))};
    for (const AnswerCount& c : s.counts) row.push_back(absl::StrCat(c.count));
    row.push_back(absl::StrCat(s.unanswered));
    rows.push_back(std::move(row));
  }
  f.Table(columns, header, rows, 8.5);
}

void StatementsBlock(const ResultsSection& r, FlowBuilder& f) {
  f.Heading("Answers to each statement");
  std::vector<std::string> codes;
  for (const SectionScoreLine& s : r.sections) codes.push_back(s.code);
  for (const StatementAnswers& s : r.statements) {
    const std::string c = SectionOfStatement(s.code);
    if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
  }
  for (const std::string& code : codes) {
    const std::vector<StatementAnswers> group = StatementsOf(r.statements, code);
    if (!group.empty()) StatementGroup(r, group, code, f);
  }
}

void LevelsBlock(const ResultsSection& r, FlowBuilder& f) {
  f.Heading("Levels compared");
  std::optional<Drawing> chart = LevelsChart(r.sections, r.levels);
  if (!chart) return f.Note("Fewer than two levels had enough respondents to be compared.");
  f.Chart(*std::move(chart), 1.0, "Mean total of each level; shaded zones are the bands.");
  std::vector<TableColumn> columns = {{3}, {0.6, true}};
  std::vector<std::string> header = {"Level", "n"};
  for (const SectionScoreLine& s : r.sections) {
    columns.push_back({0.7, true});
    header.push_back(M(s.code));
  }
  columns.push_back({0.8, true});
  header.push_back("All");
  std::vector<std::vector<std::string>> rows;
  for (const LevelMeanLine& l : r.levels) {
    std::vector<std::string> row = {M(l.level), absl::StrCat(l.n)};
    for (const std::optional<double>& m : l.section_means) row.push_back(MeanText(m));
    row.push_back(MeanText(l.aggregate_mean));
    rows.push_back(std::move(row));
  }
  f.Table(columns, header, rows);
}

std::vector<std::string> ChangeRow(const ChangeLine& c, bool bands) {
  // Sections compare medians (whole or half points), statements means.
  auto figure = bands ? FigureText : MeanText;
  std::vector<std::string> row = {absl::StrCat("<b>", M(c.code), "</b>  ", M(c.title)),
                                  figure(c.previous), figure(c.current), ChangeText(c.change)};
  if (bands) row.push_back(M(absl::StrCat(c.previous_band, " \u2192 ", c.current_band)));
  return row;
}

void ChangeBlock(const ResultsSection& r, FlowBuilder& f) {
  f.Heading("Change since the previous health check");
  if (!r.previous) return f.Note(r.previous_note);
  const PreviousHealthCheck& p = *r.previous;
  f.Para(absl::StrCat("Compared with the ", p.engagement_name, ", which ", p.previous_respondents,
                      " people answered."));
  f.KeepWithNext();
  f.Chart(*ChangeChart(r.sections, r.previous), 1.0,
          "Median total, previous and this health check.");
  std::vector<std::vector<std::string>> rows;
  for (const ChangeLine& c : p.sections) rows.push_back(ChangeRow(c, true));
  if (p.aggregate) rows.push_back(ChangeRow(*p.aggregate, true));
  f.Table({{3.2}, {1, true}, {1, true}, {0.9, true}, {2.2}},
          {M(Capitalised(r.section_term)), "Previous median", "Median now", "Change", "Band"}, rows,
          8.5);
  rows.clear();
  for (const ChangeLine& c : p.statements) rows.push_back(ChangeRow(c, false));
  f.Heading("Each statement", 10.5);
  f.Table({{5}, {1, true}, {1, true}, {0.9, true}},
          {"Statement", "Previous mean", "Mean now", "Change"}, rows, 8.5);
}

void CommentsBlock(const ResultsSection& r, FlowBuilder& f) {
  f.Heading("What respondents wrote");
  if (r.quotable_comments.empty()) return f.Note("No comments were chosen for quotation.");
  for (const std::string& c : r.quotable_comments) {
    f.Text(absl::StrCat("\u201c", M(c), "\u201d"),
           TextStyle{.italic = true, .left_rule = palette::kRule}, 6);
  }
}

void ResultsPart(const ResultsSection& r, FlowBuilder& f) {
  f.Part(2);
  if (!r.released) {
    f.Para(r.benchmark_name);
    f.Text(M(r.withheld_reason),
           TextStyle{.background = palette::kLightFill, .left_rule = palette::kSecondaryText}, 8);
    return;
  }
  f.Para(absl::StrCat(r.respondents, " people answered the questionnaire of the ",
                      r.benchmark_name, "."));
  ScoresBlock(r, f);
  StatementsBlock(r, f);
  LevelsBlock(r, f);
  ChangeBlock(r, f);
  CommentsBlock(r, f);
}

void Points(absl::string_view heading, const Colour& colour,
            const std::vector<FindingLine>& points, FlowBuilder& f) {
  if (points.empty()) return;
  f.Text(M(heading), TextStyle{.size = 10.5, .bold = true, .colour = colour}, 8, true);
  for (const FindingLine& p : points) {
    std::string markup = absl::StrCat("<b>", M(p.label), "  ", M(p.title), "</b>\n", M(p.narrative));
    if (!p.also_relates_to.empty()) {
      absl::StrAppend(&markup, "\n", Secondary(absl::StrCat("<small>", M(p.also_relates_to), "</small>")));
    }
    f.Text(markup, TextStyle{.left_rule = colour}, 6);
  }
}

void FindingsPart(const std::vector<PrincipleFindings>& findings, FlowBuilder& f) {
  f.Part(3);
  if (findings.empty()) f.Note("No findings were agreed.");
  for (const PrincipleFindings& p : findings) {
    f.Heading(p.heading);
    Points("Strengths", palette::kStrength, p.strengths, f);
    Points("Areas for development", Colour{180, 80, 20}, p.areas_for_development, f);
  }
}

void RecommendationsPart(const std::vector<RecommendationLine>& recs, FlowBuilder& f) {
  f.Part(4);
  if (recs.empty()) f.Note("No recommendations were made.");
  for (const RecommendationLine& r : recs) {
    std::string meta = absl::StrCat("Priority: ", r.priority);
    if (!r.answers.empty()) absl::StrAppend(&meta, " \u00b7 ", r.answers);
    f.Text(absl::StrCat("<span size=\"large\"><b>", M(r.label), "  ", M(r.title), "</b></span>\n",
                        Secondary(M(meta)), "\n", M(r.text)),
           TextStyle{.background = palette::kLightFill, .left_rule = palette::kBrand}, 10);
  }
}

void BandsTable(const std::vector<domain::Band>& bands, FlowBuilder& f) {
  std::vector<std::vector<std::string>> rows;
  for (const domain::Band& b : bands) {
    rows.push_back({M(TotalsText(b.min_score, b.max_score)), M(b.label), M(b.text)});
  }
  f.Table({{0.9, true}, {1.4}, {5}}, {"Totals", "Band", "Meaning"}, rows, 8.5);
}

void Statements(const std::vector<domain::Statement>& statements, FlowBuilder& f) {
  std::vector<std::vector<std::string>> rows;
  for (const domain::Statement& s : statements) {
    rows.push_back({absl::StrCat("<b>", M(s.code), "</b>"), M(s.text)});
  }
  f.Table({{1.3}, {8}}, {"", "Statement"}, rows, 9);
}

void AnnexPart(const domain::Framework& b, FlowBuilder& f) {
  f.Part(5);
  f.Text(absl::StrCat("<b>", M(b.display_name), "</b> (version ", b.version, ")"), TextStyle{});
  f.Para(b.description);
  f.Note(absl::StrCat("Source: ", b.source));
  f.Heading("The answer scale");
  std::vector<std::string> points;
  for (const domain::ScalePoint& p : b.scale.points) points.push_back(absl::StrCat(p.label, " (", p.value, ")"));
  f.Bullets(points);
  for (const domain::Section& s : b.sections) {
    f.Heading(absl::StrCat(Capitalised(b.section_term), " ", s.code, ": ", s.title));
    if (!s.description.empty()) {
      f.Text(M(s.description), TextStyle{.size = 9.5});
      f.KeepWithNext();
    }
    Statements(s.statements, f);
    BandsTable(s.bands, f);
  }
  if (!b.overall_statements.empty()) {
    f.Heading("Overall statements");
    Statements(b.overall_statements, f);
  }
  if (!b.aggregate_bands.empty()) {
    f.Heading(absl::StrCat("Bands of the total over every ", b.section_term));
    BandsTable(b.aggregate_bands, f);
  }
}

std::vector<FlowItem> Flow(const ReportDocument& d, std::map<std::string, int> pages) {
  FlowBuilder f(std::move(pages));
  TitlePage(d, f);
  ContentsPage(f);
  ScopePart(d.scope, f);
  MethodPart(d.method, f);
  ResultsPart(d.results, f);
  FindingsPart(d.findings, f);
  RecommendationsPart(d.recommendations, f);
  AnnexPart(d.benchmark, f);
  return f.Take();
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string Author(const ScopeSection& scope) {
  for (const TeamMemberLine& t : scope.team) {
    if (t.role == "Lead peer") return absl::StrCat(t.name, " (lead peer) and the peer team");
  }
  return "The health check's peer team";
}

// Lays the flow out until the contents' page numbers are those the layout
// gives (the contents page keeps its size, so the second pass settles it).
void DrawReport(cairo_t* cr, const ReportDocument& d) {
  const pdf::PageGeometry geometry;
  std::vector<FlowItem> flow = Flow(d, {});
  pdf::Layout layout = pdf::LayOut(cr, geometry, flow);
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<FlowItem> next_flow = Flow(d, layout.anchor_pages);
    pdf::Layout next = pdf::LayOut(cr, geometry, next_flow);
    const bool settled = next.anchor_pages == layout.anchor_pages;
    flow = std::move(next_flow);
    layout = std::move(next);
    if (settled) break;
  }
  pdf::DrawPages(cr, geometry, layout, {d.title, d.draft});
}

}  // namespace

absl::StatusOr<std::string> RenderReportPdf(const ReportDocument& d) {
  std::string out;
  const pdf::PageGeometry geometry;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &out, geometry.width, geometry.height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, ValidUtf8(d.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 ValidUtf8(Author(d.scope)).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
                                 ValidUtf8(d.subtitle).c_str());
  cairo_t* cr = cairo_create(surface);
  DrawReport(cr, d);
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    return absl::InternalError(absl::StrCat("the report's PDF could not be drawn: ",
                                            cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS
                                                                       ? drawn
                                                                       : finished)));
  }
  return out;
}

}  // namespace hc::report
