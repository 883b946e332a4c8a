#ifndef HC_CORE_DOMAIN_ENUM_NAMES_H_
#define HC_CORE_DOMAIN_ENUM_NAMES_H_

#include <optional>
#include <span>
#include "absl/strings/string_view.h"

namespace hc::domain {

// One row of an enum's table of stable names. Stable names are what the store
// keeps and what messages show; they never change once shipped.
template <typename E>
struct EnumName {
  E value;
  absl::string_view name;
};

// Returns the stable name of `value`, or "UNKNOWN" if the table lacks it.
template <typename E>
absl::string_view NameIn(std::span<const EnumName<E>> table, E value) {
  for (const auto& row : table) {
    if (row.value == value) return row.name;
  }
  return "UNKNOWN";
}

// Returns the value whose stable name is `name`, or nullopt.
template <typename E>
std::optional<E> ValueIn(std::span<const EnumName<E>> table,
                         absl::string_view name) {
  for (const auto& row : table) {
    if (row.name == name) return row.value;
  }
  return std::nullopt;
}

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_ENUM_NAMES_H_
