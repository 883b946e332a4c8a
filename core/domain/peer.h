#ifndef HC_CORE_DOMAIN_PEER_H_
#define HC_CORE_DOMAIN_PEER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "core/domain/resource.h"
#include "core/domain/sector.h"

namespace hc::domain {

// An accredited or trainee peer reviewer.
struct Peer {
  ResourceMeta meta;
  std::string display_name;
  std::string email;
  std::string home_organisation;
  Sector home_sector = Sector::kUnspecified;
  std::optional<absl::CivilDay> trained_date;
  std::optional<absl::CivilDay> accredited_date;
  // The last day on which the accreditation is valid.
  std::optional<absl::CivilDay> accreditation_expiry_date;
  std::vector<std::string> skills;
};

// Checks the client-supplied fields. Returns INVALID_ARGUMENT naming the
// first bad field.
absl::Status ValidatePeer(const Peer& peer);

// Returns OK if the peer's accreditation is valid on every day from `first`
// to `last`, else FAILED_PRECONDITION saying why (never accredited, not yet
// accredited, or expired) in words that name the peer.
absl::Status CheckAccreditedThrough(const Peer& peer, absl::CivilDay first,
                                    absl::CivilDay last);

// "Ann Smith (A Trust)": how messages name a peer to the people who read
// them, who know peers by name, not by id.
std::string DescribePeer(const Peer& peer);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_PEER_H_
