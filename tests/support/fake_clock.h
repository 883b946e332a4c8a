#ifndef HC_TESTS_SUPPORT_FAKE_CLOCK_H_
#define HC_TESTS_SUPPORT_FAKE_CLOCK_H_

#include <atomic>

#include "absl/synchronization/mutex.h"
#include "core/app/ports/clock.h"

namespace hc::testing {

// A clock that stands still until told to move. Thread-safe.
class FakeClock final : public app::Clock {
 public:
  explicit FakeClock(absl::Time now) : now_(now) {}
  absl::Time Now() override {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  void Set(absl::Time now) {
    absl::MutexLock lock(&mu_);
    now_ = now;
  }
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }

 private:
  absl::Mutex mu_;
  absl::Time now_;
};

// Midday UTC on `day`.
inline absl::Time MiddayOn(absl::CivilDay day) {
  return absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), 12, 0, 0),
                         absl::UTCTimeZone());
}

}  // namespace hc::testing

#endif  // HC_TESTS_SUPPORT_FAKE_CLOCK_H_
