#ifndef HC_CORE_DOMAIN_RESOURCE_H_
#define HC_CORE_DOMAIN_RESOURCE_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace hc::domain {

// What every stored, mutable resource carries. `version` starts at 1 and grows
// by one with every change; the API shows it as the etag.
struct ResourceMeta {
  std::string id;
  absl::Time create_time = absl::UnixEpoch();
  absl::Time update_time = absl::UnixEpoch();
  int64_t version = 0;
};

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_RESOURCE_H_
