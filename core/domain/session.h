#ifndef HC_CORE_DOMAIN_SESSION_H_
#define HC_CORE_DOMAIN_SESSION_H_

#include <optional>
#include <string>

#include "absl/time/time.h"

namespace hc::domain {

// A signed-in browser: its secret lives only in the browser's cookie, the
// server keeps its hash. It ends after kSessionIdle without a request, after
// kSessionLifetime in any case, at sign-out, or when its owner or a
// programme lead ends it.
struct Session {
  std::string id;
  std::string user_id;
  std::string secret_hash;
  absl::Time create_time = absl::UnixEpoch();
  // Kept to the minute (kSessionActivityStep), so that a page load is not a
  // write.
  absl::Time last_active_time = absl::UnixEpoch();
  std::optional<absl::Time> end_time;
  // What the browser said it is (User-Agent, at most 200 characters), so
  // that its owner can tell their sessions apart.
  std::string client;
};

inline constexpr absl::Duration kSessionIdle = absl::Hours(8);
inline constexpr absl::Duration kSessionLifetime = absl::Hours(12);
inline constexpr absl::Duration kSessionActivityStep = absl::Minutes(1);

// When the session stops (or stopped) being usable: its end, or whichever
// of idle expiry and absolute expiry comes first.
absl::Time SessionExpiry(const Session& session);

// Whether the session may be used at `now`.
bool IsLive(const Session& session, absl::Time now);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_SESSION_H_
