#include "services/programme/programme_grpc_service.h"

#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/resource_names.h"
#include "services/engagement/engagement_mapping.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

constexpr int kDefaultExpiringWithinDays = 90;
constexpr int kDefaultWithinDays = 28;

void ToProto(const app::ProgrammeOverview& overview, v1::ProgrammeOverview* out) {
  for (const auto& [stage, count] : overview.stage_counts) {
    v1::StageCount* row = out->add_stage_counts();
    row->set_stage(static_cast<v1::Stage>(stage));
    row->set_engagements(count);
  }
  for (const app::OverdueEngagementDate& o : overview.overdue) {
    v1::OverdueEngagementDate* row = out->add_overdue();
    row->set_engagement(NameOf("engagements", o.engagement_id));
    row->set_partnership_display_name(o.partnership_display_name);
    row->set_stage(static_cast<v1::Stage>(o.stage));
    services::ToProto(o.overdue, row->mutable_overdue());
  }
  for (const domain::Peer& p : overview.expiring) {
    v1::ExpiringAccreditation* row = out->add_expiring_accreditations();
    row->set_peer(NameOf("peers", p.meta.id));
    row->set_display_name(p.display_name);
    services::ToProto(p.accreditation_expiry_date, row->mutable_accreditation_expiry_date());
  }
  services::ToProto(std::optional<absl::CivilDay>(overview.as_of), out->mutable_as_of());
}

void ToProto(absl::CivilDay day, v1::Date* out) {
  services::ToProto(std::optional<absl::CivilDay>(day), out);
}

void ToProto(const app::DashboardMilestone& m, bool overdue, v1::DashboardMilestone* out) {
  out->set_engagement(NameOf("engagements", m.engagement_id));
  out->set_partnership_display_name(m.partnership_display_name);
  out->set_stage(static_cast<v1::Stage>(m.stage));
  out->set_key_date(std::string(m.milestone.key_date));
  ToProto(m.milestone.date, out->mutable_date());
  out->set_expected_stage(static_cast<v1::Stage>(m.milestone.done_at));
  out->set_overdue(overdue);
}

void EngagementsToProto(const app::ProgrammeDashboard& d, v1::ProgrammeDashboard* out) {
  for (const app::DashboardEngagement& e : d.engagements) {
    v1::DashboardEngagement* row = out->add_engagements();
    row->set_engagement(NameOf("engagements", e.engagement_id));
    row->set_partnership_display_name(e.partnership_display_name);
    row->set_stage(static_cast<v1::Stage>(e.stage));
    services::ToProto(e.stage_enter_time, row->mutable_stage_enter_time());
    row->set_days_in_stage(e.days_in_stage);
    row->set_lead_peer_display_name(e.lead_peer_display_name);
    if (e.next_milestone) {
      ToProto({e.engagement_id, e.partnership_display_name, e.stage, *e.next_milestone},
              e.next_milestone_overdue, row->mutable_next_milestone());
    }
  }
  for (const app::DashboardMilestone& m : d.upcoming) {
    ToProto(m, false, out->add_upcoming_milestones());
  }
  out->set_within_days(d.within_days);
  for (const app::OverdueEngagementDate& o : d.overdue) {
    v1::OverdueEngagementDate* row = out->add_overdue();
    row->set_engagement(NameOf("engagements", o.engagement_id));
    row->set_partnership_display_name(o.partnership_display_name);
    row->set_stage(static_cast<v1::Stage>(o.stage));
    services::ToProto(o.overdue, row->mutable_overdue());
  }
}

void TurnaroundToProto(const app::ProgrammeDashboard& d, v1::ReportTurnaround* out) {
  ToProto(d.turnaround_period.from, out->mutable_from());
  ToProto(d.turnaround_period.to, out->mutable_to());
  for (const app::DashboardTurnaround& t : d.turnarounds) {
    v1::ReportTurnaroundRow* row = out->add_reports();
    row->set_engagement(NameOf("engagements", t.engagement_id));
    row->set_partnership_display_name(t.partnership_display_name);
    ToProto(t.turnaround.fieldwork_day3, row->mutable_fieldwork_day3());
    ToProto(t.turnaround.published, row->mutable_published());
    row->set_days(t.turnaround.days);
    services::ToProto(t.turnaround.report_due, row->mutable_report_due());
    row->set_on_time(t.turnaround.on_time);
  }
  out->set_published(d.turnaround.published);
  out->set_on_time(d.turnaround.on_time);
  if (d.turnaround.median_days) out->set_median_days(*d.turnaround.median_days);
  if (d.turnaround.mean_days) out->set_mean_days(*d.turnaround.mean_days);
}

