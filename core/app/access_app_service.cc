#include "core/app/access_app_service.h"

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/mutation.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"

namespace hc::app {
namespace {

std::string NameOf(absl::string_view id) { return absl::StrCat("accessTokens/", id); }

absl::Status CheckBindingExists(Repositories& repos, const domain::AccessToken& t) {
  if (!t.peer_id.empty()) {
    absl::Status s = repos.peers().Get(t.peer_id).status();
    if (absl::IsNotFound(s)) {
      return absl::NotFoundError(absl::StrCat("peers/", t.peer_id, " does not exist"));
    }
    HC_RETURN_IF_ERROR(s);
  }
  if (!t.partnership_id.empty()) {
    absl::Status s = repos.partnerships().Get(t.partnership_id).status();
    if (absl::IsNotFound(s)) {
      return absl::NotFoundError(
          absl::StrCat("partnerships/", t.partnership_id, " does not exist"));
    }
    HC_RETURN_IF_ERROR(s);
  }
  return absl::OkStatus();
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
  domain::AccessToken token;
  absl::Status read = store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(token, repos.access_tokens().FindBySecretHash(hash));
    return absl::OkStatus();
  });
  if (absl::IsNotFound(read) || (read.ok() && token.revoke_time)) {
    return absl::UnauthenticatedError("the access token is unknown or revoked");
  }
  HC_RETURN_IF_ERROR(read);
  return domain::PrincipalOf(token);
}

absl::StatusOr<IssuedToken> AccessAppService::Issue(Repositories& repos,
                                                    const domain::Principal& actor,
                                                    const domain::AccessToken& input) {
  HC_ASSIGN_OR_RETURN(std::string secret, crypto::NewSecret());
  IssuedToken issued{input, std::move(secret)};
  domain::AccessToken& t = issued.token;
  t.id = ids_.NewId();
  t.secret_hash = crypto::Sha256Hex(issued.secret);
  t.create_time = clock_.Now();
  t.revoke_time.reset();
  HC_RETURN_IF_ERROR(repos.access_tokens().Insert(t));
  HC_RETURN_IF_ERROR(Audit(repos, actor, "CreateAccessToken", NameOf(t.id), t.create_time));
  return issued;
}

absl::StatusOr<IssuedToken> AccessAppService::Create(const domain::Principal& principal,
                                                     const domain::AccessToken& input) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "CreateAccessToken"));
  HC_RETURN_IF_ERROR(domain::ValidateAccessToken(input));
  IssuedToken result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(CheckBindingExists(repos, input));
    HC_ASSIGN_OR_RETURN(result, Issue(repos, principal, input));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<domain::AccessToken>> AccessAppService::List(
    const domain::Principal& principal, const PageRequest& page) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "ListAccessTokens"));
  Page<domain::AccessToken> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.access_tokens().List(page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<domain::AccessToken> AccessAppService::Revoke(const domain::Principal& principal,
                                                             absl::string_view id) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "RevokeAccessToken"));
  domain::AccessToken result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.access_tokens().Get(id));
    if (result.revoke_time) {
      return absl::FailedPreconditionError(
          absl::StrCat(NameOf(id), " was already revoked"));
    }
    const absl::Time now = clock_.Now();
    result.revoke_time = now;
    HC_RETURN_IF_ERROR(repos.access_tokens().SetRevoked(id, now));
    return Audit(repos, principal, "RevokeAccessToken", NameOf(id), now);
  }));
  return result;
}

absl::StatusOr<bool> AccessAppService::BootstrapIfEmpty(
    absl::string_view display_name,
    absl::FunctionRef<absl::Status(absl::string_view secret)> deliver) {
  bool created = false;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(int64_t count, repos.access_tokens().Count());
    if (count > 0) return absl::OkStatus();
    domain::AccessToken input;
    input.display_name = std::string(display_name);
    input.role = domain::Role::kProgrammeLead;
    const domain::Principal server{"bootstrap", "server first start",
                                   domain::Role::kProgrammeLead, "", ""};
    HC_ASSIGN_OR_RETURN(IssuedToken issued, Issue(repos, server, input));
    HC_RETURN_IF_ERROR(deliver(issued.secret));
    created = true;
    return absl::OkStatus();
  }));
  return created;
}

}  // namespace hc::app
