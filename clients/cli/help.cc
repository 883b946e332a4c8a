#include "clients/cli/help.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace hc::cli {
namespace {

constexpr size_t kLineWidth = 79;

using Row = std::pair<std::string, std::string>;

// `text` broken into lines of at most kLineWidth - `indent` characters (a
// longer word gets a line of its own), each indented by `indent` spaces.
std::string Wrap(absl::string_view text, size_t indent) {
  const std::string margin(indent, ' ');
  std::string wrapped;
  std::string line;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!line.empty() && line.size() + 1 + word.size() > kLineWidth - indent) {
      absl::StrAppend(&wrapped, margin, line, "\n");
      line.clear();
    }
    absl::StrAppend(&line, line.empty() ? "" : " ", word);
  }
  if (!line.empty()) absl::StrAppend(&wrapped, margin, line, "\n");
  return wrapped;
}

// Two columns: the names aligned, each description wrapped beside its name.
std::string Columns(const std::vector<Row>& rows) {
  size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.first.size());
  const size_t indent = 2 + width + 2;
  std::string text;
  for (const auto& [name, description] : rows) {
    // The first line of the description goes beside the name, so it drops
    // its margin.
    const std::string body = Wrap(description, indent);
    absl::StrAppend(&text, "  ", name,
                    std::string(width - name.size() + 2, ' '),
                    body.empty() ? "\n" : body.substr(indent));
  }
  return text;
}

std::string FlagColumns(const std::vector<FlagSpec>& flags) {
  if (flags.empty()) return "  (none)\n";
  std::vector<Row> rows;
  for (const FlagSpec& flag : flags) {
    std::string name = absl::StrCat("--", flag.name);
    if (!flag.value_name.empty()) absl::StrAppend(&name, "=", flag.value_name);
    std::string help = flag.help;
    if (flag.required) help = absl::StrCat("Required. ", help);
    if (flag.repeated) absl::StrAppend(&help, " Repeat for more.");
    rows.emplace_back(std::move(name), std::move(help));
  }
  return Columns(rows);
}

}  // namespace

std::string TopHelp(const std::vector<CommandGroup>& groups,
                    const std::vector<FlagSpec>& global_flags) {
  std::vector<Row> resources;
  for (const CommandGroup& group : groups) {
    resources.emplace_back(group.name, group.summary);
  }
  return absl::StrCat(
      "hcctl: the command-line client of the partnership health check "
      "server.\n\n"
      "Usage: hcctl [global flags] RESOURCE COMMAND [ARGS] [flags]\n\n"
      "Resources:\n",
      Columns(resources), "\nGlobal flags (anywhere on the line):\n",
      FlagColumns(global_flags), "\n",
      Wrap("Flags are given as --name=value or --name value. Enum values are "
           "case-insensitive, without their prefix (fire_and_rescue or "
           "fire-and-rescue). Dates are YYYY-MM-DD. Resources are named in "
           "full (engagements/abc) or by bare id (abc). Exit status: 0 on "
           "success, 1 when a call fails, 2 for a usage error.",
           0),
      "\nRun 'hcctl RESOURCE --help' for its commands.\n");
}

std::string GroupHelp(const CommandGroup& group) {
  std::vector<Row> commands;
  for (const Command& command : group.commands) {
    commands.emplace_back(command.verb, command.summary);
  }
  return absl::StrCat("Usage: hcctl ", group.name,
                      " COMMAND [ARGS] [flags]\n\n", Wrap(group.summary, 0),
                      "\nCommands:\n", Columns(commands), "\nRun 'hcctl ",
                      group.name, " COMMAND --help' for its flags.\n");
}

std::string CommandHelp(const CommandGroup& group, const Command& command,
                        const std::vector<FlagSpec>& global_flags) {
  std::string usage = absl::StrCat("hcctl ", group.name);
  if (!command.verb.empty()) absl::StrAppend(&usage, " ", command.verb);
  for (const std::string& arg : command.args) absl::StrAppend(&usage, " ", arg);
  std::string text =
      absl::StrCat("Usage: ", usage, " [flags]\n\n", Wrap(command.summary, 0));
  if (!command.details.empty()) {
    absl::StrAppend(&text, "\n", Wrap(command.details, 0));
  }
  // A comment's id is unique only within its questionnaire, an activity's,
  // a document's, a note's, a finding's or a recommendation's within its
  // engagement, so they are always named in full (their commands' details
  // say so). Nor are words, such as WORDS..., resources.
  static const std::set<std::string> kNamedInFull = {
      "COMMENT", "ACTIVITY", "DOCUMENT", "NOTE", "FINDING", "RECOMMENDATION"};
  std::vector<std::string> by_id;
  for (const std::string& arg : command.args) {
    if (!kNamedInFull.contains(arg) && !absl::EndsWith(arg, "...")) {
      by_id.push_back(arg);
    }
  }
  if (!by_id.empty()) {
    absl::StrAppend(&text, "\n",
                    Wrap(absl::StrCat(absl::StrJoin(by_id, ", "),
                                      ": a full resource name or a bare id."),
                         0));
  }
  absl::StrAppend(&text, "\nFlags:\n", FlagColumns(command.flags),
                  "\nGlobal flags:\n", FlagColumns(global_flags));
  return text;
}

}  // namespace hc::cli
