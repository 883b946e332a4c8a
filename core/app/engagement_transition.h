#ifndef HC_CORE_APP_ENGAGEMENT_TRANSITION_H_
#define HC_CORE_APP_ENGAGEMENT_TRANSITION_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/app/ports/repositories.h"
#include "core/domain/engagement.h"
#include "core/domain/lifecycle.h"
#include "core/domain/principal.h"

namespace hc::app {

// What the stored findings, report and plan contribute to the lifecycle's
// guards (domain::LifecycleFacts), read in the caller's transaction.
absl::StatusOr<domain::LifecycleFacts> LoadLifecycleFacts(Repositories& repos,
                                                          const domain::Engagement& engagement);

// Checks `transition` against the engagement and the store, then applies it
// to `engagement`: the new stage, the end reason or the plan's default due
// date (`rules.plan_due_weeks` after today), and the recorded stage change (by `actor`, at `now`). The caller
// saves `engagement` in the same transaction. Returns the new stage, or
// FAILED_PRECONDITION / INVALID_ARGUMENT as domain::CheckTransition.
// Used by the engagement's own transition methods and by the areas whose
// action is a stage change (publishing the report, approving the plan).
absl::StatusOr<domain::Stage> ApplyTransition(Repositories& repos,
                                              const domain::Principal& actor,
                                              absl::Time now, absl::CivilDay today,
                                              domain::Engagement& engagement,
                                              domain::Transition transition,
                                              absl::string_view reason,
                                              const domain::DueDateRules& rules);

}  // namespace hc::app

#endif  // HC_CORE_APP_ENGAGEMENT_TRANSITION_H_
