#ifndef HC_SERVICES_ACCESS_ACCESS_GRPC_SERVICE_H_
#define HC_SERVICES_ACCESS_ACCESS_GRPC_SERVICE_H_

#include "core/app/access_app_service.h"
#include "healthcheck/v1/access.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.AccessService over AccessAppService.
class AccessGrpcService final : public healthcheck::v1::AccessService::CallbackService {
 public:
  AccessGrpcService(CallRunner& runner, app::AccessAppService& app) : runner_(runner), app_(app) {}

  grpc::ServerUnaryReactor* CreateAccessToken(
      grpc::CallbackServerContext* context,
      const healthcheck::v1::CreateAccessTokenRequest* request,
      healthcheck::v1::AccessToken* response) override;
  grpc::ServerUnaryReactor* ListAccessTokens(
      grpc::CallbackServerContext* context, const healthcheck::v1::ListAccessTokensRequest* request,
      healthcheck::v1::ListAccessTokensResponse* response) override;
  grpc::ServerUnaryReactor* RevokeAccessToken(
      grpc::CallbackServerContext* context,
      const healthcheck::v1::RevokeAccessTokenRequest* request,
      healthcheck::v1::AccessToken* response) override;

 private:
  CallRunner& runner_;
  app::AccessAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_ACCESS_ACCESS_GRPC_SERVICE_H_
