#ifndef HC_CLIENTS_CLI_FIELD_FLAGS_H_
#define HC_CLIENTS_CLI_FIELD_FLAGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/cli/args.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace hc::cli {

// Binds a flag to a field of a resource message, so that one table serves
// create (set the fields) and update (set them and name them in the mask).
struct FieldFlag {
  // e.g. "fieldwork-day1".
  std::string flag;
  // The dotted path of the field in the message, e.g.
  // "key_dates.fieldwork_day1". The field is a string, an enum, a Date, or
  // a repeated string.
  std::string field_path;
  // The update-mask path the flag sets, usually field_path.
  std::string mask_path;
  std::string help;
};

// The FlagSpecs of `fields` of message `type`: the placeholder follows the
// field's type (TEXT, YYYY-MM-DD, or the flag's name for an enum, whose
// choices are added to the help); repeated fields give repeated flags. The
// flags named in `required` are required.
std::vector<FlagSpec> FieldFlagSpecs(
    const google::protobuf::Descriptor& type,
    const std::vector<FieldFlag>& fields,
    const std::vector<std::string>& required = {});

// Sets the fields of `message` whose flags were given: strings as given,
// enums and dates parsed (see values.h; an empty date unsets the field), a
// repeated field replaced by the flag's non-empty values (so "--skill=" alone
// empties it). Returns the mask paths of the flags given, each once, in
// table order, or a usage error for a malformed value.
absl::StatusOr<std::vector<std::string>> ApplyFieldFlags(
    const std::vector<FieldFlag>& fields, const FlagValues& flags,
    google::protobuf::Message& message);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FIELD_FLAGS_H_
