#include "core/domain/programme_dashboard.h"

#include <algorithm>
#include <array>

namespace hc::domain {
namespace {

struct KeyDateStage {
  absl::string_view key_date;
  std::optional<absl::CivilDay> KeyDates::*field;
  Stage done_at;
};

// Every key date and the stage that completes it; the five that
// OverdueDates watches keep the same stage here.
constexpr std::array<KeyDateStage, 8> kMilestones{{
    {"questionnaire_open", &KeyDates::questionnaire_open, Stage::kQuestionnaire},
    {"questionnaire_close", &KeyDates::questionnaire_close, Stage::kFieldwork},
    {"fieldwork_day1", &KeyDates::fieldwork_day1, Stage::kFieldwork},
    {"fieldwork_day2", &KeyDates::fieldwork_day2, Stage::kInitialFeedback},
    {"fieldwork_day3", &KeyDates::fieldwork_day3, Stage::kInitialFeedback},
    {"feedback_date", &KeyDates::feedback_date, Stage::kInitialFeedback},
    {"report_due", &KeyDates::report_due, Stage::kImprovementPlan},
    {"plan_due", &KeyDates::plan_due, Stage::kFollowUp},
}};

// Stages are ordered; CLOSED and CANCELLED are handled by the callers.
bool Reached(Stage stage, Stage expected) {
  return static_cast<int>(stage) >= static_cast<int>(expected);
}

absl::CivilDay DayOf(absl::Time time) { return absl::ToCivilDay(time, absl::UTCTimeZone()); }

// The set key dates not yet done, in date order (ties in kMilestones order).
std::vector<Milestone> Pending(const Engagement& engagement) {
  std::vector<Milestone> pending;
  if (IsTerminal(engagement.stage)) return pending;
  for (const KeyDateStage& m : kMilestones) {
    const auto& date = engagement.key_dates.*(m.field);
    if (date && !Reached(engagement.stage, m.done_at)) {
      pending.push_back({m.key_date, *date, m.done_at});
    }
  }
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
  return pending;
}

}  // namespace

Period LastTwelveMonths(absl::CivilDay today) {
  // CivilDay normalises 29 February of a year without one to 1 March.
  return {absl::CivilDay(today.year() - 1, today.month(), today.day()), today};
}

absl::Time StageEnterTime(const EngagementHistory& history) {
  if (history.changes.empty()) return history.engagement.meta.create_time;
  return history.changes.back().time;
}

int DaysInStage(absl::Time entered, absl::CivilDay today) {
  return static_cast<int>(std::max<absl::civil_diff_t>(0, today - DayOf(entered)));
}

std::vector<Milestone> UpcomingMilestones(const Engagement& engagement, absl::CivilDay today,
                                          int within_days) {
  std::vector<Milestone> upcoming;
  for (const Milestone& m : Pending(engagement)) {
    if (today <= m.date && m.date <= today + within_days) upcoming.push_back(m);
  }
  return upcoming;
}

std::optional<Milestone> NextMilestone(const Engagement& engagement, absl::CivilDay today) {
  const std::vector<OverdueDate> overdue = OverdueDates(engagement, today);
  if (!overdue.empty()) {
    return Milestone{overdue.front().key_date, overdue.front().date,
                     overdue.front().expected_stage};
  }
  for (const Milestone& m : Pending(engagement)) {
    if (m.date >= today) return m;
  }
  return std::nullopt;
}

std::optional<Turnaround> ReportTurnaround(const EngagementHistory& history) {
  const KeyDates& dates = history.engagement.key_dates;
  if (!dates.fieldwork_day3) return std::nullopt;
  for (const StageChange& change : history.changes) {
    if (change.from != Stage::kReport || change.to != Stage::kImprovementPlan) continue;
    Turnaround t;
    t.fieldwork_day3 = *dates.fieldwork_day3;
    t.published = DayOf(change.time);
    t.days = static_cast<int>(t.published - t.fieldwork_day3);
    t.report_due = dates.report_due;
    t.on_time = dates.report_due && t.published <= *dates.report_due;
    return t;
  }
  return std::nullopt;
}

TurnaroundSummary SummariseTurnaround(const std::vector<Turnaround>& turnarounds) {
  TurnaroundSummary summary;
  if (turnarounds.empty()) return summary;
  std::vector<int> days;
  double sum = 0;
  for (const Turnaround& t : turnarounds) {
    days.push_back(t.days);
    sum += t.days;
    if (t.on_time) ++summary.on_time;
  }
  std::sort(days.begin(), days.end());
  const size_t n = days.size();
  summary.published = static_cast<int>(n);
  summary.median_days = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
  summary.mean_days = sum / static_cast<double>(n);
  return summary;
}

Stage FurthestStage(const EngagementHistory& history) {
  if (history.engagement.stage != Stage::kCancelled) return history.engagement.stage;
  for (auto it = history.changes.rbegin(); it != history.changes.rend(); ++it) {
    if (it->to == Stage::kCancelled) return it->from;
  }
  return Stage::kUnspecified;
}

std::map<std::string, PeerDays> CountPeerDays(const std::vector<EngagementHistory>& histories,
                                              Period period) {
  std::map<std::string, PeerDays> counts;
  for (const EngagementHistory& h : histories) {
    const Stage furthest = FurthestStage(h);
    if (furthest == Stage::kCancelled || !Reached(furthest, Stage::kFieldwork)) continue;
    const KeyDates& d = h.engagement.key_dates;
    int days = 0;
    for (const auto& day : {d.fieldwork_day1, d.fieldwork_day2, d.fieldwork_day3}) {
      if (day && period.Contains(*day)) ++days;
    }
    if (days == 0) continue;
    for (const TeamMember& m : h.engagement.team) {
      PeerDays& c = counts[m.peer_id];
      (m.role == TeamRole::kShadow ? c.shadow_days : c.peer_days) += days;
    }
  }
  return counts;
}

std::vector<ExpiredMember> ExpiredMembers(const Engagement& engagement,
                                          const std::map<std::string, Peer>& peers,
                                          absl::CivilDay today) {
  std::vector<ExpiredMember> expired;
  if (IsTerminal(engagement.stage)) return expired;
  for (const TeamMember& m : engagement.team) {
    if (m.role == TeamRole::kShadow) continue;
    const auto peer = peers.find(m.peer_id);
    if (peer == peers.end()) continue;
    const auto& expiry = peer->second.accreditation_expiry_date;
    if (expiry && *expiry < today) expired.push_back({m.peer_id, m.role, *expiry});
  }
  return expired;
}

ResponseTotals TotalResponses(const std::vector<OverallResponse>& responses) {
  ResponseTotals totals;
  for (const OverallResponse& r : responses) {
    ++totals.questionnaires;
    if (!r.released) continue;
    ++totals.released;
    totals.invited += r.invited;
    totals.responded += r.responded;
  }
  return totals;
}

}  // namespace hc::domain
