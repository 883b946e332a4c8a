#include "services/fieldwork/icalendar.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace hc::services {
namespace {

constexpr size_t kMaxLineOctets = 75;

// A TEXT value (RFC 5545 3.3.11).
std::string Text(absl::string_view value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A parameter value: quoted, without the quotes it may not hold.
std::string ParamValue(absl::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c != '"' && static_cast<unsigned char>(c) >= 0x20) out.push_back(c);
  }
  return out + "\"";
}

// Appends one content line, folded (RFC 5545 3.1): after at most 75 octets a
// CRLF and a space, never inside a UTF-8 sequence.
void AppendLine(std::string& out, absl::string_view line) {
  size_t used = 0;
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const bool continuation = (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
    const size_t limit = start == 0 ? kMaxLineOctets : kMaxLineOctets - 1;
    if (!continuation && used >= limit) {
      absl::StrAppend(&out, line.substr(start, i - start));
      out.append("\r\n ");
      start = i;
      used = 0;
    }
    ++used;
  }
  absl::StrAppend(&out, line.substr(start));
  out.append("\r\n");
}

std::string LocalDateTime(absl::CivilDay day, int minute_of_day) {
  const absl::CivilMinute at = absl::CivilMinute(day) + minute_of_day;
  return absl::StrFormat("%04d%02d%02dT%02d%02d00", at.year(), at.month(), at.day(), at.hour(),
                         at.minute());
}

std::string Participants(const domain::Activity& a) {
  std::vector<std::string> parts;
  for (const domain::Participant& p : a.participants) {
    std::string who = p.role;
    if (!p.organisation.empty()) absl::StrAppend(&who, who.empty() ? "" : ", ", p.organisation);
    if (p.count > 1) absl::StrAppend(&who, " (", p.count, ")");
    if (!p.names.empty()) absl::StrAppend(&who, ": ", absl::StrJoin(p.names, ", "));
    parts.push_back(std::move(who));
  }
  return absl::StrJoin(parts, "; ");
}

}  // namespace

std::string TimetableCalendar(const app::TimetableView& view, absl::string_view title) {
  const domain::KeyDates& dates = view.engagement.key_dates;
  const absl::CivilDay days[3] = {dates.fieldwork_day1.value_or(absl::CivilDay()),
                                  dates.fieldwork_day2.value_or(absl::CivilDay()),
                                  dates.fieldwork_day3.value_or(absl::CivilDay())};
  std::string out;
  AppendLine(out, "BEGIN:VCALENDAR");
  AppendLine(out, "VERSION:2.0");
  AppendLine(out, "PRODID:-//Partnership health checks//hc_server//EN");
  AppendLine(out, "CALSCALE:GREGORIAN");
  AppendLine(out, "METHOD:PUBLISH");
  AppendLine(out, absl::StrCat("X-WR-CALNAME:", Text(title)));
  for (const domain::Activity& a : view.activities) {
    const absl::CivilDay day = days[a.day - 1];
    std::vector<std::string> peer_names;
    for (const std::string& id : a.peer_ids) {
      const auto it = view.peers.find(id);
      peer_names.push_back(it == view.peers.end() ? id : it->second.display_name);
    }
    std::string description = absl::StrCat("Fieldwork day ", a.day, " of the health check of ",
                                           view.partnership.display_name, ".");
    if (!a.participants.empty()) {
      absl::StrAppend(&description, "\nWith: ", Participants(a), ".");
    }
    if (!peer_names.empty()) {
      absl::StrAppend(&description, "\nPeers: ", absl::StrJoin(peer_names, ", "), ".");
    }
    std::string kind(domain::ActivityKindWords(a.kind));
    kind[0] = absl::ascii_toupper(static_cast<unsigned char>(kind[0]));
    AppendLine(out, "BEGIN:VEVENT");
    AppendLine(out, absl::StrCat("UID:", a.meta.id, "-", a.engagement_id, "@healthcheck"));
    AppendLine(out, absl::StrCat("DTSTAMP:", absl::FormatTime("%Y%m%dT%H%M%SZ",
                                                              a.meta.update_time,
                                                              absl::UTCTimeZone())));
    AppendLine(out, absl::StrCat("DTSTART:", LocalDateTime(day, a.start_minute)));
    AppendLine(out, absl::StrCat("DTEND:", LocalDateTime(day, a.end_minute)));
    AppendLine(out, absl::StrCat("SUMMARY:", Text(absl::StrCat(kind, ": ", a.title))));
    if (!a.place.empty()) AppendLine(out, absl::StrCat("LOCATION:", Text(a.place)));
    AppendLine(out, absl::StrCat("DESCRIPTION:", Text(description)));
    AppendLine(out, absl::StrCat("STATUS:", a.state == domain::ActivityState::kCancelled
                                                ? "CANCELLED"
                                                : "CONFIRMED"));
    AppendLine(out, absl::StrCat("SEQUENCE:", a.meta.version - 1));
    for (const std::string& id : a.peer_ids) {
      const auto it = view.peers.find(id);
      if (it == view.peers.end() || !view.with_emails) continue;
      AppendLine(out, absl::StrCat("ATTENDEE;CN=", ParamValue(it->second.display_name),
                                   ";ROLE=REQ-PARTICIPANT:mailto:", it->second.email));
    }
    AppendLine(out, "END:VEVENT");
  }
  AppendLine(out, "END:VCALENDAR");
  return out;
}

}  // namespace hc::services
