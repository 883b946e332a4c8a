#include "clients/cli/errors.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace hc::cli {
namespace {

// The payload that marks a usage error; its content is unused.
constexpr absl::string_view kUsagePayload = "type.hcctl/UsageError";

}  // namespace

absl::Status UsageError(absl::string_view message) {
  absl::Status status(absl::StatusCode::kInvalidArgument, message);
  status.SetPayload(kUsagePayload, absl::Cord());
  return status;
}

absl::Status CommandUsageError(absl::string_view message,
                               absl::string_view command) {
  return UsageError(absl::StrCat(message, " for '", command, "' (see hcctl ",
                                 command, " --help)"));
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

int ExitCode(const absl::Status& status) {
  if (status.ok()) return 0;
  return IsUsageError(status) ? 2 : 1;
}

std::string ErrorLine(const absl::Status& status) {
  std::string message = absl::StrReplaceAll(
      status.message(), {{"\r\n", " "}, {"\n", " "}, {"\r", " "}});
  if (IsUsageError(status)) return message;
  return absl::StrCat(absl::StatusCodeToString(status.code()), ": ", message);
}

}  // namespace hc::cli
