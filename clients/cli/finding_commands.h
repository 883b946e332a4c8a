#ifndef HC_CLIENTS_CLI_FINDING_COMMANDS_H_
#define HC_CLIENTS_CLI_FINDING_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `findings` commands (FindingService): the review team drafts, lists,
// reads and changes its findings; the lead peer agrees and reopens them.
CommandGroup FindingCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FINDING_COMMANDS_H_
