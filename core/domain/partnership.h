#ifndef HC_CORE_DOMAIN_PARTNERSHIP_H_
#define HC_CORE_DOMAIN_PARTNERSHIP_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "core/domain/resource.h"
#include "core/domain/sector.h"

namespace hc::domain {

// Numeric values equal the API's.
enum class PartnershipKind {
  kUnspecified = 0,
  kLsp = 1,
  kCsp = 2,
  kSsp = 3,
  kHealthAndWellbeing = 4,
  kOther = 5,
};

// Where a partnership sees itself (seed 001). Numeric values equal the API's.
enum class PartnershipLifecycleStage {
  kUnspecified = 0,
  kForming = 1,
  kFrustration = 2,
  kFunctioning = 3,
  kFlying = 4,
  kFailing = 5,
};

absl::string_view PartnershipKindName(PartnershipKind kind);
std::optional<PartnershipKind> ParsePartnershipKind(absl::string_view name);
absl::string_view LifecycleStageName(PartnershipLifecycleStage stage);
std::optional<PartnershipLifecycleStage> ParseLifecycleStage(
    absl::string_view name);

struct MemberOrganisation {
  std::string display_name;
  Sector sector = Sector::kUnspecified;

  bool operator==(const MemberOrganisation&) const = default;
};

struct Partnership {
  ResourceMeta meta;
  std::string display_name;
  PartnershipKind kind = PartnershipKind::kUnspecified;
  std::string area;
  PartnershipLifecycleStage lifecycle_stage =
      PartnershipLifecycleStage::kUnspecified;
  std::vector<MemberOrganisation> members;
};

// Checks the client-supplied fields. Returns INVALID_ARGUMENT naming the
// first bad field.
absl::Status ValidatePartnership(const Partnership& partnership);

// True if `organisation` names one of the members (names compared with
// NormaliseName).
bool HasMember(const Partnership& partnership, absl::string_view organisation);

// The distinct sectors of the members, in enum order.
std::vector<Sector> MemberSectors(const Partnership& partnership);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_PARTNERSHIP_H_
