#ifndef HC_CLIENTS_CLI_COMMAND_H_
#define HC_CLIENTS_CLI_COMMAND_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "clients/cli/args.h"
#include "clients/cli/connection.h"
#include "google/protobuf/message.h"

namespace hc::cli {

struct Command;

// What a command's handler is given. The positional arguments have been
// counted and the required flags checked.
struct Invocation {
  const Command& command;
  // "<resource> <command>", e.g. "engagements list".
  std::string path;
  const std::vector<std::string>& args;
  const FlagValues& flags;
  const Connection& connection;
  bool json;
  std::ostream& out;
  // For what is not the command's result: notices such as "queued: ...",
  // and the details of a conflict that precede the one-line error.
  std::ostream& err;
};

// Runs a command: returns a usage error for bad input, the RPC's status on
// failure. Prints only on success.
using Handler = std::function<absl::Status(const Invocation&)>;

// One subcommand, e.g. "engagements add-member".
struct Command {
  // e.g. "add-member"; empty for the command a group runs when given no
  // verb, e.g. `hcctl sync`.
  std::string verb;
  // The names of the required positional arguments, e.g. {"ENGAGEMENT"}.
  std::vector<std::string> args;
  // One line for the resource's help.
  std::string summary;
  // More for the command's own help; may be empty.
  std::string details;
  // The command's flags, besides the global ones.
  std::vector<FlagSpec> flags;
  Handler run;
  // Whether the command proves who it is by its own means (a password, a
  // set-password link) rather than with a token.
  bool without_token = false;
};

// The commands on one kind of resource, e.g. "engagements".
struct CommandGroup {
  std::string name;
  std::string summary;
  std::vector<Command> commands;
};

// The command of `group` called `verb`, or nullptr.
const Command* FindCommand(const CommandGroup& group, absl::string_view verb);

// Prints a response: as JSON with --json, else `text`.
absl::Status Show(const Invocation& invocation,
                  const google::protobuf::Message& response,
                  absl::string_view text);

// The flag --etag, guarding a write against lost updates.
FlagSpec EtagFlag(absl::string_view resource);

// The usage error of an update given no field to change.
absl::Status NothingToUpdate(const Invocation& invocation);

// What the help of a create says about retries.
inline constexpr char kCreateDetails[] =
    "Sends a random request_id and, on UNAVAILABLE or DEADLINE_EXCEEDED, "
    "retries the same request up to 3 times: a retry never creates a "
    "second one.";

// What the help of an update says about its mask.
inline constexpr char kUpdateDetails[] =
    "The update mask names exactly the fields whose flags are given. A "
    "repeatable flag given once with an empty value (--NAME=) empties its "
    "list; a date flag with an empty value unsets the date.";

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_COMMAND_H_
