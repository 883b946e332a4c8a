#ifndef HC_CLIENTS_CLI_REPORT_COMMANDS_H_
#define HC_CLIENTS_CLI_REPORT_COMMANDS_H_

#include "clients/cli/command.h"

namespace hc::cli {

// The `reports` commands (ReportService): versions of the written report
// generated, reviewed, checked, published, commented on and downloaded.
CommandGroup ReportCommands();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_REPORT_COMMANDS_H_
