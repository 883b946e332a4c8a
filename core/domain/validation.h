#ifndef HC_CORE_DOMAIN_VALIDATION_H_
#define HC_CORE_DOMAIN_VALIDATION_H_

#include <cstddef>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"

namespace hc::domain {

// Checks that `value` is valid UTF-8 without control characters (tabs and
// newlines allowed only if `multiline`) and holds `min_chars` to `max_chars`
// characters. Returns INVALID_ARGUMENT naming `field` otherwise.
absl::Status CheckText(absl::string_view field, absl::string_view value,
                       size_t min_chars, size_t max_chars,
                       bool multiline = false);

// Checks every entry of `values` with CheckText(min 1) and that there are at
// most `max_entries` of them.
absl::Status CheckTextList(absl::string_view field,
                           const std::vector<std::string>& values,
                           size_t max_entries, size_t max_chars,
                           bool multiline = false);

// Checks that no entry of `values` appears twice. INVALID_ARGUMENT naming
// `field` and the repeated entry otherwise.
absl::Status CheckDistinct(absl::string_view field, const std::vector<std::string>& values);

// Lower-cases ASCII letters and folds runs of white space to one space, with
// none at either end: the form in which organisation names are compared.
std::string NormaliseName(absl::string_view name);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_VALIDATION_H_
