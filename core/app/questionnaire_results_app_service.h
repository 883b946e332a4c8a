#ifndef HC_CORE_APP_QUESTIONNAIRE_RESULTS_APP_SERVICE_H_
#define HC_CORE_APP_QUESTIONNAIRE_RESULTS_APP_SERVICE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/access_policy.h"
#include "core/app/ports/store.h"
#include "core/domain/framework.h"
#include "core/domain/principal.h"
#include "core/domain/scoring.h"

namespace hc::app {

// One group of a breakdown (a level, a sector or a member organisation).
// A withheld group carries no figure at all: n is 0, `sections` is empty and
// `aggregate` has no statistics.
struct GroupResults {
  std::string group;  // level or sector name (e.g. "BOARD"), or organisation
  bool released = false;
  int n = 0;
  std::vector<domain::SectionScore> sections;  // benchmark order when released
  domain::ScoreSummary aggregate;
  std::string withheld_reason;  // the same text for every withheld group
};

// One row of the spread between released levels, with its highlight.
struct SpreadRow {
  domain::LevelSpreadRow row;
  // The difference that is highlighted: the width (max - min + 1) of the
  // narrowest band of more than one score of the section (or of the
  // aggregate bands): 6 per principle and 36 for the aggregate of the
  // assessment tool, i.e. levels whose typical totals sit a whole band
  // apart. Without such bands, a quarter of the possible range.
  double threshold = 0;
  bool highlighted = false;  // row.largest_difference >= threshold
};

// One section's (or the aggregate's) change since the previous health check.
struct ChangeRow {
  std::string section_code;  // empty for the aggregate
  std::optional<double> previous_median;
  std::optional<double> current_median;
  domain::ScoreChange change;  // differences and bands (domain::ChangeSince)
};

// One statement's change since the previous health check: the mean answer
// value (domain::MeanAnswer) then and now, matched by statement code.
struct StatementChangeRow {
  std::string statement_code;
  std::optional<double> previous_mean;  // unset when it was not asked or answered then
  std::optional<double> current_mean;
  std::optional<double> change;  // current - previous, when both are set
};

struct PreviousComparison {
  std::string previous_engagement_id;
  std::string framework_id;
  int framework_version = 0;
  int previous_respondents = 0;
  std::vector<ChangeRow> sections;  // the current benchmark's order
  ChangeRow aggregate;
  std::vector<StatementChangeRow> statements;  // the current results' statement order
};

// The results of one closed questionnaire after disclosure control.
struct QuestionnaireResultsView {
  std::string engagement_id;
  domain::Framework framework;  // the version answered: titles and labels
  int min_group_size = 0;       // k
  // False when fewer than k responded: then nothing below is filled
  // (results.respondents is 0 too).
  bool released = false;
  std::string withheld_reason;
  // The whole questionnaire: n, distributions, sections, aggregate, weighted
  // view and proposed finding.
  domain::Results results;
  std::vector<SpreadRow> spread_sections;  // benchmark order
  SpreadRow spread_aggregate;
  std::vector<GroupResults> by_level;         // level order
  std::vector<GroupResults> by_sector;        // first appearance (by organisation name)
  std::vector<GroupResults> by_organisation;  // organisation name order
  std::optional<PreviousComparison> previous;
  std::string previous_note;  // why `previous` is unset; empty when set
};

// The results of the engagement's questionnaire at `now` under the rules of
// QuestionnaireResultsAppService below, read in the caller's transaction
// without any access check (the caller makes it). NOT_FOUND without a
// questionnaire, FAILED_PRECONDITION until it is closed.
absl::StatusOr<QuestionnaireResultsView> ComputeResultsView(Repositories& repos,
                                                            const FrameworkCodec& codec,
                                                            const domain::Engagement& engagement,
                                                            absl::Time now);

// The questionnaire's results (DOMAIN.md: Benchmarks and scoring;
// Confidentiality). Rules:
// - Only the engagement's review team (lead peer, peers, shadows) may read
//   them (EngagementAccess::kTeam): not the programme lead, who may not see
//   answers, nor the partnership's contact. PERMISSION_DENIED otherwise (and
//   for an unknown engagement, except NOT_FOUND for a programme lead, as
//   everywhere).
// - NOT_FOUND when the engagement has no questionnaire; FAILED_PRECONDITION
//   until it is closed (results must not move while being read).
// - Fewer than k respondents overall (domain::TotalReleasable): nothing but
//   k and the withheld reason.
// - Levels are decided with domain::DecideReleases on response counts (the
//   level partition includes an unspecified level when there is one);
//   organisations and sectors together with domain::DecideNestedReleases.
//   A released group's figures are computed with domain::ScoreResponses
//   over its responses alone; a withheld group shows nothing.
// - Statement distributions only for the whole questionnaire.
// - The spread between levels (domain::SpreadBetweenLevels) only over the
//   responses of released levels.
// - The change since the previous health check only when the engagement
//   has a previous_engagement whose questionnaire is closed, is of the same
//   framework_id and has at least its own k respondents.
// INVALID_ARGUMENT / DATA_LOSS only if a stored response does not fit its
// benchmark (a defect). Thread-safe.
class QuestionnaireResultsAppService {
 public:
  QuestionnaireResultsAppService(Store& store, Clock& clock, const FrameworkCodec& codec);

  absl::StatusOr<QuestionnaireResultsView> GetResults(const domain::Principal& principal,
                                                      absl::string_view engagement_id);

  // The respondents' comments, unattributed, in random-key order (never by
  // group). Team only (PERMISSION_DENIED), after close (FAILED_PRECONDITION).
  absl::StatusOr<Page<domain::Comment>> ListComments(const domain::Principal& principal,
                                                     absl::string_view engagement_id,
                                                     const PageRequest& page);
  // The respondents' action entries, unattributed, by statement and then in
  // random-key order (never by group). Team only, after close, as comments.
  absl::StatusOr<Page<domain::GatheredAction>> ListActions(const domain::Principal& principal,
                                                           absl::string_view engagement_id,
                                                           const PageRequest& page);
  // Marks a comment quotable or not: the team's lead peer and peers only.
  // NOT_FOUND for an unknown comment.
  absl::StatusOr<domain::Comment> SetCommentQuotable(const domain::Principal& principal,
                                                     absl::string_view engagement_id,
                                                     absl::string_view comment_id,
                                                     bool quotable);

 private:
  // Checks that the principal is on the team (with `access`) and the
  // questionnaire has closed with at least k respondents; `what` names what
  // is asked for in errors ("comments").
  absl::Status CheckClosedForTeam(Repositories& repos, const domain::Principal& principal,
                                  absl::string_view engagement_id, EngagementAccess access,
                                  absl::string_view action, absl::string_view what);

  Store& store_;
  Clock& clock_;
  const FrameworkCodec& codec_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_QUESTIONNAIRE_RESULTS_APP_SERVICE_H_
