#ifndef HC_CLIENTS_CLI_CONNECTION_H_
#define HC_CLIENTS_CLI_CONNECTION_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "clients/cli/options.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace hc::cli {

// Whether a call may be sent again after UNAVAILABLE or DEADLINE_EXCEEDED:
// reads, and creates that carry a request_id, are safe to repeat.
enum class Retry { kNever, kWhenTransient };

// A channel to the server, and the way every call is made on it: with the
// bearer token and a deadline. Thread-compatible.
class Connection {
 public:
  // Makes a TLS channel if options.tls_ca_pem is set, else a plaintext one.
  // Connects lazily, on the first call. Silences gRPC's own logging for the
  // process unless GRPC_VERBOSITY is set.
  explicit Connection(const GlobalOptions& options);

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }

  // The same channel, calling with `token` instead (or with none if it is
  // empty).
  Connection WithToken(absl::string_view token) const;

  // Runs `rpc` with a fresh context carrying "authorization: Bearer <token>"
  // and a deadline of the configured timeout. With Retry::kWhenTransient, an
  // UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED attempt is repeated up to 3 times after
  // waiting 0.25 s, 0.5 s and 1 s. Returns the status of the last attempt.
  absl::Status Call(
      Retry retry,
      const std::function<grpc::Status(grpc::ClientContext&)>& rpc) const;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::string authorization_;
  absl::Duration timeout_;
};

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_CONNECTION_H_
