#include "core/app/programme_app_service.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

constexpr int kMaxWithinDays = 366;
constexpr int kMaxExpiringWithinDays = 3650;

// What the dashboard reads in its one read transaction.
struct DashboardData {
  std::vector<domain::EngagementHistory> histories;  // every engagement, by creation
  std::map<std::string, std::string> partnership_names;
  std::map<std::string, domain::Peer> peers;  // every team member
  std::map<std::string, GroupRate> rates;     // by engagement, where it has a questionnaire
  std::map<domain::Stage, int> stage_counts;
  std::vector<domain::Peer> expiring;
};

absl::Status CheckDashboardQuery(const DashboardQuery& query) {
  if (query.within_days < 1 || query.within_days > kMaxWithinDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("within_days must be 1-", kMaxWithinDays, " (0 for the default 28)"));
  }
  if (query.expiring_within_days < 0 || query.expiring_within_days > kMaxExpiringWithinDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("expiring_within_days must be 0-", kMaxExpiringWithinDays));
  }
  if (query.from && query.to && *query.from > *query.to) {
    return absl::InvalidArgumentError(absl::StrCat(
        "from (", absl::FormatCivilTime(*query.from), ") must not be after to (",
        absl::FormatCivilTime(*query.to), ")"));
  }
  return absl::OkStatus();
}

domain::Period PeerDayPeriod(const DashboardQuery& query, absl::CivilDay today) {
  if (query.from && query.to) return {*query.from, *query.to};
  if (query.from) return {*query.from, std::max(*query.from, today)};
  return domain::LastTwelveMonths(query.to.value_or(today));
}

std::map<domain::Stage, int> AllStagesCounted(const std::map<domain::Stage, int>& counts) {
  std::map<domain::Stage, int> all;
  for (int s = static_cast<int>(domain::Stage::kScoping);
       s <= static_cast<int>(domain::Stage::kCancelled); ++s) {
    all[static_cast<domain::Stage>(s)] = 0;
  }
  for (const auto& [stage, n] : counts) all[stage] = n;
  return all;
}

absl::StatusOr<std::vector<domain::StageChange>> AllStageChanges(Repositories& repos,
                                                                 absl::string_view id) {
  std::vector<domain::StageChange> all;
  PageRequest page;
  page.limit = 500;
  while (true) {
    HC_ASSIGN_OR_RETURN(Page<domain::StageChange> changes,
                        repos.engagements().ListStageChanges(id, page));
    for (domain::StageChange& c : changes.items) all.push_back(std::move(c));
    if (!changes.next) return all;
    page.after = changes.next;
  }
}

absl::Status LoadEngagements(Repositories& repos, DashboardData& data) {
  HC_ASSIGN_OR_RETURN(std::vector<domain::Engagement> engagements,
                      repos.engagements().ListAll(EngagementQuery{}));
  for (domain::Engagement& e : engagements) {
    if (!data.partnership_names.contains(e.partnership_id)) {
      HC_ASSIGN_OR_RETURN(domain::Partnership p, repos.partnerships().Get(e.partnership_id));
      data.partnership_names[e.partnership_id] = p.display_name;
    }
    for (const domain::TeamMember& m : e.team) {
      if (data.peers.contains(m.peer_id)) continue;
      HC_ASSIGN_OR_RETURN(data.peers[m.peer_id], repos.peers().Get(m.peer_id));
    }
    HC_ASSIGN_OR_RETURN(std::vector<domain::StageChange> changes,
                        AllStageChanges(repos, e.meta.id));
    data.histories.push_back({std::move(e), std::move(changes)});
  }
  return absl::OkStatus();
}

// The overall rate of each listed engagement's questionnaire, through the
// same rule as GetResponseRates: never a figure for fewer than k.
absl::Status LoadRates(Repositories& repos, bool include_ended, DashboardData& data) {
  for (const domain::EngagementHistory& h : data.histories) {
    const std::string& id = h.engagement.meta.id;
    if (!include_ended && domain::IsTerminal(h.engagement.stage)) continue;
    absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(id);
    if (absl::IsNotFound(q.status())) continue;
    HC_RETURN_IF_ERROR(q.status());
    HC_ASSIGN_OR_RETURN(std::vector<GroupTally> tallies, repos.invitations().Tally(id));
    data.rates[id] = OverallRate(tallies, q->min_group_size);
  }
  return absl::OkStatus();
}

