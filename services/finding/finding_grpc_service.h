#ifndef HC_SERVICES_FINDING_FINDING_GRPC_SERVICE_H_
#define HC_SERVICES_FINDING_FINDING_GRPC_SERVICE_H_

#include "core/app/finding_app_service.h"
#include "healthcheck/v1/finding.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.FindingService over FindingAppService.
class FindingGrpcService final : public healthcheck::v1::FindingService::CallbackService {
 public:
  FindingGrpcService(CallRunner& runner, app::FindingAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;
  using StateRequest = healthcheck::v1::ReviewStateRequest;
  using FindingMessage = healthcheck::v1::Finding;
  using RecommendationMessage = healthcheck::v1::Recommendation;

  Reactor* CreateFinding(Context* context, const healthcheck::v1::CreateFindingRequest* request,
                         FindingMessage* response) override;
  Reactor* GetFinding(Context* context, const healthcheck::v1::GetFindingRequest* request,
                      FindingMessage* response) override;
  Reactor* ListFindings(Context* context, const healthcheck::v1::ListFindingsRequest* request,
                        healthcheck::v1::ListFindingsResponse* response) override;
  Reactor* UpdateFinding(Context* context, const healthcheck::v1::UpdateFindingRequest* request,
                         FindingMessage* response) override;
  Reactor* AgreeFinding(Context* context, const StateRequest* request,
                        FindingMessage* response) override;
  Reactor* ReopenFinding(Context* context, const StateRequest* request,
                         FindingMessage* response) override;
  Reactor* WithdrawFinding(Context* context, const StateRequest* request,
                           FindingMessage* response) override;

  Reactor* CreateRecommendation(Context* context,
                                const healthcheck::v1::CreateRecommendationRequest* request,
                                RecommendationMessage* response) override;
  Reactor* GetRecommendation(Context* context,
                             const healthcheck::v1::GetRecommendationRequest* request,
                             RecommendationMessage* response) override;
  Reactor* ListRecommendations(Context* context,
                               const healthcheck::v1::ListRecommendationsRequest* request,
                               healthcheck::v1::ListRecommendationsResponse* response) override;
  Reactor* UpdateRecommendation(Context* context,
                                const healthcheck::v1::UpdateRecommendationRequest* request,
                                RecommendationMessage* response) override;
  Reactor* AgreeRecommendation(Context* context, const StateRequest* request,
                               RecommendationMessage* response) override;
  Reactor* ReopenRecommendation(Context* context, const StateRequest* request,
                                RecommendationMessage* response) override;
  Reactor* WithdrawRecommendation(Context* context, const StateRequest* request,
                                  RecommendationMessage* response) override;

  Reactor* GetInitialFeedback(Context* context,
                              const healthcheck::v1::GetInitialFeedbackRequest* request,
                              healthcheck::v1::InitialFeedback* response) override;

 private:
  Reactor* ChangeFinding(Context* context, const StateRequest* request, FindingMessage* response,
                         domain::ReviewAction action, absl::string_view method);
  Reactor* ChangeRecommendation(Context* context, const StateRequest* request,
                                RecommendationMessage* response, domain::ReviewAction action,
                                absl::string_view method);

  CallRunner& runner_;
  app::FindingAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_FINDING_FINDING_GRPC_SERVICE_H_
