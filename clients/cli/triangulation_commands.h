#ifndef HC_CLIENTS_CLI_TRIANGULATION_COMMANDS_H_
#define HC_CLIENTS_CLI_TRIANGULATION_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `triangulation` command (EvidenceService.GetTriangulation): the
// evidence per principle, and where the team should look further.
CommandGroup TriangulationCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_TRIANGULATION_COMMANDS_H_
