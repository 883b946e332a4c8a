#ifndef HC_CORE_APP_ACCESS_APP_SERVICE_H_
#define HC_CORE_APP_ACCESS_APP_SERVICE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/functional/function_ref.h"
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

// Authentication and the access tokens. Thread-safe.
class AccessAppService {
 public:
  AccessAppService(Store& store, Clock& clock, IdSource& ids);

  // Resolves a bearer secret to its principal. UNAUTHENTICATED if the secret
  // is empty, unknown or revoked.
  absl::StatusOr<domain::Principal> Authenticate(absl::string_view secret);

  // Programme leads only. NOT_FOUND if the bound peer or partnership does not
  // exist.
  absl::StatusOr<IssuedToken> Create(const domain::Principal& principal,
                                     const domain::AccessToken& input);
  absl::StatusOr<Page<domain::AccessToken>> List(const domain::Principal& principal,
                                                 const PageRequest& page);
  // FAILED_PRECONDITION if already revoked.
  absl::StatusOr<domain::AccessToken> Revoke(const domain::Principal& principal,
                                             absl::string_view id);

  // On a store with no tokens at all, creates one programme-lead token named
  // `display_name` and hands its secret to `deliver` before committing: if
  // `deliver` fails, no token is kept. Returns whether a token was created.
  absl::StatusOr<bool> BootstrapIfEmpty(
      absl::string_view display_name,
      absl::FunctionRef<absl::Status(absl::string_view secret)> deliver);

 private:
  absl::StatusOr<IssuedToken> Issue(Repositories& repos, const domain::Principal& actor,
                                    const domain::AccessToken& input);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_ACCESS_APP_SERVICE_H_