std::string LeadPeerName(const DashboardData& data, const domain::Engagement& e) {
  const auto lead = data.peers.find(domain::LeadPeerId(e));
  return lead == data.peers.end() ? "" : lead->second.display_name;
}

// The engagement rows, their upcoming milestones and overdue dates.
void AddEngagementRows(const DashboardData& data, const DashboardQuery& query,
                       ProgrammeDashboard& out) {
  for (const domain::EngagementHistory& h : data.histories) {
    const domain::Engagement& e = h.engagement;
    if (!query.include_ended && domain::IsTerminal(e.stage)) continue;
    const std::string& partnership = data.partnership_names.at(e.partnership_id);
    DashboardEngagement row{e.meta.id, partnership, e.stage, domain::StageEnterTime(h)};
    row.days_in_stage = domain::DaysInStage(row.stage_enter_time, out.as_of);
    row.lead_peer_display_name = LeadPeerName(data, e);
    row.next_milestone = domain::NextMilestone(e, out.as_of);
    row.next_milestone_overdue = row.next_milestone && row.next_milestone->date < out.as_of;
    out.engagements.push_back(std::move(row));
    for (const domain::Milestone& m : domain::UpcomingMilestones(e, out.as_of, query.within_days)) {
      out.upcoming.push_back({e.meta.id, partnership, e.stage, m});
    }
    for (const domain::OverdueDate& d : domain::OverdueDates(e, out.as_of)) {
      out.overdue.push_back({e.meta.id, partnership, e.stage, d});
    }
  }
  std::stable_sort(out.engagements.begin(), out.engagements.end(),
                   [](const auto& a, const auto& b) {
                     return a.stage != b.stage ? a.stage < b.stage
                                               : a.days_in_stage > b.days_in_stage;
                   });
  std::stable_sort(out.upcoming.begin(), out.upcoming.end(), [](const auto& a, const auto& b) {
    return a.milestone.date < b.milestone.date;
  });
  std::stable_sort(out.overdue.begin(), out.overdue.end(),
                   [](const auto& a, const auto& b) { return a.overdue.date < b.overdue.date; });
}

// Every engagement counts here, ended or not: a closed one's report was
// still published in the period.
void AddTurnarounds(const DashboardData& data, ProgrammeDashboard& out) {
  out.turnaround_period = domain::LastTwelveMonths(out.as_of);
  std::vector<domain::Turnaround> in_period;
  for (const domain::EngagementHistory& h : data.histories) {
    const std::optional<domain::Turnaround> t = domain::ReportTurnaround(h);
    if (!t || !out.turnaround_period.Contains(t->published)) continue;
    out.turnarounds.push_back(
        {h.engagement.meta.id, data.partnership_names.at(h.engagement.partnership_id), *t});
    in_period.push_back(*t);
  }
  std::stable_sort(out.turnarounds.begin(), out.turnarounds.end(),
                   [](const auto& a, const auto& b) {
                     return a.turnaround.published > b.turnaround.published;
                   });
  out.turnaround = domain::SummariseTurnaround(in_period);
}

void AddPeerDays(const DashboardData& data, ProgrammeDashboard& out) {
  for (const auto& [peer_id, days] : domain::CountPeerDays(data.histories, out.peer_day_period)) {
    out.peer_days.push_back({data.peers.at(peer_id), days});
    out.total_peer_days.peer_days += days.peer_days;
    out.total_peer_days.shadow_days += days.shadow_days;
  }
  std::stable_sort(out.peer_days.begin(), out.peer_days.end(), [](const auto& a, const auto& b) {
    if (a.days.peer_days != b.days.peer_days) return a.days.peer_days > b.days.peer_days;
    if (a.days.shadow_days != b.days.shadow_days) return a.days.shadow_days > b.days.shadow_days;
    return a.peer.display_name < b.peer.display_name;
  });
}

