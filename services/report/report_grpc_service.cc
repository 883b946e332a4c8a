#include "services/report/report_grpc_service.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/grpc_status.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::ReportVersion;

struct ReportName {
  std::string engagement_id;
  int number = 0;
};

// "engagements/{engagement}/reports/{number}", number from 1.
absl::StatusOr<ReportName> ParseReportName(absl::string_view field, absl::string_view name) {
  HC_ASSIGN_OR_RETURN(EngagementChildName parsed, ParseEngagementChildName(field, "reports", name));
  int number = 0;
  if (!absl::SimpleAtoi(parsed.id, &number) || number < 1 ||
      parsed.id != absl::StrCat(number)) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, " must be engagements/{engagement}/reports/{number} with a number from 1"));
  }
  return ReportName{std::move(parsed.engagement_id), number};
}

std::string NameOf(const ReportName& name) {
  return absl::StrCat("engagements/", name.engagement_id, "/reports/", name.number);
}

using services::ToProto;

void ToProto(const ReportVersion& in, v1::Report* out) {
  out->set_name(NameOf({in.engagement_id, in.number}));
  out->set_number(in.number);
  out->set_state(static_cast<v1::ReportState>(in.state));
  ToProto(in.meta.create_time, out->mutable_create_time());
  out->set_created_by(in.created_by);
  if (in.publish_time) ToProto(*in.publish_time, out->mutable_publish_time());
  out->set_published_by(in.published_by);
  out->set_html_sha256(in.html.sha256);
  out->set_html_size_bytes(in.html.size);
  out->set_pdf_sha256(in.pdf.sha256);
  out->set_pdf_size_bytes(in.pdf.size);
  out->set_comment_count(in.comment_count);
  ToProto(in.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(in.meta.version));
}

void ToProto(const domain::ReportComment& in, v1::ReportComment* out) {
  out->set_name(absl::StrCat(NameOf({in.engagement_id, in.report_number}), "/comments/", in.id));
  out->set_text(in.text);
  out->set_section(in.section);
  out->set_author(in.author_name);
  out->set_author_role(in.author_role);
  ToProto(in.create_time, out->mutable_create_time());
}

app::RequestKey KeyOf(const google::protobuf::Message& request, absl::string_view request_id) {
  std::unique_ptr<google::protobuf::Message> fingerprinted(request.New());
  fingerprinted->CopyFrom(request);
  const google::protobuf::FieldDescriptor* field =
      fingerprinted->GetDescriptor()->FindFieldByName("request_id");
  fingerprinted->GetReflection()->ClearField(fingerprinted.get(), field);
  return {std::string(request_id), Fingerprint(*fingerprinted)};
}

absl::StatusOr<app::ReportFormat> FormatOf(v1::ReportFormat format) {
  switch (format) {
    case v1::REPORT_FORMAT_PDF: return app::ReportFormat::kPdf;
    case v1::REPORT_FORMAT_HTML: return app::ReportFormat::kHtml;
    default: return absl::InvalidArgumentError("format must be PDF or HTML");
  }
}

// Streams one rendering: the header, then chunks of at most
// kReportChunkBytes, each read from the store on a worker when the one
// before has been sent, so that a slow reader holds one chunk, never the
// file. Deletes itself when the call is done.
class DownloadReactor final : public grpc::ServerWriteReactor<v1::DownloadReportResponse> {
 public:
  DownloadReactor(CallRunner& runner, app::ReportAppService& app,
                  grpc::CallbackServerContext* context, const v1::DownloadReportRequest& request)
      : runner_(runner), app_(app) {
    // The store is read on a worker; only `finish` starts the writes.
    runner.RunWith(
        context, "DownloadReport",
        [this, request](const domain::Principal& principal) -> absl::Status {
          HC_ASSIGN_OR_RETURN(ReportName name, ParseReportName("name", request.name()));
          HC_ASSIGN_OR_RETURN(app::ReportFormat format, FormatOf(request.format()));
          HC_ASSIGN_OR_RETURN(file_, app_.OpenDownload(principal, name.engagement_id, name.number,
                                                       format));
          principal_ = principal;
          return absl::OkStatus();
        },
        [this](const grpc::Status& status) {
          if (!status.ok()) return Finish(status);
          v1::ReportFileHeader* header = message_.mutable_header();
          header->set_content_type(file_.content_type);
          header->set_file_name(file_.file_name);
          header->set_size_bytes(file_.size_bytes);
          header->set_sha256(file_.sha256);
          StartWrite(&message_);
        });
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the download was cancelled"));
    if (offset_ >= file_.size_bytes) return Finish(grpc::Status::OK);
    std::function<void()> next = [this] { SendNextChunk(); };
    if (!runner_.RunLater(next)) {
      Finish(ToGrpcStatus(absl::ResourceExhaustedError("the server is busy; download again")));
    }
  }

