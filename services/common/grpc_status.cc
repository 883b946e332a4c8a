#include "services/common/grpc_status.h"

#include <string>

#include "services/common/log.h"

namespace hc::services {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  switch (status.code()) {
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnknown:
      LogLine("error", "internal_error",
              {{"code", absl::StatusCodeToString(status.code())}, {"detail", status.message()}});
      return grpc::Status(code, status.code() == absl::StatusCode::kDataLoss
                                    ? "the store is damaged; the operator has been told"
                                    : "internal error; the operator has been told");
    default:
      return grpc::Status(code, std::string(status.message()));
  }
}

}  // namespace hc::services
