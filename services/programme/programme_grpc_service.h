#ifndef HC_SERVICES_PROGRAMME_PROGRAMME_GRPC_SERVICE_H_
#define HC_SERVICES_PROGRAMME_PROGRAMME_GRPC_SERVICE_H_

#include "core/app/programme_app_service.h"
#include "healthcheck/v1/programme.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.ProgrammeService over ProgrammeAppService.
class ProgrammeGrpcService final : public healthcheck::v1::ProgrammeService::CallbackService {
 public:
  ProgrammeGrpcService(CallRunner& runner, app::ProgrammeAppService& app)
      : runner_(runner), app_(app) {}

  grpc::ServerUnaryReactor* GetProgrammeOverview(
      grpc::CallbackServerContext* context,
      const healthcheck::v1::GetProgrammeOverviewRequest* request,
      healthcheck::v1::ProgrammeOverview* response) override;

  grpc::ServerUnaryReactor* GetProgrammeDashboard(
      grpc::CallbackServerContext* context,
      const healthcheck::v1::GetProgrammeDashboardRequest* request,
      healthcheck::v1::ProgrammeDashboard* response) override;

 private:
  CallRunner& runner_;
  app::ProgrammeAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_PROGRAMME_PROGRAMME_GRPC_SERVICE_H_
