#ifndef HC_CORE_DOMAIN_TEAM_H_
#define HC_CORE_DOMAIN_TEAM_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "core/domain/engagement.h"
#include "core/domain/partnership.h"
#include "core/domain/peer.h"
#include "core/domain/sector.h"

namespace hc::domain {

// FAILED_PRECONDITION if the peer's home organisation is a member of the
// partnership (DOMAIN.md: conflict of interest).
absl::Status CheckNoConflict(const Partnership& partnership, const Peer& peer);

// Checks that a full member (lead peer or peer) is accredited for the
// engagement: through the three fieldwork days when they are set, else on
// `today` (and StartFieldwork checks again). FAILED_PRECONDITION otherwise.
absl::Status CheckAccreditedForFieldwork(const Engagement& engagement,
                                         const Peer& peer, absl::CivilDay today);

// Checks that `peer` may join the engagement's team in `role`:
// ALREADY_EXISTS if already on it; FAILED_PRECONDITION if the engagement has
// ended, the peer is conflicted, a lead peer is already named, or a full
// member is not accredited for the fieldwork dates; INVALID_ARGUMENT for an
// unspecified role. Messages say why and what to do.
absl::Status CheckCanJoinTeam(const Engagement& engagement,
                              const Partnership& partnership, const Peer& peer,
                              TeamRole role, absl::CivilDay today);

// How far the full members (lead peer and peers) represent the partnership's
// sectors. Shadows are trainees and do not count.
struct TeamCoverage {
  std::vector<Sector> partnership_sectors;
  std::vector<Sector> covered_sectors;
  std::vector<Sector> missing_sectors;
  std::vector<std::string> warnings;
};

// `team_peers` holds the peers on the engagement's team (in any order).
TeamCoverage ComputeTeamCoverage(const Partnership& partnership,
                                 const Engagement& engagement,
                                 const std::vector<Peer>& team_peers);

// The peer in `peers` with `id`, or nullptr.
const Peer* FindPeer(const std::vector<Peer>& peers, absl::string_view id);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_TEAM_H_
