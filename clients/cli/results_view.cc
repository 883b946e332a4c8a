#include "clients/cli/results_view.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/output.h"
#include "clients/cli/values.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::string Num(double value) { return absl::StrFormat("%.1f", value); }

std::string Signed(double value) { return absl::StrFormat("%+.1f", value); }

// A level or sector name as its short label ("FRONT_LINE" -> "front line");
// an organisation as it is.
std::string GroupLabel(const google::protobuf::EnumDescriptor* type, const std::string& group) {
  if (type == nullptr) return group;
  absl::StatusOr<int> number = ParseEnumValue(*type, "", group);
  return number.ok() ? EnumLabel(*type, *number) : group;
}

std::string SectionLabel(const std::string& code, const std::string& title) {
  if (code.empty()) return "aggregate";
  return title.empty() ? code : absl::StrCat(code, " ", title);
}

std::string SectionsTable(const v1::QuestionnaireResults& r) {
  Table table({"SECTION", "N", "MEAN", "MEDIAN", "MIN", "MAX", "IQR", "CONSENSUS", "BAND"});
  std::vector<const v1::SectionResult*> rows;
  for (const v1::SectionResult& s : r.sections()) rows.push_back(&s);
  rows.push_back(&r.aggregate());
  for (const v1::SectionResult* s : rows) {
    if (!s->has_statistics()) {
      table.AddRow({SectionLabel(s->section(), s->title()), "0", "", "", "", "", "", "", ""});
      continue;
    }
    const v1::TotalStatistics& t = s->statistics();
    table.AddRow({SectionLabel(s->section(), s->title()), absl::StrCat(t.n()), Num(t.mean()),
                  Num(t.median()), Num(t.min()), Num(t.max()), Num(t.iqr()),
                  absl::StrFormat("%.2f", t.consensus()), s->band_label()});
  }
  return table.Render(2);
}

std::string WeightedText(const v1::WeightedResults& w) {
  Table table({"SECTION", "RATED BY", "MEAN SIGNIFICANCE"});
  for (const v1::SectionSignificance& s : w.sections()) {
    table.AddRow({SectionLabel(s.section(), s.title()), absl::StrCat(s.n()),
                  s.has_mean() ? absl::StrFormat("%.2f", s.mean()) : ""});
  }
  std::string text = table.Render(2);
  if (w.has_weighted_aggregate()) {
    const v1::TotalStatistics& t = w.weighted_aggregate();
    absl::StrAppend(&text, "  weighted aggregate: n ", t.n(), ", mean ", Num(t.mean()),
                    ", median ", Num(t.median()), ", IQR ", Num(t.iqr()), "\n");
  }
  return text;
}

std::string SpreadText(const v1::LevelSpread& spread) {
  Table table({"SECTION", "BOARD", "MANAGEMENT", "FRONT LINE", "LARGEST DIFF", ""});
  std::vector<const v1::LevelSpreadRow*> rows;
  for (const v1::LevelSpreadRow& row : spread.sections()) rows.push_back(&row);
  rows.push_back(&spread.aggregate());
  for (const v1::LevelSpreadRow* row : rows) {
    std::vector<std::string> cells{SectionLabel(row->section(), row->title()), "", "", ""};
    for (const v1::LevelMean& m : row->levels()) {
      const int column = static_cast<int>(m.level());
      if (column >= 1 && column <= 3) cells[column] = Num(m.mean());
    }
    cells.push_back(row->has_largest_difference() ? Num(row->largest_difference()) : "");
    cells.push_back(row->highlighted() ? absl::StrCat("<< at least ", Num(row->threshold()))
                                       : "");
    table.AddRow(std::move(cells));
  }
  return absl::StrCat(table.Render(2),
                      "  (mean totals of released levels; \"<<\" marks a difference of at least "
                      "one band)\n");
}

