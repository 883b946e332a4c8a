#ifndef HC_CLIENTS_CLI_ENGAGEMENT_COMMANDS_H_
#define HC_CLIENTS_CLI_ENGAGEMENT_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `engagements` commands: create, get, list, update, the team and
// stage transitions (engagement_workflow_commands.h), history.
CommandGroup EngagementCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ENGAGEMENT_COMMANDS_H_
