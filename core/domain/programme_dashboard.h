#ifndef HC_CORE_DOMAIN_PROGRAMME_DASHBOARD_H_
#define HC_CORE_DOMAIN_PROGRAMME_DASHBOARD_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/domain/audit.h"
#include "core/domain/engagement.h"
#include "core/domain/peer.h"

// The figures of the programme leads' dashboard, computed only from an
// engagement's key dates, team and recorded stage changes (so that they do
// not depend on how the report or the plan is stored). Days are read in UTC,
// the calendar of the key dates. Pure functions; thread-compatible.
namespace hc::domain {

// An engagement with its recorded stage changes, oldest first.
struct EngagementHistory {
  Engagement engagement;
  std::vector<StageChange> changes;
};

// A closed range of days.
struct Period {
  absl::CivilDay from;
  absl::CivilDay to;

  bool Contains(absl::CivilDay day) const { return from <= day && day <= to; }
};

// The twelve months up to and including `today` (from the same day a year
// earlier; 29 February counts from 1 March).
Period LastTwelveMonths(absl::CivilDay today);

// When the engagement entered its current stage: the time of its last
// recorded stage change, or its creation time when it has none.
absl::Time StageEnterTime(const EngagementHistory& history);

// Whole days from the (UTC) day of `entered` to `today`; 0 if not before.
int DaysInStage(absl::Time entered, absl::CivilDay today);

// A key date read as a milestone: done once the engagement reaches
// `done_at` (questionnaire_close and fieldwork_day1 at FIELDWORK, days 2 and
// 3 and the feedback at INITIAL_FEEDBACK, report_due at IMPROVEMENT_PLAN,
// plan_due at FOLLOW_UP, questionnaire_open at QUESTIONNAIRE).
struct Milestone {
  absl::string_view key_date;  // the API field name, e.g. "report_due"
  absl::CivilDay date;
  Stage done_at = Stage::kUnspecified;
};

// The key dates that are set and not done, from `today` to `today +
// within_days` inclusive, soonest first. None for a closed or cancelled
// engagement.
std::vector<Milestone> UpcomingMilestones(const Engagement& engagement, absl::CivilDay today,
                                          int within_days);

// What the engagement waits for next: its oldest overdue key date
// (OverdueDates) if any, else its soonest key date from today on that is not
// done; nullopt when there is none (or the engagement has ended).
std::optional<Milestone> NextMilestone(const Engagement& engagement, absl::CivilDay today);

// How long the written report took: from fieldwork day 3 to the report's
// publication (the first recorded change from REPORT to IMPROVEMENT_PLAN).
struct Turnaround {
  absl::CivilDay fieldwork_day3;
  absl::CivilDay published;
  int days = 0;
  std::optional<absl::CivilDay> report_due;
  // Published on or before report_due.
  bool on_time = false;
};

// The engagement's turnaround; nullopt until its report is published or
// without fieldwork day 3.
std::optional<Turnaround> ReportTurnaround(const EngagementHistory& history);

struct TurnaroundSummary {
  int published = 0;
  int on_time = 0;
  // Both unset when nothing was published.
  std::optional<double> median_days;
  std::optional<double> mean_days;
};

// The count, median (the mean of the middle two for an even count), mean
// and number on time of `turnarounds`.
TurnaroundSummary SummariseTurnaround(const std::vector<Turnaround>& turnarounds);

// The furthest stage the engagement got to: for a cancelled one, the stage
// it was cancelled from (its last recorded change into CANCELLED); else its
// stage.
Stage FurthestStage(const EngagementHistory& history);

struct PeerDays {
  int peer_days = 0;    // as lead peer or peer
  int shadow_days = 0;  // as shadow
};

// Peer-days by peer id: one per team member per fieldwork day (of days 1-3
// that are set) within `period`, over the engagements whose FurthestStage is
// FIELDWORK or later (one cancelled before fieldwork used none).
std::map<std::string, PeerDays> CountPeerDays(const std::vector<EngagementHistory>& histories,
                                              Period period);

// A lead peer or peer whose accreditation has ended (expiry before `today`)
// while on the team of an open engagement.
struct ExpiredMember {
  std::string peer_id;
  TeamRole role = TeamRole::kUnspecified;
  absl::CivilDay expired;  // the last valid day
};

// The engagement's expired lead peer and peers (shadows need no
// accreditation), in team order; none for an ended engagement. `peers` maps
// ids to peers; a member missing from it is skipped.
std::vector<ExpiredMember> ExpiredMembers(const Engagement& engagement,
                                          const std::map<std::string, Peer>& peers,
                                          absl::CivilDay today);

// One questionnaire's overall response figure, as released or withheld by
// the confidentiality rule (app::OverallRate).
struct OverallResponse {
  bool released = false;
  int invited = 0;
  int responded = 0;
};

struct ResponseTotals {
  int questionnaires = 0;  // all, released or not
  int released = 0;
  int invited = 0;    // over released questionnaires only
  int responded = 0;  // over released questionnaires only
};

// Programme-wide totals: withheld questionnaires are counted but contribute
// no figure, so a total never carries a group under k.
ResponseTotals TotalResponses(const std::vector<OverallResponse>& responses);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_PROGRAMME_DASHBOARD_H_
