#ifndef HC_CLIENTS_CLI_DOCUMENT_COMMANDS_H_
#define HC_CLIENTS_CLI_DOCUMENT_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `documents` commands (FieldworkService): add, list, get and update
// the documents an engagement's review team reads in desk research.
CommandGroup DocumentCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_DOCUMENT_COMMANDS_H_
