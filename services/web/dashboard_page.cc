#include "services/web/dashboard_page.h"

#include <initializer_list>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "services/web/html.h"

namespace hc::services {
namespace {

constexpr absl::string_view kStyle = R"css(
body { font-family: system-ui, sans-serif; font-size: 1rem; line-height: 1.45; color: #0b0c0c;
       background: #fff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
header { display: flex; justify-content: space-between; align-items: flex-start;
         border-bottom: 6px solid #1d70b8; margin-bottom: 1.25rem; }
header p { color: #505a5f; margin: 0 0 0.75rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.25rem 0 0.4rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; }
form { margin: 0.5rem 0 0; }
button { font: inherit; padding: 0.4rem 1rem; border: 2px solid #0b0c0c; background: #f3f2f1;
         color: #0b0c0c; cursor: pointer; }
button:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
           gap: 1rem; margin: 0; }
.figure { background: #f3f2f1; border-left: 6px solid #1d70b8; padding: 0.6rem 1rem; margin: 0; }
.figure.alert { border-left-color: #d4351c; }
.figure dt { color: #505a5f; font-size: 0.95rem; }
.figure dd { font-size: 2rem; font-weight: 700; margin: 0; }
.figure dd small { display: block; font-size: 0.85rem; font-weight: 400; color: #505a5f; }
table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 0.5rem; }
caption { text-align: left; color: #505a5f; padding-bottom: 0.25rem; }
th, td { text-align: left; padding: 0.4rem 0.6rem 0.4rem 0; border-bottom: 1px solid #b1b4b6;
         vertical-align: top; }
th { font-weight: 700; }
td.num, th.num { text-align: right; }
tfoot td { font-weight: 700; }
.id { display: block; color: #505a5f; font-size: 0.85rem; }
.overdue { color: #d4351c; font-weight: 700; white-space: nowrap; }
.marker { display: inline-block; width: 1.1rem; height: 1.1rem; line-height: 1.1rem;
          border-radius: 50%; background: #d4351c; color: #fff; text-align: center;
          font-size: 0.8rem; margin-right: 0.3rem; }
tr.late td { background: #fcefed; }
.withheld { color: #505a5f; font-style: italic; }
.none { color: #505a5f; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
)css";

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

// "INITIAL_FEEDBACK" -> "Initial feedback".
std::string StageLabel(domain::Stage stage) {
  std::string label = absl::AsciiStrToLower(domain::StageName(stage));
  absl::StrReplaceAll({{"_", " "}}, &label);
  if (!label.empty()) label[0] = absl::ascii_toupper(label[0]);
  return label;
}

std::string KeyDateLabel(absl::string_view key_date) {
  if (key_date == "questionnaire_open") return "Questionnaire opens";
  if (key_date == "questionnaire_close") return "Questionnaire closes";
  if (key_date == "fieldwork_day1") return "Fieldwork day 1";
  if (key_date == "fieldwork_day2") return "Fieldwork day 2";
  if (key_date == "fieldwork_day3") return "Fieldwork day 3";
  if (key_date == "feedback_date") return "Initial feedback";
  if (key_date == "report_due") return "Report due";
  if (key_date == "plan_due") return "Improvement plan due";
  return std::string(key_date);
}

// A red "!" and a word: the state is never told by colour alone.
std::string Marker(absl::string_view word) {
  return absl::StrCat(
      "<span class=\"overdue\"><span class=\"marker\" aria-hidden=\"true\">!</span>", word,
      "</span>");
}

std::string Row(std::initializer_list<std::string> cells, absl::string_view css_class = "") {
  std::string row = css_class.empty() ? "<tr>" : absl::StrCat("<tr class=\"", css_class, "\">");
  for (const std::string& cell : cells) absl::StrAppend(&row, "<td>", cell, "</td>");
  return absl::StrCat(row, "</tr>\n");
}

std::string Num(int n) { return absl::StrCat(n); }

// A table with `headings`, or `empty` as a sentence when there are no rows.
std::string Table(absl::string_view id, std::initializer_list<absl::string_view> headings,
                  const std::string& rows, absl::string_view empty,
                  const std::string& foot = "") {
  if (rows.empty()) return absl::StrCat("<p class=\"none\" id=\"", id, "\">", empty, "</p>\n");
  std::string out = absl::StrCat("<table id=\"", id, "\">\n<thead><tr>");
  for (absl::string_view h : headings) absl::StrAppend(&out, "<th scope=\"col\">", h, "</th>");
  absl::StrAppend(&out, "</tr></thead>\n<tbody>\n", rows, "</tbody>\n");
  if (!foot.empty()) absl::StrAppend(&out, "<tfoot>", foot, "</tfoot>\n");
  return absl::StrCat(out, "</table>\n");
}

std::string Partnership(absl::string_view name, absl::string_view engagement_id) {
  return absl::StrCat(Escape(name), "<span class=\"id\">engagements/", Escape(engagement_id),
                      "</span>");
}

std::string Figure(absl::string_view label, absl::string_view value, absl::string_view note,
                   bool alert = false) {
  return absl::StrCat("<div class=\"figure", alert ? " alert" : "", "\"><dt>", label,
                      "</dt><dd>", value, note.empty() ? "" : absl::StrCat("<small>", note,
                                                                          "</small>"),
                      "</dd></div>\n");
}

std::string Headline(const app::ProgrammeDashboard& d) {
  const std::string median =
      d.turnaround.median_days ? absl::StrFormat("%.1f days", *d.turnaround.median_days) : "Not yet";
  const std::string published =
      absl::StrCat(d.turnaround.published, " published in the last 12 months");
  const std::string period =
      absl::StrCat(Day(d.peer_day_period.from), " to ", Day(d.peer_day_period.to), ", plus ",
                   d.total_peer_days.shadow_days, " shadow days");
  return absl::StrCat(
      "<section aria-labelledby=\"headline\">\n<h2 id=\"headline\" class=\"visually-hidden\">"
      "Headline figures</h2>\n<dl class=\"figures\">\n",
      Figure("Open engagements", Num(static_cast<int>(d.engagements.size())), ""),
      Figure("Overdue milestones", Num(static_cast<int>(d.overdue.size())),
             d.overdue.empty() ? "" : "see below", !d.overdue.empty()),
      Figure("Median report turnaround", median, published),
      Figure("Peer-days used", Num(d.total_peer_days.peer_days), period), "</dl>\n</section>\n");
}

std::string NextMilestone(const app::DashboardEngagement& e) {
  if (!e.next_milestone) return "<span class=\"none\">None set</span>";
  return absl::StrCat(e.next_milestone_overdue ? absl::StrCat(Marker("Overdue"), " ") : "",
                      KeyDateLabel(e.next_milestone->key_date), ", ",
                      Day(e.next_milestone->date));
}

std::string Engagements(const app::ProgrammeDashboard& d) {
  std::string rows;
  for (const app::DashboardEngagement& e : d.engagements) {
    rows += Row({Partnership(e.partnership_display_name, e.engagement_id), StageLabel(e.stage),
                 Day(absl::ToCivilDay(e.stage_enter_time, absl::UTCTimeZone())),
                 Num(e.days_in_stage),
                 e.lead_peer_display_name.empty() ? "<span class=\"none\">None yet</span>"
                                                  : Escape(e.lead_peer_display_name),
                 NextMilestone(e)},
                e.next_milestone_overdue ? "late" : "");
  }
  return absl::StrCat(
      "<h2 id=\"engagements-heading\">Engagements by stage</h2>\n",
      Table("engagements",
            {"Partnership", "Stage", "In stage since", "Days in stage", "Lead peer",
             "Next milestone"},
            rows, "There are no open engagements."));
}

std::string Milestones(const app::ProgrammeDashboard& d) {
  std::string overdue;
  for (const app::OverdueEngagementDate& o : d.overdue) {
    overdue += Row({Partnership(o.partnership_display_name, o.engagement_id),
                    Marker("Overdue"), KeyDateLabel(o.overdue.key_date),
                    Day(o.overdue.date), StageLabel(o.stage)},
                   "late");
  }
  std::string upcoming;
  for (const app::DashboardMilestone& m : d.upcoming) {
    upcoming += Row({Partnership(m.partnership_display_name, m.engagement_id),
                     KeyDateLabel(m.milestone.key_date), Day(m.milestone.date),
                     Num(static_cast<int>(m.milestone.date - d.as_of)), StageLabel(m.stage)});
  }
  return absl::StrCat(
      "<h2>Overdue milestones</h2>\n",
      Table("overdue", {"Partnership", "Status", "Milestone", "Date", "Stage now"}, overdue,
            "Nothing is overdue."),
      "<h2>Upcoming milestones (next ", d.within_days, " days)</h2>\n",
      Table("upcoming", {"Partnership", "Milestone", "Date", "Days to go", "Stage now"}, upcoming,
            "No milestones in this window."));
}

std::string Turnaround(const app::ProgrammeDashboard& d) {
  std::string rows;
  for (const app::DashboardTurnaround& t : d.turnarounds) {
    rows += Row({Partnership(t.partnership_display_name, t.engagement_id),
                 Day(t.turnaround.fieldwork_day3), Day(t.turnaround.published),
                 Num(t.turnaround.days),
                 t.turnaround.report_due ? Day(*t.turnaround.report_due) : "",
                 t.turnaround.on_time ? "On time" : Marker("Late")});
  }
  std::string summary = "<p>No report was published in the last 12 months.</p>\n";
  if (d.turnaround.median_days && d.turnaround.mean_days) {
    summary = absl::StrFormat(
        "<p>%d published, %d on time. Median %.1f days, mean %.1f days from fieldwork day 3 to "
        "publication.</p>\n",
        d.turnaround.published, d.turnaround.on_time, *d.turnaround.median_days,
        *d.turnaround.mean_days);
  }
  return absl::StrCat(
      "<h2>Report turnaround (", Day(d.turnaround_period.from), " to ",
      Day(d.turnaround_period.to), ")</h2>\n", summary,
      Table("turnaround", {"Partnership", "Fieldwork day 3", "Published", "Days", "Due", "Result"},
            rows, ""));
}

std::string PeerDaysTable(const app::ProgrammeDashboard& d) {
  std::string rows;
  for (const app::DashboardPeerDays& p : d.peer_days) {
    rows += Row({Escape(p.peer.display_name), Escape(p.peer.home_organisation),
                 Num(p.days.peer_days), Num(p.days.shadow_days)});
  }
  const std::string foot = Row({"Total", "", Num(d.total_peer_days.peer_days),
                                Num(d.total_peer_days.shadow_days)});
  return absl::StrCat(
      "<h2>Peer-days (fieldwork ", Day(d.peer_day_period.from), " to ", Day(d.peer_day_period.to),
      ")</h2>\n",
      Table("peer-days", {"Peer", "Organisation", "Peer-days", "Shadow days"}, rows,
            "No fieldwork days in this period.", foot));
}

std::string Accreditations(const app::ProgrammeDashboard& d) {
  std::string expiring;
  for (const domain::Peer& p : d.expiring) {
    expiring += Row({Escape(p.display_name), Escape(p.home_organisation),
                     p.accreditation_expiry_date ? Day(*p.accreditation_expiry_date) : ""});
  }
  std::string expired;
  for (const app::DashboardExpiredMember& m : d.expired_members) {
    expired += Row({Escape(m.peer.display_name),
                    absl::StrCat(Marker("Expired"), " ",
                                 m.peer.accreditation_expiry_date
                                     ? Day(*m.peer.accreditation_expiry_date)
                                     : ""),
                    Partnership(m.partnership_display_name, m.engagement_id),
                    m.role == domain::TeamRole::kLeadPeer ? "Lead peer" : "Peer"},
                   "late");
  }
  return absl::StrCat(
      "<h2>Accreditations expiring</h2>\n",
      Table("expiring", {"Peer", "Organisation", "Last valid day"}, expiring,
            "No accreditation ends soon."),
      "<h2>Expired accreditations on open teams</h2>\n",
      Table("expired", {"Peer", "Accreditation", "Engagement", "Role"}, expired,
            "Every lead peer and peer on an open engagement is accredited."));
}

std::string Rates(const app::ProgrammeDashboard& d) {
  std::string rows;
  for (const app::DashboardResponseRate& r : d.response_rates) {
    const app::GroupRate& o = r.overall;
    if (!o.released) {
      // One cell across the figures' columns: the reason, and no number.
      absl::StrAppend(&rows, "<tr><td>", Partnership(r.partnership_display_name, r.engagement_id),
                      "</td><td colspan=\"3\" class=\"withheld\">", Escape(o.withheld_reason),
                      "</td></tr>\n");
      continue;
    }
    const double rate = o.invitations == 0 ? 0 : 100.0 * o.responses / o.invitations;
    rows += Row({Partnership(r.partnership_display_name, r.engagement_id), Num(o.invitations),
                 Num(o.responses), absl::StrFormat("%.0f%%", rate)});
  }
  const domain::ResponseTotals& t = d.response_totals;
  const std::string foot = Row(
      {absl::StrCat("All released (", t.released, " of ", t.questionnaires, ")"),
       Num(t.invited), Num(t.responded),
       t.invited == 0 ? "" : absl::StrFormat("%.0f%%", 100.0 * t.responded / t.invited)});
  return absl::StrCat(
      "<h2>Questionnaire response rates</h2>\n",
      Table("rates", {"Partnership", "Invited", "Responded", "Rate"}, rows,
            "No open engagement has a questionnaire.", foot));
}

}  // namespace

std::string DashboardPage(const app::ProgrammeDashboard& d) {
  const std::string body = absl::StrCat(
      "<header>\n<div>\n<h1>Programme dashboard</h1>\n<p>Partnership health checks &middot; as of ",
      Day(d.as_of),
      "</p>\n</div>\n<form method=\"post\" action=\"/signout\"><button type=\"submit\">Sign "
      "out</button></form>\n</header>\n",
      Headline(d), Engagements(d), Milestones(d), Turnaround(d), PeerDaysTable(d),
      Accreditations(d), Rates(d));
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>Programme dashboard</title>\n"
      "<style>",
      kStyle, "</style>\n</head>\n<body>\n<main>\n", body, "</main>\n</body>\n</html>\n");
}

}  // namespace hc::services
