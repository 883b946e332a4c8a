#include "core/domain/user.h"

#include <array>

#include "absl/strings/ascii.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<UserState>, 2> kStateNames{{
    {UserState::kActive, "ACTIVE"},
    {UserState::kSuspended, "SUSPENDED"},
}};

}  // namespace

absl::string_view UserStateName(UserState state) { return NameIn<UserState>(kStateNames, state); }
std::optional<UserState> ParseUserState(absl::string_view name) {
  return ValueIn<UserState>(kStateNames, name);
}

absl::Status ValidateUser(const User& user, bool email_optional) {
  if (absl::Status s = CheckText("display_name", user.display_name, 1, 200); !s.ok()) return s;
  if (!(email_optional && user.email.empty())) {
    if (absl::Status s = CheckText("email", user.email, 3, 254); !s.ok()) return s;
    if (!PlausibleEmail(user.email)) {
      return absl::InvalidArgumentError("email must be an email address, like name@example.org");
    }
  }
  return CheckRoleBinding(user.role, user.peer_id, user.partnership_id);
}

std::string EmailKey(absl::string_view email) { return absl::AsciiStrToLower(email); }

Principal PrincipalOf(const User& user, absl::string_view credential_id) {
  Principal p;
  p.token_id = std::string(credential_id);
  p.display_name = user.display_name;
  p.role = user.role;
  p.peer_id = user.peer_id;
  p.partnership_id = user.partnership_id;
  p.user_id = user.meta.id;
  return p;
}

bool IsUsable(const PasswordLink& link, absl::Time now) {
  return !link.use_time && now < link.expire_time;
}

}  // namespace hc::domain
