// The AIP-160 filter of every List method: any text parses into terms or is
// refused with INVALID_ARGUMENT; every term has a field and an operator.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "absl/strings/string_view.h"
#include "services/common/filter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const auto terms = hc::services::ParseFilter(text);
  if (!terms.ok()) {
    if (terms.status().code() != absl::StatusCode::kInvalidArgument) std::abort();
    return 0;
  }
  static const std::set<std::string> kOperators = {"=", "!=", "<", "<=", ">", ">="};
  for (const auto& term : *terms) {
    if (term.field.empty() || kOperators.count(term.op) == 0) std::abort();
  }
  return 0;
}
