#ifndef HC_CORE_APP_PROGRAMME_APP_SERVICE_H_
#define HC_CORE_APP_PROGRAMME_APP_SERVICE_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/store.h"
#include "core/domain/engagement.h"
#include "core/domain/peer.h"
#include "core/domain/principal.h"

namespace hc::app {

struct OverdueEngagementDate {
  std::string engagement_id;
  std::string partnership_display_name;
  domain::Stage stage = domain::Stage::kUnspecified;
  domain::OverdueDate overdue;
};

struct ProgrammeOverview {
  absl::CivilDay as_of;
  std::map<domain::Stage, int> stage_counts;  // every stage, zeros included
  std::vector<OverdueEngagementDate> overdue;  // oldest date first
  std::vector<domain::Peer> expiring;          // soonest expiry first
};

// The programme leads' overview. Thread-safe.
class ProgrammeAppService {
 public:
  ProgrammeAppService(Store& store, Clock& clock);

  // Programme leads only (PERMISSION_DENIED otherwise). INVALID_ARGUMENT
  // unless 0 <= expiring_within_days <= 3650.
  absl::StatusOr<ProgrammeOverview> Overview(const domain::Principal& principal,
                                             int expiring_within_days);

 private:
  Store& store_;
  Clock& clock_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PROGRAMME_APP_SERVICE_H_
