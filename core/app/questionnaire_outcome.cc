#include "core/app/questionnaire_outcome.h"

#include "absl/strings/str_cat.h"
#include "core/app/framework_app_service.h"
#include "core/common/status_macros.h"
#include "core/domain/disclosure.h"
#include "core/domain/questionnaire.h"
#include "core/domain/scoring.h"

namespace hc::app {

absl::StatusOr<domain::Framework> LoadBenchmark(Repositories& repos, const FrameworkCodec& codec,
                                                absl::string_view engagement_id,
                                                absl::string_view why_needed) {
  absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(engagement_id);
  if (absl::IsNotFound(q.status())) {
    return absl::FailedPreconditionError(
        absl::StrCat("engagements/", engagement_id, " has no questionnaire, so no benchmark ",
                     why_needed, "; set up the questionnaire first"));
  }
  HC_RETURN_IF_ERROR(q.status());
  return LoadFramework(repos, codec, q->framework_id, q->framework_version);
}

absl::StatusOr<domain::QuestionnaireOutcome> LoadQuestionnaireOutcome(
    Repositories& repos, const domain::Framework& framework, absl::string_view engagement_id,
    absl::Time now) {
  domain::QuestionnaireOutcome outcome;
  absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(engagement_id);
  if (absl::IsNotFound(q.status())) return outcome;
  HC_RETURN_IF_ERROR(q.status());
  outcome.exists = true;
  outcome.min_group_size = q->min_group_size;
  outcome.closed = domain::IsFinalAt(*q, now);
  HC_ASSIGN_OR_RETURN(int64_t invited, repos.invitations().Count(engagement_id));
  outcome.invited = static_cast<int>(invited);
  if (!outcome.closed) return outcome;
  HC_ASSIGN_OR_RETURN(std::vector<domain::Response> responses,
                      repos.responses().ListResponses(engagement_id));
  if (!domain::TotalReleasable(static_cast<int>(responses.size()), q->min_group_size)) {
    return outcome;
  }
  absl::StatusOr<domain::Results> results = domain::ScoreResponses(framework, responses);
  if (!results.ok()) return absl::DataLossError(results.status().message());
  outcome.results = *std::move(results);
  return outcome;
}

absl::StatusOr<bool> AnswersReleasable(Repositories& repos, absl::string_view engagement_id,
                                       const domain::Questionnaire& q, absl::Time now) {
  if (!domain::IsFinalAt(q, now)) return false;
  HC_ASSIGN_OR_RETURN(std::vector<domain::Response> responses,
                      repos.responses().ListResponses(engagement_id));
  return domain::TotalReleasable(static_cast<int>(responses.size()), q.min_group_size);
}

}  // namespace hc::app
