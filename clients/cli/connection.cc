#include "clients/cli/connection.h"

#include <chrono>
#include <cstdlib>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "clients/cli/errors.h"
#include "grpc/support/log.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace hc::cli {
namespace {

constexpr int kMaxRetries = 3;
constexpr absl::Duration kFirstBackoff = absl::Milliseconds(250);

std::shared_ptr<grpc::ChannelCredentials> Credentials(
    const GlobalOptions& options) {
  if (options.tls_ca_pem.empty()) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = options.tls_ca_pem;
  return grpc::SslCredentials(ssl);
}

// hcctl reports a failure itself, in one line, so gRPC's own log lines are
// dropped unless the user asks for them with GRPC_VERBOSITY.
void NoLog(gpr_log_func_args* /*args*/) {}

void QuietGrpcLogging() {
  if (std::getenv("GRPC_VERBOSITY") == nullptr) gpr_set_log_function(NoLog);
}

// Worth another try after a pause: the server could not be reached, took
// too long, or was too busy to take the call (RESOURCE_EXHAUSTED: its queue,
// or this token's calls in flight, were full).
bool IsTransient(grpc::StatusCode code) {
  return code == grpc::StatusCode::UNAVAILABLE ||
         code == grpc::StatusCode::DEADLINE_EXCEEDED ||
         code == grpc::StatusCode::RESOURCE_EXHAUSTED;
}

}  // namespace

Connection::Connection(const GlobalOptions& options)
    : authorization_(options.token.empty() ? "" : absl::StrCat("Bearer ", options.token)),
      timeout_(options.timeout) {
  QuietGrpcLogging();
  // Named in the user agent, so a session it signs in is shown as hcctl's.
  grpc::ChannelArguments arguments;
  arguments.SetUserAgentPrefix("hcctl");
  channel_ = grpc::CreateCustomChannel(options.server, Credentials(options), arguments);
}

Connection Connection::WithToken(absl::string_view token) const {
  Connection copy = *this;
  copy.authorization_ = token.empty() ? "" : absl::StrCat("Bearer ", token);
  return copy;
}

absl::Status Connection::Call(
    Retry retry,
    const std::function<grpc::Status(grpc::ClientContext&)>& rpc) const {
  const int attempts = retry == Retry::kWhenTransient ? 1 + kMaxRetries : 1;
  absl::Duration backoff = kFirstBackoff;
  for (int attempt = 1;; ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         absl::ToChronoMilliseconds(timeout_));
    if (!authorization_.empty()) context.AddMetadata("authorization", authorization_);
    const grpc::Status status = rpc(context);
    if (status.ok() || attempt == attempts ||
        !IsTransient(status.error_code())) {
      absl::Status result = FromGrpcStatus(status);
      if (result.ok() || attempt == 1) return result;
      return absl::Status(
          result.code(),
          absl::StrCat(result.message(), " (after ", attempt, " attempts)"));
    }
    absl::SleepFor(backoff);
    backoff *= 2;
  }
}

}  // namespace hc::cli
