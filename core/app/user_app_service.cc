#include "core/app/user_app_service.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/mutation.h"
#include "core/common/status_macros.h"
#include "core/crypto/password_hash.h"
#include "core/crypto/secrets.h"
#include "core/domain/password_policy.h"
#include "core/domain/validation.h"

namespace hc::app {
namespace {

using domain::User;

std::string NameOf(absl::string_view id) { return absl::StrCat("users/", id); }

// A role with its binding: one field for an update mask, shown by the
// role's name (the binding's ids are not personal data).
constexpr FieldRule<User> kRoleRule{
    "role",
    [](const User& f, User& t) {
      t.role = f.role;
      t.peer_id = f.peer_id;
      t.partnership_id = f.partnership_id;
    },
    [](const User& v) {
      return absl::StrCat(domain::RoleName(v.role), v.peer_id.empty() ? "" : " peers/", v.peer_id,
                          v.partnership_id.empty() ? "" : " partnerships/", v.partnership_id);
    },
};

constexpr std::array<FieldRule<User>, 3> kUpdatable{{
    HC_UNLOGGED_FIELD_RULE(User, "display_name", display_name),
    HC_UNLOGGED_FIELD_RULE(User, "email", email),
    kRoleRule,
}};

absl::Status CheckBindingExists(Repositories& repos, const User& u) {
  if (!u.peer_id.empty()) {
    absl::Status s = repos.peers().Get(u.peer_id).status();
    if (absl::IsNotFound(s)) {
      return absl::NotFoundError(absl::StrCat("peers/", u.peer_id, " does not exist"));
    }
    HC_RETURN_IF_ERROR(s);
  }
  if (!u.partnership_id.empty()) {
    absl::Status s = repos.partnerships().Get(u.partnership_id).status();
    if (absl::IsNotFound(s)) {
      return absl::NotFoundError(
          absl::StrCat("partnerships/", u.partnership_id, " does not exist"));
    }
    HC_RETURN_IF_ERROR(s);
  }
  return absl::OkStatus();
}

// Managing people makes credentials for them (a set-password link) or
// changes who they are, so it takes a programme lead who signed in with
// their password: a stolen token cannot make itself a way back in.
absl::Status RequireSignedInProgrammeLead(const domain::Principal& principal,
                                          absl::string_view action) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, action));
  if (!principal.signed_in) {
    return absl::PermissionDeniedError(absl::StrCat(
        action, ": sign in with your password (the web app, or hcctl login --session); an access "
                "token cannot manage people"));
  }
  return absl::OkStatus();
}

absl::Status LinkUnusable() {
  return absl::FailedPreconditionError(
      "This link cannot be used: it may have been used already, replaced by a newer one, or be "
      "more than 72 hours old. Ask your programme lead for a new link.");
}

absl::Status BadCredentials() {
  return absl::UnauthenticatedError("The email address or password is not right.");
}

// Who a sign-in attempt is, for the audit log, before anyone is known.
domain::Principal Anonymous(absl::string_view address) {
  domain::Principal p;
  p.display_name = "sign-in attempt";
  p.token_id = absl::StrCat("from ", address.empty() ? "an unknown address" : address);
  return p;
}

const domain::Principal& Server() {
  static const auto* const server = [] {
    auto* p = new domain::Principal();
    p->display_name = "server";
    p->token_id = "first start";
    p->role = domain::Role::kProgrammeLead;
    return p;
  }();
  return *server;
}

}  // namespace

UserAppService::UserAppService(Store& store, Clock& clock, IdSource& ids)
    : store_(store), clock_(clock), ids_(ids) {}

absl::Status UserAppService::CheckSelfOrLead(const domain::Principal& principal,
                                             absl::string_view user_id,
                                             absl::string_view action) {
  if (principal.role == domain::Role::kProgrammeLead || principal.user_id == user_id) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat(action, ": only the person themselves or a programme lead may do this"));
}

