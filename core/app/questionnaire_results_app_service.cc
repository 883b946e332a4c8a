#include "core/app/questionnaire_results_app_service.h"

#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/framework_app_service.h"
#include "core/app/mutation.h"
#include "core/app/questionnaire_outcome.h"
#include "core/common/status_macros.h"
#include "core/domain/disclosure.h"
#include "core/domain/questionnaire.h"
#include "core/domain/report_wording.h"
#include "core/domain/submission.h"

namespace hc::app {
namespace {

using domain::Framework;
using domain::Response;

std::string NameOf(absl::string_view engagement_id) {
  return absl::StrCat("engagements/", engagement_id, "/questionnaire");
}

// Everything read in one snapshot: the questionnaire, its benchmark and
// responses, and the previous health check's if it may be compared.
struct Loaded {
  domain::Engagement engagement;
  domain::Questionnaire questionnaire;
  Framework framework;
  std::vector<Response> responses;
  std::vector<GroupTally> invited;  // every group invited, answered or not
  struct Previous {
    domain::Questionnaire questionnaire;
    Framework framework;
    std::vector<Response> responses;
  };
  std::optional<Previous> previous;
  std::string previous_note;
};

// Loads the previous health check's questionnaire when it may be compared
// (see the header), else says why not in `loaded.previous_note`.
absl::Status LoadPrevious(Repositories& repos, const FrameworkCodec& codec, absl::Time now,
                          Loaded& loaded) {
  const std::string& id = loaded.engagement.previous_engagement_id;
  if (id.empty()) {
    loaded.previous_note = "the engagement has no previous_engagement";
    return absl::OkStatus();
  }
  absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(id);
  if (absl::IsNotFound(q.status())) {
    loaded.previous_note = absl::StrCat("engagements/", id, " had no questionnaire");
    return absl::OkStatus();
  }
  HC_RETURN_IF_ERROR(q.status());
  if (!domain::IsFinalAt(*q, now)) {
    loaded.previous_note = absl::StrCat(NameOf(id), " is not closed");
    return absl::OkStatus();
  }
  if (q->framework_id != loaded.questionnaire.framework_id) {
    loaded.previous_note =
        absl::StrCat(NameOf(id), " used another benchmark (", q->framework_id, ")");
    return absl::OkStatus();
  }
  HC_ASSIGN_OR_RETURN(std::vector<Response> responses, repos.responses().ListResponses(id));
  if (!domain::TotalReleasable(static_cast<int>(responses.size()), q->min_group_size)) {
    loaded.previous_note = absl::StrCat(NameOf(id), " had fewer than its k respondents");
    return absl::OkStatus();
  }
  HC_ASSIGN_OR_RETURN(Framework framework,
                      LoadFramework(repos, codec, q->framework_id, q->framework_version));
  loaded.previous = Loaded::Previous{*std::move(q), std::move(framework), std::move(responses)};
  return absl::OkStatus();
}

// A stored response that does not fit its benchmark is a corrupt store. So
// is an incomplete one: Submit takes only complete responses, which is what
// makes every section's n its group's n, so that deciding the release of
// each group decides every figure shown for it.
absl::StatusOr<domain::Results> Score(const Framework& framework,
                                      const std::vector<Response>& responses) {
  for (size_t i = 0; i < responses.size(); ++i) {
    const absl::Status complete =
        domain::CheckComplete(framework, responses[i].answers, responses[i].significance);
    if (!complete.ok()) {
      return absl::DataLossError(
          absl::StrCat("a stored response is incomplete: ", complete.message()));
    }
  }
  absl::StatusOr<domain::Results> results = domain::ScoreResponses(framework, responses);
  if (!results.ok()) {
    return absl::DataLossError(
        absl::StrCat("a stored response does not fit its benchmark: ", results.status().message()));
  }
  return results;
}

// The figures of each group of one dimension, as decided.
absl::StatusOr<std::vector<GroupResults>> Breakdown(
    const Framework& framework, const std::vector<domain::ReleaseDecision>& decisions,
    std::map<std::string, std::vector<Response>>& members) {
  std::vector<GroupResults> out;
  for (const domain::ReleaseDecision& d : decisions) {
    GroupResults group;
    group.group = d.key;
    group.released = d.released;
    group.withheld_reason = d.reason;
    if (d.released) {
      HC_ASSIGN_OR_RETURN(domain::Results r, Score(framework, members[d.key]));
      group.n = r.respondents;
      group.sections = std::move(r.sections);
      group.aggregate = std::move(r.aggregate);
    }
    out.push_back(std::move(group));
  }
  return out;
}

std::string LevelKey(const Response& r) { return std::string(domain::RespondentLevelName(r.level)); }
std::string SectorKey(const Response& r) { return std::string(domain::SectorName(r.sector)); }

absl::Status FillBreakdowns(const Framework& framework, const std::vector<Response>& responses,
                            const std::vector<GroupTally>& invited, int k,
                            QuestionnaireResultsView& view) {
  std::map<std::string, std::vector<Response>> levels, organisations, sectors;
  std::map<std::string, std::string> sector_of;
  // Every invited group takes part in the decisions, answered or not, as in
  // the response rates: a group that nobody answered for is a group under k,
  // and leaving it out would let its emptiness be read off the others.
  for (const GroupTally& t : invited) {
    levels[std::string(domain::RespondentLevelName(t.group.level))];
    organisations[t.group.organisation];
    sectors[std::string(domain::SectorName(t.group.sector))];
    sector_of[t.group.organisation] = std::string(domain::SectorName(t.group.sector));
  }
  for (const Response& r : responses) {
    levels[LevelKey(r)].push_back(r);
    organisations[r.organisation].push_back(r);
    sectors[SectorKey(r)].push_back(r);
    sector_of[r.organisation] = SectorKey(r);
  }
  // Levels in their own order (board, management, front line), not by name.
  std::vector<domain::GroupCount> level_counts;
  for (domain::RespondentLevel level :
       {domain::RespondentLevel::kUnspecified, domain::RespondentLevel::kBoard,
        domain::RespondentLevel::kManagement, domain::RespondentLevel::kFrontLine}) {
    const auto it = levels.find(std::string(domain::RespondentLevelName(level)));
    if (it != levels.end()) {
      level_counts.push_back({it->first, static_cast<int>(it->second.size())});
    }
  }
  const std::vector<domain::ReleaseDecision> level_decisions =
      domain::DecideReleases(level_counts, k);
  HC_ASSIGN_OR_RETURN(view.by_level, Breakdown(framework, level_decisions, levels));

  std::vector<domain::NestedGroupCount> children;
  for (const auto& [organisation, members] : organisations) {
    children.push_back({organisation, sector_of[organisation], static_cast<int>(members.size())});
  }
  const domain::NestedReleaseDecisions nested = domain::DecideNestedReleases(children, k);
  HC_ASSIGN_OR_RETURN(view.by_organisation, Breakdown(framework, nested.children, organisations));
  HC_ASSIGN_OR_RETURN(view.by_sector, Breakdown(framework, nested.parents, sectors));

  // The spread compares released levels only.
  std::set<std::string> released;
  for (const domain::ReleaseDecision& d : level_decisions) {
    if (d.released) released.insert(d.key);
  }
  std::vector<Response> shown;
  for (const Response& r : responses) {
    if (released.count(LevelKey(r)) > 0) shown.push_back(r);
  }
  absl::StatusOr<domain::LevelSpread> spread = domain::SpreadBetweenLevels(framework, shown);
  if (!spread.ok()) return absl::DataLossError(spread.status().message());
  auto row = [](domain::LevelSpreadRow r, const std::vector<domain::Band>& bands,
                domain::ScoreRange range) {
    SpreadRow out;
    int narrowest = 0;
    for (const domain::Band& b : bands) {
      const int width = b.max_score - b.min_score + 1;
      if (width > 1 && (narrowest == 0 || width < narrowest)) narrowest = width;
    }
    out.threshold = narrowest > 0 ? narrowest : (range.max - range.min) / 4.0;
    out.highlighted = r.largest_difference.has_value() && *r.largest_difference >= out.threshold;
    out.row = std::move(r);
    return out;
  };
  for (size_t i = 0; i < spread->sections.size() && i < framework.sections.size(); ++i) {
    const domain::Section& s = framework.sections[i];
    view.spread_sections.push_back(
        row(spread->sections[i], s.bands, domain::SectionRange(s, framework.scale)));
  }
  view.spread_aggregate =
      row(spread->aggregate, framework.aggregate_bands, domain::AggregateRange(framework));
  return absl::OkStatus();
}

std::optional<double> MedianOf(const domain::ScoreSummary& summary) {
  if (!summary.statistics) return std::nullopt;
  return summary.statistics->median;
}

const domain::ScoreSummary* FindSection(const domain::Results& results, absl::string_view code) {
  for (const domain::SectionScore& s : results.sections) {
    if (s.section_code == code) return &s.summary;
  }
  return nullptr;
}

ChangeRow ChangeRowOf(const domain::ScoreChange& change, const domain::ScoreSummary* previous,
                      const domain::ScoreSummary* current) {
  ChangeRow row;
  row.section_code = change.section_code;
  if (previous != nullptr) row.previous_median = MedianOf(*previous);
  if (current != nullptr) row.current_median = MedianOf(*current);
  row.change = change;
  return row;
}

// Each current statement's mean answer against the previous one of the
// same code.
std::vector<StatementChangeRow> CompareStatements(const Loaded::Previous& previous,
                                                  const domain::Results& before,
                                                  const Framework& framework,
                                                  const domain::Results& current) {
  std::map<std::string, const domain::StatementDistribution*> earlier;
  for (const domain::StatementDistribution& d : before.statements) earlier[d.statement_code] = &d;
  std::vector<StatementChangeRow> rows;
  for (const domain::StatementDistribution& d : current.statements) {
    StatementChangeRow row;
    row.statement_code = d.statement_code;
    row.current_mean = domain::MeanAnswer(framework.scale, d);
    const auto it = earlier.find(d.statement_code);
    if (it != earlier.end()) row.previous_mean = domain::MeanAnswer(previous.framework.scale, *it->second);
    if (row.previous_mean && row.current_mean) row.change = *row.current_mean - *row.previous_mean;
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<PreviousComparison> Compare(const Loaded::Previous& previous,
                                           const std::string& previous_id,
                                           const Framework& framework,
                                           const domain::Results& current) {
  HC_ASSIGN_OR_RETURN(domain::Results before, Score(previous.framework, previous.responses));
  HC_ASSIGN_OR_RETURN(domain::ResultsChange change, domain::ChangeSince(before, current));
  PreviousComparison out;
  out.previous_engagement_id = previous_id;
  out.framework_id = previous.questionnaire.framework_id;
  out.framework_version = previous.questionnaire.framework_version;
  out.previous_respondents = before.respondents;
  for (const domain::ScoreChange& c : change.sections) {
    out.sections.push_back(ChangeRowOf(c, FindSection(before, c.section_code),
                                       FindSection(current, c.section_code)));
  }
  out.aggregate = ChangeRowOf(change.aggregate, &before.aggregate, &current.aggregate);
  out.statements = CompareStatements(previous, before, framework, current);
  return out;
}

// The view of what was loaded, after disclosure control.
absl::StatusOr<QuestionnaireResultsView> Decide(Loaded loaded) {
  QuestionnaireResultsView view;
  view.engagement_id = loaded.engagement.meta.id;
  view.min_group_size = loaded.questionnaire.min_group_size;
  const int k = view.min_group_size;
  view.released = domain::TotalReleasable(static_cast<int>(loaded.responses.size()), k);
  if (!view.released) {
    view.withheld_reason = domain::WithheldReason(k);
    view.framework = std::move(loaded.framework);
    view.results.framework_id = view.framework.framework_id;
    view.results.framework_version = view.framework.version;
    return view;  // nothing at all below k
  }
  HC_ASSIGN_OR_RETURN(view.results, Score(loaded.framework, loaded.responses));
  HC_RETURN_IF_ERROR(
      FillBreakdowns(loaded.framework, loaded.responses, loaded.invited, k, view));
  if (loaded.previous) {
    HC_ASSIGN_OR_RETURN(view.previous, Compare(*loaded.previous,
                                               loaded.engagement.previous_engagement_id,
                                               loaded.framework, view.results));
  } else {
    view.previous_note = loaded.previous_note;
  }
  view.framework = std::move(loaded.framework);
  return view;
}

}  // namespace

absl::StatusOr<QuestionnaireResultsView> ComputeResultsView(Repositories& repos,
                                                            const FrameworkCodec& codec,
                                                            const domain::Engagement& engagement,
                                                            absl::Time now) {
  const std::string& engagement_id = engagement.meta.id;
  Loaded loaded;
  loaded.engagement = engagement;
  absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(engagement_id);
  if (absl::IsNotFound(q.status())) {
    return absl::NotFoundError(absl::StrCat("engagements/", engagement_id,
                                            " has no questionnaire, so no results"));
  }
  HC_RETURN_IF_ERROR(q.status());
  loaded.questionnaire = *std::move(q);
  if (!domain::IsFinalAt(loaded.questionnaire, now)) {
    return absl::FailedPreconditionError(absl::StrCat(
        NameOf(engagement_id), " is not closed; its results can be read once it closes"));
  }
  HC_ASSIGN_OR_RETURN(loaded.framework,
                      LoadFramework(repos, codec, loaded.questionnaire.framework_id,
                                    loaded.questionnaire.framework_version));
  HC_ASSIGN_OR_RETURN(loaded.responses, repos.responses().ListResponses(engagement_id));
  HC_ASSIGN_OR_RETURN(loaded.invited, repos.invitations().Tally(engagement_id));
  HC_RETURN_IF_ERROR(LoadPrevious(repos, codec, now, loaded));
  return Decide(std::move(loaded));
}

QuestionnaireResultsAppService::QuestionnaireResultsAppService(Store& store, Clock& clock,
                                                               const FrameworkCodec& codec)
    : store_(store), clock_(clock), codec_(codec) {}

absl::StatusOr<QuestionnaireResultsView> QuestionnaireResultsAppService::GetResults(
    const domain::Principal& principal, absl::string_view engagement_id) {
  QuestionnaireResultsView view;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement engagement,
                        LoadEngagement(repos, principal, engagement_id, EngagementAccess::kTeam,
                                       "GetQuestionnaireResults"));
    HC_ASSIGN_OR_RETURN(view, ComputeResultsView(repos, codec_, engagement, clock_.Now()));
    return absl::OkStatus();
  }));
  return view;
}

