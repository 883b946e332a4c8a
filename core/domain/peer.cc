#include "core/domain/peer.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/domain/validation.h"

namespace hc::domain {
absl::Status ValidatePeer(const Peer& peer) {
  if (absl::Status s = CheckText("display_name", peer.display_name, 1, 200); !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckText("email", peer.email, 3, 254); !s.ok()) return s;
  if (!PlausibleEmail(peer.email)) {
    return absl::InvalidArgumentError(
        absl::StrCat("email \"", peer.email, "\" is not an email address"));
  }
  if (absl::Status s = CheckText("home_organisation", peer.home_organisation, 1, 200);
      !s.ok()) {
    return s;
  }
  if (SectorName(peer.home_sector) == "UNKNOWN") {
    return absl::InvalidArgumentError("home_sector is required");
  }
  if (peer.accredited_date.has_value() != peer.accreditation_expiry_date.has_value()) {
    return absl::InvalidArgumentError(
        "accredited_date and accreditation_expiry_date go together: set both or neither");
  }
  if (peer.accredited_date && *peer.accreditation_expiry_date < *peer.accredited_date) {
    return absl::InvalidArgumentError(
        "accreditation_expiry_date is before accredited_date");
  }
  return CheckTextList("skills", peer.skills, 50, 100);
}

absl::Status CheckAccreditedThrough(const Peer& peer, absl::CivilDay first,
                                    absl::CivilDay last) {
  if (!peer.accredited_date) {
    return absl::FailedPreconditionError(
        absl::StrCat(DescribePeer(peer), " is not accredited"));
  }
  if (*peer.accredited_date > first) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%s is accredited only from %s, after %s", DescribePeer(peer),
        absl::FormatCivilTime(*peer.accredited_date), absl::FormatCivilTime(first)));
  }
  if (*peer.accreditation_expiry_date < last) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%s's accreditation expires on %s, before %s", DescribePeer(peer),
        absl::FormatCivilTime(*peer.accreditation_expiry_date),
        absl::FormatCivilTime(last)));
  }
  return absl::OkStatus();
}

std::string DescribePeer(const Peer& peer) {
  return absl::StrCat(peer.display_name, " (", peer.home_organisation, ")");
}

}  // namespace hc::domain
