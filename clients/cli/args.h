#ifndef HC_CLIENTS_CLI_ARGS_H_
#define HC_CLIENTS_CLI_ARGS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::cli {

// One flag a command accepts, for parsing and for --help.
struct FlagSpec {
  // Without the leading "--", e.g. "page-size".
  std::string name;
  // The placeholder shown in help, e.g. "N"; empty for a switch such as
  // --all, which takes no value (or an explicit =true / =false).
  std::string value_name;
  // One line of help.
  std::string help;
  // May be given more than once; the values accumulate in order.
  bool repeated = false;
  // Must be given.
  bool required = false;
};

// The flags given on a command line, in the order given. A switch has the
// value "true" or "false".
class FlagValues {
 public:
  // Records one occurrence of flag `name`.
  void Add(std::string name, std::string value);

  bool Has(absl::string_view name) const;
  // The value of flag `name` (the last one, for a repeated flag); "" if it
  // was not given.
  std::string Get(absl::string_view name) const;
  // Every value of flag `name`, in order; empty if it was not given.
  std::vector<std::string> GetAll(absl::string_view name) const;
  // True if switch `name` was given and not as --name=false.
  bool IsOn(absl::string_view name) const;

  // Every (name, value) in the order given.
  const std::vector<std::pair<std::string, std::string>>& entries() const {
    return entries_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

// A command line split into its command path and everything else.
struct CommandPath {
  // The first two words that are neither flags nor flag values: the
  // resource and the command, e.g. {"engagements", "list"}; three for a
  // nested group, e.g. {"plan", "actions", "add"}. Fewer if absent.
  std::vector<std::string> words;
  // True if --help or -h was given anywhere.
  bool help = false;
  // Every other token, in order (flags, their values, positional
  // arguments), without --help and -h.
  std::vector<std::string> rest;
};

// Finds the command path in `tokens` (argv without the program name). A
// token after one of `global_flags` given as "--name value" is that flag's
// value, not a word, so global flags may come before the command. When the
// first two words are one of `nested_groups` (e.g. "plan actions"), a third
// word is the command.
CommandPath SplitCommandPath(const std::vector<std::string>& tokens,
                             const std::vector<FlagSpec>& global_flags,
                             const std::vector<std::string>& nested_groups = {});

// A command's flags and positional arguments.
struct ParsedArgs {
  FlagValues flags;
  std::vector<std::string> positionals;
};

// Parses `tokens` against `specs`, accepting "--name=value", "--name value"
// and "--switch". Returns a usage error that names `command` (e.g.
// "engagements list") for an unknown flag, a flag without its value, a
// switch with a value other than true/false, or a non-repeated flag given
// twice.
absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& tokens,
                                     const std::vector<FlagSpec>& specs,
                                     absl::string_view command);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_ARGS_H_
