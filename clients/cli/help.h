#ifndef HC_CLIENTS_CLI_HELP_H_
#define HC_CLIENTS_CLI_HELP_H_

#include <string>
#include <vector>

#include "clients/cli/args.h"
#include "clients/cli/command.h"

namespace hc::cli {

// The --help texts, each ending in a newline.

// `hcctl --help`: the resources and the global flags.
std::string TopHelp(const std::vector<CommandGroup>& groups,
                    const std::vector<FlagSpec>& global_flags);

// `hcctl <resource> --help`: the resource's commands.
std::string GroupHelp(const CommandGroup& group);

// `hcctl <resource> <command> --help`: usage, description, and every flag
// the command takes, its own and the global ones.
std::string CommandHelp(const CommandGroup& group, const Command& command,
                        const std::vector<FlagSpec>& global_flags);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_HELP_H_
