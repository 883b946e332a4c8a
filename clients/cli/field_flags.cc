#include "clients/cli/field_flags.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "clients/cli/errors.h"
#include "clients/cli/values.h"
#include "healthcheck/v1/common.pb.h"

namespace hc::cli {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The field at dotted `path` below `type`. The paths are fixed tables in
// this program, resolved for every command at start-up by FieldFlagSpecs, so
// a wrong one stops hcctl at once (std::abort) whatever is run.
const FieldDescriptor& FieldAt(const Descriptor& type, absl::string_view path) {
  const Descriptor* current = &type;
  const FieldDescriptor* field = nullptr;
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    field = current == nullptr ? nullptr
                               : current->FindFieldByName(std::string(part));
    if (field == nullptr) std::abort();
    current = field->message_type();
  }
  return *field;
}

// The message holding the last field of `path`, created as needed.
Message& ParentOf(Message& message, absl::string_view path) {
  Message* current = &message;
  std::vector<absl::string_view> parts = absl::StrSplit(path, '.');
  parts.pop_back();
  for (absl::string_view part : parts) {
    const FieldDescriptor* field =
        current->GetDescriptor()->FindFieldByName(std::string(part));
    current = current->GetReflection()->MutableMessage(current, field);
  }
  return *current;
}

std::string Placeholder(const FieldDescriptor& field, absl::string_view flag) {
  if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
    return absl::AsciiStrToUpper(absl::StrReplaceAll(flag, {{"-", "_"}}));
  }
  if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) return "YYYY-MM-DD";
  return "TEXT";
}

absl::Status SetSingle(const FieldFlag& binding, const FieldDescriptor& field,
                       const std::string& value, Message& parent) {
  const google::protobuf::Reflection& reflection = *parent.GetReflection();
  if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
    absl::StatusOr<int> number =
        ParseEnumValue(*field.enum_type(), binding.flag, value);
    if (!number.ok()) return number.status();
    reflection.SetEnumValue(&parent, &field, *number);
  } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    absl::StatusOr<healthcheck::v1::Date> date = ParseDate(binding.flag, value);
    if (!date.ok()) return date.status();
    reflection.ClearField(&parent, &field);
    if (!value.empty()) {
      reflection.MutableMessage(&parent, &field)->CopyFrom(*date);
    }
  } else {
    reflection.SetString(&parent, &field, value);
  }
  return absl::OkStatus();
}

absl::Status Apply(const FieldFlag& binding, const FlagValues& flags,
                   Message& message) {
  Message& parent = ParentOf(message, binding.field_path);
  const FieldDescriptor& field =
      FieldAt(*message.GetDescriptor(), binding.field_path);
  if (!field.is_repeated()) {
    return SetSingle(binding, field, flags.Get(binding.flag), parent);
  }
  const google::protobuf::Reflection& reflection = *parent.GetReflection();
  reflection.ClearField(&parent, &field);
  for (const std::string& value : flags.GetAll(binding.flag)) {
    if (!value.empty()) reflection.AddString(&parent, &field, value);
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<FlagSpec> FieldFlagSpecs(const Descriptor& type,
                                     const std::vector<FieldFlag>& fields,
                                     const std::vector<std::string>& required) {
  std::vector<FlagSpec> specs;
  for (const FieldFlag& binding : fields) {
    const FieldDescriptor& field = FieldAt(type, binding.field_path);
    std::string help = binding.help;
    if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      absl::StrAppend(&help, " One of: ", EnumChoices(*field.enum_type()), ".");
    }
    specs.push_back({binding.flag, Placeholder(field, binding.flag),
                     std::move(help), field.is_repeated(),
                     absl::c_linear_search(required, binding.flag)});
  }
  return specs;
}

absl::StatusOr<std::vector<std::string>> ApplyFieldFlags(
    const std::vector<FieldFlag>& fields, const FlagValues& flags,
    Message& message) {
  std::vector<std::string> paths;
  for (const FieldFlag& binding : fields) {
    if (!flags.Has(binding.flag)) continue;
    if (absl::Status status = Apply(binding, flags, message); !status.ok()) {
      return status;
    }
    if (!absl::c_linear_search(paths, binding.mask_path)) {
      paths.push_back(binding.mask_path);
    }
  }
  return paths;
}

}  // namespace hc::cli
