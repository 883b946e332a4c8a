#include "clients/cli/args.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"

namespace hc::cli {
namespace {

bool IsFlag(absl::string_view token) {
  return token.size() > 2 && absl::StartsWith(token, "--");
}

bool IsHelp(absl::string_view token) {
  return token == "--help" || token == "-h";
}

const FlagSpec* FindSpec(const std::vector<FlagSpec>& specs,
                         absl::string_view name) {
  auto it = absl::c_find_if(
      specs, [name](const FlagSpec& spec) { return spec.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

// A flag token split at its first '=': "--name=value" or "--name".
struct FlagToken {
  std::string name;
  std::optional<std::string> value;
};

FlagToken SplitFlag(absl::string_view token) {
  token.remove_prefix(2);
  const size_t equals = token.find('=');
  if (equals == absl::string_view::npos) return {std::string(token), {}};
  return {std::string(token.substr(0, equals)),
          std::string(token.substr(equals + 1))};
}

// Walks the tokens of one command once, left to right.
class Parser {
 public:
  Parser(const std::vector<std::string>& tokens,
         const std::vector<FlagSpec>& specs, absl::string_view command)
      : tokens_(tokens), specs_(specs), command_(command) {}

  absl::StatusOr<ParsedArgs> Run() {
    for (next_ = 0; next_ < tokens_.size();) {
      const std::string& token = tokens_[next_++];
      if (!IsFlag(token)) {
        parsed_.positionals.push_back(token);
        continue;
      }
      if (absl::Status status = ParseFlag(SplitFlag(token)); !status.ok()) {
        return status;
      }
    }
    return std::move(parsed_);
  }

 private:
  absl::Status ParseFlag(FlagToken flag) {
    const FlagSpec* spec = FindSpec(specs_, flag.name);
    if (spec == nullptr) {
      return CommandUsageError(absl::StrCat("unknown flag --", flag.name),
                               command_);
    }
    if (!spec->repeated && parsed_.flags.Has(flag.name)) {
      return CommandUsageError(
          absl::StrCat("flag --", flag.name, " given more than once"),
          command_);
    }
    absl::StatusOr<std::string> value =
        spec->value_name.empty() ? SwitchValue(flag) : FlagValue(flag);
    if (!value.ok()) return value.status();
    parsed_.flags.Add(std::move(flag.name), *std::move(value));
    return absl::OkStatus();
  }

  absl::StatusOr<std::string> SwitchValue(const FlagToken& flag) const {
    if (!flag.value.has_value()) return std::string("true");
    if (*flag.value == "true" || *flag.value == "false") return *flag.value;
    return CommandUsageError(absl::StrCat("flag --", flag.name,
                                          " takes no value (or =true, =false)"),
                             command_);
  }

  // The inline value, or else the next token unless that is a flag.
  absl::StatusOr<std::string> FlagValue(const FlagToken& flag) {
    if (flag.value.has_value()) return *flag.value;
    if (next_ < tokens_.size() && !IsFlag(tokens_[next_])) {
      return tokens_[next_++];
    }
    return CommandUsageError(
        absl::StrCat("flag --", flag.name, " needs a value"), command_);
  }

  const std::vector<std::string>& tokens_;
  const std::vector<FlagSpec>& specs_;
  const absl::string_view command_;
  size_t next_ = 0;
  ParsedArgs parsed_;
};

}  // namespace

void FlagValues::Add(std::string name, std::string value) {
  entries_.emplace_back(std::move(name), std::move(value));
}

bool FlagValues::Has(absl::string_view name) const {
  return absl::c_any_of(
      entries_, [name](const auto& entry) { return entry.first == name; });
}

std::string FlagValues::Get(absl::string_view name) const {
  std::vector<std::string> values = GetAll(name);
  return values.empty() ? std::string() : values.back();
}

std::vector<std::string> FlagValues::GetAll(absl::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [flag, value] : entries_) {
    if (flag == name) values.push_back(value);
  }
  return values;
}

bool FlagValues::IsOn(absl::string_view name) const {
  return Get(name) == "true";
}

CommandPath SplitCommandPath(const std::vector<std::string>& tokens,
                             const std::vector<FlagSpec>& global_flags,
                             const std::vector<std::string>& nested_groups) {
  CommandPath path;
  const auto max_words = [&] {
    if (path.words.size() < 2) return size_t{2};
    const std::string group = absl::StrCat(path.words[0], " ", path.words[1]);
    return absl::c_linear_search(nested_groups, group) ? size_t{3} : size_t{2};
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (IsHelp(token)) {
      path.help = true;
    } else if (IsFlag(token)) {
      path.rest.push_back(token);
      const FlagToken flag = SplitFlag(token);
      const FlagSpec* spec = FindSpec(global_flags, flag.name);
      const bool value_follows = spec != nullptr && !spec->value_name.empty() &&
                                 !flag.value.has_value() &&
                                 i + 1 < tokens.size() &&
                                 !IsFlag(tokens[i + 1]);
      if (value_follows) path.rest.push_back(tokens[++i]);
    } else if (path.words.size() < max_words()) {
      path.words.push_back(token);
    } else {
      path.rest.push_back(token);
    }
  }
  return path;
}

absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& tokens,
                                     const std::vector<FlagSpec>& specs,
                                     absl::string_view command) {
  return Parser(tokens, specs, command).Run();
}

}  // namespace hc::cli
