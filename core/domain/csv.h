#ifndef HC_CORE_DOMAIN_CSV_H_
#define HC_CORE_DOMAIN_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::domain {

// Splits CSV text (RFC 4180: comma-separated, fields optionally in double
// quotes with "" for a quote, CRLF or LF line ends) into rows of fields. A
// leading UTF-8 byte-order mark (as Excel writes) is dropped.
// INVALID_ARGUMENT for an unterminated quote or text over 1 MiB.
absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(absl::string_view text);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_CSV_H_
