#ifndef HC_CORE_APP_ACCESS_APP_SERVICE_H_
#define HC_CORE_APP_ACCESS_APP_SERVICE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/principal.h"

namespace hc::app {

// A token as created: the record and its secret, which exists nowhere else.
struct IssuedToken {
  domain::AccessToken token;
  std::string secret;
};

// Authentication, and personal access tokens. Thread-safe.
//
// A credential is a session's secret (from signing in) or an access
// token's. Either acts as its person, with the person's role as it is at
// that moment: a suspended person's credentials are refused at once.
class AccessAppService {
 public:
  AccessAppService(Store& store, Clock& clock, IdSource& ids);

  // Resolves a secret to its principal. UNAUTHENTICATED if the secret is
  // empty, unknown, revoked, ended or expired, or its person is suspended.
  // A session's activity is recorded to the minute (domain::Session).
  absl::StatusOr<domain::Principal> Authenticate(absl::string_view secret);

  // A token for the caller themselves, acting as them: nobody can create a
  // credential that acts as someone else. Only from a session (someone who
  // signed in with their password), never with another token, so that a
  // stolen token cannot make itself new ones. `display_name` says what it
  // is for.
  absl::StatusOr<IssuedToken> Create(const domain::Principal& principal,
                                     absl::string_view display_name);
  // The caller's own tokens; a programme lead may list everyone's
  // (`user_id` empty) or one person's.
  absl::StatusOr<Page<domain::AccessToken>> List(const domain::Principal& principal,
                                                 absl::string_view user_id,
                                                 const PageRequest& page);
  // The owner or a programme lead. FAILED_PRECONDITION if already revoked.
  absl::StatusOr<domain::AccessToken> Revoke(const domain::Principal& principal,
                                             absl::string_view id);

 private:
  Store& store_;
  Clock& clock_;
  IdSource& ids_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_ACCESS_APP_SERVICE_H_
