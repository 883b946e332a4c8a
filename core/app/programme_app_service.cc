#include "core/app/programme_app_service.h"

#include <algorithm>

#include "core/app/access_policy.h"
#include "core/common/status_macros.h"

namespace hc::app {

ProgrammeAppService::ProgrammeAppService(Store& store, Clock& clock)
    : store_(store), clock_(clock) {}

absl::StatusOr<ProgrammeOverview> ProgrammeAppService::Overview(
    const domain::Principal& principal, int expiring_within_days) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "GetProgrammeOverview"));
  if (expiring_within_days < 0 || expiring_within_days > 3650) {
    return absl::InvalidArgumentError("expiring_within_days must be 0-3650");
  }
  ProgrammeOverview overview;
  overview.as_of = clock_.Today();
  for (int s = static_cast<int>(domain::Stage::kScoping);
       s <= static_cast<int>(domain::Stage::kCancelled); ++s) {
    overview.stage_counts[static_cast<domain::Stage>(s)] = 0;
  }
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(auto counts, repos.engagements().CountByStage());
    for (const auto& [stage, n] : counts) overview.stage_counts[stage] = n;
    EngagementQuery overdue_query;
    overdue_query.overdue_on = overview.as_of;
    HC_ASSIGN_OR_RETURN(std::vector<domain::Engagement> late,
                        repos.engagements().ListAll(overdue_query));
    for (const domain::Engagement& e : late) {
      HC_ASSIGN_OR_RETURN(domain::Partnership p, repos.partnerships().Get(e.partnership_id));
      for (const domain::OverdueDate& d : domain::OverdueDates(e, overview.as_of)) {
        overview.overdue.push_back({e.meta.id, p.display_name, e.stage, d});
      }
    }
    HC_ASSIGN_OR_RETURN(overview.expiring,
                        repos.peers().ListExpiring(overview.as_of,
                                                   overview.as_of + expiring_within_days));
    return absl::OkStatus();
  }));
  std::stable_sort(overview.overdue.begin(), overview.overdue.end(),
                   [](const auto& a, const auto& b) { return a.overdue.date < b.overdue.date; });
  return overview;
}

}  // namespace hc::app
