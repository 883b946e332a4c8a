#ifndef HC_CLIENTS_CLI_REVIEW_STATE_COMMANDS_H_
#define HC_CLIENTS_CLI_REVIEW_STATE_COMMANDS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "clients/cli/command.h"
#include "healthcheck/v1/finding.grpc.pb.h"

namespace hc::cli {

// A resource whose state FindingService moves between draft, agreed and
// withdrawn (a finding or a recommendation), for ReviewStateCommands.
template <typename Resource>
struct ReviewedResource {
  using Method =
      grpc::Status (healthcheck::v1::FindingService::StubInterface::*)(
          grpc::ClientContext*, const healthcheck::v1::ReviewStateRequest&,
          Resource*);

  // e.g. "finding", for help.
  std::string noun;
  // The positional argument, e.g. "FINDING", and what the help says of it.
  std::string arg;
  std::string arg_details;
  // Reads the argument as a resource name, or returns a usage error.
  std::function<absl::StatusOr<std::string>(absl::string_view)> name_of;
  // When agreeing and withdrawing are refused besides the state.
  std::string agree_details;
  std::string withdraw_details;
  Method agree;
  Method reopen;
  Method withdraw;
  std::function<std::string(const Resource&)> render;
};

// The agree, reopen and withdraw commands of `resource`: each sends the
// name and --etag, and shows the resource as it then is. A change is not
// retried: after UNAVAILABLE or DEADLINE_EXCEEDED the user checks with get.
template <typename Resource>
std::vector<Command> ReviewStateCommands(
    const ReviewedResource<Resource>& resource) {
  using Method = typename ReviewedResource<Resource>::Method;
  const auto command = [&resource](std::string verb, std::string summary,
                                   std::string details, Method method) {
    Handler run = [resource, method](const Invocation& invocation) {
      absl::StatusOr<std::string> name = resource.name_of(invocation.args[0]);
      if (!name.ok()) return name.status();
      healthcheck::v1::ReviewStateRequest request;
      request.set_name(*name);
      request.set_etag(invocation.flags.Get("etag"));
      auto stub = healthcheck::v1::FindingService::NewStub(
          invocation.connection.channel());
      Resource response;
      absl::Status status = invocation.connection.Call(
          Retry::kNever, [&](grpc::ClientContext& context) {
            return (stub.get()->*method)(&context, request, &response);
          });
      if (!status.ok()) return status;
      return Show(invocation, response, resource.render(response));
    };
    return Command{std::move(verb),
                   {resource.arg},
                   std::move(summary),
                   absl::StrCat(resource.arg_details, details,
                                " Not retried automatically: after "
                                "UNAVAILABLE or DEADLINE_EXCEEDED, check with "
                                "get."),
                   {EtagFlag(resource.noun)},
                   std::move(run)};
  };
  return {
      command("agree",
              absl::StrCat("draft -> agreed: the team's agreed ", resource.noun,
                           ", by the lead peer."),
              absl::StrCat("Anyone else is PERMISSION_DENIED. ",
                           resource.agree_details),
              resource.agree),
      command("reopen",
              absl::StrCat("agreed -> draft, by the lead peer, so that the ",
                           resource.noun, " can be changed."),
              "Anyone else is PERMISSION_DENIED.", resource.reopen),
      command("withdraw",
              absl::StrCat("draft -> withdrawn, for good; the ", resource.noun,
                           " keeps its number."),
              absl::StrCat("By the lead peer or a peer on the team. ",
                           resource.withdraw_details),
              resource.withdraw),
  };
}

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_REVIEW_STATE_COMMANDS_H_
