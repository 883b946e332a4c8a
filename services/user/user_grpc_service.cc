#include "services/user/user_grpc_service.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"
#include "services/web/web_auth.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::User;

constexpr absl::string_view kCollection = "users";

static_assert(static_cast<int>(domain::Role::kPartnershipContact) == v1::ROLE_PARTNERSHIP_CONTACT);
static_assert(static_cast<int>(domain::UserState::kSuspended) == v1::User::SUSPENDED);

absl::StatusOr<User> FromProto(const v1::User& in) {
  User out;
  out.display_name = in.display_name();
  out.email = in.email();
  out.role = static_cast<domain::Role>(in.role());
  HC_ASSIGN_OR_RETURN(out.peer_id, ParseOptionalName("user.peer", "peers", in.peer()));
  HC_ASSIGN_OR_RETURN(out.partnership_id,
                      ParseOptionalName("user.partnership", "partnerships", in.partnership()));
  return out;
}

void ToProto(const User& u, v1::User* out) {
  out->set_name(NameOf(kCollection, u.meta.id));
  out->set_display_name(u.display_name);
  out->set_email(u.email);
  out->set_role(static_cast<v1::Role>(u.role));
  out->set_peer(NameOf("peers", u.peer_id));
  out->set_partnership(NameOf("partnerships", u.partnership_id));
  out->set_state(static_cast<v1::User::State>(u.state));
  out->set_has_password(!u.password_hash.empty());
  services::ToProto(u.meta.create_time, out->mutable_create_time());
  services::ToProto(u.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(u.meta.version));
}

void ToProto(const app::InvitedUser& invited, absl::string_view origin,
             v1::UserWithLink* out) {
  ToProto(invited.user, out->mutable_user());
  out->mutable_password_link()->set_secret(invited.link_secret);
  out->mutable_password_link()->set_uri(SetPasswordLink(origin, invited.link_secret));
  services::ToProto(invited.link_expire_time, out->mutable_password_link()->mutable_expire_time());
}

void ToProto(const domain::Session& s, const domain::Principal& caller, v1::Session* out) {
  out->set_name(absl::StrCat(NameOf(kCollection, s.user_id), "/sessions/", s.id));
  out->set_client(s.client);
  services::ToProto(s.create_time, out->mutable_create_time());
  services::ToProto(s.last_active_time, out->mutable_last_active_time());
  services::ToProto(domain::SessionExpiry(s), out->mutable_expire_time());
  out->set_current(caller.signed_in && caller.token_id == s.id);
}

struct SessionName {
  std::string user_id;
  std::string id;
};

absl::StatusOr<SessionName> ParseSessionName(absl::string_view name) {
  const size_t at = name.find("/sessions/");
  absl::StatusOr<std::string> user = at == absl::string_view::npos
                                         ? absl::InvalidArgumentError("")
                                         : ParseName("name", kCollection, name.substr(0, at));
  absl::StatusOr<std::string> id = at == absl::string_view::npos
                                       ? absl::InvalidArgumentError("")
                                       : ParseName("name", "sessions", name.substr(at + 1));
  if (!user.ok() || !id.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "name must be like users/abc123/sessions/def456, not \"", name.substr(0, 100), "\""));
  }
  return SessionName{*std::move(user), *std::move(id)};
}

// The client's address: "ipv4:127.0.0.1:5000" -> "127.0.0.1",
// "ipv6:[::1]:5000" -> "::1"; behind a trusted proxy, or for a call from
// this server's own HTTP port (in-process, which names the browser's
// address), the last entry of x-forwarded-for.
std::string AddressOf(grpc::CallbackServerContext* context, bool trust_forwarded_for) {
  const auto& metadata = context->client_metadata();
  const std::string peer_name = context->peer();
  const bool in_process =
      !absl::StartsWith(peer_name, "ipv4:") && !absl::StartsWith(peer_name, "ipv6:");
  if (const auto found = metadata.find("x-forwarded-for");
      (trust_forwarded_for || in_process) && found != metadata.end()) {
    const absl::string_view all(found->second.data(), found->second.size());
    const absl::string_view last = absl::StripAsciiWhitespace(all.substr(all.rfind(',') + 1));
    if (!last.empty() && last.size() <= 45) return std::string(last);
  }
  std::string peer = context->peer();
  absl::string_view address = peer;
  absl::ConsumePrefix(&address, "ipv4:");
  absl::ConsumePrefix(&address, "ipv6:");
  const size_t colon = address.rfind(':');
  if (colon != absl::string_view::npos) address = address.substr(0, colon);
  absl::ConsumePrefix(&address, "[");
  absl::ConsumeSuffix(&address, "]");
  return std::string(address);
}

std::string UserAgentOf(grpc::CallbackServerContext* context) {
  const auto& metadata = context->client_metadata();
  const auto found = metadata.find("user-agent");
  if (found == metadata.end()) return "";
  return std::string(found->second.data(), found->second.size());
}

}  // namespace

