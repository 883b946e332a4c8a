#ifndef HC_CORE_APP_PORTS_CLOCK_H_
#define HC_CORE_APP_PORTS_CLOCK_H_

#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace hc::app {

// The time source of the use cases; tests inject a fixed one. Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() = 0;
  // Today's date in UTC: the calendar the key dates are read in.
  absl::CivilDay Today() { return absl::ToCivilDay(Now(), absl::UTCTimeZone()); }
};

class SystemClock final : public Clock {
 public:
  absl::Time Now() override { return absl::Now(); }
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_CLOCK_H_
