#ifndef HC_SERVICES_FIELDWORK_FIELDWORK_MAPPING_H_
#define HC_SERVICES_FIELDWORK_FIELDWORK_MAPPING_H_

#include "absl/status/statusor.h"
#include "core/domain/activity.h"
#include "core/domain/document.h"
#include "healthcheck/v1/fieldwork.pb.h"

// Between healthcheck.v1 fieldwork messages and the domain.
namespace hc::services {

// Reads the client-settable fields. INVALID_ARGUMENT for a bad time of day
// or peer name.
absl::StatusOr<domain::Activity> FromProto(const healthcheck::v1::Activity& in);
void ToProto(const domain::Activity& in, healthcheck::v1::Activity* out);

absl::StatusOr<domain::Document> FromProto(const healthcheck::v1::Document& in);
void ToProto(const domain::Document& in, healthcheck::v1::Document* out);

}  // namespace hc::services

#endif  // HC_SERVICES_FIELDWORK_FIELDWORK_MAPPING_H_
