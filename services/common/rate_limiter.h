#ifndef HC_SERVICES_COMMON_RATE_LIMITER_H_
#define HC_SERVICES_COMMON_RATE_LIMITER_H_

#include <cstdint>
#include <mutex>
#include <optional>

#include "absl/time/time.h"

namespace hc::services {

// Lets at most `per_second` events through in any one second and counts the
// rest, so that a flood of refused calls cannot flood the log. Thread-safe.
class RateLimiter {
 public:
  explicit RateLimiter(int per_second) : per_second_(per_second) {}

  // Nothing if the event is over the limit; otherwise how many events were
  // held back since the last one let through.
  std::optional<int64_t> Admit(absl::Time now) {
    std::lock_guard<std::mutex> lock(mu_);
    if (now - window_start_ >= absl::Seconds(1)) {
      window_start_ = now;
      admitted_ = 0;
    }
    if (admitted_ >= per_second_) {
      ++held_back_;
      return std::nullopt;
    }
    ++admitted_;
    const int64_t held_back = held_back_;
    held_back_ = 0;
    return held_back;
  }

 private:
  const int per_second_;
  std::mutex mu_;
  absl::Time window_start_ = absl::InfinitePast();
  int admitted_ = 0;
  int64_t held_back_ = 0;
};

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_RATE_LIMITER_H_