absl::StatusOr<InvitedUser> UserAppService::IssueLink(Repositories& repos,
                                                      const domain::Principal& actor,
                                                      const User& user) {
  const absl::Time now = clock_.Now();
  HC_RETURN_IF_ERROR(repos.users().UseLinksOf(user.meta.id, now));
  HC_ASSIGN_OR_RETURN(std::string secret, crypto::NewSecret());
  domain::PasswordLink link;
  link.id = ids_.NewId();
  link.user_id = user.meta.id;
  link.secret_hash = crypto::Sha256Hex(secret);
  link.create_time = now;
  link.expire_time = now + domain::kPasswordLinkLifetime;
  HC_RETURN_IF_ERROR(repos.users().InsertLink(link));
  HC_RETURN_IF_ERROR(Audit(repos, actor, "CreatePasswordLink", NameOf(user.meta.id), now));
  return InvitedUser{user, std::move(secret), link.expire_time};
}

absl::StatusOr<InvitedUser> UserAppService::Invite(const domain::Principal& principal,
                                                   const User& input) {
  constexpr absl::string_view kAction = "CreateUser";
  HC_RETURN_IF_ERROR(RequireSignedInProgrammeLead(principal, kAction));
  User user = input;
  user.state = domain::UserState::kActive;
  user.password_hash.clear();
  HC_RETURN_IF_ERROR(domain::ValidateUser(user));
  InvitedUser result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(CheckBindingExists(repos, user));
    const absl::Time now = clock_.Now();
    user.meta = {ids_.NewId(), now, now, 1};
    HC_RETURN_IF_ERROR(repos.users().Insert(user));
    HC_RETURN_IF_ERROR(Audit(repos, principal, kAction, NameOf(user.meta.id), now,
                             absl::StrCat("role: ", kRoleRule.show(user))));
    HC_ASSIGN_OR_RETURN(result, IssueLink(repos, principal, user));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<User> UserAppService::Get(const domain::Principal& principal,
                                         absl::string_view id) {
  HC_RETURN_IF_ERROR(CheckSelfOrLead(principal, id, "GetUser"));
  User result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.users().Get(id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<User>> UserAppService::List(const domain::Principal& principal,
                                                const PageRequest& page) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "ListUsers"));
  Page<User> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.users().List(page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<User> UserAppService::Update(const domain::Principal& principal,
                                            absl::string_view id, const User& input,
                                            const std::vector<std::string>& paths,
                                            std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateUser";
  HC_RETURN_IF_ERROR(RequireSignedInProgrammeLead(principal, kAction));
  User result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.users().Get(id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(id), result.meta, expected_version));
    const User before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<User>(kUpdatable, paths, input, result));
    HC_RETURN_IF_ERROR(domain::ValidateUser(result, before.email.empty() && result.email.empty()));
    if (result.meta.id == principal.user_id && result.role != before.role) {
      return absl::FailedPreconditionError(
          "you cannot change your own role: ask another programme lead");
    }
    HC_RETURN_IF_ERROR(CheckBindingExists(repos, result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.users().Update(result));
    return Audit(repos, principal, kAction, NameOf(id), now,
                 DescribeChanges<User>(kUpdatable, before, result));
  }));
  return result;
}

absl::StatusOr<User> UserAppService::Suspend(const domain::Principal& principal,
                                             absl::string_view id) {
  constexpr absl::string_view kAction = "SuspendUser";
  HC_RETURN_IF_ERROR(RequireSignedInProgrammeLead(principal, kAction));
  if (id == principal.user_id) {
    return absl::FailedPreconditionError(
        "you cannot suspend yourself: ask another programme lead");
  }
  User result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.users().Get(id));
    if (result.state == domain::UserState::kSuspended) {
      return absl::FailedPreconditionError(absl::StrCat(NameOf(id), " is already suspended"));
    }
    const absl::Time now = clock_.Now();
    result.state = domain::UserState::kSuspended;
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.users().Update(result));
    HC_ASSIGN_OR_RETURN(int ended, repos.users().EndSessionsOf(id, now));
    // A link given before must not let them back in once reactivated.
    HC_RETURN_IF_ERROR(repos.users().UseLinksOf(id, now));
    return Audit(repos, principal, kAction, NameOf(id), now,
                 absl::StrCat(ended, " session(s) ended"));
  }));
  return result;
}

