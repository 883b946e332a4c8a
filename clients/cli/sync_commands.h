#ifndef HC_CLIENTS_CLI_SYNC_COMMANDS_H_
#define HC_CLIENTS_CLI_SYNC_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// `hcctl sync`: uploads the offline note queue (see note_sync.h), or with
// --list shows what waits in it and what was set aside.
CommandGroup SyncCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_SYNC_COMMANDS_H_
