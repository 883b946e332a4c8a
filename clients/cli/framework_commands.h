#ifndef HC_CLIENTS_CLI_FRAMEWORK_COMMANDS_H_
#define HC_CLIENTS_CLI_FRAMEWORK_COMMANDS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/command.h"

namespace hc::cli {

// The `frameworks` commands (FrameworkService): list, get, create.
CommandGroup FrameworkCommands();

// The name of the benchmark version that `text` means, given as
// frameworks/{id}/versions/{version} or {id}/{version} (returned without a
// call), or as a bare {id} or frameworks/{id}: the highest version of that
// id, found by listing every framework (NOT_FOUND if there is none). A
// malformed `text` is a usage error naming `what` (e.g. "--framework").
absl::StatusOr<std::string> ResolveFrameworkVersion(
    const Invocation& invocation, absl::string_view what,
    absl::string_view text);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FRAMEWORK_COMMANDS_H_