  void OnDone() override { delete this; }

 private:
  // On a worker: reads the next chunk and starts its write.
  void SendNextChunk() {
    absl::StatusOr<std::string> chunk = app_.ReadDownload(
        principal_, file_, offset_, static_cast<int64_t>(kReportChunkBytes));
    if (chunk.ok() && chunk->empty()) chunk = absl::DataLossError("the report ended early");
    if (!chunk.ok()) return Finish(ToGrpcStatus(chunk.status()));
    offset_ += static_cast<int64_t>(chunk->size());
    message_.set_chunk(*std::move(chunk));
    StartWrite(&message_);
  }

  CallRunner& runner_;
  app::ReportAppService& app_;
  domain::Principal principal_;
  app::ReportFile file_;
  v1::DownloadReportResponse message_;
  int64_t offset_ = 0;
};

}  // namespace

grpc::ServerUnaryReactor* ReportGrpcService::CreateReport(Context* context,
                                                          const v1::CreateReportRequest* request,
                                                          ReportMessage* response) {
  return runner_.Run(context, "CreateReport", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(ReportVersion version,
                        app_.CreateReport(principal, engagement,
                                          KeyOf(*request, request->request_id())));
    ToProto(version, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportGrpcService::GetReport(Context* context,
                                                       const v1::GetReportRequest* request,
                                                       ReportMessage* response) {
  return runner_.Run(context, "GetReport", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(ReportName name, ParseReportName("name", request->name()));
    HC_ASSIGN_OR_RETURN(ReportVersion version,
                        app_.GetReport(principal, name.engagement_id, name.number));
    ToProto(version, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportGrpcService::ListReports(Context* context,
                                                         const v1::ListReportsRequest* request,
                                                         v1::ListReportsResponse* response) {
  return runner_.Run(context, "ListReports", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/reports");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<ReportVersion> found,
                        app_.ListReports(principal, engagement, page));
    for (const ReportVersion& v : found.items) ToProto(v, response->add_reports());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportGrpcService::Change(Context* context, const StateRequest* request,
                                                    ReportMessage* response,
                                                    domain::ReportAction action,
                                                    absl::string_view method) {
  return runner_.Run(context, method, [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(ReportName name, ParseReportName("name", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> etag, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(ReportVersion version,
                        app_.ChangeReportState(principal, name.engagement_id, name.number,
                                               action, etag));
    ToProto(version, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportGrpcService::SubmitReportForReview(Context* context,
                                                                   const StateRequest* request,
                                                                   ReportMessage* response) {
  return Change(context, request, response, domain::ReportAction::kSubmitForReview,
                "SubmitReportForReview");
}

grpc::ServerUnaryReactor* ReportGrpcService::SendReportForFactualCheck(
    Context* context, const StateRequest* request, ReportMessage* response) {
  return Change(context, request, response, domain::ReportAction::kSendForFactualCheck,
                "SendReportForFactualCheck");
}

grpc::ServerUnaryReactor* ReportGrpcService::PublishReport(Context* context,
                                                           const StateRequest* request,
                                                           ReportMessage* response) {
  return Change(context, request, response, domain::ReportAction::kPublish, "PublishReport");
}

grpc::ServerUnaryReactor* ReportGrpcService::WithdrawReport(Context* context,
                                                            const StateRequest* request,
                                                            ReportMessage* response) {
  return Change(context, request, response, domain::ReportAction::kWithdraw, "WithdrawReport");
}

grpc::ServerUnaryReactor* ReportGrpcService::CreateReportComment(
    Context* context, const v1::CreateReportCommentRequest* request,
    v1::ReportComment* response) {
  return runner_.Run(context, "CreateReportComment", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(ReportName name, ParseReportName("parent", request->parent()));
    domain::ReportComment input;
    input.text = request->comment().text();
    input.section = request->comment().section();
    HC_ASSIGN_OR_RETURN(domain::ReportComment comment,
                        app_.CreateComment(principal, name.engagement_id, name.number, input,
                                           KeyOf(*request, request->request_id())));
    ToProto(comment, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportGrpcService::ListReportComments(
    Context* context, const v1::ListReportCommentsRequest* request,
    v1::ListReportCommentsResponse* response) {
  return runner_.Run(context, "ListReportComments", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(ReportName name, ParseReportName("parent", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/comments");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::ReportComment> found,
                        app_.ListComments(principal, name.engagement_id, name.number, page));
    for (const domain::ReportComment& c : found.items) ToProto(c, response->add_comments());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerWriteReactor<v1::DownloadReportResponse>* ReportGrpcService::DownloadReport(
    Context* context, const v1::DownloadReportRequest* request) {
  return new DownloadReactor(runner_, app_, context, *request);
}

}  // namespace hc::services
