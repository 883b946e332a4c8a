#ifndef HC_TESTS_SUPPORT_SAMPLE_PARTNERSHIP_H_
#define HC_TESTS_SUPPORT_SAMPLE_PARTNERSHIP_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/domain/partnership.h"

namespace hc::testing {

// A valid partnership with the id `id` ("Partnership <id>", one member),
// for storage tests that need rows to write.
inline domain::Partnership SamplePartnership(const std::string& id) {
  domain::Partnership p;
  p.meta = {id, absl::FromUnixMicros(1'000'000), absl::FromUnixMicros(1'000'000), 1};
  p.display_name = absl::StrCat("Partnership ", id);
  p.kind = domain::PartnershipKind::kCsp;
  p.members = {{"Member council", domain::Sector::kLocalGovernment}};
  return p;
}

}  // namespace hc::testing

#endif  // HC_TESTS_SUPPORT_SAMPLE_PARTNERSHIP_H_
