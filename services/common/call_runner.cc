#include "services/common/call_runner.h"

#include <chrono>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/common/log.h"

namespace hc::services {
namespace {

constexpr absl::string_view kBearer = "Bearer ";

}  // namespace

CallRunner::CallRunner(app::AccessAppService& access, Executor& executor)
    : access_(access), executor_(executor) {}

absl::StatusOr<domain::Principal> CallRunner::Authenticate(grpc::CallbackServerContext* context) {
  const auto& metadata = context->client_metadata();
  const auto found = metadata.find("authorization");
  if (found == metadata.end()) {
    return absl::UnauthenticatedError(
        "missing credentials: send the header 'authorization: Bearer <token>'");
  }
  absl::string_view value(found->second.data(), found->second.size());
  if (!absl::ConsumePrefix(&value, kBearer) || value.empty()) {
    return absl::UnauthenticatedError("the authorization header must be 'Bearer <token>'");
  }
  return access_.Authenticate(value);
}

grpc::ServerUnaryReactor* CallRunner::Run(grpc::CallbackServerContext* context,
                                          absl::string_view method, Handler handler) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  RunWith(context, method, std::move(handler),
          [reactor](const grpc::Status& reply) { reactor->Finish(reply); });
  return reactor;
}

void CallRunner::RunWith(grpc::CallbackServerContext* context, absl::string_view method,
                         Handler handler, Finish finish) {
  executor_.Schedule([this, context, method, handler = std::move(handler),
                      finish = std::move(finish)] {
    const absl::Time start = absl::Now();
    absl::Status status;
    std::string actor = "-";
    if (context->IsCancelled()) {
      status = absl::CancelledError("the call was cancelled");
    } else if (context->deadline() < std::chrono::system_clock::now()) {
      status = absl::DeadlineExceededError("the call's deadline passed before it ran");
    } else {
      absl::StatusOr<domain::Principal> principal = Authenticate(context);
      status = principal.status();
      if (principal.ok()) {
        actor = absl::StrCat("accessTokens/", principal->token_id);
        status = handler(*principal);
      }
    }
    const grpc::Status reply = ToGrpcStatus(status);
    LogLine(status.ok() ? "info" : "warn", "rpc",
            {{"method", method},
             {"code", absl::StatusCodeToString(status.code())},
             {"ms", absl::StrFormat("%.3f", absl::ToDoubleMilliseconds(absl::Now() - start))},
             {"actor", actor},
             {"peer", context->peer()}});
    finish(reply);
  });
}

}  // namespace hc::services
