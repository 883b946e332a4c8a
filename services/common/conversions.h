#ifndef HC_SERVICES_COMMON_CONVERSIONS_H_
#define HC_SERVICES_COMMON_CONVERSIONS_H_

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "healthcheck/v1/common.pb.h"

// Conversions shared by every adapter. Domain enums have the API's numeric
// values (checked by static_assert where each is converted), so enums
// convert with static_cast and the domain rejects values it does not know.
namespace hc::services {

// An all-zero Date is "unset". INVALID_ARGUMENT naming `field` for an
// impossible date (e.g. 2027-02-30) or one outside years 1900-9999.
absl::StatusOr<std::optional<absl::CivilDay>> FromProto(absl::string_view field,
                                                        const healthcheck::v1::Date& date);
void ToProto(const std::optional<absl::CivilDay>& day, healthcheck::v1::Date* out);
void ToProto(absl::Time time, google::protobuf::Timestamp* out);
absl::Time FromProto(const google::protobuf::Timestamp& time);

// A stable hash of a request's content (deterministic serialisation), used
// to tell a retried create from a different one with the same request_id.
std::string Fingerprint(const google::protobuf::Message& message);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_CONVERSIONS_H_
