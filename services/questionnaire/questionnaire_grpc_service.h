#ifndef HC_SERVICES_QUESTIONNAIRE_QUESTIONNAIRE_GRPC_SERVICE_H_
#define HC_SERVICES_QUESTIONNAIRE_QUESTIONNAIRE_GRPC_SERVICE_H_

#include "core/app/questionnaire_app_service.h"
#include "core/app/questionnaire_results_app_service.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.QuestionnaireService over QuestionnaireAppService and, for
// the results, QuestionnaireResultsAppService.
class QuestionnaireGrpcService final
    : public healthcheck::v1::QuestionnaireService::CallbackService {
 public:
  QuestionnaireGrpcService(CallRunner& runner, app::QuestionnaireAppService& app,
                           app::QuestionnaireResultsAppService& results)
      : runner_(runner), app_(app), results_(results) {}

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
  Reactor* ListActionEntries(Context* context,
                             const healthcheck::v1::ListActionEntriesRequest* request,
                             healthcheck::v1::ListActionEntriesResponse* response) override;
  Reactor* ListComments(Context* context, const healthcheck::v1::ListCommentsRequest* request,
                        healthcheck::v1::ListCommentsResponse* response) override;
  Reactor* SetCommentQuotable(Context* context,
                              const healthcheck::v1::SetCommentQuotableRequest* request,
                              healthcheck::v1::Comment* response) override;
  Reactor* GetQuestionnaireResults(Context* context,
                                   const healthcheck::v1::GetQuestionnaireResultsRequest* request,
                                   healthcheck::v1::QuestionnaireResults* response) override;

 private:
  CallRunner& runner_;
  app::QuestionnaireAppService& app_;
  app::QuestionnaireResultsAppService& results_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_QUESTIONNAIRE_QUESTIONNAIRE_GRPC_SERVICE_H_
