#include "services/questionnaire/results_mapping.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

std::string TitleOf(const domain::Framework& framework, const std::string& code) {
  for (const domain::Section& s : framework.sections) {
    if (s.code == code) return s.title;
  }
  return "";
}

void ToProto(const domain::TotalStatistics& s, v1::TotalStatistics* out) {
  out->set_n(s.n);
  out->set_mean(s.mean);
  out->set_median(s.median);
  out->set_min(s.min);
  out->set_max(s.max);
  out->set_q1(s.q1);
  out->set_q3(s.q3);
  out->set_iqr(s.iqr);
  out->set_consensus(s.consensus);
}

void ToProto(const domain::StatementDistribution& d, const domain::ResponseScale& scale,
             v1::StatementDistribution* out) {
  out->set_statement(d.statement_code);
  for (size_t i = 0; i < d.counts.size() && i < scale.points.size(); ++i) {
    v1::ScalePointCount* c = out->add_counts();
    c->set_label(scale.points[i].label);
    c->set_value(scale.points[i].value);
    c->set_count(d.counts[i]);
  }
  out->set_unanswered(d.unanswered);
}

void ToProto(const std::string& code, const std::string& title, const domain::ScoreSummary& s,
             v1::SectionResult* out) {
  out->set_section(code);
  out->set_title(title);
  out->set_range_min(s.range.min);
  out->set_range_max(s.range.max);
  out->set_incomplete(s.incomplete);
  if (s.statistics) ToProto(*s.statistics, out->mutable_statistics());
  if (s.banded_score) out->set_banded_score(*s.banded_score);
  if (s.band) {
    out->set_band_label(s.band->label);
    out->set_band_text(s.band->text);
  }
}

void ToProto(const std::string& code, const std::string& title, const domain::ScoreSummary& s,
             v1::GroupSectionResult* out) {
  out->set_section(code);
  out->set_title(title);
  if (s.statistics) {
    out->set_n(s.statistics->n);
    out->set_mean(s.statistics->mean);
    out->set_median(s.statistics->median);
  }
  if (s.band) {
    out->set_band_label(s.band->label);
    out->set_band_text(s.band->text);
  }
}

void ToProto(const app::GroupResults& g, const domain::Framework& framework,
             v1::GroupResults* out) {
  out->set_group(g.group);
  out->set_released(g.released);
  out->set_withheld_reason(g.withheld_reason);
  if (!g.released) return;  // no figure at all
  out->set_n(g.n);
  for (const domain::SectionScore& s : g.sections) {
    ToProto(s.section_code, TitleOf(framework, s.section_code), s.summary, out->add_sections());
  }
  ToProto("", "", g.aggregate, out->mutable_aggregate());
}

void ToProto(const app::SpreadRow& r, const domain::Framework& framework,
             v1::LevelSpreadRow* out) {
  out->set_section(r.row.section_code);
  out->set_title(TitleOf(framework, r.row.section_code));
  for (const domain::LevelMean& m : r.row.levels) {
    v1::LevelMean* level = out->add_levels();
    level->set_level(static_cast<v1::RespondentLevel>(m.level));
    level->set_n(m.n);
    level->set_mean(m.mean);
  }
  if (r.row.largest_difference) out->set_largest_difference(*r.row.largest_difference);
  if (r.row.highest) out->set_highest(static_cast<v1::RespondentLevel>(*r.row.highest));
  if (r.row.lowest) out->set_lowest(static_cast<v1::RespondentLevel>(*r.row.lowest));
  out->set_threshold(r.threshold);
  out->set_highlighted(r.highlighted);
}

void ToProto(const app::ChangeRow& r, const domain::Framework& framework, v1::ScoreChange* out) {
  out->set_section(r.section_code);
  out->set_title(TitleOf(framework, r.section_code));
  if (r.previous_median) out->set_previous_median(*r.previous_median);
  if (r.current_median) out->set_current_median(*r.current_median);
  if (r.change.previous_band) out->set_previous_band(r.change.previous_band->label);
  if (r.change.current_band) out->set_current_band(r.change.current_band->label);
  if (r.change.median_change) out->set_median_change(*r.change.median_change);
  if (r.change.mean_change) out->set_mean_change(*r.change.mean_change);
}

void ToProto(const app::PreviousComparison& p, const domain::Framework& framework,
             v1::ResultsChange* out) {
  out->set_previous_engagement(absl::StrCat("engagements/", p.previous_engagement_id));
  out->set_previous_framework(domain::FrameworkName(p.framework_id, p.framework_version));
  out->set_previous_respondents(p.previous_respondents);
  for (const app::ChangeRow& r : p.sections) ToProto(r, framework, out->add_sections());
  ToProto(p.aggregate, framework, out->mutable_aggregate());
  for (const app::StatementChangeRow& r : p.statements) {
    v1::StatementChange* row = out->add_statements();
    row->set_statement(r.statement_code);
    if (r.previous_mean) row->set_previous_mean(*r.previous_mean);
    if (r.current_mean) row->set_current_mean(*r.current_mean);
    if (r.change) row->set_mean_change(*r.change);
  }
}

void WeightedToProto(const domain::WeightedView& w, const domain::Framework& framework,
                     v1::WeightedResults* out) {
  for (const domain::SectionSignificance& s : w.sections) {
    v1::SectionSignificance* section = out->add_sections();
    section->set_section(s.section_code);
    section->set_title(TitleOf(framework, s.section_code));
    section->set_n(s.n);
    if (s.mean) section->set_mean(*s.mean);
  }
  if (w.weighted_aggregate) ToProto(*w.weighted_aggregate, out->mutable_weighted_aggregate());
}

}  // namespace

void ToProto(const app::QuestionnaireResultsView& view, v1::QuestionnaireResults* out) {
  const domain::Framework& framework = view.framework;
  out->set_name(absl::StrCat("engagements/", view.engagement_id, "/questionnaire"));
  out->set_framework(domain::FrameworkName(framework.framework_id, framework.version));
  out->set_min_group_size(view.min_group_size);
  out->set_released(view.released);
  out->set_withheld_reason(view.withheld_reason);
  if (!view.released) return;  // nothing at all below k
  const domain::Results& r = view.results;
  out->set_respondents(r.respondents);
  for (const domain::StatementDistribution& d : r.statements) {
    ToProto(d, framework.scale, out->add_statements());
  }
  for (const domain::SectionScore& s : r.sections) {
    ToProto(s.section_code, TitleOf(framework, s.section_code), s.summary, out->add_sections());
  }
  ToProto("", "", r.aggregate, out->mutable_aggregate());
  if (r.proposed_finding) {
    out->mutable_proposed_finding()->set_code(r.proposed_finding->code);
    out->mutable_proposed_finding()->set_text(r.proposed_finding->text);
  }
  if (r.weighted) WeightedToProto(*r.weighted, framework, out->mutable_weighted());
  for (const app::SpreadRow& row : view.spread_sections) {
    ToProto(row, framework, out->mutable_level_spread()->add_sections());
  }
  ToProto(view.spread_aggregate, framework, out->mutable_level_spread()->mutable_aggregate());
  for (const app::GroupResults& g : view.by_level) ToProto(g, framework, out->add_by_level());
  for (const app::GroupResults& g : view.by_sector) ToProto(g, framework, out->add_by_sector());
  for (const app::GroupResults& g : view.by_organisation) {
    ToProto(g, framework, out->add_by_organisation());
  }
  if (view.previous) {
    ToProto(*view.previous, framework, out->mutable_change_since_previous());
  }
  out->set_previous_comparison_note(view.previous_note);
}

}  // namespace hc::services
