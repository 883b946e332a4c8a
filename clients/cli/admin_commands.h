#ifndef HC_CLIENTS_CLI_ADMIN_COMMANDS_H_
#define HC_CLIENTS_CLI_ADMIN_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `admin` commands (AdminService): backup, verify-audit.
CommandGroup AdminCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ADMIN_COMMANDS_H_
