#include "core/app/engagement_transition.h"

#include <string>
#include <vector>

#include "core/app/engagement_view.h"
#include "core/common/status_macros.h"
#include "core/domain/audit.h"

namespace hc::app {

absl::StatusOr<domain::LifecycleFacts> LoadLifecycleFacts(Repositories& repos,
                                                          const domain::Engagement& engagement) {
  domain::LifecycleFacts facts;
  facts.questionnaire_set_up = repos.questionnaires().Get(engagement.meta.id).ok();
  HC_ASSIGN_OR_RETURN(const int64_t agreed,
                      repos.findings().CountInState(engagement.meta.id,
                                                    domain::ReviewState::kAgreed));
  facts.agreed_findings = static_cast<int>(agreed);
  HC_ASSIGN_OR_RETURN(std::vector<domain::ReportVersion> reports,
                      repos.reports().ListAll(engagement.meta.id));
  for (const domain::ReportVersion& r : reports) {
    if (r.state == domain::ReportState::kPublished) facts.report_ready = true;
  }
  HC_ASSIGN_OR_RETURN(const std::optional<domain::ImprovementPlan> plan,
                      repos.plans().GetPlan(engagement.meta.id));
  facts.plan_approved = plan && plan->state == domain::PlanState::kApproved;
  return facts;
}

absl::StatusOr<domain::Stage> ApplyTransition(Repositories& repos,
                                              const domain::Principal& actor,
                                              absl::Time now, absl::CivilDay today,
                                              domain::Engagement& engagement,
                                              domain::Transition transition,
                                              absl::string_view reason,
                                              const domain::DueDateRules& rules) {
  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                      repos.partnerships().Get(engagement.partnership_id));
  HC_ASSIGN_OR_RETURN(std::vector<domain::Peer> peers, LoadTeamPeers(repos, engagement));
  HC_ASSIGN_OR_RETURN(domain::LifecycleFacts facts, LoadLifecycleFacts(repos, engagement));
  HC_ASSIGN_OR_RETURN(const domain::Stage to,
                      domain::CheckTransition(transition, {engagement, partnership, peers,
                                                           facts, today, reason}));
  const domain::Stage from = engagement.stage;
  engagement.stage = to;
  if (to == domain::Stage::kClosed || to == domain::Stage::kCancelled) {
    engagement.end_reason = std::string(reason);
  } else if (to == domain::Stage::kImprovementPlan && !engagement.key_dates.plan_due) {
    engagement.key_dates.plan_due = today + rules.plan_due_days();
  }
  HC_RETURN_IF_ERROR(repos.engagements().AppendStageChange(
      {engagement.meta.id, from, to, domain::DescribeActor(actor), now, std::string(reason),
       0}));
  return to;
}

}  // namespace hc::app
