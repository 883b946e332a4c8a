#ifndef HC_CLIENTS_CLI_TOKEN_COMMANDS_H_
#define HC_CLIENTS_CLI_TOKEN_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `tokens` commands (AccessService): list, revoke. `hcctl login` makes
// them.
CommandGroup TokenCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_TOKEN_COMMANDS_H_
