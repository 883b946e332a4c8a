#ifndef HC_CLIENTS_CLI_PROGRAMME_COMMANDS_H_
#define HC_CLIENTS_CLI_PROGRAMME_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `programme` commands: overview and dashboard.
CommandGroup ProgrammeCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_PROGRAMME_COMMANDS_H_
