#ifndef HC_CORE_APP_QUESTIONNAIRE_OUTCOME_H_
#define HC_CORE_APP_QUESTIONNAIRE_OUTCOME_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/repositories.h"
#include "core/domain/framework.h"
#include "core/domain/initial_feedback.h"
#include "core/domain/questionnaire.h"

// What the engagement's questionnaire contributes to evidence, findings and
// feedback, under the same disclosure rule as its results.
namespace hc::app {

// The benchmark of the engagement's questionnaire: FAILED_PRECONDITION
// saying `why_needed` ("to tag notes with") when it has none.
absl::StatusOr<domain::Framework> LoadBenchmark(Repositories& repos, const FrameworkCodec& codec,
                                                absl::string_view engagement_id,
                                                absl::string_view why_needed);

// The questionnaire's outcome at `now`: whether it exists and has closed,
// how many were invited, and the whole questionnaire's results only when
// they may be shown (closed with k or more respondents,
// domain::TotalReleasable). DATA_LOSS if a stored response does not fit
// `framework`.
absl::StatusOr<domain::QuestionnaireOutcome> LoadQuestionnaireOutcome(
    Repositories& repos, const domain::Framework& framework, absl::string_view engagement_id,
    absl::Time now);

// Whether anything of the respondents' answers (figures, comments, action
// entries) may reach the team: the engagement's questionnaire `q` has closed
// at `now` with k or more respondents (domain::TotalReleasable), the rule
// the results use.
absl::StatusOr<bool> AnswersReleasable(Repositories& repos, absl::string_view engagement_id,
                                       const domain::Questionnaire& q, absl::Time now);

}  // namespace hc::app

#endif  // HC_CORE_APP_QUESTIONNAIRE_OUTCOME_H_