std::string GroupsText(const google::protobuf::RepeatedPtrField<v1::GroupResults>& groups,
                       const google::protobuf::EnumDescriptor* type) {
  if (groups.empty()) return "  (none)\n";
  // One column per section: median (band); then the aggregate.
  std::vector<std::string> header{"GROUP", "N"};
  const v1::GroupResults* first_released = nullptr;
  for (const v1::GroupResults& g : groups) {
    if (g.released()) {
      first_released = &g;
      break;
    }
  }
  if (first_released != nullptr) {
    for (const v1::GroupSectionResult& s : first_released->sections()) {
      header.push_back(absl::StrCat("S", s.section(), " MED"));
    }
  }
  header.push_back("AGGREGATE MEAN");
  header.push_back("AGGREGATE MEDIAN");
  header.push_back("BAND");
  Table table(header);
  std::string reason;
  for (const v1::GroupResults& g : groups) {
    std::vector<std::string> cells{GroupLabel(type, g.group())};
    if (!g.released()) {
      cells.resize(header.size(), "withheld");
      if (reason.empty()) reason = g.withheld_reason();
      table.AddRow(std::move(cells));
      continue;
    }
    cells.push_back(absl::StrCat(g.n()));
    for (const v1::GroupSectionResult& s : g.sections()) {
      cells.push_back(s.has_median() ? Num(s.median()) : "");
    }
    const v1::GroupSectionResult& a = g.aggregate();
    cells.push_back(a.has_mean() ? Num(a.mean()) : "");
    cells.push_back(a.has_median() ? Num(a.median()) : "");
    cells.push_back(a.band_label());
    cells.resize(header.size());
    table.AddRow(std::move(cells));
  }
  std::string text = table.Render(2);
  if (!reason.empty()) {
    for (const std::string& line : WrapLines(reason, 76)) absl::StrAppend(&text, "  ", line, "\n");
  }
  return text;
}

std::string ChangeText(const v1::QuestionnaireResults& r) {
  if (!r.has_change_since_previous()) {
    return absl::StrCat("  none: ", r.previous_comparison_note(), "\n");
  }
  const v1::ResultsChange& c = r.change_since_previous();
  Table table({"SECTION", "PREVIOUS MEDIAN", "BAND", "CURRENT MEDIAN", "BAND", "CHANGE"});
  std::vector<const v1::ScoreChange*> rows;
  for (const v1::ScoreChange& s : c.sections()) rows.push_back(&s);
  rows.push_back(&c.aggregate());
  for (const v1::ScoreChange* s : rows) {
    table.AddRow({SectionLabel(s->section(), s->title()),
                  s->has_previous_median() ? Num(s->previous_median()) : "", s->previous_band(),
                  s->has_current_median() ? Num(s->current_median()) : "", s->current_band(),
                  s->has_median_change() ? Signed(s->median_change()) : ""});
  }
  Table statements({"STATEMENT", "PREVIOUS MEAN", "CURRENT MEAN", "CHANGE"});
  for (const v1::StatementChange& s : c.statements()) {
    statements.AddRow({s.statement(), s.has_previous_mean() ? Num(s.previous_mean()) : "",
                       s.has_current_mean() ? Num(s.current_mean()) : "",
                       s.has_mean_change() ? Signed(s.mean_change()) : ""});
  }
  return absl::StrCat("  since ", c.previous_engagement(), " (", c.previous_respondents(),
                      " respondents, ", c.previous_framework(), ")\n", table.Render(2), "\n",
                      statements.Render(2));
}

}  // namespace

std::string QuestionnaireResultsText(const v1::QuestionnaireResults& r) {
  Fields fields;
  fields.Add("name", r.name());
  fields.Add("framework", r.framework());
  fields.Add("k (min group size)", absl::StrCat(r.min_group_size()));
  if (!r.released()) {
    fields.Add("respondents", "withheld");
    return absl::StrCat(fields.Render(), "\n", r.withheld_reason(), "\n");
  }
  fields.Add("respondents", absl::StrCat(r.respondents()));
  if (r.has_proposed_finding()) {
    fields.Add("proposed finding", absl::StrCat(r.proposed_finding().code(), ": ",
                                                r.proposed_finding().text()));
  }
  std::string text = fields.Render();
  absl::StrAppend(&text, Section("Sections (totals per respondent)", SectionsTable(r)));
  if (r.has_weighted()) absl::StrAppend(&text, Section("Significance", WeightedText(r.weighted())));
  absl::StrAppend(&text, Section("Spread between levels", SpreadText(r.level_spread())));
  absl::StrAppend(&text, Section("By level (section medians)",
                                 GroupsText(r.by_level(), v1::RespondentLevel_descriptor())));
  absl::StrAppend(&text, Section("By sector (section medians)",
                                 GroupsText(r.by_sector(), v1::Sector_descriptor())));
  absl::StrAppend(&text,
                  Section("By organisation (section medians)", GroupsText(r.by_organisation(), nullptr)));
  absl::StrAppend(&text, Section("Change since the previous health check", ChangeText(r)));
  return text;
}

}  // namespace hc::cli
