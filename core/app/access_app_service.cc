#include "core/app/access_app_service.h"

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/mutation.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"
#include "core/domain/session.h"
#include "core/domain/user.h"
#include "core/domain/validation.h"

namespace hc::app {
namespace {

std::string NameOf(absl::string_view id) { return absl::StrCat("accessTokens/", id); }

absl::Status Refused() {
  return absl::UnauthenticatedError(
      "the token or session is unknown, revoked or expired, or its person is suspended: sign in "
      "again");
}

}  // namespace

AccessAppService::AccessAppService(Store& store, Clock& clock, IdSource& ids)
    : store_(store), clock_(clock), ids_(ids) {}

absl::StatusOr<domain::Principal> AccessAppService::Authenticate(absl::string_view secret) {
  if (secret.empty()) {
    return absl::UnauthenticatedError(
        "missing credentials: send the header 'authorization: Bearer <token>'");
  }
  const std::string hash = crypto::Sha256Hex(secret);
  const absl::Time now = clock_.Now();
  domain::Principal principal;
  bool stale_activity = false;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    std::string user_id;
    absl::StatusOr<domain::AccessToken> token = repos.access_tokens().FindBySecretHash(hash);
    if (token.ok()) {
      if (token->revoke_time) return Refused();
      user_id = token->user_id;
      principal.token_id = token->id;
    } else if (absl::IsNotFound(token.status())) {
      absl::StatusOr<domain::Session> session = repos.users().FindSessionBySecretHash(hash);
      if (absl::IsNotFound(session.status())) return Refused();
      HC_RETURN_IF_ERROR(session.status());
      if (!domain::IsLive(*session, now)) return Refused();
      user_id = session->user_id;
      principal.token_id = session->id;
      principal.signed_in = true;
      stale_activity = now - session->last_active_time >= domain::kSessionActivityStep;
    } else {
      return token.status();
    }
    absl::StatusOr<domain::User> user = repos.users().Get(user_id);
    if (absl::IsNotFound(user.status())) return Refused();
    HC_RETURN_IF_ERROR(user.status());
    if (user->state != domain::UserState::kActive) return Refused();
    const bool signed_in = principal.signed_in;
    principal = domain::PrincipalOf(*user, principal.token_id);
    principal.signed_in = signed_in;
    return absl::OkStatus();
  }));
  if (stale_activity) {
    HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) {
      return repos.users().SetSessionActive(principal.token_id, now);
    }));
  }
  return principal;
}

absl::StatusOr<IssuedToken> AccessAppService::Create(const domain::Principal& principal,
                                                     absl::string_view display_name) {
  constexpr absl::string_view kAction = "CreateAccessToken";
  if (principal.user_id.empty() || !principal.signed_in) {
    return absl::PermissionDeniedError(
        "CreateAccessToken: create tokens after signing in with your password (in the web app, "
        "or with 'hcctl login'), not with another token");
  }
  HC_RETURN_IF_ERROR(domain::CheckText("display_name", display_name, 1, 200));
  IssuedToken issued;
  HC_ASSIGN_OR_RETURN(issued.secret, crypto::NewSecret());
  domain::AccessToken& t = issued.token;
  t.id = ids_.NewId();
  t.user_id = principal.user_id;
  t.display_name = std::string(display_name);
  t.secret_hash = crypto::Sha256Hex(issued.secret);
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    t.create_time = clock_.Now();
    // The session may have ended since the call was authenticated (a
    // password reset, a suspension): then it makes nothing.
    HC_ASSIGN_OR_RETURN(domain::Session session, repos.users().GetSession(principal.token_id));
    if (!domain::IsLive(session, t.create_time)) return Refused();
    HC_ASSIGN_OR_RETURN(domain::User owner, repos.users().Get(principal.user_id));
    if (owner.state != domain::UserState::kActive) return Refused();
    HC_RETURN_IF_ERROR(repos.access_tokens().Insert(t));
    return Audit(repos, principal, kAction, NameOf(t.id), t.create_time);
  }));
  return issued;
}

absl::StatusOr<Page<domain::AccessToken>> AccessAppService::List(
    const domain::Principal& principal, absl::string_view user_id, const PageRequest& page) {
  if (principal.role != domain::Role::kProgrammeLead && user_id != principal.user_id) {
    return absl::PermissionDeniedError("ListAccessTokens: you may list only your own tokens");
  }
  Page<domain::AccessToken> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.access_tokens().List(user_id, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<domain::AccessToken> AccessAppService::Revoke(const domain::Principal& principal,
                                                             absl::string_view id) {
  constexpr absl::string_view kAction = "RevokeAccessToken";
  domain::AccessToken result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    absl::StatusOr<domain::AccessToken> found = repos.access_tokens().Get(id);
    const bool mine = found.ok() && found->user_id == principal.user_id;
    if (principal.role != domain::Role::kProgrammeLead && !mine) {
      // The same refusal whether or not it exists.
      return absl::PermissionDeniedError(
          absl::StrCat(kAction, ": you may revoke only your own tokens"));
    }
    HC_RETURN_IF_ERROR(found.status());
    result = *std::move(found);
    if (result.revoke_time) {
      return absl::FailedPreconditionError(absl::StrCat(NameOf(id), " was already revoked"));
    }
    const absl::Time now = clock_.Now();
    result.revoke_time = now;
    HC_RETURN_IF_ERROR(repos.access_tokens().SetRevoked(id, now));
    return Audit(repos, principal, kAction, NameOf(id), now);
  }));
  return result;
}

}  // namespace hc::app
