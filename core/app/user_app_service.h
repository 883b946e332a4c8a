#ifndef HC_CORE_APP_USER_APP_SERVICE_H_
#define HC_CORE_APP_USER_APP_SERVICE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/field_mask.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/app/sign_in_throttle.h"
#include "core/domain/principal.h"
#include "core/domain/session.h"
#include "core/domain/user.h"

namespace hc::app {

// A person as invited, or given a new link: the record and the link's
// secret, which exists nowhere else.
struct InvitedUser {
  domain::User user;
  std::string link_secret;
  absl::Time link_expire_time;
};

// A session as begun: the record and its secret, for the browser's cookie.
struct BegunSession {
  domain::Session session;
  domain::User user;
  std::string secret;
};

// People, their passwords and their sessions. Thread-safe.
//
// Only programme leads invite, edit, suspend and reactivate people and give
// them new set-password links; anyone reads and changes their own password
// and sessions. A set-password link is single-use, lasts 72 hours, and is
// replaced by the next one. Setting a password ends the person's sessions.
// Passwords are checked against domain::CheckNewPassword and stored only as
// Argon2id hashes. Every change, sign-in, failed sign-in and sign-out is
// audited; no password or secret ever is.
class UserAppService {
 public:
  UserAppService(Store& store, Clock& clock, IdSource& ids);

  // NOT_FOUND if the bound peer or partnership does not exist;
  // ALREADY_EXISTS if someone has the email.
  absl::StatusOr<InvitedUser> Invite(const domain::Principal& principal,
                                     const domain::User& input);
  // The programme lead, or the person themselves.
  absl::StatusOr<domain::User> Get(const domain::Principal& principal, absl::string_view id);
  absl::StatusOr<Page<domain::User>> List(const domain::Principal& principal,
                                          const PageRequest& page);
  // Changes the fields named by `mask` (display_name, email, role, peer,
  // partnership; the role and its binding together). ABORTED on a stale
  // version.
  absl::StatusOr<domain::User> Update(const domain::Principal& principal, absl::string_view id,
                                      const domain::User& input,
                                      const std::vector<std::string>& paths,
                                      std::optional<int64_t> expected_version);
  // Suspending ends the person's sessions; their tokens are refused while
  // suspended. FAILED_PRECONDITION if already in that state, or for one's
  // own account.
  absl::StatusOr<domain::User> Suspend(const domain::Principal& principal, absl::string_view id);
  absl::StatusOr<domain::User> Reactivate(const domain::Principal& principal,
                                          absl::string_view id);
  // A new set-password link (a reset); the person's older links stop working.
  absl::StatusOr<InvitedUser> NewPasswordLink(const domain::Principal& principal,
                                              absl::string_view id);

  // Whose a usable set-password link is (for the page that uses it).
  // FAILED_PRECONDITION as SetPassword for a link that cannot be used.
  absl::StatusOr<domain::User> LinkHolder(absl::string_view link_secret);
  // Sets the password of the link's person and uses the link up. `email` is
  // asked only of a person who has none yet (the first programme lead):
  // required then, ignored otherwise. FAILED_PRECONDITION, saying only that
  // the link cannot be used, for a link unknown, used, replaced or expired;
  // INVALID_ARGUMENT for a password the policy refuses.
  absl::StatusOr<domain::User> SetPassword(absl::string_view link_secret,
                                           absl::string_view password, absl::string_view email);
  // The person's own password, given the current one (INVALID_ARGUMENT if
  // it is wrong). Ends their other sessions.
  absl::StatusOr<domain::User> ChangePassword(const domain::Principal& principal,
                                              absl::string_view current,
                                              absl::string_view replacement);

  // Checks the email and password and begins a session. UNAUTHENTICATED with
  // one message for an unknown email, a wrong password, no password yet or a
  // suspended account; RESOURCE_EXHAUSTED while the throttle holds.
  // `client` is the browser's User-Agent, `address` the client's address.
  absl::StatusOr<BegunSession> SignIn(absl::string_view email, absl::string_view password,
                                      absl::string_view client, absl::string_view address);
  // Ends the caller's own session (a signed-in principal); nothing for a
  // token.
  absl::Status SignOut(const domain::Principal& principal);
  // The person's live sessions (the person or a programme lead).
  absl::StatusOr<Page<domain::Session>> ListSessions(const domain::Principal& principal,
                                                     absl::string_view user_id,
                                                     const PageRequest& page);
  absl::StatusOr<domain::Session> EndSession(const domain::Principal& principal,
                                             absl::string_view user_id,
                                             absl::string_view session_id);

  // When no programme lead can sign in (a new store, or one from before
  // accounts), makes sure one exists (a new "Programme lead" on an empty
  // store) and gives them a new set-password link, handed to `deliver`
  // before committing: if `deliver` fails, nothing is kept. Returns whether
  // a link was made.
  absl::StatusOr<bool> BootstrapFirstLead(
      absl::FunctionRef<absl::Status(absl::string_view link_secret)> deliver);

 private:
  absl::StatusOr<InvitedUser> IssueLink(Repositories& repos, const domain::Principal& actor,
                                        const domain::User& user);
  absl::Status CheckSelfOrLead(const domain::Principal& principal, absl::string_view user_id,
                               absl::string_view action);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  SignInThrottle throttle_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_USER_APP_SERVICE_H_
