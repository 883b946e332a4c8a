#ifndef HC_SERVICES_PARTNERSHIP_PARTNERSHIP_GRPC_SERVICE_H_
#define HC_SERVICES_PARTNERSHIP_PARTNERSHIP_GRPC_SERVICE_H_

#include "core/app/partnership_app_service.h"
#include "healthcheck/v1/partnership.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.PartnershipService over PartnershipAppService.
class PartnershipGrpcService final : public healthcheck::v1::PartnershipService::CallbackService {
 public:
  PartnershipGrpcService(CallRunner& runner, app::PartnershipAppService& app)
      : runner_(runner), app_(app) {}

  grpc::ServerUnaryReactor* CreatePartnership(grpc::CallbackServerContext* context,
                                              const healthcheck::v1::CreatePartnershipRequest* request,
                                              healthcheck::v1::Partnership* response) override;
  grpc::ServerUnaryReactor* GetPartnership(grpc::CallbackServerContext* context,
                                           const healthcheck::v1::GetPartnershipRequest* request,
                                           healthcheck::v1::Partnership* response) override;
  grpc::ServerUnaryReactor* ListPartnerships(
      grpc::CallbackServerContext* context, const healthcheck::v1::ListPartnershipsRequest* request,
      healthcheck::v1::ListPartnershipsResponse* response) override;
  grpc::ServerUnaryReactor* UpdatePartnership(grpc::CallbackServerContext* context,
                                              const healthcheck::v1::UpdatePartnershipRequest* request,
                                              healthcheck::v1::Partnership* response) override;
  grpc::ServerUnaryReactor* DeletePartnership(grpc::CallbackServerContext* context,
                                              const healthcheck::v1::DeletePartnershipRequest* request,
                                              google::protobuf::Empty* response) override;

 private:
  CallRunner& runner_;
  app::PartnershipAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_PARTNERSHIP_PARTNERSHIP_GRPC_SERVICE_H_
