#ifndef HC_SERVICES_REPORT_REPORT_GRPC_SERVICE_H_
#define HC_SERVICES_REPORT_REPORT_GRPC_SERVICE_H_

#include "core/app/report_app_service.h"
#include "healthcheck/v1/report.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// The largest chunk of a download's stream.
inline constexpr size_t kReportChunkBytes = 64 * 1024;

// healthcheck.v1.ReportService over ReportAppService. DownloadReport
// streams through a reactor of its own, authorised by the same CallRunner.
class ReportGrpcService final : public healthcheck::v1::ReportService::CallbackService {
 public:
  ReportGrpcService(CallRunner& runner, app::ReportAppService& app)
      : runner_(runner), app_(app) {}

  using Context = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;
  using ReportMessage = healthcheck::v1::Report;
  using StateRequest = healthcheck::v1::ReportStateRequest;

  Reactor* CreateReport(Context* context, const healthcheck::v1::CreateReportRequest* request,
                        ReportMessage* response) override;
  Reactor* GetReport(Context* context, const healthcheck::v1::GetReportRequest* request,
                     ReportMessage* response) override;
  Reactor* ListReports(Context* context, const healthcheck::v1::ListReportsRequest* request,
                       healthcheck::v1::ListReportsResponse* response) override;
  Reactor* SubmitReportForReview(Context* context, const StateRequest* request,
                                 ReportMessage* response) override;
  Reactor* SendReportForFactualCheck(Context* context, const StateRequest* request,
                                     ReportMessage* response) override;
  Reactor* PublishReport(Context* context, const StateRequest* request,
                         ReportMessage* response) override;
  Reactor* WithdrawReport(Context* context, const StateRequest* request,
                          ReportMessage* response) override;
  Reactor* CreateReportComment(Context* context,
                               const healthcheck::v1::CreateReportCommentRequest* request,
                               healthcheck::v1::ReportComment* response) override;
  Reactor* ListReportComments(Context* context,
                              const healthcheck::v1::ListReportCommentsRequest* request,
                              healthcheck::v1::ListReportCommentsResponse* response) override;
  grpc::ServerWriteReactor<healthcheck::v1::DownloadReportResponse>* DownloadReport(
      Context* context, const healthcheck::v1::DownloadReportRequest* request) override;

 private:
  Reactor* Change(Context* context, const StateRequest* request, ReportMessage* response,
                  domain::ReportAction action, absl::string_view method);

  CallRunner& runner_;
  app::ReportAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_REPORT_REPORT_GRPC_SERVICE_H_
