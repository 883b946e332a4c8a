#ifndef HC_CLIENTS_CLI_NOTE_COMMANDS_H_
#define HC_CLIENTS_CLI_NOTE_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `notes` commands (EvidenceService): add, edit, get, list and search
// the review team's evidence notes. add and edit queue their write in the
// offline note queue when the server cannot be reached (see hcctl sync).
CommandGroup NoteCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_NOTE_COMMANDS_H_