absl::StatusOr<User> UserAppService::Reactivate(const domain::Principal& principal,
                                                absl::string_view id) {
  constexpr absl::string_view kAction = "ReactivateUser";
  HC_RETURN_IF_ERROR(RequireSignedInProgrammeLead(principal, kAction));
  User result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.users().Get(id));
    if (result.state == domain::UserState::kActive) {
      return absl::FailedPreconditionError(absl::StrCat(NameOf(id), " is already active"));
    }
    HC_RETURN_IF_ERROR(CheckBindingExists(repos, result));
    const absl::Time now = clock_.Now();
    result.state = domain::UserState::kActive;
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.users().Update(result));
    return Audit(repos, principal, kAction, NameOf(id), now);
  }));
  return result;
}

absl::StatusOr<InvitedUser> UserAppService::NewPasswordLink(const domain::Principal& principal,
                                                            absl::string_view id) {
  HC_RETURN_IF_ERROR(RequireSignedInProgrammeLead(principal, "CreatePasswordLink"));
  if (id == principal.user_id) {
    return absl::FailedPreconditionError(
        "CreatePasswordLink: change your own password instead; a link for yourself would be a "
        "second way in");
  }
  InvitedUser result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(User user, repos.users().Get(id));
    HC_ASSIGN_OR_RETURN(result, IssueLink(repos, principal, user));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<User> UserAppService::LinkHolder(absl::string_view link_secret) {
  if (link_secret.empty() || link_secret.size() > 200) return LinkUnusable();
  const std::string hash = crypto::Sha256Hex(link_secret);
  User user;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    absl::StatusOr<domain::PasswordLink> link = repos.users().FindLinkBySecretHash(hash);
    if (absl::IsNotFound(link.status())) return LinkUnusable();
    HC_RETURN_IF_ERROR(link.status());
    if (!domain::IsUsable(*link, clock_.Now())) return LinkUnusable();
    HC_ASSIGN_OR_RETURN(user, repos.users().Get(link->user_id));
    return absl::OkStatus();
  }));
  if (user.state != domain::UserState::kActive) return LinkUnusable();
  return user;
}

absl::StatusOr<User> UserAppService::SetPassword(absl::string_view link_secret,
                                                 absl::string_view password,
                                                 absl::string_view email) {
  // Checked first, outside the write: the policy and the hash take time.
  HC_ASSIGN_OR_RETURN(const User user, LinkHolder(link_secret));
  const std::string hash = crypto::Sha256Hex(link_secret);
  User changed = user;
  if (user.email.empty()) {
    changed.email = std::string(email);
    HC_RETURN_IF_ERROR(domain::ValidateUser(changed));
  }
  HC_RETURN_IF_ERROR(domain::CheckNewPassword(password, changed));
  HC_ASSIGN_OR_RETURN(changed.password_hash, crypto::HashPassword(password));
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    // Again inside the write: the link may have been used meanwhile.
    HC_ASSIGN_OR_RETURN(domain::PasswordLink link, repos.users().FindLinkBySecretHash(hash));
    const absl::Time now = clock_.Now();
    if (!domain::IsUsable(link, now)) return LinkUnusable();
    HC_ASSIGN_OR_RETURN(User current, repos.users().Get(link.user_id));
    if (current.meta.version != user.meta.version) return LinkUnusable();
    Touch(changed.meta, now);
    HC_RETURN_IF_ERROR(repos.users().Update(changed));
    HC_RETURN_IF_ERROR(repos.users().UseLinksOf(changed.meta.id, now));
    // A new password by link is how an account is recovered: whatever
    // credential was made before it goes.
    HC_ASSIGN_OR_RETURN(int ended, repos.users().EndSessionsOf(changed.meta.id, now));
    HC_ASSIGN_OR_RETURN(int revoked, repos.access_tokens().RevokeAllOf(changed.meta.id, now));
    domain::Principal self = domain::PrincipalOf(changed, "a set-password link");
    return Audit(repos, self, "SetPassword", NameOf(changed.meta.id), now,
                 absl::StrCat(ended, " session(s) ended, ", revoked, " token(s) revoked"));
  }));
  return changed;
}

