#ifndef HC_SERVICES_FRAMEWORK_FRAMEWORK_MAPPING_H_
#define HC_SERVICES_FRAMEWORK_FRAMEWORK_MAPPING_H_

#include "core/domain/framework.h"
#include "healthcheck/v1/framework.pb.h"

// Conversions between healthcheck.v1.Framework and the domain. The message
// is both the API resource and the format of the benchmark files.
namespace hc::services {

// Reads every client-settable field (output-only ones are ignored).
domain::Framework FromProto(const healthcheck::v1::Framework& framework);

// Writes every field, output-only ones included (`in_use` is left false).
void ToProto(const domain::Framework& framework, healthcheck::v1::Framework* out);

}  // namespace hc::services

#endif  // HC_SERVICES_FRAMEWORK_FRAMEWORK_MAPPING_H_
