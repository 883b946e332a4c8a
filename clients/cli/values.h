#ifndef HC_CLIENTS_CLI_VALUES_H_
#define HC_CLIENTS_CLI_VALUES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/timestamp.pb.h"
#include "healthcheck/v1/common.pb.h"

namespace hc::cli {

// Enum and date values: parsing them from flags, formatting them for output.
//
// An enum value is written without its type's prefix, in any case, with '-'
// or '_' between words: "fire-and-rescue" or "FIRE_AND_RESCUE" is
// SECTOR_FIRE_AND_RESCUE, "lead_peer" is TEAM_ROLE_LEAD_PEER, "fieldwork" is
// FIELDWORK. The full name is accepted too. The *_UNSPECIFIED value never is.

// Parses the value of flag `flag` (named in the error) as a value of `type`.
// Returns its number, or a usage error listing the choices.
absl::StatusOr<int> ParseEnumValue(const google::protobuf::EnumDescriptor& type,
                                   absl::string_view flag,
                                   absl::string_view text);

template <typename E>
absl::StatusOr<E> ParseEnum(absl::string_view flag, absl::string_view text) {
  absl::StatusOr<int> number =
      ParseEnumValue(*google::protobuf::GetEnumDescriptor<E>(), flag, text);
  if (!number.ok()) return number.status();
  return static_cast<E>(*number);
}

// The accepted spellings of `type`'s values, e.g. "lsp, csp, ssp".
std::string EnumChoices(const google::protobuf::EnumDescriptor& type);

// The short lower-case label of a value, e.g. "fire_and_rescue"; "" for the
// unspecified value, the number for an unknown one.
std::string EnumLabel(const google::protobuf::EnumDescriptor& type, int number);

template <typename E>
std::string EnumLabel(E value) {
  return EnumLabel(*google::protobuf::GetEnumDescriptor<E>(),
                   static_cast<int>(value));
}

// Parses a YYYY-MM-DD calendar date given to flag `flag`. An empty text is
// the unset date (all zero), which clears a date on update. Returns a usage
// error for anything else that is not a real date.
absl::StatusOr<healthcheck::v1::Date> ParseDate(absl::string_view flag,
                                                absl::string_view text);

// Parses a point in time given to flag `flag`: RFC 3339
// ("2027-02-01T09:00:00Z", "2027-02-01T10:00:00+01:00", fractions allowed),
// a YYYY-MM-DD date (its midnight UTC), "now", or "now" plus or minus a
// whole number of s, m, h or d ("now+2h", "now-30m", "now+14d"), counted
// from `now`. Returns a usage error for anything else.
absl::StatusOr<google::protobuf::Timestamp> ParseTimestamp(
    absl::string_view flag, absl::string_view text, absl::Time now);

// Parses a local time of day given to flag `flag` as HH:MM (or H:MM):
// 00:00-23:59, and 24:00 too if `end_of_day` (the end of an activity that
// runs to midnight). Returns a usage error for anything else.
absl::StatusOr<healthcheck::v1::TimeOfDay> ParseTimeOfDay(
    absl::string_view flag, absl::string_view text, bool end_of_day);

// "HH:MM", e.g. "09:30".
std::string FormatTimeOfDay(const healthcheck::v1::TimeOfDay& time);

// "YYYY-MM-DD", or "" for the unset date.
std::string FormatDate(const healthcheck::v1::Date& date);

// "YYYY-MM-DD HH:MM:SS UTC", or "" for an unset timestamp.
std::string FormatTime(const google::protobuf::Timestamp& time);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_VALUES_H_
