#include "core/domain/partnership.h"

#include <algorithm>
#include <array>
#include <set>

#include "absl/strings/str_cat.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<PartnershipKind>, 5> kKindNames{{
    {PartnershipKind::kLsp, "LSP"},
    {PartnershipKind::kCsp, "CSP"},
    {PartnershipKind::kSsp, "SSP"},
    {PartnershipKind::kHealthAndWellbeing, "HEALTH_AND_WELLBEING"},
    {PartnershipKind::kOther, "OTHER"},
}};

constexpr std::array<EnumName<PartnershipLifecycleStage>, 6> kStageNames{{
    {PartnershipLifecycleStage::kUnspecified, "UNSPECIFIED"},
    {PartnershipLifecycleStage::kForming, "FORMING"},
    {PartnershipLifecycleStage::kFrustration, "FRUSTRATION"},
    {PartnershipLifecycleStage::kFunctioning, "FUNCTIONING"},
    {PartnershipLifecycleStage::kFlying, "FLYING"},
    {PartnershipLifecycleStage::kFailing, "FAILING"},
}};

constexpr size_t kMaxMembers = 100;

}  // namespace

absl::string_view PartnershipKindName(PartnershipKind kind) {
  return NameIn<PartnershipKind>(kKindNames, kind);
}
std::optional<PartnershipKind> ParsePartnershipKind(absl::string_view name) {
  return ValueIn<PartnershipKind>(kKindNames, name);
}
absl::string_view LifecycleStageName(PartnershipLifecycleStage stage) {
  return NameIn<PartnershipLifecycleStage>(kStageNames, stage);
}
std::optional<PartnershipLifecycleStage> ParseLifecycleStage(
    absl::string_view name) {
  return ValueIn<PartnershipLifecycleStage>(kStageNames, name);
}

absl::Status ValidatePartnership(const Partnership& p) {
  if (absl::Status s = CheckText("display_name", p.display_name, 1, 200); !s.ok()) {
    return s;
  }
  if (PartnershipKindName(p.kind) == "UNKNOWN") {
    return absl::InvalidArgumentError("kind is required");
  }
  if (absl::Status s = CheckText("area", p.area, 0, 200); !s.ok()) return s;
  if (LifecycleStageName(p.lifecycle_stage) == "UNKNOWN") {
    return absl::InvalidArgumentError("lifecycle_stage is not a known stage");
  }
  if (p.members.size() > kMaxMembers) {
    return absl::InvalidArgumentError(
        absl::StrCat("a partnership may have at most ", kMaxMembers, " members"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < p.members.size(); ++i) {
    const MemberOrganisation& m = p.members[i];
    const std::string field = absl::StrCat("members[", i, "]");
    if (absl::Status s = CheckText(absl::StrCat(field, ".display_name"),
                                   m.display_name, 1, 200);
        !s.ok()) {
      return s;
    }
    if (SectorName(m.sector) == "UNKNOWN") {
      return absl::InvalidArgumentError(absl::StrCat(field, ".sector is required"));
    }
    if (!seen.insert(NormaliseName(m.display_name)).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": \"", m.display_name, "\" is listed twice"));
    }
  }
  return absl::OkStatus();
}

bool HasMember(const Partnership& partnership, absl::string_view organisation) {
  const std::string wanted = NormaliseName(organisation);
  return std::any_of(partnership.members.begin(), partnership.members.end(),
                     [&](const MemberOrganisation& m) {
                       return NormaliseName(m.display_name) == wanted;
                     });
}

std::vector<Sector> MemberSectors(const Partnership& partnership) {
  std::set<Sector> sectors;
  for (const MemberOrganisation& m : partnership.members) sectors.insert(m.sector);
  return {sectors.begin(), sectors.end()};
}

}  // namespace hc::domain
