#include "core/app/engagement_view.h"

#include "core/common/status_macros.h"

namespace hc::app {

absl::StatusOr<std::vector<domain::Peer>> LoadTeamPeers(Repositories& repos,
                                                        const domain::Engagement& engagement) {
  std::vector<domain::Peer> peers;
  peers.reserve(engagement.team.size());
  for (const domain::TeamMember& m : engagement.team) {
    HC_ASSIGN_OR_RETURN(domain::Peer peer, repos.peers().Get(m.peer_id));
    peers.push_back(std::move(peer));
  }
  return peers;
}

absl::StatusOr<EngagementView> BuildEngagementView(Repositories& repos,
                                                   domain::Engagement engagement,
                                                   absl::CivilDay today) {
  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                      repos.partnerships().Get(engagement.partnership_id));
  HC_ASSIGN_OR_RETURN(std::vector<domain::Peer> peers, LoadTeamPeers(repos, engagement));
  EngagementView view;
  view.partnership_display_name = partnership.display_name;
  for (size_t i = 0; i < engagement.team.size(); ++i) {
    view.team.push_back({engagement.team[i], peers[i].display_name, peers[i].home_sector});
  }
  view.coverage = domain::ComputeTeamCoverage(partnership, engagement, peers);
  view.overdue = domain::OverdueDates(engagement, today);
  view.engagement = std::move(engagement);
  return view;
}

}  // namespace hc::app
