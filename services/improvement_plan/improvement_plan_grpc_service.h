#ifndef HC_SERVICES_IMPROVEMENT_PLAN_IMPROVEMENT_PLAN_GRPC_SERVICE_H_
#define HC_SERVICES_IMPROVEMENT_PLAN_IMPROVEMENT_PLAN_GRPC_SERVICE_H_

#include "core/app/improvement_plan_app_service.h"
#include "healthcheck/v1/improvement_plan.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.ImprovementPlanService over ImprovementPlanAppService.
class ImprovementPlanGrpcService final
    : public healthcheck::v1::ImprovementPlanService::CallbackService {
 public:
  ImprovementPlanGrpcService(CallRunner& runner, app::ImprovementPlanAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;

  Reactor* GetImprovementPlan(Context* context,
                              const healthcheck::v1::GetImprovementPlanRequest* request,
                              healthcheck::v1::ImprovementPlan* response) override;
  Reactor* ApproveImprovementPlan(Context* context,
                                  const healthcheck::v1::ApproveImprovementPlanRequest* request,
                                  healthcheck::v1::ImprovementPlan* response) override;
  Reactor* CreateAction(Context* context, const healthcheck::v1::CreateActionRequest* request,
                        healthcheck::v1::PlanAction* response) override;
  Reactor* GetAction(Context* context, const healthcheck::v1::GetActionRequest* request,
                     healthcheck::v1::PlanAction* response) override;
  Reactor* ListActions(Context* context, const healthcheck::v1::ListActionsRequest* request,
                       healthcheck::v1::ListActionsResponse* response) override;
  Reactor* UpdateAction(Context* context, const healthcheck::v1::UpdateActionRequest* request,
                        healthcheck::v1::PlanAction* response) override;
  Reactor* VerifyAction(Context* context, const healthcheck::v1::VerifyActionRequest* request,
                        healthcheck::v1::PlanAction* response) override;
  Reactor* CreateProgressUpdate(Context* context,
                                const healthcheck::v1::CreateProgressUpdateRequest* request,
                                healthcheck::v1::ProgressUpdate* response) override;
  Reactor* ListProgressUpdates(Context* context,
                               const healthcheck::v1::ListProgressUpdatesRequest* request,
                               healthcheck::v1::ListProgressUpdatesResponse* response) override;
  Reactor* ListCheckIns(Context* context, const healthcheck::v1::ListCheckInsRequest* request,
                        healthcheck::v1::ListCheckInsResponse* response) override;
  Reactor* RecordCheckIn(Context* context, const healthcheck::v1::RecordCheckInRequest* request,
                         healthcheck::v1::CheckIn* response) override;
  Reactor* ListActionSuggestions(Context* context,
                                 const healthcheck::v1::ListActionSuggestionsRequest* request,
                                 healthcheck::v1::ListActionSuggestionsResponse* response) override;

 private:
  CallRunner& runner_;
  app::ImprovementPlanAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_IMPROVEMENT_PLAN_IMPROVEMENT_PLAN_GRPC_SERVICE_H_
