#include "clients/cli/token_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/access.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::unique_ptr<v1::AccessService::Stub> NewStub(const Invocation& invocation) {
  return v1::AccessService::NewStub(invocation.connection.channel());
}

absl::Status List(const Invocation& invocation) {
  std::string user;
  if (invocation.flags.Has("user")) {
    absl::StatusOr<std::string> name = ResourceName("users", "--user", invocation.flags.Get("user"));
    if (!name.ok()) return name.status();
    user = *std::move(name);
  }
  auto stub = NewStub(invocation);
  return ListPages<v1::ListAccessTokensResponse>(
      invocation,
      [&](const Paging& paging, v1::ListAccessTokensResponse& page) {
        v1::ListAccessTokensRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_user(user);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListAccessTokens(&context, request, &page);
            });
      },
      AccessTokensTable);
}

absl::Status Revoke(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kAccessTokens, "TOKEN", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::RevokeAccessTokenRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::AccessToken response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->RevokeAccessToken(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, AccessTokenText(response));
}

}  // namespace

CommandGroup TokenCommands() {
  return {
      "tokens",
      "Personal access tokens (make one with hcctl login).",
      {
          {"list",
           {},
           "List your tokens, oldest first (never their secrets).",
           "A programme lead sees everyone's, or one person's with --user.",
           [] {
             std::vector<FlagSpec> flags = PagingFlags();
             flags.push_back({"user", "PERSON", "Only this person's tokens (programme leads)."});
             return flags;
           }(),
           List},
          {"revoke", {"TOKEN"}, "Revoke a token at once.", "", {}, Revoke},
      }};
}

}  // namespace hc::cli
