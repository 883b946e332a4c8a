#ifndef HC_CORE_DOMAIN_VALIDATION_H_
#define HC_CORE_DOMAIN_VALIDATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace hc::domain {

// Checks that `value` is valid UTF-8 without control characters (tabs and
// newlines allowed only if `multiline`; bidi embedding, override and
// isolate controls such as U+202E never on one line, where they would let a
// name read as another) and holds
// `min_chars` to `max_chars` characters. Returns INVALID_ARGUMENT naming
// `field` otherwise.
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

// Whether `email` looks like an address: one "@" with text before it and a
// dot after it, no spaces. Mail delivery is the only real test.
bool PlausibleEmail(absl::string_view email);

// The form in which organisation names are compared: Unicode NFKC with case
// folding (so a no-break space is a space, "Ｔｒｕｓｔ" is "trust", and zero-
// width and bidi control characters are gone), runs of white space folded to
// one space with none at either end, and punctuation at the end dropped.
std::string NormaliseName(absl::string_view name);

// NormaliseName's form mapped to its Unicode confusable skeleton (UTS #39):
// names that look alike ("Anytown" in Latin and with a Cyrillic "А") share
// one. For checks where a false match is the safe error: conflicts of
// interest.
std::string ConfusableSkeleton(absl::string_view name);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_VALIDATION_H_
