#include "clients/cli/values.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "clients/cli/errors.h"
#include "google/protobuf/descriptor.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;
using google::protobuf::EnumDescriptor;

// The prefix of the values of `type`: "PartnershipKind" -> "PARTNERSHIP_KIND_".
// Some enums (Stage) have values without it.
std::string ValuePrefix(const EnumDescriptor& type) {
  std::string prefix;
  for (char c : type.name()) {
    if (absl::ascii_isupper(c) && !prefix.empty()) prefix += '_';
    prefix += absl::ascii_toupper(c);
  }
  return prefix + "_";
}

// The value name without the prefix, as users write it.
std::string ShortName(const EnumDescriptor& type, absl::string_view name) {
  absl::ConsumePrefix(&name, ValuePrefix(type));
  return absl::AsciiStrToLower(name);
}

// True for "dddd-dd-dd".
bool IsDateShaped(absl::string_view text) {
  if (text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : !absl::ascii_isdigit(text[i])) return false;
  }
  return true;
}

// "now", "now+14d", "now-30m": `now` moved by the offset; nullopt if `text`
// is not of that form.
std::optional<absl::Time> ParseRelativeTime(absl::string_view text,
                                            absl::Time now) {
  if (!absl::ConsumePrefix(&text, "now")) return std::nullopt;
  if (text.empty()) return now;
  const char sign = text.front();
  if ((sign != '+' && sign != '-') || text.size() < 3) return std::nullopt;
  const absl::string_view digits = text.substr(1, text.size() - 2);
  int64_t amount = 0;
  if (!absl::c_all_of(digits, absl::ascii_isdigit) || digits.size() > 9 ||
      !absl::SimpleAtoi(digits, &amount)) {
    return std::nullopt;
  }
  absl::Duration unit;
  switch (text.back()) {
    case 's':
      unit = absl::Seconds(1);
      break;
    case 'm':
      unit = absl::Minutes(1);
      break;
    case 'h':
      unit = absl::Hours(1);
      break;
    case 'd':
      unit = absl::Hours(24);
      break;
    default:
      return std::nullopt;
  }
  const absl::Duration offset = amount * unit;
  return sign == '+' ? now + offset : now - offset;
}

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(seconds);
  timestamp.set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
  return timestamp;
}

}  // namespace

absl::StatusOr<int> ParseEnumValue(const EnumDescriptor& type,
                                   absl::string_view flag,
                                   absl::string_view text) {
  const std::string name = absl::AsciiStrToUpper(
      absl::StrReplaceAll(absl::StripAsciiWhitespace(text), {{"-", "_"}}));
  const google::protobuf::EnumValueDescriptor* value =
      type.FindValueByName(ValuePrefix(type) + name);
  if (value == nullptr) value = type.FindValueByName(name);
  if (value == nullptr || value->number() == 0) {
    return UsageError(absl::StrCat("invalid --", flag, " \"", text,
                                   "\": expected one of ", EnumChoices(type)));
  }
  return value->number();
}

std::string EnumChoices(const EnumDescriptor& type) {
  std::vector<std::string> choices;
  for (int i = 0; i < type.value_count(); ++i) {
    if (type.value(i)->number() == 0) continue;
    choices.push_back(ShortName(type, type.value(i)->name()));
  }
  return absl::StrJoin(choices, ", ");
}

std::string EnumLabel(const EnumDescriptor& type, int number) {
  if (number == 0) return "";
  const google::protobuf::EnumValueDescriptor* value =
      type.FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  return ShortName(type, value->name());
}

absl::StatusOr<v1::Date> ParseDate(absl::string_view flag,
                                   absl::string_view text) {
  v1::Date date;
  if (text.empty()) return date;
  int year = 0, month = 0, day = 0;
  const bool numeric = IsDateShaped(text) &&
                       absl::SimpleAtoi(text.substr(0, 4), &year) &&
                       absl::SimpleAtoi(text.substr(5, 2), &month) &&
                       absl::SimpleAtoi(text.substr(8, 2), &day);
  // CivilDay normalises out-of-range fields (2027-02-30 -> 2027-03-02), so
  // a real date is one that survives the round trip.
  const absl::CivilDay civil(year, month, day);
  if (!numeric || year < 1 || civil.year() != year || civil.month() != month ||
      civil.day() != day) {
    return UsageError(absl::StrCat("invalid --", flag, " \"", text,
                                   "\": expected a date as YYYY-MM-DD"));
  }
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

absl::StatusOr<google::protobuf::Timestamp> ParseTimestamp(
    absl::string_view flag, absl::string_view text, absl::Time now) {
  if (std::optional<absl::Time> time = ParseRelativeTime(text, now)) {
    return ToTimestamp(*time);
  }
  if (IsDateShaped(text)) {
    absl::StatusOr<v1::Date> date = ParseDate(flag, text);
    if (!date.ok()) return date.status();
    return ToTimestamp(absl::FromCivil(
        absl::CivilDay(date->year(), date->month(), date->day()),
        absl::UTCTimeZone()));
  }
  absl::Time time;
  std::string ignored;
  // RFC3339_full accepts "T" or "t", "Z" or an offset, and any fraction.
  if (!text.empty() &&
      absl::ParseTime(absl::RFC3339_full, text, &time, &ignored) &&
      time >= absl::UnixEpoch()) {
    return ToTimestamp(time);
  }
  return UsageError(absl::StrCat(
      "invalid --", flag, " \"", text,
      "\": expected RFC 3339 (2027-02-01T09:00:00Z), a date (2027-02-01, "
      "midnight UTC), now, or now+N/now-N with s, m, h or d (now+14d)"));
}

absl::StatusOr<v1::TimeOfDay> ParseTimeOfDay(absl::string_view flag,
                                             absl::string_view text,
                                             bool end_of_day) {
  const size_t colon = text.find(':');
  int hours = -1, minutes = -1;
  const bool numeric =
      colon != absl::string_view::npos && (colon == 1 || colon == 2) &&
      text.size() == colon + 3 &&
      absl::c_all_of(text.substr(0, colon), absl::ascii_isdigit) &&
      absl::c_all_of(text.substr(colon + 1), absl::ascii_isdigit) &&
      absl::SimpleAtoi(text.substr(0, colon), &hours) &&
      absl::SimpleAtoi(text.substr(colon + 1), &minutes);
  const bool valid = numeric && ((hours <= 23 && minutes <= 59) ||
                                 (end_of_day && hours == 24 && minutes == 0));
  if (!valid) {
    return UsageError(absl::StrCat("invalid --", flag, " \"", text,
                                   "\": expected a time of day as HH:MM, ",
                                   end_of_day ? "00:00-24:00" : "00:00-23:59"));
  }
  v1::TimeOfDay time;
  time.set_hours(hours);
  time.set_minutes(minutes);
  return time;
}

std::string FormatTimeOfDay(const v1::TimeOfDay& time) {
  return absl::StrFormat("%02d:%02d", time.hours(), time.minutes());
}

std::string FormatDate(const v1::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

std::string FormatTime(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "";
  const absl::Time t =
      absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", t, absl::UTCTimeZone());
}

}  // namespace hc::cli
