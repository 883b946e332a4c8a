#ifndef HC_CLIENTS_CLI_ERRORS_H_
#define HC_CLIENTS_CLI_ERRORS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace hc::cli {

// hcctl tells two kinds of failure apart: usage errors (a mistake on the
// command line or in the environment, found before any call; exit status 2)
// and everything else, chiefly RPC errors (exit status 1).

// Returns an INVALID_ARGUMENT status marked as a usage error.
absl::Status UsageError(absl::string_view message);

// A usage error about `command` (e.g. "engagements list"): "<message> for
// '<command>' (see hcctl <command> --help)".
absl::Status CommandUsageError(absl::string_view message,
                               absl::string_view command);

// True if `status` was made by UsageError or CommandUsageError.
bool IsUsageError(const absl::Status& status);

// Converts the final status of an RPC; gRPC and Abseil codes are the same
// numbers.
absl::Status FromGrpcStatus(const grpc::Status& status);

// The process exit status for the outcome of a command: 0 if `status` is
// ok, 2 for a usage error, 1 otherwise.
int ExitCode(const absl::Status& status);

// The one line hcctl prints on stderr for a failed command, without the
// "hcctl: " prefix or a newline: the message of a usage error, otherwise
// "CODE: message". Line breaks in the message become spaces.
std::string ErrorLine(const absl::Status& status);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ERRORS_H_