absl::StatusOr<User> UserAppService::ChangePassword(const domain::Principal& principal,
                                                    absl::string_view current,
                                                    absl::string_view replacement) {
  if (principal.user_id.empty() || !principal.signed_in) {
    return absl::PermissionDeniedError("ChangePassword: sign in with your password first");
  }
  // Guessing the current password from a borrowed session is slowed as
  // signing in is.
  const std::string throttle_key = absl::StrCat("users/", principal.user_id);
  HC_RETURN_IF_ERROR(throttle_.Attempt(throttle_key, "", clock_.Now()));
  User user;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(user, repos.users().Get(principal.user_id));
    return absl::OkStatus();
  }));
  HC_ASSIGN_OR_RETURN(const bool current_matches, crypto::VerifyPassword(user.password_hash, current));
  if (!current_matches) {
    HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) {
      return Audit(repos, principal, "ChangePasswordFailed", NameOf(principal.user_id),
                   clock_.Now(), "wrong current password");
    }));
    return absl::InvalidArgumentError("current_password: that is not your current password");
  }
  throttle_.Succeeded(throttle_key, "");
  HC_RETURN_IF_ERROR(domain::CheckNewPassword(replacement, user));
  HC_ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(replacement));
  const std::string verified = user.password_hash;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(user, repos.users().Get(principal.user_id));
    // The password checked above must still be the one in force (a reset
    // may have come in between).
    if (user.password_hash != verified) {
      return absl::InvalidArgumentError("current_password: that is not your current password");
    }
    const absl::Time now = clock_.Now();
    user.password_hash = hash;
    Touch(user.meta, now);
    HC_RETURN_IF_ERROR(repos.users().Update(user));
    HC_RETURN_IF_ERROR(repos.users().UseLinksOf(user.meta.id, now));
    // Every other session ends: whoever knew the old password is out.
    HC_ASSIGN_OR_RETURN(int ended,
                        repos.users().EndSessionsOf(user.meta.id, now, principal.token_id));
    return Audit(repos, principal, "ChangePassword", NameOf(user.meta.id), now,
                 absl::StrCat(ended, " other session(s) ended"));
  }));
  return user;
}

absl::StatusOr<BegunSession> UserAppService::SignIn(absl::string_view email,
                                                    absl::string_view password,
                                                    absl::string_view client,
                                                    absl::string_view address) {
  if (email.size() > 254 || password.size() > 4 * domain::kMaxPasswordCharacters) {
    return BadCredentials();
  }
  // Counted as a failure from here until it succeeds, so that attempts made
  // at once cannot all slip past the throttle.
  HC_RETURN_IF_ERROR(throttle_.Attempt(email, address, clock_.Now()));
  User user;
  bool found = false;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    absl::StatusOr<User> u = repos.users().FindByEmail(email);
    if (absl::IsNotFound(u.status())) return absl::OkStatus();
    HC_RETURN_IF_ERROR(u.status());
    user = *std::move(u);
    found = true;
    return absl::OkStatus();
  }));
  // The same work whether or not the account exists (VerifyPassword checks
  // a decoy hash when there is none).
  HC_ASSIGN_OR_RETURN(const bool match,
                      crypto::VerifyPassword(found ? user.password_hash : "", password));
  const bool allowed = found && match && user.state == domain::UserState::kActive;
  if (!allowed) {
    const absl::Time now = clock_.Now();
    HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
      return Audit(repos, Anonymous(address), "SignInFailed",
                   found ? NameOf(user.meta.id) : "users/-", now,
                   found ? (match ? "account suspended" : "wrong password") : "unknown email");
    }));
    return BadCredentials();
  }
  throttle_.Succeeded(email, address);
  std::string rehash;
  if (crypto::NeedsRehash(user.password_hash)) {
    HC_ASSIGN_OR_RETURN(rehash, crypto::HashPassword(password));
  }
  BegunSession result;
  HC_ASSIGN_OR_RETURN(result.secret, crypto::NewSecret());
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result.user, repos.users().Get(user.meta.id));
    // Still active, and still the password that was checked: a reset that
    // came in between wins.
    if (result.user.state != domain::UserState::kActive ||
        result.user.password_hash != user.password_hash) {
      return BadCredentials();
    }
    const absl::Time now = clock_.Now();
    if (!rehash.empty()) {
      result.user.password_hash = rehash;
      HC_RETURN_IF_ERROR(repos.users().Update(result.user));
    }
    domain::Session& s = result.session;
    s.id = ids_.NewId();
    s.user_id = user.meta.id;
    s.secret_hash = crypto::Sha256Hex(result.secret);
    s.create_time = now;
    s.last_active_time = now;
    s.client = std::string(client.substr(0, 200));
    if (!domain::CheckText("client", s.client, 0, 200).ok()) s.client = "";
    HC_RETURN_IF_ERROR(repos.users().InsertSession(s));
    domain::Principal self = domain::PrincipalOf(result.user, s.id);
    return Audit(repos, self, "SignIn", absl::StrCat(NameOf(s.user_id), "/sessions/", s.id), now,
                 absl::StrCat("from ", address));
  }));
  return result;
}

