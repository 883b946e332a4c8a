#ifndef HC_CORE_DOMAIN_SECTOR_H_
#define HC_CORE_DOMAIN_SECTOR_H_

#include <optional>
#include "absl/strings/string_view.h"

namespace hc::domain {

// The sector of an organisation (DOMAIN.md). Numeric values equal the API's.
enum class Sector {
  kUnspecified = 0,
  kLocalGovernment = 1,
  kHealth = 2,
  kPolice = 3,
  kFireAndRescue = 4,
  kVoluntaryAndCommunity = 5,
  kHousing = 6,
  kBusiness = 7,
  kEducation = 8,
  kOther = 9,
};

// Stable name, e.g. "FIRE_AND_RESCUE".
absl::string_view SectorName(Sector sector);
std::optional<Sector> ParseSector(absl::string_view name);
// Words for messages, e.g. "fire and rescue".
absl::string_view SectorWords(Sector sector);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_SECTOR_H_
