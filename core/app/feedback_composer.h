#ifndef HC_CORE_APP_FEEDBACK_COMPOSER_H_
#define HC_CORE_APP_FEEDBACK_COMPOSER_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/repositories.h"
#include "core/domain/engagement.h"
#include "core/domain/initial_feedback.h"

namespace hc::app {

// The engagement's initial feedback as it would be given at `now`: its
// agreed findings and its questionnaire's outcome (domain::
// ComposeInitialFeedback), not yet marked as given. FAILED_PRECONDITION
// without a questionnaire (no benchmark to give it against).
absl::StatusOr<domain::InitialFeedback> ComposeFeedback(Repositories& repos,
                                                        const FrameworkCodec& codec,
                                                        const domain::Engagement& engagement,
                                                        absl::Time now);

}  // namespace hc::app

#endif  // HC_CORE_APP_FEEDBACK_COMPOSER_H_
