#ifndef HC_CLIENTS_CLI_PLAN_COMMANDS_H_
#define HC_CLIENTS_CLI_PLAN_COMMANDS_H_

#include <vector>

#include "clients/cli/command.h"

namespace hc::cli {

// The `plan` commands (ImprovementPlanService): the plan itself (`plan
// show|approve|suggestions`) and the nested groups `plan actions`, `plan
// updates` and `plan check-ins`.
std::vector<CommandGroup> PlanCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_PLAN_COMMANDS_H_
