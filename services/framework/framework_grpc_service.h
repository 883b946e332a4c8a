#ifndef HC_SERVICES_FRAMEWORK_FRAMEWORK_GRPC_SERVICE_H_
#define HC_SERVICES_FRAMEWORK_FRAMEWORK_GRPC_SERVICE_H_

#include "core/app/framework_app_service.h"
#include "healthcheck/v1/framework.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.FrameworkService over FrameworkAppService.
class FrameworkGrpcService final : public healthcheck::v1::FrameworkService::CallbackService {
 public:
  FrameworkGrpcService(CallRunner& runner, app::FrameworkAppService& app)
      : runner_(runner), app_(app) {}

  grpc::ServerUnaryReactor* ListFrameworks(
      grpc::CallbackServerContext* context, const healthcheck::v1::ListFrameworksRequest* request,
      healthcheck::v1::ListFrameworksResponse* response) override;
  grpc::ServerUnaryReactor* GetFramework(grpc::CallbackServerContext* context,
                                         const healthcheck::v1::GetFrameworkRequest* request,
                                         healthcheck::v1::Framework* response) override;
  grpc::ServerUnaryReactor* CreateFramework(
      grpc::CallbackServerContext* context, const healthcheck::v1::CreateFrameworkRequest* request,
      healthcheck::v1::Framework* response) override;

 private:
  CallRunner& runner_;
  app::FrameworkAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_FRAMEWORK_FRAMEWORK_GRPC_SERVICE_H_
