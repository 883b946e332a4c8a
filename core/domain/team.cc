#include "core/domain/team.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/domain/validation.h"

namespace hc::domain {

absl::Status CheckNoConflict(const Partnership& partnership, const Peer& peer) {
  // Compared by look, not by code point: a name written with a no-break
  // space, a zero-width space or a Cyrillic letter is still the same body.
  const std::string home = ConfusableSkeleton(peer.home_organisation);
  const bool member = std::any_of(
      partnership.members.begin(), partnership.members.end(),
      [&](const MemberOrganisation& m) { return ConfusableSkeleton(m.display_name) == home; });
  if (!member) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrFormat(
      "%s works for \"%s\", a member of the partnership %s: conflict of interest",
      peer.display_name, peer.home_organisation, partnership.display_name));
}

absl::Status CheckAccreditedForFieldwork(const Engagement& engagement,
                                         const Peer& peer, absl::CivilDay today) {
  const KeyDates& d = engagement.key_dates;
  const absl::CivilDay first = d.fieldwork_day1.value_or(today);
  const absl::CivilDay last = d.fieldwork_day3.value_or(d.fieldwork_day1.value_or(today));
  absl::Status s = CheckAccreditedThrough(peer, first, last);
  if (s.ok()) return s;
  const std::string window =
      d.fieldwork_day1 ? absl::StrCat("fieldwork (", absl::FormatCivilTime(first),
                                      " to ", absl::FormatCivilTime(last), ")")
                       : "today (no fieldwork dates are set yet)";
  return absl::FailedPreconditionError(absl::StrCat(
      s.message(), ": a lead peer or peer must be accredited for ", window,
      "; add them as a shadow instead"));
}

absl::Status CheckCanJoinTeam(const Engagement& engagement,
                              const Partnership& partnership, const Peer& peer,
                              TeamRole role, absl::CivilDay today) {
  if (TeamRoleName(role) == "UNKNOWN") {
    return absl::InvalidArgumentError(
        "role is required: TEAM_ROLE_LEAD_PEER, TEAM_ROLE_PEER or TEAM_ROLE_SHADOW");
  }
  if (IsTerminal(engagement.stage)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "engagement engagements/", engagement.meta.id, " is ",
        StageName(engagement.stage), " and its team can no longer change"));
  }
  if (FindTeamMember(engagement, peer.meta.id) != nullptr) {
    return absl::AlreadyExistsError(absl::StrCat(
        DescribePeer(peer), " is already on the team; remove them first to change their role"));
  }
  if (absl::Status s = CheckNoConflict(partnership, peer); !s.ok()) return s;
  if (role == TeamRole::kLeadPeer) {
    if (!LeadPeerId(engagement).empty()) {
      return absl::FailedPreconditionError(
          "the team already has a lead peer; remove them first to name another");
    }
  }
  if (role == TeamRole::kShadow) return absl::OkStatus();
  return CheckAccreditedForFieldwork(engagement, peer, today);
}

TeamCoverage ComputeTeamCoverage(const Partnership& partnership,
                                 const Engagement& engagement,
                                 const std::vector<Peer>& team_peers) {
  TeamCoverage coverage;
  coverage.partnership_sectors = MemberSectors(partnership);
  std::set<Sector> team_sectors;
  for (const TeamMember& m : engagement.team) {
    if (m.role == TeamRole::kShadow) continue;
    if (const Peer* p = FindPeer(team_peers, m.peer_id)) team_sectors.insert(p->home_sector);
  }
  for (Sector s : coverage.partnership_sectors) {
    if (team_sectors.count(s)) {
      coverage.covered_sectors.push_back(s);
    } else {
      coverage.missing_sectors.push_back(s);
      coverage.warnings.push_back(absl::StrCat(
          "no lead peer or peer from the ", SectorWords(s),
          " sector, which the partnership includes"));
    }
  }
  return coverage;
}

const Peer* FindPeer(const std::vector<Peer>& peers, absl::string_view id) {
  auto it = std::find_if(peers.begin(), peers.end(),
                         [&](const Peer& p) { return p.meta.id == id; });
  return it == peers.end() ? nullptr : &*it;
}

}  // namespace hc::domain
