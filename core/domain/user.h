#ifndef HC_CORE_DOMAIN_USER_H_
#define HC_CORE_DOMAIN_USER_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/domain/principal.h"
#include "core/domain/resource.h"

namespace hc::domain {

enum class UserState {
  kUnspecified = 0,
  kActive = 1,
  // May not sign in; their sessions are ended and their tokens refused.
  kSuspended = 2,
};

absl::string_view UserStateName(UserState state);
std::optional<UserState> ParseUserState(absl::string_view name);

// A person who signs in: a programme lead, a peer or a partnership contact.
// Their role and its binding are what every session and token of theirs
// acts with. Respondents are never users.
struct User {
  ResourceMeta meta;
  std::string display_name;
  // Unique, compared case-insensitively (EmailKey). Empty only for a person
  // carried over from a store older than accounts, or the first programme
  // lead before they set their password: neither can sign in until set.
  std::string email;
  Role role = Role::kUnspecified;
  std::string peer_id;         // for kPeer
  std::string partnership_id;  // for kPartnershipContact
  UserState state = UserState::kActive;
  // libsodium's encoded Argon2id hash (crypto::HashPassword); empty until
  // the person sets a password.
  std::string password_hash;
};

// Checks the name (1-200 characters), the email (a plausible address of at
// most 254 characters; empty only if `email_optional`) and that the role has
// exactly the binding it needs. INVALID_ARGUMENT.
absl::Status ValidateUser(const User& user, bool email_optional = false);

// The form in which email addresses are compared: ASCII lower case.
std::string EmailKey(absl::string_view email);

Principal PrincipalOf(const User& user, absl::string_view credential_id);

// A single-use link that lets its holder set the person's password: given
// when a programme lead invites someone or resets their password, and on a
// new store's first start. Its secret is stored only as a hash.
struct PasswordLink {
  std::string id;
  std::string user_id;
  std::string secret_hash;
  absl::Time create_time = absl::UnixEpoch();
  absl::Time expire_time = absl::UnixEpoch();
  std::optional<absl::Time> use_time;
};

inline constexpr absl::Duration kPasswordLinkLifetime = absl::Hours(72);

// Whether the link may still be used at `now`: unused and unexpired.
bool IsUsable(const PasswordLink& link, absl::Time now);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_USER_H_
