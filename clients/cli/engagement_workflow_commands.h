#ifndef HC_CLIENTS_CLI_ENGAGEMENT_WORKFLOW_COMMANDS_H_
#define HC_CLIENTS_CLI_ENGAGEMENT_WORKFLOW_COMMANDS_H_

#include <vector>

#include "clients/cli/command.h"

namespace hc::cli {

// The `engagements` commands that move an engagement on: add-member,
// remove-member and one per stage transition (begin-desk-research ...
// cancel). Each prints the engagement as it is afterwards; none is retried.
std::vector<Command> EngagementWorkflowCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ENGAGEMENT_WORKFLOW_COMMANDS_H_