void PeopleToProto(const app::ProgrammeDashboard& d, v1::ProgrammeDashboard* out) {
  v1::PeerDays* days = out->mutable_peer_days();
  ToProto(d.peer_day_period.from, days->mutable_from());
  ToProto(d.peer_day_period.to, days->mutable_to());
  for (const app::DashboardPeerDays& p : d.peer_days) {
    v1::PeerDayCount* row = days->add_peers();
    row->set_peer(NameOf("peers", p.peer.meta.id));
    row->set_display_name(p.peer.display_name);
    row->set_home_organisation(p.peer.home_organisation);
    row->set_peer_days(p.days.peer_days);
    row->set_shadow_days(p.days.shadow_days);
  }
  days->set_total_peer_days(d.total_peer_days.peer_days);
  days->set_total_shadow_days(d.total_peer_days.shadow_days);
  for (const domain::Peer& p : d.expiring) {
    v1::ExpiringAccreditation* row = out->add_expiring_accreditations();
    row->set_peer(NameOf("peers", p.meta.id));
    row->set_display_name(p.display_name);
    services::ToProto(p.accreditation_expiry_date, row->mutable_accreditation_expiry_date());
  }
  for (const app::DashboardExpiredMember& m : d.expired_members) {
    v1::ExpiredTeamMember* row = out->add_expired_team_members();
    row->set_peer(NameOf("peers", m.peer.meta.id));
    row->set_display_name(m.peer.display_name);
    services::ToProto(m.peer.accreditation_expiry_date, row->mutable_accreditation_expiry_date());
    row->set_engagement(NameOf("engagements", m.engagement_id));
    row->set_partnership_display_name(m.partnership_display_name);
    row->set_role(static_cast<v1::TeamRole>(m.role));
  }
}

void RatesToProto(const app::ProgrammeDashboard& d, v1::ResponseRateSummary* out) {
  for (const app::DashboardResponseRate& r : d.response_rates) {
    v1::EngagementResponseRate* row = out->add_engagements();
    row->set_engagement(NameOf("engagements", r.engagement_id));
    row->set_partnership_display_name(r.partnership_display_name);
    v1::GroupRate* overall = row->mutable_overall();
    overall->set_group(r.overall.group);
    overall->set_invitations(r.overall.invitations);
    overall->set_released(r.overall.released);
    overall->set_responses(r.overall.responses);
    overall->set_withheld_reason(r.overall.withheld_reason);
  }
  out->set_questionnaires(d.response_totals.questionnaires);
  out->set_released(d.response_totals.released);
  out->set_invitations(d.response_totals.invited);
  out->set_responses(d.response_totals.responded);
}

void ToProto(const app::ProgrammeDashboard& d, v1::ProgrammeDashboard* out) {
  ToProto(d.as_of, out->mutable_as_of());
  for (const auto& [stage, count] : d.stage_counts) {
    v1::StageCount* row = out->add_stage_counts();
    row->set_stage(static_cast<v1::Stage>(stage));
    row->set_engagements(count);
  }
  EngagementsToProto(d, out);
  TurnaroundToProto(d, out->mutable_turnaround());
  PeopleToProto(d, out);
  RatesToProto(d, out->mutable_response_rates());
}

absl::StatusOr<app::DashboardQuery> DashboardQueryOf(const v1::GetProgrammeDashboardRequest& r) {
  app::DashboardQuery query;
  query.within_days = r.within_days() == 0 ? kDefaultWithinDays : r.within_days();
  query.expiring_within_days =
      r.expiring_within_days() == 0 ? kDefaultExpiringWithinDays : r.expiring_within_days();
  HC_ASSIGN_OR_RETURN(query.from, FromProto("from", r.from()));
  HC_ASSIGN_OR_RETURN(query.to, FromProto("to", r.to()));
  query.include_ended = r.include_ended();
  return query;
}

}  // namespace

grpc::ServerUnaryReactor* ProgrammeGrpcService::GetProgrammeDashboard(
    grpc::CallbackServerContext* context, const v1::GetProgrammeDashboardRequest* request,
    v1::ProgrammeDashboard* response) {
  return runner_.Run(
      context, "GetProgrammeDashboard", [=, this](const domain::Principal& principal) {
        HC_ASSIGN_OR_RETURN(app::DashboardQuery query, DashboardQueryOf(*request));
        HC_ASSIGN_OR_RETURN(app::ProgrammeDashboard dashboard, app_.Dashboard(principal, query));
        ToProto(dashboard, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ProgrammeGrpcService::GetProgrammeOverview(
    grpc::CallbackServerContext* context, const v1::GetProgrammeOverviewRequest* request,
    v1::ProgrammeOverview* response) {
  return runner_.Run(context, "GetProgrammeOverview", [=, this](const domain::Principal& principal) {
    const int days = request->expiring_within_days() == 0 ? kDefaultExpiringWithinDays
                                                          : request->expiring_within_days();
    HC_ASSIGN_OR_RETURN(app::ProgrammeOverview overview, app_.Overview(principal, days));
    ToProto(overview, response);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
