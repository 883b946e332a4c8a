#ifndef HC_SERVICES_FIELDWORK_FIELDWORK_GRPC_SERVICE_H_
#define HC_SERVICES_FIELDWORK_FIELDWORK_GRPC_SERVICE_H_

#include "core/app/fieldwork_app_service.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.FieldworkService over FieldworkAppService.
class FieldworkGrpcService final : public healthcheck::v1::FieldworkService::CallbackService {
 public:
  FieldworkGrpcService(CallRunner& runner, app::FieldworkAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;

  Reactor* CreateActivity(Context* context, const healthcheck::v1::CreateActivityRequest* request,
                          healthcheck::v1::Activity* response) override;
  Reactor* GetActivity(Context* context, const healthcheck::v1::GetActivityRequest* request,
                       healthcheck::v1::Activity* response) override;
  Reactor* ListActivities(Context* context, const healthcheck::v1::ListActivitiesRequest* request,
                          healthcheck::v1::ListActivitiesResponse* response) override;
  Reactor* UpdateActivity(Context* context, const healthcheck::v1::UpdateActivityRequest* request,
                          healthcheck::v1::Activity* response) override;
  Reactor* MarkActivityHeld(Context* context, const healthcheck::v1::ActivityStateRequest* request,
                            healthcheck::v1::Activity* response) override;
  Reactor* CancelActivity(Context* context, const healthcheck::v1::ActivityStateRequest* request,
                          healthcheck::v1::Activity* response) override;
  Reactor* ExportTimetable(Context* context, const healthcheck::v1::ExportTimetableRequest* request,
                           healthcheck::v1::Timetable* response) override;
  Reactor* CreateDocument(Context* context, const healthcheck::v1::CreateDocumentRequest* request,
                          healthcheck::v1::Document* response) override;
  Reactor* GetDocument(Context* context, const healthcheck::v1::GetDocumentRequest* request,
                       healthcheck::v1::Document* response) override;
  Reactor* ListDocuments(Context* context, const healthcheck::v1::ListDocumentsRequest* request,
                         healthcheck::v1::ListDocumentsResponse* response) override;
  Reactor* UpdateDocument(Context* context, const healthcheck::v1::UpdateDocumentRequest* request,
                          healthcheck::v1::Document* response) override;

 private:
  CallRunner& runner_;
  app::FieldworkAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_FIELDWORK_FIELDWORK_GRPC_SERVICE_H_
