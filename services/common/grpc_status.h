#ifndef HC_SERVICES_COMMON_GRPC_STATUS_H_
#define HC_SERVICES_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace hc::services {

// The one conversion from a core status to a gRPC status. Codes map one to
// one. INTERNAL, DATA_LOSS and UNKNOWN messages may carry SQL or paths: they
// are logged here and replaced by a generic message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_GRPC_STATUS_H_