grpc::ServerUnaryReactor* UserGrpcService::CreateUser(Context* context,
                                                      const v1::CreateUserRequest* request,
                                                      v1::UserWithLink* response) {
  return runner_.Run(context, "CreateUser", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(User input, FromProto(request->user()));
    HC_ASSIGN_OR_RETURN(app::InvitedUser invited, app_.Invite(principal, input));
    ToProto(invited, origin_, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::GetUser(Context* context,
                                                   const v1::GetUserRequest* request,
                                                   v1::User* response) {
  return runner_.Run(context, "GetUser", [=, this](const domain::Principal& principal) {
    // "users/me" is whoever calls: how the web app learns who is signed in.
    std::string id = principal.user_id;
    if (request->name() != "users/me" || id.empty()) {
      HC_ASSIGN_OR_RETURN(id, ParseName("name", kCollection, request->name()));
    }
    HC_ASSIGN_OR_RETURN(User u, app_.Get(principal, id));
    ToProto(u, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::ListUsers(Context* context,
                                                     const v1::ListUsersRequest* request,
                                                     v1::ListUsersResponse* response) {
  return runner_.Run(context, "ListUsers", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), kCollection));
    HC_ASSIGN_OR_RETURN(app::Page<User> found, app_.List(principal, page));
    for (const User& u : found.items) ToProto(u, response->add_users());
    response->set_next_page_token(NextPageToken(found.next, kCollection));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::UpdateUser(Context* context,
                                                      const v1::UpdateUserRequest* request,
                                                      v1::User* response) {
  return runner_.Run(context, "UpdateUser", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id,
                        ParseName("user.name", kCollection, request->user().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->user().etag()));
    HC_ASSIGN_OR_RETURN(User input, FromProto(request->user()));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(User u, app_.Update(principal, id, input, paths, version));
    ToProto(u, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::SuspendUser(Context* context,
                                                       const v1::SuspendUserRequest* request,
                                                       v1::User* response) {
  return runner_.Run(context, "SuspendUser", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(User u, app_.Suspend(principal, id));
    ToProto(u, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::ReactivateUser(
    Context* context, const v1::ReactivateUserRequest* request, v1::User* response) {
  return runner_.Run(context, "ReactivateUser", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(User u, app_.Reactivate(principal, id));
    ToProto(u, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::CreatePasswordLink(
    Context* context, const v1::CreatePasswordLinkRequest* request, v1::UserWithLink* response) {
  return runner_.Run(context, "CreatePasswordLink",
                     [=, this](const domain::Principal& principal) {
                       HC_ASSIGN_OR_RETURN(std::string id,
                                           ParseName("user", kCollection, request->user()));
                       HC_ASSIGN_OR_RETURN(app::InvitedUser invited,
                                           app_.NewPasswordLink(principal, id));
                       ToProto(invited, origin_, response);
                       return absl::OkStatus();
                     });
}

grpc::ServerUnaryReactor* UserGrpcService::SetPassword(Context* context,
                                                       const v1::SetPasswordRequest* request,
                                                       v1::User* response) {
  return runner_.RunAnonymous(context, "SetPassword", [=, this](const domain::Principal&) {
    HC_ASSIGN_OR_RETURN(User u, app_.SetPassword(request->link_secret(), request->password(),
                                                 request->email()));
    ToProto(u, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::ChangePassword(
    Context* context, const v1::ChangePasswordRequest* request, v1::User* response) {
  return runner_.Run(context, "ChangePassword", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(User u, app_.ChangePassword(principal, request->current_password(),
                                                    request->new_password()));
    ToProto(u, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::SignIn(Context* context,
                                                  const v1::SignInRequest* request,
                                                  v1::SignInResponse* response) {
  return runner_.RunAnonymous(context, "SignIn", [=, this](const domain::Principal&) {
    HC_ASSIGN_OR_RETURN(app::BegunSession begun,
                        app_.SignIn(request->email(), request->password(), UserAgentOf(context),
                                    AddressOf(context, trust_forwarded_for_)));
    const domain::Principal self = domain::PrincipalOf(begun.user, begun.session.id);
    ToProto(begun.session, self, response->mutable_session());
    ToProto(begun.user, response->mutable_user());
    response->set_secret(begun.secret);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::SignOut(Context* context, const v1::SignOutRequest*,
                                                   google::protobuf::Empty*) {
  return runner_.Run(context, "SignOut", [=, this](const domain::Principal& principal) {
    return app_.SignOut(principal);
  });
}

grpc::ServerUnaryReactor* UserGrpcService::ListSessions(Context* context,
                                                        const v1::ListSessionsRequest* request,
                                                        v1::ListSessionsResponse* response) {
  return runner_.Run(context, "ListSessions", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string user_id,
                        ParseName("parent", kCollection, request->parent()));
    const std::string scope = absl::StrCat("sessions?", user_id);
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), scope));
    HC_ASSIGN_OR_RETURN(app::Page<domain::Session> found,
                        app_.ListSessions(principal, user_id, page));
    for (const domain::Session& s : found.items) ToProto(s, principal, response->add_sessions());
    response->set_next_page_token(NextPageToken(found.next, scope));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* UserGrpcService::EndSession(Context* context,
                                                      const v1::EndSessionRequest* request,
                                                      v1::Session* response) {
  return runner_.Run(context, "EndSession", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(SessionName name, ParseSessionName(request->name()));
    HC_ASSIGN_OR_RETURN(domain::Session s, app_.EndSession(principal, name.user_id, name.id));
    ToProto(s, principal, response);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
