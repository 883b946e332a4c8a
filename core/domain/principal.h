#ifndef HC_CORE_DOMAIN_PRINCIPAL_H_
#define HC_CORE_DOMAIN_PRINCIPAL_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace hc::domain {

// The roles of DOMAIN.md that hold accounts. Values equal the API's.
// Respondents are never principals: an invitation is their only credential.
enum class Role {
  kUnspecified = 0,
  kProgrammeLead = 1,
  kPeer = 2,
  kPartnershipContact = 3,
};

absl::string_view RoleName(Role role);
std::optional<Role> ParseRole(absl::string_view name);

// Who is calling: the holder of one access token.
struct Principal {
  std::string token_id;
  std::string display_name;
  Role role = Role::kUnspecified;
  std::string peer_id;         // for kPeer
  std::string partnership_id;  // for kPartnershipContact
};

// A bearer token record. The secret itself is never stored.
struct AccessToken {
  std::string id;
  std::string display_name;
  Role role = Role::kUnspecified;
  std::string peer_id;
  std::string partnership_id;
  std::string secret_hash;  // hex SHA-256 of the secret
  absl::Time create_time = absl::UnixEpoch();
  std::optional<absl::Time> revoke_time;
};

// Checks display_name, role and that exactly the binding the role needs is
// set (peer for kPeer, partnership for kPartnershipContact). INVALID_ARGUMENT.
absl::Status ValidateAccessToken(const AccessToken& token);

Principal PrincipalOf(const AccessToken& token);

// "Ann Smith (accessTokens/t1)": how the audit log and history name an actor.
std::string DescribeActor(const Principal& principal);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_PRINCIPAL_H_
