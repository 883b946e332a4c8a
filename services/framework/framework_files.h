#ifndef HC_SERVICES_FRAMEWORK_FRAMEWORK_FILES_H_
#define HC_SERVICES_FRAMEWORK_FRAMEWORK_FILES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/domain/framework.h"

namespace hc::services {

// A benchmark file: healthcheck.v1.Framework in protobuf text format.
struct FrameworkFile {
  std::string name;  // e.g. "core/frameworks/digging_deeper.textproto"
  std::string text;
};

// The benchmark files under core/frameworks/, compiled into the binary.
const std::vector<FrameworkFile>& BuiltinFrameworkFiles();

// Parses and validates one file. INVALID_ARGUMENT naming the file, the place
// and the reason: "<file>:<line>:<column>: <parse error>" or
// "<file>: <place>: <reason>" (domain::ValidateFramework).
absl::StatusOr<domain::Framework> ParseFrameworkFile(const FrameworkFile& file);

// Parses every file; INVALID_ARGUMENT for the first bad one, or for two
// files with the same framework_id.
absl::StatusOr<std::vector<domain::Framework>> ParseFrameworkFiles(
    const std::vector<FrameworkFile>& files);

}  // namespace hc::services

#endif  // HC_SERVICES_FRAMEWORK_FRAMEWORK_FILES_H_
