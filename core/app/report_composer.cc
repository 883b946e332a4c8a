#include "core/app/report_composer.h"

#include <algorithm>
#include <cctype>
#include <tuple>
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/app/engagement_view.h"
#include "core/app/questionnaire_app_service.h"
#include "core/app/questionnaire_outcome.h"
#include "core/app/questionnaire_results_app_service.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"
#include "core/domain/initial_feedback.h"
#include "core/domain/questionnaire.h"
#include "core/domain/report_wording.h"

namespace hc::app {
namespace {

// A reason as a sentence of the report: "Withheld: no group of ... out."
std::string Sentence(absl::string_view reason) {
  std::string out(reason);
  if (!out.empty()) out[0] = absl::ascii_toupper(static_cast<unsigned char>(out[0]));
  if (!out.empty() && out.back() != '.') out.push_back('.');
  return out;
}

using report::ReportDocument;

report::ScopeSection Scope(const domain::Partnership& partnership,
                           const domain::Engagement& engagement,
                           const std::vector<domain::Peer>& peers) {
  report::ScopeSection scope;
  scope.partnership_name = partnership.display_name;
  for (const domain::MemberOrganisation& m : partnership.members) {
    scope.members.push_back({m.display_name, domain::SectorLabel(m.sector)});
  }
  std::sort(scope.members.begin(), scope.members.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  scope.purpose = domain::PurposeLabel(engagement.purpose);
  scope.issues = engagement.scoping.issues;
  scope.desired_outcomes = engagement.scoping.desired_outcomes;
  scope.arrangements = engagement.scoping.arrangements;
  const domain::KeyDates& d = engagement.key_dates;
  std::vector<std::pair<absl::CivilDay, std::string>> dates;
  for (const auto& [day, label] :
       std::vector<std::pair<std::optional<absl::CivilDay>, const char*>>{
           {d.questionnaire_open, "Questionnaire opens"},
           {d.questionnaire_close, "Questionnaire closes"},
           {d.fieldwork_day1, "Fieldwork day 1"},
           {d.fieldwork_day2, "Fieldwork day 2"},
           {d.fieldwork_day3, "Fieldwork day 3"},
           {d.feedback_date, "Initial feedback"},
           {d.report_due, "Report due"}}) {
    if (day) dates.emplace_back(*day, label);
  }
  std::stable_sort(dates.begin(), dates.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [day, label] : dates) scope.key_dates.push_back({label, domain::LongDate(day)});
  // Lead peer, then peers, then shadows, each in the team's order.
  for (domain::TeamRole role :
       {domain::TeamRole::kLeadPeer, domain::TeamRole::kPeer, domain::TeamRole::kShadow}) {
    for (const domain::TeamMember& member : engagement.team) {
      if (member.role != role) continue;
      for (const domain::Peer& peer : peers) {
        if (peer.meta.id != member.peer_id) continue;
        scope.team.push_back({peer.display_name, domain::TeamRoleLabel(role),
                              peer.home_organisation, domain::SectorLabel(peer.home_sector)});
      }
    }
  }
  return scope;
}

report::RateLine RateLineOf(const GroupRate& rate, absl::string_view label) {
  report::RateLine line;
  line.group = std::string(label);
  line.released = rate.released;
  if (rate.released) {
    line.invited = rate.invitations;
    line.responded = rate.responses;
  } else {
    line.withheld_reason = Sentence(rate.withheld_reason);
  }
  return line;
}

absl::Status FillRates(Repositories& repos, absl::string_view engagement_id,
                       const domain::Questionnaire& questionnaire, absl::Time now,
                       report::MethodSection& method) {
  HC_ASSIGN_OR_RETURN(std::vector<GroupTally> tallies, repos.invitations().Tally(engagement_id));
  const ResponseRates rates = ResponseRatesFrom(tallies, questionnaire.min_group_size,
                                                domain::IsFinalAt(questionnaire, now));
  method.min_group_size = rates.min_group_size;
  method.overall_rate = RateLineOf(rates.overall, "Overall");
  for (const GroupRate& r : rates.by_level) {
    method.rates_by_level.push_back(RateLineOf(r, domain::GroupLabel(r.group)));
  }
  for (const GroupRate& r : rates.by_sector) {
    method.rates_by_sector.push_back(RateLineOf(r, domain::GroupLabel(r.group)));
  }
  return absl::OkStatus();
}

absl::StatusOr<report::MethodSection> Method(Repositories& repos,
                                             const domain::Engagement& engagement,
                                             const domain::Questionnaire& questionnaire,
                                             absl::Time now) {
  const std::string& id = engagement.meta.id;
  report::MethodSection method;
  HC_ASSIGN_OR_RETURN(Page<domain::Document> documents,
                      repos.documents().List(id, {domain::kMaxDocuments, {}}));
  std::vector<domain::Document> read = std::move(documents.items);
  // Date order; undated documents last, each group by title.
  std::sort(read.begin(), read.end(), [](const domain::Document& a, const domain::Document& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date != b.date) return *a.date < *b.date;
    return std::tie(a.title, a.meta.id) < std::tie(b.title, b.meta.id);
  });
  for (const domain::Document& d : read) {
    method.documents_read.push_back(
        {d.title, d.source, d.date ? domain::LongDate(*d.date) : std::string()});
  }
  HC_ASSIGN_OR_RETURN(std::vector<domain::Activity> activities, repos.activities().ListAll(id));
  for (const domain::Activity& a : activities) {
    if (a.state != domain::ActivityState::kHeld) continue;
    method.activities_held.push_back({a.day, domain::ClockTime(a.start_minute),
                                      domain::ActivityKindLabel(a.kind), a.title,
                                      domain::ParticipantsLine(a.participants)});
  }
  HC_RETURN_IF_ERROR(FillRates(repos, id, questionnaire, now, method));
  return method;
}


report::SectionScoreLine ScoreLineOf(absl::string_view code, absl::string_view title,
                                     const domain::ScoreSummary& summary,
                                     const std::vector<domain::Band>& bands) {
  report::SectionScoreLine line;
  line.code = std::string(code);
  line.title = std::string(title);
  line.range_min = summary.range.min;
  line.range_max = summary.range.max;
  if (summary.statistics) {
    line.median = summary.statistics->median;
    line.mean = summary.statistics->mean;
    line.min = summary.statistics->min;
    line.max = summary.statistics->max;
    line.consensus = summary.statistics->consensus;
  }
  if (summary.band) line.band_label = summary.band->label;
  for (const domain::Band& b : bands) {
    line.bands.push_back({b.min_score, b.max_score, b.label, b.text});
  }
  std::sort(line.bands.begin(), line.bands.end(),
            [](const auto& a, const auto& b) { return a.min_score < b.min_score; });
  return line;
}

// Every statement's text by code, the overall statements included.
std::map<std::string, std::string> StatementTexts(const domain::Framework& framework) {
  std::map<std::string, std::string> texts;
  for (const domain::Section& section : framework.sections) {
    for (const domain::Statement& st : section.statements) texts[st.code] = st.text;
  }
  for (const domain::Statement& st : framework.overall_statements) texts[st.code] = st.text;
  return texts;
}

void FillScores(const QuestionnaireResultsView& view, report::ResultsSection& out) {
  const domain::Framework& framework = view.framework;
  const domain::Results& r = view.results;
  for (size_t i = 0; i < r.sections.size() && i < framework.sections.size(); ++i) {
    const domain::Section& section = framework.sections[i];
    out.sections.push_back(
        ScoreLineOf(section.code, section.title, r.sections[i].summary, section.bands));
  }
  out.aggregate = ScoreLineOf("", "All principles together", r.aggregate, framework.aggregate_bands);
  if (r.proposed_finding) {
    out.proposed_finding = absl::StrCat(r.proposed_finding->code, ": ", r.proposed_finding->text);
  }
  const std::map<std::string, std::string> texts = StatementTexts(framework);
  for (const domain::StatementDistribution& d : r.statements) {
    report::StatementAnswers answers;
    answers.code = d.statement_code;
    const auto text = texts.find(d.statement_code);
    if (text != texts.end()) answers.text = text->second;
    for (size_t i = 0; i < d.counts.size() && i < framework.scale.points.size(); ++i) {
      answers.counts.push_back(
          {framework.scale.points[i].label, framework.scale.points[i].value, d.counts[i]});
    }
    answers.unanswered = d.unanswered;
    out.statements.push_back(std::move(answers));
  }
  for (const GroupResults& level : view.by_level) {
    if (!level.released) continue;  // a withheld level shows nothing at all
    report::LevelMeanLine line{domain::GroupLabel(level.group), level.n, {}, std::nullopt};
    for (const domain::SectionScore& s : level.sections) {
      line.section_means.push_back(s.summary.statistics
                                       ? std::optional<double>(s.summary.statistics->mean)
                                       : std::nullopt);
    }
    if (level.aggregate.statistics) line.aggregate_mean = level.aggregate.statistics->mean;
    out.levels.push_back(std::move(line));
  }
}

report::ChangeLine ChangeLineOf(const ChangeRow& row, absl::string_view title) {
  report::ChangeLine line;
  line.code = row.section_code;
  line.title = std::string(title);
  line.previous = row.previous_median;
  line.current = row.current_median;
  line.change = row.change.median_change;
  if (row.change.previous_band) line.previous_band = row.change.previous_band->label;
  if (row.change.current_band) line.current_band = row.change.current_band->label;
  return line;
}

absl::StatusOr<report::PreviousHealthCheck> PreviousOf(Repositories& repos,
                                                       const PreviousComparison& comparison,
                                                       const domain::Framework& framework) {
  report::PreviousHealthCheck out;
  HC_ASSIGN_OR_RETURN(domain::Engagement previous,
                      repos.engagements().Get(comparison.previous_engagement_id));
  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                      repos.partnerships().Get(previous.partnership_id));
  out.engagement_name = absl::StrCat("Health check of ", partnership.display_name);
  if (previous.key_dates.fieldwork_day1) {
    const std::string date = domain::LongDate(*previous.key_dates.fieldwork_day1);
    absl::StrAppend(&out.engagement_name, " (fieldwork ", date.substr(date.find(' ') + 1), ")");
  }
  out.previous_respondents = comparison.previous_respondents;
  std::map<std::string, std::string> titles = StatementTexts(framework);
  for (const domain::Section& s : framework.sections) titles[s.code] = s.title;
  for (const ChangeRow& row : comparison.sections) {
    out.sections.push_back(ChangeLineOf(row, titles[row.section_code]));
  }
  out.aggregate = ChangeLineOf(comparison.aggregate, "All principles together");
  for (const StatementChangeRow& row : comparison.statements) {
    out.statements.push_back({row.statement_code, titles[row.statement_code], row.previous_mean,
                              row.current_mean, row.change, "", ""});
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> QuotableComments(Repositories& repos,
                                                          absl::string_view engagement_id) {
  std::vector<std::string> quotable;
  PageRequest page{500, std::nullopt};
  for (;;) {
    HC_ASSIGN_OR_RETURN(Page<domain::Comment> comments,
                        repos.responses().ListComments(engagement_id, page));
    for (const domain::Comment& c : comments.items) {
      if (c.quotable) quotable.push_back(c.text);
    }
    if (!comments.next) return quotable;
    page.after = comments.next;
  }
}

absl::StatusOr<report::ResultsSection> Results(Repositories& repos, const FrameworkCodec& codec,
                                               const domain::Engagement& engagement,
                                               const domain::Framework& framework,
                                               absl::Time now) {
  report::ResultsSection out;
  out.benchmark_name = absl::StrCat(framework.display_name, " (version ", framework.version, ")");
  out.section_term = framework.section_term.empty() ? "section" : framework.section_term;
  absl::StatusOr<QuestionnaireResultsView> view =
      ComputeResultsView(repos, codec, engagement, now);
  if (absl::IsFailedPrecondition(view.status())) {
    out.withheld_reason = "The questionnaire had not closed when this version was generated.";
    return out;
  }
  HC_RETURN_IF_ERROR(view.status());
  out.released = view->released;
  if (!view->released) {
    out.withheld_reason = Sentence(view->withheld_reason);
    return out;
  }
  out.respondents = view->results.respondents;
  FillScores(*view, out);
  if (view->previous) {
    HC_ASSIGN_OR_RETURN(out.previous, PreviousOf(repos, *view->previous, view->framework));
  } else {
    // The API's reason names resources; the partnership reads this instead.
    out.previous_note =
        engagement.previous_engagement_id.empty()
            ? "This is the partnership's first health check recorded here, so there is no "
              "earlier one to compare with."
            : "The earlier health check cannot be compared with this one: its questionnaire "
              "used another benchmark, had too few respondents to show, or is not complete.";
  }
  HC_ASSIGN_OR_RETURN(out.quotable_comments, QuotableComments(repos, engagement.meta.id));
  return out;
}

std::vector<report::PrincipleFindings> FindingsOf(const domain::Framework& framework,
                                                  absl::string_view partnership_name,
                                                  const std::vector<domain::ReviewFinding>& all) {
  // The initial feedback's grouping: by first principle in benchmark order,
  // strengths then areas, number order within each.
  const domain::InitialFeedback grouped =
      domain::ComposeInitialFeedback(framework, partnership_name, all, {});
  const auto lines = [&](const std::vector<domain::FeedbackPoint>& points) {
    std::vector<report::FindingLine> out;
    for (const domain::FeedbackPoint& p : points) {
      out.push_back({p.label, p.title, p.narrative,
                     domain::AlsoRelatesTo(p, grouped.section_term)});
    }
    return out;
  };
  std::vector<report::PrincipleFindings> out;
  for (const domain::PrincipleFeedback& p : grouped.principles) {
    out.push_back({domain::PrincipleHeading(grouped, p), lines(p.strengths),
                   lines(p.areas_for_development)});
  }
  return out;
}

absl::StatusOr<std::vector<report::RecommendationLine>> RecommendationsOf(
    Repositories& repos, absl::string_view engagement_id,
    const std::vector<domain::ReviewFinding>& findings) {
  std::map<std::string, int> number_of;
  for (const domain::ReviewFinding& f : findings) number_of[f.meta.id] = f.number;
  RecommendationQuery agreed;
  agreed.state = domain::ReviewState::kAgreed;
  HC_ASSIGN_OR_RETURN(Page<domain::Recommendation> found,
                      repos.recommendations().List(engagement_id, agreed,
                                                   {domain::kMaxRecommendations, {}}));
  std::vector<report::RecommendationLine> out;
  for (const domain::Recommendation& r : found.items) {
    std::vector<int> numbers;
    for (const std::string& id : r.finding_ids) numbers.push_back(number_of[id]);
    std::sort(numbers.begin(), numbers.end());
    std::vector<std::string> labels;
    for (int n : numbers) labels.push_back(domain::FindingLabel(n));
    std::string priority(domain::PriorityName(r.priority));
    std::transform(priority.begin() + 1, priority.end(), priority.begin() + 1,
                   [](char c) { return static_cast<char>(std::tolower(c)); });
    out.push_back({domain::RecommendationLabel(r.number), "", r.text, priority,
                   absl::StrCat("Answers ", absl::StrJoin(labels, ", "))});
  }
  return out;
}

void MarkDraft(ReportDocument& document, int number, absl::CivilDay today) {
  document.draft = true;
  document.date = domain::LongDate(today);
  document.status_line = absl::StrCat("Draft ", domain::ReportVersionLabel(number),
                                      " for review and factual-accuracy check, ", document.date);
}

// A length-prefixed serialisation: no value can run into the next, so two
// documents serialise alike only when every field is alike.
class Canon {
 public:
  Canon& Put(absl::string_view text) {
    absl::StrAppend(&out_, text.size(), ":", text, ";");
    return *this;
  }
  Canon& Put(int64_t value) { return Put(absl::StrCat(value)); }
  Canon& Put(const char* text) { return Put(absl::string_view(text)); }
  Canon& Put(bool value) { return Put(absl::string_view(value ? "1" : "0")); }
  Canon& Put(const std::optional<double>& value) {
    return Put(value ? absl::StrFormat("%.17g", *value) : std::string("-"));
  }
  template <typename T, typename F>
  Canon& List(const std::vector<T>& items, F put) {
    Put(static_cast<int64_t>(items.size()));
    for (const T& item : items) put(*this, item);
    return *this;
  }
  const std::string& out() const { return out_; }

 private:
  std::string out_;
};

void PutScope(Canon& out, const report::ScopeSection& s) {
  out.Put(s.partnership_name).Put(s.purpose).Put(s.arrangements);
  out.List(s.members, [](Canon& c, const auto& m) { c.Put(m.name).Put(m.sector); });
  out.List(s.issues, [](Canon& c, const std::string& t) { c.Put(t); });
  out.List(s.desired_outcomes, [](Canon& c, const std::string& t) { c.Put(t); });
  out.List(s.key_dates, [](Canon& c, const auto& f) { c.Put(f.label).Put(f.value); });
  out.List(s.team, [](Canon& c, const auto& t) {
    c.Put(t.name).Put(t.role).Put(t.organisation).Put(t.sector);
  });
}

void PutRate(Canon& out, const report::RateLine& r) {
  out.Put(r.group).Put(r.released).Put(int64_t{r.invited}).Put(int64_t{r.responded});
  out.Put(r.withheld_reason);
}

void PutMethod(Canon& out, const report::MethodSection& m) {
  out.List(m.documents_read, [](Canon& c, const auto& d) { c.Put(d.title).Put(d.source).Put(d.date); });
  out.List(m.activities_held, [](Canon& c, const auto& a) {
    c.Put(int64_t{a.day}).Put(a.time).Put(a.kind).Put(a.title).Put(a.participants);
  });
  out.Put(int64_t{m.min_group_size});
  PutRate(out, m.overall_rate);
  out.List(m.rates_by_level, PutRate);
  out.List(m.rates_by_sector, PutRate);
}

void PutScore(Canon& out, const report::SectionScoreLine& s) {
  out.Put(s.code).Put(s.title).Put(int64_t{s.range_min}).Put(int64_t{s.range_max});
  out.Put(s.median).Put(s.mean).Put(s.min).Put(s.max).Put(s.consensus).Put(s.band_label);
  out.List(s.bands, [](Canon& c, const auto& b) {
    c.Put(int64_t{b.min_score}).Put(int64_t{b.max_score}).Put(b.label).Put(b.text);
  });
}

void PutChange(Canon& out, const report::ChangeLine& l) {
  out.Put(l.code).Put(l.title).Put(l.previous).Put(l.current).Put(l.change);
  out.Put(l.previous_band).Put(l.current_band);
}

void PutResults(Canon& out, const report::ResultsSection& r) {
  out.Put(r.benchmark_name).Put(r.section_term).Put(r.released).Put(r.withheld_reason);
  out.Put(int64_t{r.respondents}).Put(r.proposed_finding).Put(r.previous_note);
  out.List(r.sections, PutScore);
  out.Put(r.aggregate.has_value());
  if (r.aggregate) PutScore(out, *r.aggregate);
  out.List(r.statements, [](Canon& c, const report::StatementAnswers& s) {
    c.Put(s.code).Put(s.text).Put(int64_t{s.unanswered});
    c.List(s.counts, [](Canon& k, const auto& a) {
      k.Put(a.label).Put(int64_t{a.value}).Put(int64_t{a.count});
    });
  });
  out.List(r.levels, [](Canon& c, const report::LevelMeanLine& l) {
    c.Put(l.level).Put(int64_t{l.n}).Put(l.aggregate_mean);
    c.List(l.section_means, [](Canon& k, const std::optional<double>& m) { k.Put(m); });
  });
  out.Put(r.previous.has_value());
  if (r.previous) {
    out.Put(r.previous->engagement_name).Put(int64_t{r.previous->previous_respondents});
    out.List(r.previous->sections, PutChange);
    out.Put(r.previous->aggregate.has_value());
    if (r.previous->aggregate) PutChange(out, *r.previous->aggregate);
    out.List(r.previous->statements, PutChange);
  }
  out.List(r.quotable_comments, [](Canon& c, const std::string& t) { c.Put(t); });
}

void PutFindings(Canon& out, const ReportDocument& d) {
  const auto put_line = [](Canon& c, const report::FindingLine& f) {
    c.Put(f.label).Put(f.title).Put(f.narrative).Put(f.also_relates_to);
  };
  out.List(d.findings, [&](Canon& c, const report::PrincipleFindings& p) {
    c.Put(p.heading).List(p.strengths, put_line).List(p.areas_for_development, put_line);
  });
  out.List(d.recommendations, [](Canon& c, const report::RecommendationLine& r) {
    c.Put(r.label).Put(r.title).Put(r.text).Put(r.priority).Put(r.answers);
  });
}

}  // namespace

absl::StatusOr<ReportDocument> ComposeReport(Repositories& repos, const FrameworkCodec& codec,
                                             const domain::Engagement& engagement, int number,
                                             absl::Time now, absl::CivilDay today) {
  const std::string& id = engagement.meta.id;
  HC_ASSIGN_OR_RETURN(domain::Framework framework,
                      LoadBenchmark(repos, codec, id, "to write the report against"));
  HC_ASSIGN_OR_RETURN(domain::Questionnaire questionnaire, repos.questionnaires().Get(id));
  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                      repos.partnerships().Get(engagement.partnership_id));
  HC_ASSIGN_OR_RETURN(std::vector<domain::Peer> peers, LoadTeamPeers(repos, engagement));
  ReportDocument document;
  document.title = absl::StrCat("Partnership health check: ", partnership.display_name);
  document.subtitle = absl::StrCat("Written report, ", domain::ReportVersionLabel(number));
  document.version = number;
  MarkDraft(document, number, today);
  document.scope = Scope(partnership, engagement, peers);
  HC_ASSIGN_OR_RETURN(document.method, Method(repos, engagement, questionnaire, now));
  HC_ASSIGN_OR_RETURN(document.results, Results(repos, codec, engagement, framework, now));
  HC_ASSIGN_OR_RETURN(std::vector<domain::ReviewFinding> findings, repos.findings().ListAll(id));
  document.findings = FindingsOf(framework, partnership.display_name, findings);
  HC_ASSIGN_OR_RETURN(document.recommendations, RecommendationsOf(repos, id, findings));
  document.benchmark = std::move(framework);
  return document;
}

void MarkPublished(ReportDocument& document, absl::CivilDay published_on) {
  document.draft = false;
  document.date = domain::LongDate(published_on);
  document.status_line = absl::StrCat("Published ", document.date);
}


std::string ReportFingerprint(const ReportDocument& document) {
  // The draft marking, status line and date say when and how the version
  // was issued, not what it says: they are left out.
  Canon c;
  c.Put("report-fingerprint-1").Put(document.title).Put(document.subtitle);
  c.Put(int64_t{document.version});
  PutScope(c, document.scope);
  PutMethod(c, document.method);
  PutResults(c, document.results);
  PutFindings(c, document);
  // A benchmark version in use never changes, so its name is its content.
  c.Put(document.benchmark.framework_id).Put(int64_t{document.benchmark.version});
  return crypto::Sha256Hex(c.out());
}

}  // namespace hc::app