void AddExpiredMembersAndRates(const DashboardData& data, ProgrammeDashboard& out) {
  std::vector<domain::OverallResponse> overall;
  for (const domain::EngagementHistory& h : data.histories) {
    const domain::Engagement& e = h.engagement;
    const std::string& partnership = data.partnership_names.at(e.partnership_id);
    for (const domain::ExpiredMember& m : domain::ExpiredMembers(e, data.peers, out.as_of)) {
      out.expired_members.push_back({data.peers.at(m.peer_id), e.meta.id, partnership, m.role});
    }
  }
  for (const DashboardEngagement& row : out.engagements) {
    const auto rate = data.rates.find(row.engagement_id);
    if (rate == data.rates.end()) continue;
    out.response_rates.push_back(
        {row.engagement_id, row.partnership_display_name, rate->second});
    overall.push_back(
        {rate->second.released, rate->second.invitations, rate->second.responses});
  }
  out.response_totals = domain::TotalResponses(overall);
}

}  // namespace

ProgrammeAppService::ProgrammeAppService(Store& store, Clock& clock)
    : store_(store), clock_(clock) {}

absl::StatusOr<ProgrammeOverview> ProgrammeAppService::Overview(
    const domain::Principal& principal, int expiring_within_days) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "GetProgrammeOverview"));
  if (expiring_within_days < 0 || expiring_within_days > 3650) {
    return absl::InvalidArgumentError("expiring_within_days must be 0-3650");
  }
  ProgrammeOverview overview;
  overview.as_of = clock_.Today();
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(auto counts, repos.engagements().CountByStage());
    overview.stage_counts = AllStagesCounted(counts);
    EngagementQuery overdue_query;
    overdue_query.overdue_on = overview.as_of;
    HC_ASSIGN_OR_RETURN(std::vector<domain::Engagement> late,
                        repos.engagements().ListAll(overdue_query));
    for (const domain::Engagement& e : late) {
      HC_ASSIGN_OR_RETURN(domain::Partnership p, repos.partnerships().Get(e.partnership_id));
      for (const domain::OverdueDate& d : domain::OverdueDates(e, overview.as_of)) {
        overview.overdue.push_back({e.meta.id, p.display_name, e.stage, d});
      }
    }
    HC_ASSIGN_OR_RETURN(overview.expiring,
                        repos.peers().ListExpiring(overview.as_of,
                                                   overview.as_of + expiring_within_days));
    return absl::OkStatus();
  }));
  std::stable_sort(overview.overdue.begin(), overview.overdue.end(),
                   [](const auto& a, const auto& b) { return a.overdue.date < b.overdue.date; });
  return overview;
}

absl::StatusOr<ProgrammeDashboard> ProgrammeAppService::Dashboard(
    const domain::Principal& principal, const DashboardQuery& query) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "GetProgrammeDashboard"));
  HC_RETURN_IF_ERROR(CheckDashboardQuery(query));
  ProgrammeDashboard out;
  out.as_of = clock_.Today();
  out.within_days = query.within_days;
  out.peer_day_period = PeerDayPeriod(query, out.as_of);
  DashboardData data;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(auto counts, repos.engagements().CountByStage());
    data.stage_counts = AllStagesCounted(counts);
    HC_RETURN_IF_ERROR(LoadEngagements(repos, data));
    HC_RETURN_IF_ERROR(LoadRates(repos, query.include_ended, data));
    HC_ASSIGN_OR_RETURN(data.expiring,
                        repos.peers().ListExpiring(out.as_of,
                                                   out.as_of + query.expiring_within_days));
    return absl::OkStatus();
  }));
  out.stage_counts = std::move(data.stage_counts);
  out.expiring = std::move(data.expiring);
  AddEngagementRows(data, query, out);
  AddTurnarounds(data, out);
  AddPeerDays(data, out);
  AddExpiredMembersAndRates(data, out);
  return out;
}

}  // namespace hc::app
