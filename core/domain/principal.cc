#include "core/domain/principal.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

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

absl::Status ValidateAccessToken(const AccessToken& token) {
  if (absl::Status s = CheckText("display_name", token.display_name, 1, 200); !s.ok()) {
    return s;
  }
  switch (token.role) {
    case Role::kProgrammeLead:
      if (!token.peer_id.empty() || !token.partnership_id.empty()) {
        return absl::InvalidArgumentError(
            "a programme lead's token takes neither peer nor partnership");
      }
      return absl::OkStatus();
    case Role::kPeer:
      if (token.peer_id.empty() || !token.partnership_id.empty()) {
        return absl::InvalidArgumentError("a peer's token needs peer and no partnership");
      }
      return absl::OkStatus();
    case Role::kPartnershipContact:
      if (token.partnership_id.empty() || !token.peer_id.empty()) {
        return absl::InvalidArgumentError(
            "a partnership contact's token needs partnership and no peer");
      }
      return absl::OkStatus();
    case Role::kUnspecified:
      break;
  }
  return absl::InvalidArgumentError(
      "role is required: ROLE_PROGRAMME_LEAD, ROLE_PEER or ROLE_PARTNERSHIP_CONTACT");
}

Principal PrincipalOf(const AccessToken& token) {
  return Principal{token.id, token.display_name, token.role, token.peer_id,
                   token.partnership_id};
}

std::string DescribeActor(const Principal& principal) {
  return absl::StrCat(principal.display_name, " (accessTokens/", principal.token_id, ")");
}

}  // namespace hc::domain
