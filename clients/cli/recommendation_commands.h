#ifndef HC_CLIENTS_CLI_RECOMMENDATION_COMMANDS_H_
#define HC_CLIENTS_CLI_RECOMMENDATION_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `recommendations` commands (FindingService): the review team drafts
// what the partnership should do about its findings; the lead peer agrees.
CommandGroup RecommendationCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_RECOMMENDATION_COMMANDS_H_
