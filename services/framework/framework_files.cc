#include "services/framework/framework_files.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <set>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "services/framework/framework_mapping.h"

namespace hc::services {
namespace {

// Keeps the first parse error with its position (1-based).
class FirstError final : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (!message_.empty()) return;
    message_ = absl::StrCat(line + 1, ":", column + 1, ": ", message);
  }
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

}  // namespace

absl::StatusOr<domain::Framework> ParseFrameworkFile(const FrameworkFile& file) {
  healthcheck::v1::Framework message;
  FirstError error;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&error);
  if (!parser.ParseFromString(file.text, &message)) {
    return absl::InvalidArgumentError(absl::StrCat(file.name, ":", error.message()));
  }
  if (!message.name().empty() || message.version() != 0 || message.builtin() ||
      message.in_use() || message.has_create_time()) {
    return absl::InvalidArgumentError(absl::StrCat(
        file.name, ": name, version, builtin, in_use and create_time are set by the server"));
  }
  domain::Framework framework = FromProto(message);
  if (absl::Status s = domain::ValidateFramework(framework); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(file.name, ": ", s.message()));
  }
  return framework;
}

absl::StatusOr<std::vector<domain::Framework>> ParseFrameworkFiles(
    const std::vector<FrameworkFile>& files) {
  std::vector<domain::Framework> frameworks;
  std::set<std::string> ids;
  for (const FrameworkFile& file : files) {
    HC_ASSIGN_OR_RETURN(domain::Framework f, ParseFrameworkFile(file));
    if (!ids.insert(f.framework_id).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          file.name, ": framework_id \"", f.framework_id, "\" is used by another file"));
    }
    frameworks.push_back(std::move(f));
  }
  return frameworks;
}

}  // namespace hc::services
