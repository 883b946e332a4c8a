#include "clients/cli/command.h"

#include "absl/algorithm/container.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"
#include "clients/cli/output.h"

namespace hc::cli {

const Command* FindCommand(const CommandGroup& group, absl::string_view verb) {
  auto it = absl::c_find_if(group.commands, [verb](const Command& command) {
    return command.verb == verb;
  });
  return it == group.commands.end() ? nullptr : &*it;
}

absl::Status Show(const Invocation& invocation,
                  const google::protobuf::Message& response,
                  absl::string_view text) {
  if (invocation.json) return PrintJson(response, invocation.out);
  invocation.out << text;
  return absl::OkStatus();
}

FlagSpec EtagFlag(absl::string_view resource) {
  return {"etag", "ETAG",
          absl::StrCat("Fail with ABORTED unless the ", resource,
                       "'s etag still matches.")};
}

absl::Status NothingToUpdate(const Invocation& invocation) {
  return UsageError(
      absl::StrCat("nothing to update: give a field flag (see hcctl ",
                   invocation.path, " --help)"));
}

}  // namespace hc::cli
