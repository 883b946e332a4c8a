#ifndef HC_SERVICES_COMMON_FILTER_H_
#define HC_SERVICES_COMMON_FILTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::services {

// One comparison of an AIP-160 filter: `field op value`.
struct FilterTerm {
  std::string field;
  std::string op;     // one of = != < <= > >=
  std::string value;  // unquoted
};

// Parses the subset of AIP-160 the List methods accept: comparisons joined by
// AND, values bare or in double quotes. INVALID_ARGUMENT for anything else
// (OR, NOT, parentheses, functions), or a filter over 1000 characters.
absl::StatusOr<std::vector<FilterTerm>> ParseFilter(absl::string_view filter);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_FILTER_H_
