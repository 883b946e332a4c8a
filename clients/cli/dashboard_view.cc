#include "clients/cli/dashboard_view.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/output.h"
#include "clients/cli/values.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::string Safe(const std::string& text) { return TerminalSafe(text); }

std::string Percent(int part, int whole) {
  return whole == 0 ? "" : absl::StrFormat("%.0f%%", 100.0 * part / whole);
}

std::string Headline(const v1::ProgrammeDashboard& d) {
  Fields fields;
  fields.Add("as of", FormatDate(d.as_of()));
  fields.Add("open engagements", absl::StrCat(d.engagements_size()));
  fields.Add("overdue milestones", absl::StrCat(d.overdue_size()));
  fields.Add("median turnaround",
             d.turnaround().has_median_days()
                 ? absl::StrFormat("%.1f days", d.turnaround().median_days())
                 : "none published in the last 12 months");
  fields.Add("peer-days used",
             absl::StrCat(d.peer_days().total_peer_days(), " (+",
                          d.peer_days().total_shadow_days(), " shadow) from ",
                          FormatDate(d.peer_days().from()), " to ",
                          FormatDate(d.peer_days().to())));
  return fields.Render();
}

std::string NextMilestone(const v1::DashboardMilestone& m) {
  if (m.key_date().empty()) return "";
  return absl::StrCat(m.overdue() ? "OVERDUE " : "", m.key_date(), " ", FormatDate(m.date()));
}

std::string Engagements(const v1::ProgrammeDashboard& d) {
  Table table({"STAGE", "DAYS", "PARTNERSHIP", "LEAD PEER", "NEXT MILESTONE", "ENGAGEMENT"});
  for (const v1::DashboardEngagement& e : d.engagements()) {
    table.AddRow({EnumLabel(e.stage()), absl::StrCat(e.days_in_stage()),
                  Safe(e.partnership_display_name()), Safe(e.lead_peer_display_name()),
                  NextMilestone(e.next_milestone()), e.engagement()});
  }
  Table overdue({"DATE", "KEY DATE", "PARTNERSHIP", "STAGE", "ENGAGEMENT"});
  for (const v1::OverdueEngagementDate& o : d.overdue()) {
    overdue.AddRow({FormatDate(o.overdue().date()), o.overdue().key_date(),
                    Safe(o.partnership_display_name()), EnumLabel(o.stage()), o.engagement()});
  }
  Table upcoming({"DATE", "KEY DATE", "PARTNERSHIP", "STAGE", "ENGAGEMENT"});
  for (const v1::DashboardMilestone& m : d.upcoming_milestones()) {
    upcoming.AddRow({FormatDate(m.date()), m.key_date(), Safe(m.partnership_display_name()),
                     EnumLabel(m.stage()), m.engagement()});
  }
  return Section("Engagements by stage (days in stage)", table.Render(2)) +
         Section("Overdue milestones", overdue.Render(2)) +
         Section(absl::StrCat("Upcoming milestones (next ", d.within_days(), " days)"),
                 upcoming.Render(2));
}

std::string Turnaround(const v1::ReportTurnaround& t) {
  Table table({"PUBLISHED", "DAY 3", "DAYS", "DUE", "ON TIME", "PARTNERSHIP"});
  for (const v1::ReportTurnaroundRow& r : t.reports()) {
    table.AddRow({FormatDate(r.published()), FormatDate(r.fieldwork_day3()),
                  absl::StrCat(r.days()), FormatDate(r.report_due()), r.on_time() ? "yes" : "no",
                  Safe(r.partnership_display_name())});
  }
  Fields fields;
  fields.Add("published", absl::StrCat(t.published(), " (", t.on_time(), " on time)"));
  fields.Add("median days", t.has_median_days() ? absl::StrFormat("%.1f", t.median_days()) : "");
  fields.Add("mean days", t.has_mean_days() ? absl::StrFormat("%.1f", t.mean_days()) : "");
  return Section(absl::StrCat("Report turnaround (", FormatDate(t.from()), " to ",
                              FormatDate(t.to()), ")"),
                 fields.Render(2) + table.Render(2));
}

std::string People(const v1::ProgrammeDashboard& d) {
  Table days({"PEER", "ORGANISATION", "PEER-DAYS", "SHADOW DAYS"});
  for (const v1::PeerDayCount& p : d.peer_days().peers()) {
    days.AddRow({Safe(p.display_name()), Safe(p.home_organisation()),
                 absl::StrCat(p.peer_days()), absl::StrCat(p.shadow_days())});
  }
  days.AddRow({"TOTAL", "", absl::StrCat(d.peer_days().total_peer_days()),
               absl::StrCat(d.peer_days().total_shadow_days())});
  Table expiring({"EXPIRES", "NAME", "PEER"});
  for (const v1::ExpiringAccreditation& a : d.expiring_accreditations()) {
    expiring.AddRow({FormatDate(a.accreditation_expiry_date()), Safe(a.display_name()), a.peer()});
  }
  Table expired({"EXPIRED", "NAME", "ROLE", "PARTNERSHIP", "ENGAGEMENT"});
  for (const v1::ExpiredTeamMember& m : d.expired_team_members()) {
    expired.AddRow({FormatDate(m.accreditation_expiry_date()), Safe(m.display_name()),
                    EnumLabel(m.role()), Safe(m.partnership_display_name()), m.engagement()});
  }
  return Section(absl::StrCat("Peer-days (", FormatDate(d.peer_days().from()), " to ",
                              FormatDate(d.peer_days().to()), ")"),
                 days.Render(2)) +
         Section("Accreditations expiring", expiring.Render(2)) +
         Section("Expired accreditations on open teams", expired.Render(2));
}

std::string Rates(const v1::ResponseRateSummary& r) {
  Table table({"PARTNERSHIP", "INVITED", "RESPONDED", "RATE", "ENGAGEMENT"});
  for (const v1::EngagementResponseRate& e : r.engagements()) {
    const v1::GroupRate& o = e.overall();
    if (!o.released()) {
      table.AddRow({Safe(e.partnership_display_name()), Safe(o.withheld_reason()), "", "",
                    e.engagement()});
      continue;
    }
    table.AddRow({Safe(e.partnership_display_name()), absl::StrCat(o.invitations()),
                  absl::StrCat(o.responses()), Percent(o.responses(), o.invitations()),
                  e.engagement()});
  }
  table.AddRow({absl::StrCat("ALL RELEASED (", r.released(), " of ", r.questionnaires(), ")"),
                absl::StrCat(r.invitations()), absl::StrCat(r.responses()),
                Percent(r.responses(), r.invitations()), ""});
  return Section("Questionnaire response rates", table.Render(2));
}

}  // namespace

std::string DashboardText(const v1::ProgrammeDashboard& d) {
  return Headline(d) + Engagements(d) + Turnaround(d.turnaround()) + People(d) +
         Rates(d.response_rates());
}

}  // namespace hc::cli
