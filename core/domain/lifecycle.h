#ifndef HC_CORE_DOMAIN_LIFECYCLE_H_
#define HC_CORE_DOMAIN_LIFECYCLE_H_

#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "core/domain/engagement.h"
#include "core/domain/partnership.h"
#include "core/domain/peer.h"

namespace hc::domain {

// The explicit stage changes of an engagement (DOMAIN.md lifecycle).
enum class Transition {
  kBeginDeskResearch,   // SCOPING -> DESK_RESEARCH
  kOpenQuestionnaire,   // DESK_RESEARCH -> QUESTIONNAIRE
  kStartFieldwork,      // QUESTIONNAIRE -> FIELDWORK
  kGiveInitialFeedback, // FIELDWORK -> INITIAL_FEEDBACK
  kBeginReport,         // INITIAL_FEEDBACK -> REPORT
  kPublishReport,       // REPORT -> IMPROVEMENT_PLAN
  kBeginFollowUp,       // IMPROVEMENT_PLAN -> FOLLOW_UP
  kClose,               // FOLLOW_UP (or IMPROVEMENT_PLAN with a reason) -> CLOSED
  kCancel,              // any stage before CLOSED -> CANCELLED
};

// The API method's name, e.g. "StartFieldwork".
absl::string_view TransitionName(Transition transition);

// What later parts of the engagement (findings, report, improvement plan)
// contribute to the guards. Each area fills in its part.
struct LifecycleFacts {
  bool questionnaire_set_up = false;
  int agreed_findings = 0;
  bool report_ready = false;
  bool plan_approved = false;
};

// Everything a guard may look at.
struct TransitionInput {
  const Engagement& engagement;
  const Partnership& partnership;
  const std::vector<Peer>& team_peers;  // the peers on the team
  LifecycleFacts facts;
  absl::CivilDay today;
  // The reason given with the call; for GiveInitialFeedback, optional
  // closing remarks.
  absl::string_view reason;
};

// Returns the stage the transition leads to, or: INVALID_ARGUMENT when a
// required reason is missing or too long; FAILED_PRECONDITION naming the
// unmet condition (wrong stage, guard not met). Pure: changes nothing.
absl::StatusOr<Stage> CheckTransition(Transition transition,
                                      const TransitionInput& input);

// The smallest number of full members (lead peer included) for fieldwork.
inline constexpr int kMinFieldworkTeam = 2;

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_LIFECYCLE_H_
