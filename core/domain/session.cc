#include "core/domain/session.h"

#include <algorithm>

namespace hc::domain {

absl::Time SessionExpiry(const Session& session) {
  const absl::Time expiry = std::min(session.last_active_time + kSessionIdle,
                                     session.create_time + kSessionLifetime);
  return session.end_time ? std::min(*session.end_time, expiry) : expiry;
}

bool IsLive(const Session& session, absl::Time now) { return now < SessionExpiry(session); }

}  // namespace hc::domain
