#ifndef HC_CLIENTS_CLI_DISPATCH_H_
#define HC_CLIENTS_CLI_DISPATCH_H_

#include <ostream>
#include <string>
#include <vector>

#include "clients/cli/command.h"

namespace hc::cli {

// Runs hcctl on `args` (argv without the program name): finds the command
// among `groups`, prints help if asked, else parses and checks the flags and
// arguments, connects and runs the command. Output and help go to `out`; a
// failure prints exactly one line, "hcctl: ...", to `err`. Returns the exit
// status: 0 on success, 1 when a call fails, 2 for a usage error.
int Run(const std::vector<std::string>& args,
        const std::vector<CommandGroup>& groups, std::ostream& out,
        std::ostream& err);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_DISPATCH_H_