absl::Status QuestionnaireResultsAppService::CheckClosedForTeam(
    Repositories& repos, const domain::Principal& principal, absl::string_view engagement_id,
    EngagementAccess access, absl::string_view action, absl::string_view what) {
  HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, access, action).status());
  absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(engagement_id);
  if (absl::IsNotFound(q.status())) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, " has no questionnaire, so no ", what));
  }
  HC_RETURN_IF_ERROR(q.status());
  if (!domain::IsFinalAt(*q, clock_.Now())) {
    return absl::FailedPreconditionError(absl::StrCat(
        NameOf(engagement_id), " is not closed; its ", what, " can be read once it closes"));
  }
  // Below k nothing is shown, as with the figures: a few people's words
  // could be traced to them as easily as their scores.
  HC_ASSIGN_OR_RETURN(const bool releasable, AnswersReleasable(repos, engagement_id, *q, clock_.Now()));
  if (!releasable) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the ", what, " of ", NameOf(engagement_id), " are not shown, so that none can be "
        "traced to a person: ", domain::WithheldReason(q->min_group_size)));
  }
  return absl::OkStatus();
}

absl::StatusOr<Page<domain::Comment>> QuestionnaireResultsAppService::ListComments(
    const domain::Principal& principal, absl::string_view engagement_id,
    const PageRequest& page) {
  Page<domain::Comment> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(CheckClosedForTeam(repos, principal, engagement_id,
                                          EngagementAccess::kTeam, "ListComments", "comments"));
    HC_ASSIGN_OR_RETURN(result, repos.responses().ListComments(engagement_id, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<domain::GatheredAction>> QuestionnaireResultsAppService::ListActions(
    const domain::Principal& principal, absl::string_view engagement_id,
    const PageRequest& page) {
  Page<domain::GatheredAction> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(CheckClosedForTeam(repos, principal, engagement_id,
                                          EngagementAccess::kTeam, "ListActionEntries",
                                          "action entries"));
    HC_ASSIGN_OR_RETURN(result, repos.responses().ListActions(engagement_id, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<domain::Comment> QuestionnaireResultsAppService::SetCommentQuotable(
    const domain::Principal& principal, absl::string_view engagement_id,
    absl::string_view comment_id, bool quotable) {
  constexpr absl::string_view kAction = "SetCommentQuotable";
  domain::Comment result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    // A peer on the team, not a shadow and not the programme lead.
    HC_RETURN_IF_ERROR(CheckClosedForTeam(repos, principal, engagement_id,
                                          EngagementAccess::kTeam, kAction, "comments"));
    HC_RETURN_IF_ERROR(
        LoadEngagement(repos, principal, engagement_id, EngagementAccess::kContribute, kAction)
            .status());
    absl::StatusOr<domain::Comment> comment =
        repos.responses().SetQuotable(engagement_id, comment_id, quotable);
    if (absl::IsNotFound(comment.status())) {
      return absl::NotFoundError(
          absl::StrCat(NameOf(engagement_id), "/comments/", comment_id, " does not exist"));
    }
    HC_ASSIGN_OR_RETURN(result, std::move(comment));
    return Audit(repos, principal, kAction,
                 absl::StrCat(NameOf(engagement_id), "/comments/", comment_id), clock_.Now());
  }));
  return result;
}

}  // namespace hc::app
