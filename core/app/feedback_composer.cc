#include "core/app/feedback_composer.h"

#include "core/app/questionnaire_outcome.h"
#include "core/common/status_macros.h"

namespace hc::app {

absl::StatusOr<domain::InitialFeedback> ComposeFeedback(Repositories& repos,
                                                        const FrameworkCodec& codec,
                                                        const domain::Engagement& engagement,
                                                        absl::Time now) {
  const std::string& id = engagement.meta.id;
  HC_ASSIGN_OR_RETURN(domain::Framework framework,
                      LoadBenchmark(repos, codec, id, "to give feedback against"));
  HC_ASSIGN_OR_RETURN(domain::QuestionnaireOutcome outcome,
                      LoadQuestionnaireOutcome(repos, framework, id, now));
  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                      repos.partnerships().Get(engagement.partnership_id));
  HC_ASSIGN_OR_RETURN(std::vector<domain::ReviewFinding> findings, repos.findings().ListAll(id));
  return domain::ComposeInitialFeedback(framework, partnership.display_name, findings, outcome);
}

}  // namespace hc::app
