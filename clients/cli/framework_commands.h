#ifndef HC_CLIENTS_CLI_FRAMEWORK_COMMANDS_H_
#define HC_CLIENTS_CLI_FRAMEWORK_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `frameworks` commands (FrameworkService): list, get, create.
CommandGroup FrameworkCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FRAMEWORK_COMMANDS_H_
