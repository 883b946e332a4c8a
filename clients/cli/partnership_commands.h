#ifndef HC_CLIENTS_CLI_PARTNERSHIP_COMMANDS_H_
#define HC_CLIENTS_CLI_PARTNERSHIP_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `partnerships` commands: create, get, list, update, delete.
CommandGroup PartnershipCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_PARTNERSHIP_COMMANDS_H_
