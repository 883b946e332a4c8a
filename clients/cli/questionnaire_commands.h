#ifndef HC_CLIENTS_CLI_QUESTIONNAIRE_COMMANDS_H_
#define HC_CLIENTS_CLI_QUESTIONNAIRE_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `questionnaires` commands (QuestionnaireService): create, get,
// update, close, invite, invitations, rates. Each takes the engagement
// whose singleton questionnaire it acts on.
CommandGroup QuestionnaireCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_QUESTIONNAIRE_COMMANDS_H_
