#ifndef HC_CLIENTS_CLI_OPTIONS_H_
#define HC_CLIENTS_CLI_OPTIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/cli/args.h"

namespace hc::cli {

// The options every command takes: where to connect, as whom, how to print.
struct GlobalOptions {
  // HOST:PORT of the server.
  std::string server;
  // The bearer token sent with every call.
  std::string token;
  // PEM root certificates; empty for an insecure (plaintext) channel.
  std::string tls_ca_pem;
  // Print responses as JSON instead of text.
  bool json = false;
  // The deadline of each call.
  absl::Duration timeout;
};

// The flags behind GlobalOptions, plus --help. They may appear anywhere on
// the command line.
std::vector<FlagSpec> GlobalFlagSpecs();

// Resolves the options from the flags, then the environment (HC_SERVER,
// HC_TOKEN, HC_TOKEN_FILE), then the defaults. Reads the token file (its
// contents trimmed) and the CA file; without `token_required`, no token is
// read. Returns a usage error for a missing or malformed token, an
// unreadable file, or a timeout that is not a positive number of seconds.
absl::StatusOr<GlobalOptions> ResolveGlobalOptions(const FlagValues& flags,
                                                   bool token_required = true);

// Reads a whole file; a usage error naming `what` if it cannot be read.
absl::StatusOr<std::string> ReadFile(absl::string_view what, const std::string& path);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_OPTIONS_H_
