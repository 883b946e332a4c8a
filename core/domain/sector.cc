#include "core/domain/sector.h"

#include <array>

#include "core/domain/enum_names.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<Sector>, 9> kNames{{
    {Sector::kLocalGovernment, "LOCAL_GOVERNMENT"},
    {Sector::kHealth, "HEALTH"},
    {Sector::kPolice, "POLICE"},
    {Sector::kFireAndRescue, "FIRE_AND_RESCUE"},
    {Sector::kVoluntaryAndCommunity, "VOLUNTARY_AND_COMMUNITY"},
    {Sector::kHousing, "HOUSING"},
    {Sector::kBusiness, "BUSINESS"},
    {Sector::kEducation, "EDUCATION"},
    {Sector::kOther, "OTHER"},
}};

constexpr std::array<EnumName<Sector>, 9> kWords{{
    {Sector::kLocalGovernment, "local government"},
    {Sector::kHealth, "health"},
    {Sector::kPolice, "police"},
    {Sector::kFireAndRescue, "fire and rescue"},
    {Sector::kVoluntaryAndCommunity, "voluntary and community"},
    {Sector::kHousing, "housing"},
    {Sector::kBusiness, "business"},
    {Sector::kEducation, "education"},
    {Sector::kOther, "other"},
}};

}  // namespace

absl::string_view SectorName(Sector sector) {
  return NameIn<Sector>(kNames, sector);
}
std::optional<Sector> ParseSector(absl::string_view name) {
  return ValueIn<Sector>(kNames, name);
}
absl::string_view SectorWords(Sector sector) {
  return NameIn<Sector>(kWords, sector);
}

}  // namespace hc::domain
