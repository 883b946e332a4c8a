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

// Reads the token's holder, role and (per role) peer or partnership.
absl::StatusOr<v1::AccessToken> TokenFromFlags(const FlagValues& flags) {
  v1::AccessToken token;
  token.set_display_name(flags.Get("display-name"));
  absl::StatusOr<v1::Role> role =
      ParseEnum<v1::Role>("role", flags.Get("role"));
  if (!role.ok()) return role.status();
  token.set_role(*role);
  if (flags.Has("peer")) {
    absl::StatusOr<std::string> peer =
        ResourceName(kPeers, "--peer", flags.Get("peer"));
    if (!peer.ok()) return peer.status();
    token.set_peer(*peer);
  }
  if (flags.Has("partnership")) {
    absl::StatusOr<std::string> partnership =
        ResourceName(kPartnerships, "--partnership", flags.Get("partnership"));
    if (!partnership.ok()) return partnership.status();
    token.set_partnership(*partnership);
  }
  return token;
}

// Not retried: the request has no request_id, so a retry after a lost
// response could mint a second token.
absl::Status Create(const Invocation& invocation) {
  absl::StatusOr<v1::AccessToken> token = TokenFromFlags(invocation.flags);
  if (!token.ok()) return token.status();
  v1::CreateAccessTokenRequest request;
  *request.mutable_access_token() = *std::move(token);
  auto stub = NewStub(invocation);
  v1::AccessToken response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->CreateAccessToken(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, NewAccessTokenText(response));
}

absl::Status List(const Invocation& invocation) {
  auto stub = NewStub(invocation);
  return ListPages<v1::ListAccessTokensResponse>(
      invocation,
      [&](const Paging& paging, v1::ListAccessTokensResponse& page) {
        v1::ListAccessTokensRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
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

std::vector<FlagSpec> CreateFlags() {
  return {
      {"display-name", "TEXT", "Who holds the token (kept in the audit log).",
       false, /*required=*/true},
      {"role", "ROLE",
       absl::StrCat("The holder's role. One of: ",
                    EnumChoices(*v1::Role_descriptor()), "."),
       false, /*required=*/true},
      {"peer", "PEER", "For --role=peer: the peer it stands for."},
      {"partnership", "PARTNERSHIP",
       "For --role=partnership_contact: the partnership it stands for."},
  };
}

}  // namespace

CommandGroup TokenCommands() {
  return {
      "tokens",
      "The bearer tokens that authenticate every call (programme leads).",
      {
          {"create",
           {},
           "Create a token and print its secret, once.",
           "The secret is shown only in this output and is stored by the "
           "server only as a hash. Not retried automatically (the API has no "
           "request_id here).",
           CreateFlags(),
           Create},
          {"list",
           {},
           "List tokens, oldest first (never their secrets).",
           "",
           PagingFlags(),
           List},
          {"revoke", {"TOKEN"}, "Revoke a token at once.", "", {}, Revoke},
      }};
}

}  // namespace hc::cli
