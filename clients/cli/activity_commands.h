#ifndef HC_CLIENTS_CLI_ACTIVITY_COMMANDS_H_
#define HC_CLIENTS_CLI_ACTIVITY_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `activities` commands (FieldworkService): plan, list, get, update,
// held, cancel and timetable, on an engagement's fieldwork plan.
CommandGroup ActivityCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ACTIVITY_COMMANDS_H_
