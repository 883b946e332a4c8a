#ifndef HC_SERVICES_EVIDENCE_EVIDENCE_GRPC_SERVICE_H_
#define HC_SERVICES_EVIDENCE_EVIDENCE_GRPC_SERVICE_H_

#include "core/app/evidence_app_service.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.EvidenceService over EvidenceAppService.
class EvidenceGrpcService final : public healthcheck::v1::EvidenceService::CallbackService {
 public:
  EvidenceGrpcService(CallRunner& runner, app::EvidenceAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;

  Reactor* CreateNote(Context* context, const healthcheck::v1::CreateNoteRequest* request,
                      healthcheck::v1::Note* response) override;
  Reactor* GetNote(Context* context, const healthcheck::v1::GetNoteRequest* request,
                   healthcheck::v1::Note* response) override;
  Reactor* ListNotes(Context* context, const healthcheck::v1::ListNotesRequest* request,
                     healthcheck::v1::ListNotesResponse* response) override;
  Reactor* UpdateNote(Context* context, const healthcheck::v1::UpdateNoteRequest* request,
                      healthcheck::v1::Note* response) override;
  Reactor* GetTriangulation(Context* context,
                            const healthcheck::v1::GetTriangulationRequest* request,
                            healthcheck::v1::Triangulation* response) override;

 private:
  CallRunner& runner_;
  app::EvidenceAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_EVIDENCE_EVIDENCE_GRPC_SERVICE_H_
