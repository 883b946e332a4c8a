#include "clients/cli/paging.h"

#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "clients/cli/errors.h"

namespace hc::cli {
namespace {

// `text` as one POSIX shell word.
std::string ShellQuote(absl::string_view text) {
  const bool plain = !text.empty() && absl::c_all_of(text, [](char c) {
    return absl::ascii_isalnum(c) || absl::StrContains("_-./:=@%+,", c);
  });
  if (plain) return std::string(text);
  return absl::StrCat("'", absl::StrReplaceAll(text, {{"'", "'\\''"}}), "'");
}

const FlagSpec* CommandFlag(const Command& command, absl::string_view name) {
  auto it = absl::c_find_if(command.flags, [name](const FlagSpec& spec) {
    return spec.name == name;
  });
  return it == command.flags.end() ? nullptr : &*it;
}

}  // namespace

std::vector<FlagSpec> PagingFlags() {
  return {
      {"page-size", "N", "At most N items per page (server default 50)."},
      {"page-token", "TOKEN", "Continue from a previous page."},
      {"all", "", "Follow the pages to the end."},
  };
}

absl::StatusOr<Paging> ReadPaging(const FlagValues& flags) {
  Paging paging;
  if (flags.Has("page-size") &&
      (!absl::SimpleAtoi(flags.Get("page-size"), &paging.page_size) ||
       paging.page_size < 0)) {
    return UsageError(absl::StrCat("invalid --page-size \"",
                                   flags.Get("page-size"),
                                   "\": expected a whole number, 0 or more"));
  }
  paging.page_token = flags.Get("page-token");
  paging.all = flags.IsOn("all");
  return paging;
}

std::string NextPageHint(const Invocation& invocation,
                         absl::string_view page_token) {
  std::vector<std::string> words = {"hcctl", invocation.path};
  for (const std::string& arg : invocation.args) {
    words.push_back(ShellQuote(arg));
  }
  for (const auto& [name, value] : invocation.flags.entries()) {
    const FlagSpec* spec = CommandFlag(invocation.command, name);
    if (spec == nullptr || name == "page-token") continue;
    const bool bare_switch = spec->value_name.empty() && value == "true";
    words.push_back(bare_switch
                        ? absl::StrCat("--", name)
                        : absl::StrCat("--", name, "=", ShellQuote(value)));
  }
  words.push_back(absl::StrCat("--page-token=", ShellQuote(page_token)));
  return absl::StrCat("next page: ", absl::StrJoin(words, " "), "\n");
}

}  // namespace hc::cli