absl::Status UserAppService::SignOut(const domain::Principal& principal) {
  if (!principal.signed_in) return absl::OkStatus();
  return store_.Write([&](Repositories& repos) -> absl::Status {
    const absl::Time now = clock_.Now();
    HC_RETURN_IF_ERROR(repos.users().EndSession(principal.token_id, now));
    return Audit(repos, principal, "SignOut",
                 absl::StrCat(NameOf(principal.user_id), "/sessions/", principal.token_id), now);
  });
}

absl::StatusOr<Page<domain::Session>> UserAppService::ListSessions(
    const domain::Principal& principal, absl::string_view user_id, const PageRequest& page) {
  HC_RETURN_IF_ERROR(CheckSelfOrLead(principal, user_id, "ListSessions"));
  Page<domain::Session> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(repos.users().Get(user_id).status());
    HC_ASSIGN_OR_RETURN(result, repos.users().ListLiveSessions(user_id, clock_.Now(), page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<domain::Session> UserAppService::EndSession(const domain::Principal& principal,
                                                           absl::string_view user_id,
                                                           absl::string_view session_id) {
  HC_RETURN_IF_ERROR(CheckSelfOrLead(principal, user_id, "EndSession"));
  domain::Session result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    const std::string name = absl::StrCat(NameOf(user_id), "/sessions/", session_id);
    absl::StatusOr<domain::Session> found = repos.users().GetSession(session_id);
    if (absl::IsNotFound(found.status()) || (found.ok() && found->user_id != user_id)) {
      return absl::NotFoundError(absl::StrCat(name, " does not exist"));
    }
    HC_RETURN_IF_ERROR(found.status());
    result = *std::move(found);
    const absl::Time now = clock_.Now();
    if (!domain::IsLive(result, now)) {
      return absl::FailedPreconditionError(
          "the session has already ended (signed out or expired)");
    }
    result.end_time = now;
    HC_RETURN_IF_ERROR(repos.users().EndSession(session_id, now));
    return Audit(repos, principal, "EndSession", name, now);
  }));
  return result;
}

absl::StatusOr<bool> UserAppService::BootstrapFirstLead(
    absl::FunctionRef<absl::Status(absl::string_view link_secret)> deliver) {
  bool made = false;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(bool can, repos.users().AnyLeadCanSignIn());
    if (can) return absl::OkStatus();
    absl::StatusOr<User> lead = repos.users().FirstProgrammeLead();
    if (absl::IsNotFound(lead.status())) {
      User first;
      const absl::Time now = clock_.Now();
      first.meta = {ids_.NewId(), now, now, 1};
      first.display_name = "Programme lead";
      first.role = domain::Role::kProgrammeLead;
      HC_RETURN_IF_ERROR(repos.users().Insert(first));
      HC_RETURN_IF_ERROR(Audit(repos, Server(), "CreateUser", NameOf(first.meta.id), now,
                               "role: PROGRAMME_LEAD"));
      lead = first;
    }
    HC_RETURN_IF_ERROR(lead.status());
    HC_ASSIGN_OR_RETURN(InvitedUser issued, IssueLink(repos, Server(), *lead));
    HC_RETURN_IF_ERROR(deliver(issued.link_secret));
    made = true;
    return absl::OkStatus();
  }));
  return made;
}

}  // namespace hc::app
