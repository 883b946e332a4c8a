#include "core/domain/audit.h"

#include "absl/strings/str_cat.h"

namespace hc::domain {
namespace {

void AppendField(std::string& out, absl::string_view field) {
  absl::StrAppend(&out, field.size(), ":", field, "\n");
}

}  // namespace

std::string AuditChainInput(absl::string_view previous_hash, int64_t sequence,
                            const AuditRecord& record) {
  std::string input = "hc-audit-v1\n";
  AppendField(input, previous_hash);
  AppendField(input, absl::StrCat(sequence));
  AppendField(input, record.actor);
  AppendField(input, record.action);
  AppendField(input, record.resource);
  AppendField(input, absl::StrCat(absl::ToUnixMicros(record.time)));
  AppendField(input, record.details);
  return input;
}

}  // namespace hc::domain
