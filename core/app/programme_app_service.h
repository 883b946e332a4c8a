#ifndef HC_CORE_APP_PROGRAMME_APP_SERVICE_H_
#define HC_CORE_APP_PROGRAMME_APP_SERVICE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/store.h"
#include "core/app/questionnaire_app_service.h"
#include "core/domain/engagement.h"
#include "core/domain/peer.h"
#include "core/domain/principal.h"
#include "core/domain/programme_dashboard.h"

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

struct DashboardQuery {
  int within_days = 28;           // upcoming milestones: today to today + this, 1-366
  int expiring_within_days = 90;  // accreditations ending within, 0-3650
  // The peer-days period; unset: the twelve months to today (from alone: to
  // today; to alone: the twelve months to it).
  std::optional<absl::CivilDay> from;
  std::optional<absl::CivilDay> to;
  // Lists closed and cancelled engagements too (their rows and rates).
  bool include_ended = false;
};

// One engagement's row: where it is and what it waits for.
struct DashboardEngagement {
  std::string engagement_id;
  std::string partnership_display_name;
  domain::Stage stage = domain::Stage::kUnspecified;
  absl::Time stage_enter_time;
  int days_in_stage = 0;
  std::string lead_peer_display_name;  // empty without a lead peer
  std::optional<domain::Milestone> next_milestone;
  bool next_milestone_overdue = false;
};

struct DashboardMilestone {
  std::string engagement_id;
  std::string partnership_display_name;
  domain::Stage stage = domain::Stage::kUnspecified;
  domain::Milestone milestone;
};

struct DashboardTurnaround {
  std::string engagement_id;
  std::string partnership_display_name;
  domain::Turnaround turnaround;
};

struct DashboardPeerDays {
  domain::Peer peer;
  domain::PeerDays days;
};

struct DashboardExpiredMember {
  domain::Peer peer;
  std::string engagement_id;
  std::string partnership_display_name;
  domain::TeamRole role = domain::TeamRole::kUnspecified;
};

// A questionnaire's overall rate, released or withheld exactly as
// GetResponseRates shows it (OverallRate).
struct DashboardResponseRate {
  std::string engagement_id;
  std::string partnership_display_name;
  GroupRate overall;
};

struct ProgrammeDashboard {
  absl::CivilDay as_of;
  int within_days = 0;
  std::map<domain::Stage, int> stage_counts;      // every stage, zeros included
  std::vector<DashboardEngagement> engagements;   // stage order, longest in stage first
  std::vector<DashboardMilestone> upcoming;       // soonest first
  std::vector<OverdueEngagementDate> overdue;     // oldest first
  domain::Period turnaround_period;               // the last twelve months
  std::vector<DashboardTurnaround> turnarounds;   // published in the period, latest first
  domain::TurnaroundSummary turnaround;
  domain::Period peer_day_period;
  std::vector<DashboardPeerDays> peer_days;       // most peer-days first, then by name
  domain::PeerDays total_peer_days;
  std::vector<domain::Peer> expiring;             // soonest expiry first
  std::vector<DashboardExpiredMember> expired_members;
  std::vector<DashboardResponseRate> response_rates;  // in engagement row order
  domain::ResponseTotals response_totals;
};

// The programme leads' overview and dashboard. Thread-safe.
class ProgrammeAppService {
 public:
  ProgrammeAppService(Store& store, Clock& clock);

  // Programme leads only (PERMISSION_DENIED otherwise). INVALID_ARGUMENT
  // unless 0 <= expiring_within_days <= 3650.
  absl::StatusOr<ProgrammeOverview> Overview(const domain::Principal& principal,
                                             int expiring_within_days);

  // Every figure of the programme dashboard (core/domain/programme_dashboard.h),
  // read from the engagements' key dates, teams and recorded stage changes
  // and their questionnaires' invitation tallies. Programme leads only
  // (PERMISSION_DENIED otherwise). INVALID_ARGUMENT for a window outside its
  // range or a period whose from is after its to.
  absl::StatusOr<ProgrammeDashboard> Dashboard(const domain::Principal& principal,
                                               const DashboardQuery& query);

 private:
  Store& store_;
  Clock& clock_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PROGRAMME_APP_SERVICE_H_
