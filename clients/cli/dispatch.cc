#include "clients/cli/dispatch.h"

#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/args.h"
#include "clients/cli/connection.h"
#include "clients/cli/errors.h"
#include "clients/cli/help.h"
#include "clients/cli/options.h"

namespace hc::cli {
namespace {

const CommandGroup* FindGroup(const std::vector<CommandGroup>& groups,
                              absl::string_view name) {
  auto it = absl::c_find_if(
      groups, [name](const CommandGroup& group) { return group.name == name; });
  return it == groups.end() ? nullptr : &*it;
}

// Checks the positional arguments and the required flags of `command`. A
// last argument named "...", e.g. "WORDS...", takes one or more words.
absl::Status CheckArgs(const Command& command, absl::string_view path,
                       const ParsedArgs& parsed) {
  const size_t given = parsed.positionals.size();
  const bool open_ended =
      !command.args.empty() && absl::EndsWith(command.args.back(), "...");
  if (given > command.args.size() && !open_ended) {
    return CommandUsageError(
        absl::StrCat("unexpected argument '",
                     parsed.positionals[command.args.size()], "'"),
        path);
  }
  if (given < command.args.size()) {
    return CommandUsageError(
        absl::StrCat("missing ", absl::StrJoin(command.args, " ")), path);
  }
  for (const FlagSpec& flag : command.flags) {
    if (flag.required && !parsed.flags.Has(flag.name)) {
      return CommandUsageError(absl::StrCat("missing --", flag.name), path);
    }
  }
  return absl::OkStatus();
}

absl::Status RunCommand(const CommandGroup& group, const Command& command,
                        const std::vector<std::string>& tokens,
                        std::vector<FlagSpec> specs, std::ostream& out,
                        std::ostream& err) {
  const std::string path =
      command.verb.empty() ? group.name
                           : absl::StrCat(group.name, " ", command.verb);
  specs.insert(specs.end(), command.flags.begin(), command.flags.end());
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(tokens, specs, path);
  if (!parsed.ok()) return parsed.status();
  if (absl::Status status = CheckArgs(command, path, *parsed); !status.ok()) {
    return status;
  }
  absl::StatusOr<GlobalOptions> options =
      ResolveGlobalOptions(parsed->flags, !command.without_token);
  if (!options.ok()) return options.status();
  const Connection connection(*options);
  return command.run(Invocation{command, path, parsed->positionals,
                                parsed->flags, connection, options->json, out,
                                err});
}

// Finds what to do and does it: print help or run a command.
absl::Status Dispatch(const std::vector<std::string>& args,
                      const std::vector<CommandGroup>& groups,
                      std::ostream& out, std::ostream& err) {
  const std::vector<FlagSpec> global_flags = GlobalFlagSpecs();
  std::vector<std::string> nested;
  for (const CommandGroup& group : groups) {
    if (absl::StrContains(group.name, ' ')) nested.push_back(group.name);
  }
  CommandPath path = SplitCommandPath(args, global_flags, nested);
  // A nested group's two words name it: {"plan", "actions", "add"} runs
  // "add" of the group "plan actions".
  if (path.words.size() >= 2 &&
      absl::c_linear_search(nested, absl::StrCat(path.words[0], " ", path.words[1]))) {
    path.words[1] = absl::StrCat(path.words[0], " ", path.words[1]);
    path.words.erase(path.words.begin());
  }
  if (path.words.empty()) {
    if (!path.help) return UsageError("missing resource (see hcctl --help)");
    out << TopHelp(groups, global_flags);
    return absl::OkStatus();
  }
  const CommandGroup* group = FindGroup(groups, path.words[0]);
  if (group == nullptr) {
    return UsageError(absl::StrCat("unknown resource '", path.words[0],
                                   "' (see hcctl --help)"));
  }
  // A group run without a verb (`hcctl set-password LINK`) takes the word
  // after it as its first argument.
  if (path.words.size() == 2 && FindCommand(*group, path.words[1]) == nullptr &&
      FindCommand(*group, "") != nullptr) {
    path.rest.insert(path.rest.begin(), path.words[1]);
    path.words.pop_back();
  }
  if (path.words.size() == 1) {
    if (const Command* only = FindCommand(*group, ""); only != nullptr) {
      if (path.help) {
        out << CommandHelp(*group, *only, global_flags);
        return absl::OkStatus();
      }
      return RunCommand(*group, *only, path.rest, global_flags, out, err);
    }
    if (!path.help) return CommandUsageError("missing command", group->name);
    out << GroupHelp(*group);
    return absl::OkStatus();
  }
  const Command* command = FindCommand(*group, path.words[1]);
  if (command == nullptr) {
    return CommandUsageError(
        absl::StrCat("unknown command '", path.words[1], "'"), group->name);
  }
  if (path.help) {
    out << CommandHelp(*group, *command, global_flags);
    return absl::OkStatus();
  }
  return RunCommand(*group, *command, path.rest, global_flags, out, err);
}

}  // namespace

int Run(const std::vector<std::string>& args,
        const std::vector<CommandGroup>& groups, std::ostream& out,
        std::ostream& err) {
  const absl::Status status = Dispatch(args, groups, out, err);
  if (!status.ok()) err << "hcctl: " << ErrorLine(status) << "\n";
  return ExitCode(status);
}

}  // namespace hc::cli
