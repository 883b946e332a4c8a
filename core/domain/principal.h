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

// Who is calling: a person (users/{user_id}) through one credential, a
// session or an access token, with the person's role.
struct Principal {
  // The credential's id: what the call quota counts by.
  std::string token_id;
  std::string display_name;
  Role role = Role::kUnspecified;
  std::string peer_id;         // for kPeer
  std::string partnership_id;  // for kPartnershipContact
  // Empty only for the server itself (the first start's set-up).
  std::string user_id;
  // Whether the credential is a session (the person signed in with their
  // password) rather than an access token.
  bool signed_in = false;
};

// A personal access token, for hcctl and scripts: it acts as its owner, with
// the owner's role as it is at each call. The secret itself is never stored.
struct AccessToken {
  std::string id;
  std::string user_id;
  // What the owner calls it ("my laptop"), 1-200 characters.
  std::string display_name;
  std::string secret_hash;  // hex SHA-256 of the secret
  absl::Time create_time = absl::UnixEpoch();
  std::optional<absl::Time> revoke_time;
};

// Checks that `role` is set and has exactly the binding it needs (peer for
// kPeer, partnership for kPartnershipContact). INVALID_ARGUMENT.
absl::Status CheckRoleBinding(Role role, absl::string_view peer_id,
                              absl::string_view partnership_id);

// "Ann Smith (users/u1, sessions/s3)": how the audit log and history name
// an actor, with the credential that acted.
std::string DescribeActor(const Principal& principal);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_PRINCIPAL_H_
