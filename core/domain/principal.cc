#include "core/domain/principal.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/domain/enum_names.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<Role>, 3> kRoleNames{{
    {Role::kProgrammeLead, "PROGRAMME_LEAD"},
    {Role::kPeer, "PEER"},
    {Role::kPartnershipContact, "PARTNERSHIP_CONTACT"},
}};

}  // namespace

absl::string_view RoleName(Role role) { return NameIn<Role>(kRoleNames, role); }
std::optional<Role> ParseRole(absl::string_view name) {
  return ValueIn<Role>(kRoleNames, name);
}

absl::Status CheckRoleBinding(Role role, absl::string_view peer_id,
                              absl::string_view partnership_id) {
  switch (role) {
    case Role::kProgrammeLead:
      if (!peer_id.empty() || !partnership_id.empty()) {
        return absl::InvalidArgumentError("a programme lead takes neither peer nor partnership");
      }
      return absl::OkStatus();
    case Role::kPeer:
      if (peer_id.empty() || !partnership_id.empty()) {
        return absl::InvalidArgumentError("a peer needs peer and no partnership");
      }
      return absl::OkStatus();
    case Role::kPartnershipContact:
      if (partnership_id.empty() || !peer_id.empty()) {
        return absl::InvalidArgumentError("a partnership contact needs partnership and no peer");
      }
      return absl::OkStatus();
    case Role::kUnspecified:
      break;
  }
  return absl::InvalidArgumentError(
      "role is required: ROLE_PROGRAMME_LEAD, ROLE_PEER or ROLE_PARTNERSHIP_CONTACT");
}

std::string DescribeActor(const Principal& principal) {
  if (principal.user_id.empty()) {
    return absl::StrCat(principal.display_name, " (", principal.token_id, ")");
  }
  return absl::StrCat(principal.display_name, " (users/", principal.user_id,
                      principal.signed_in ? ", sessions/" : ", accessTokens/", principal.token_id,
                      ")");
}

}  // namespace hc::domain
