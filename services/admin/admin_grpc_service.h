#ifndef HC_SERVICES_ADMIN_ADMIN_GRPC_SERVICE_H_
#define HC_SERVICES_ADMIN_ADMIN_GRPC_SERVICE_H_

#include "core/app/admin_app_service.h"
#include "healthcheck/v1/admin.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.AdminService over AdminAppService.
class AdminGrpcService final : public healthcheck::v1::AdminService::CallbackService {
 public:
  AdminGrpcService(CallRunner& runner, app::AdminAppService& app) : runner_(runner), app_(app) {}

  grpc::ServerUnaryReactor* CreateBackup(grpc::CallbackServerContext* context,
                                         const healthcheck::v1::CreateBackupRequest* request,
                                         healthcheck::v1::Backup* response) override;
  grpc::ServerUnaryReactor* VerifyAuditLog(
      grpc::CallbackServerContext* context, const healthcheck::v1::VerifyAuditLogRequest* request,
      healthcheck::v1::AuditLogVerification* response) override;

 private:
  CallRunner& runner_;
  app::AdminAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_ADMIN_ADMIN_GRPC_SERVICE_H_
