#ifndef HC_CLIENTS_CLI_FEEDBACK_COMMANDS_H_
#define HC_CLIENTS_CLI_FEEDBACK_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `feedback` command (FindingService.GetInitialFeedback): the
// end-of-day-3 feedback as text, or saved as its HTML page.
CommandGroup FeedbackCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FEEDBACK_COMMANDS_H_
