#ifndef HC_SERVICES_FIELDWORK_ICALENDAR_H_
#define HC_SERVICES_FIELDWORK_ICALENDAR_H_

#include <string>

#include "absl/strings/string_view.h"
#include "core/app/fieldwork_app_service.h"

// The fieldwork timetable as an iCalendar object (RFC 5545), so that it
// opens in any calendar.
namespace hc::services {

// A VCALENDAR with one VEVENT per activity of `view`: UID from the activity's
// name, DTSTAMP its last change (UTC), DTSTART/DTEND at floating local times
// on the engagement's fieldwork date for its day (24:00 is the next day's
// 00:00), SUMMARY kind and title, LOCATION, DESCRIPTION of participants and
// peers, STATUS CONFIRMED (planned or held) or CANCELLED, SEQUENCE from the
// version, and an ATTENDEE per peer (when `view.with_emails`; the peers'
// names are in the DESCRIPTION either way). TEXT values are escaped (\\ \; \, \n),
// lines end in CRLF and are folded at 75 octets without splitting a UTF-8
// character. Expects fieldwork dates set (FieldworkAppService::Timetable
// checks them).
std::string TimetableCalendar(const app::TimetableView& view, absl::string_view title);

}  // namespace hc::services

#endif  // HC_SERVICES_FIELDWORK_ICALENDAR_H_
