#ifndef HC_CLIENTS_CLI_PEER_COMMANDS_H_
#define HC_CLIENTS_CLI_PEER_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `peers` commands: create, get, list, update, delete.
CommandGroup PeerCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_PEER_COMMANDS_H_
