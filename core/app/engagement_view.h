#ifndef HC_CORE_APP_ENGAGEMENT_VIEW_H_
#define HC_CORE_APP_ENGAGEMENT_VIEW_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "core/app/ports/repositories.h"
#include "core/domain/engagement.h"
#include "core/domain/team.h"

namespace hc::app {

// A team member with what the API shows of their peer record.
struct TeamMemberView {
  domain::TeamMember member;
  std::string display_name;
  domain::Sector sector = domain::Sector::kUnspecified;
};

// An engagement as the API returns it: with its partnership's and team's
// names, the sector coverage and the overdue key dates as of today.
struct EngagementView {
  domain::Engagement engagement;
  std::string partnership_display_name;
  std::vector<TeamMemberView> team;
  domain::TeamCoverage coverage;
  std::vector<domain::OverdueDate> overdue;
};

// The peers on the engagement's team, in team order.
absl::StatusOr<std::vector<domain::Peer>> LoadTeamPeers(Repositories& repos,
                                                        const domain::Engagement& engagement);

// Builds the view; reads the partnership and the team's peers.
absl::StatusOr<EngagementView> BuildEngagementView(Repositories& repos,
                                                   domain::Engagement engagement,
                                                   absl::CivilDay today);

}  // namespace hc::app

#endif  // HC_CORE_APP_ENGAGEMENT_VIEW_H_
