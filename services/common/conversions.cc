#include "services/common/conversions.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/str_format.h"
#include "core/crypto/secrets.h"

namespace hc::services {

absl::StatusOr<std::optional<absl::CivilDay>> FromProto(absl::string_view field,
                                                        const healthcheck::v1::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) {
    return std::optional<absl::CivilDay>();
  }
  const absl::CivilDay day(date.year(), date.month(), date.day());
  if (date.year() < 1900 || date.year() > 9999 || day.year() != date.year() ||
      day.month() != date.month() || day.day() != date.day()) {
    return absl::InvalidArgumentError(absl::StrFormat("%s is not a valid date (%d-%02d-%02d)",
                                                      field, date.year(), date.month(),
                                                      date.day()));
  }
  return std::optional<absl::CivilDay>(day);
}

void ToProto(const std::optional<absl::CivilDay>& day, healthcheck::v1::Date* out) {
  out->Clear();
  if (!day) return;
  out->set_year(static_cast<int32_t>(day->year()));
  out->set_month(day->month());
  out->set_day(day->day());
}

void ToProto(absl::Time time, google::protobuf::Timestamp* out) {
  const int64_t micros = absl::ToUnixMicros(time);
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {
    rest += 1000000;
    --seconds;
  }
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(rest * 1000));
}

absl::Time FromProto(const google::protobuf::Timestamp& time) {
  return absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
}

std::string Fingerprint(const google::protobuf::Message& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return crypto::Sha256Hex(bytes);
}

}  // namespace hc::services
