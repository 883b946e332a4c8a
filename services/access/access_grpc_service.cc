#include "services/access/access_grpc_service.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

constexpr absl::string_view kCollection = "accessTokens";

void ToProto(const domain::AccessToken& t, v1::AccessToken* out) {
  out->set_name(NameOf(kCollection, t.id));
  out->set_display_name(t.display_name);
  out->set_user(NameOf("users", t.user_id));
  services::ToProto(t.create_time, out->mutable_create_time());
  if (t.revoke_time) services::ToProto(*t.revoke_time, out->mutable_revoke_time());
}

}  // namespace

grpc::ServerUnaryReactor* AccessGrpcService::CreateAccessToken(
    grpc::CallbackServerContext* context, const v1::CreateAccessTokenRequest* request,
    v1::AccessToken* response) {
  return runner_.Run(context, "CreateAccessToken", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(app::IssuedToken issued,
                        app_.Create(principal, request->access_token().display_name()));
    ToProto(issued.token, response);
    response->set_secret(issued.secret);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AccessGrpcService::ListAccessTokens(
    grpc::CallbackServerContext* context, const v1::ListAccessTokensRequest* request,
    v1::ListAccessTokensResponse* response) {
  return runner_.Run(context, "ListAccessTokens", [=, this](const domain::Principal& principal) {
    std::string user_id;
    if (!request->user().empty()) {
      HC_ASSIGN_OR_RETURN(user_id, ParseName("user", "users", request->user()));
    } else if (principal.role != domain::Role::kProgrammeLead) {
      user_id = principal.user_id;
    }
    const std::string scope = absl::StrCat(kCollection, "?", user_id);
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), scope));
    HC_ASSIGN_OR_RETURN(app::Page<domain::AccessToken> found,
                        app_.List(principal, user_id, page));
    for (const domain::AccessToken& t : found.items) ToProto(t, response->add_access_tokens());
    response->set_next_page_token(NextPageToken(found.next, scope));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AccessGrpcService::RevokeAccessToken(
    grpc::CallbackServerContext* context, const v1::RevokeAccessTokenRequest* request,
    v1::AccessToken* response) {
  return runner_.Run(context, "RevokeAccessToken", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(domain::AccessToken t, app_.Revoke(principal, id));
    ToProto(t, response);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
