#ifndef HC_CLIENTS_CLI_ACCOUNT_COMMANDS_H_
#define HC_CLIENTS_CLI_ACCOUNT_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// `hcctl login`: signs in with an email and password and creates a personal
// access token for hcctl (the session it used is ended at once).
CommandGroup LoginCommand();

// `hcctl set-password`: sets a password with a set-password link, for those
// who would rather not open it in a browser.
CommandGroup SetPasswordCommand();

// The `people` commands (UserService, programme leads): invite, list, show,
// suspend, reactivate, new-link.
CommandGroup PeopleCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ACCOUNT_COMMANDS_H_
