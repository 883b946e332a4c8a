#ifndef HC_SERVICES_ENGAGEMENT_ENGAGEMENT_GRPC_SERVICE_H_
#define HC_SERVICES_ENGAGEMENT_ENGAGEMENT_GRPC_SERVICE_H_

#include "core/app/engagement_app_service.h"
#include "healthcheck/v1/engagement.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.EngagementService over EngagementAppService.
class EngagementGrpcService final : public healthcheck::v1::EngagementService::CallbackService {
 public:
  EngagementGrpcService(CallRunner& runner, app::EngagementAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;
  using Transition = healthcheck::v1::TransitionEngagementRequest;
  using Engagement = healthcheck::v1::Engagement;

  Reactor* CreateEngagement(Context* context, const healthcheck::v1::CreateEngagementRequest* request,
                            Engagement* response) override;
  Reactor* GetEngagement(Context* context, const healthcheck::v1::GetEngagementRequest* request,
                         Engagement* response) override;
  Reactor* ListEngagements(Context* context,
                           const healthcheck::v1::ListEngagementsRequest* request,
                           healthcheck::v1::ListEngagementsResponse* response) override;
  Reactor* UpdateEngagement(Context* context,
                            const healthcheck::v1::UpdateEngagementRequest* request,
                            Engagement* response) override;
  Reactor* AddTeamMember(Context* context, const healthcheck::v1::AddTeamMemberRequest* request,
                         Engagement* response) override;
  Reactor* RemoveTeamMember(Context* context,
                            const healthcheck::v1::RemoveTeamMemberRequest* request,
                            Engagement* response) override;
  Reactor* BeginDeskResearch(Context* context, const Transition* request,
                             Engagement* response) override;
  Reactor* OpenQuestionnaire(Context* context, const Transition* request,
                             Engagement* response) override;
  Reactor* StartFieldwork(Context* context, const Transition* request,
                          Engagement* response) override;
  Reactor* GiveInitialFeedback(Context* context, const Transition* request,
                               Engagement* response) override;
  Reactor* BeginReport(Context* context, const Transition* request,
                       Engagement* response) override;
  Reactor* CloseEngagement(Context* context, const Transition* request,
                           Engagement* response) override;
  Reactor* CancelEngagement(Context* context, const Transition* request,
                            Engagement* response) override;
  Reactor* ListEngagementTransitions(
      Context* context, const healthcheck::v1::ListEngagementTransitionsRequest* request,
      healthcheck::v1::ListEngagementTransitionsResponse* response) override;

 private:
  Reactor* RunTransition(Context* context, absl::string_view method,
                         domain::Transition transition, const Transition* request,
                         Engagement* response);

  CallRunner& runner_;
  app::EngagementAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_ENGAGEMENT_ENGAGEMENT_GRPC_SERVICE_H_
