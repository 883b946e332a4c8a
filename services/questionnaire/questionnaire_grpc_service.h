#ifndef HC_SERVICES_QUESTIONNAIRE_QUESTIONNAIRE_GRPC_SERVICE_H_
#define HC_SERVICES_QUESTIONNAIRE_QUESTIONNAIRE_GRPC_SERVICE_H_

#include "core/app/questionnaire_app_service.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.QuestionnaireService over QuestionnaireAppService.
class QuestionnaireGrpcService final
    : public healthcheck::v1::QuestionnaireService::CallbackService {
 public:
  QuestionnaireGrpcService(CallRunner& runner, app::QuestionnaireAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;
  using Questionnaire = healthcheck::v1::Questionnaire;

  Reactor* CreateQuestionnaire(Context* context,
                               const healthcheck::v1::CreateQuestionnaireRequest* request,
                               Questionnaire* response) override;
  Reactor* GetQuestionnaire(Context* context,
                            const healthcheck::v1::GetQuestionnaireRequest* request,
                            Questionnaire* response) override;
  Reactor* UpdateQuestionnaire(Context* context,
                               const healthcheck::v1::UpdateQuestionnaireRequest* request,
                               Questionnaire* response) override;
  Reactor* CloseQuestionnaire(Context* context,
                              const healthcheck::v1::CloseQuestionnaireRequest* request,
                              Questionnaire* response) override;
  Reactor* CreateInvitations(Context* context,
                             const healthcheck::v1::CreateInvitationsRequest* request,
                             healthcheck::v1::CreateInvitationsResponse* response) override;
  Reactor* ListInvitations(Context* context,
                           const healthcheck::v1::ListInvitationsRequest* request,
                           healthcheck::v1::ListInvitationsResponse* response) override;
  Reactor* GetResponseRates(Context* context,
                            const healthcheck::v1::GetResponseRatesRequest* request,
                            healthcheck::v1::ResponseRates* response) override;

 private:
  CallRunner& runner_;
  app::QuestionnaireAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_QUESTIONNAIRE_QUESTIONNAIRE_GRPC_SERVICE_H_
