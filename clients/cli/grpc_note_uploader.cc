#include "clients/cli/grpc_note_uploader.h"

namespace hc::cli {

namespace v1 = ::healthcheck::v1;

GrpcNoteUploader::GrpcNoteUploader(const Connection& connection)
    : connection_(connection),
      stub_(v1::EvidenceService::NewStub(connection.channel())) {}

absl::StatusOr<v1::Note> GrpcNoteUploader::CreateNote(
    const v1::CreateNoteRequest& request) {
  v1::Note note;
  absl::Status status = connection_.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub_->CreateNote(&context, request, &note);
      });
  if (!status.ok()) return status;
  return note;
}

absl::StatusOr<v1::Note> GrpcNoteUploader::UpdateNote(
    const v1::UpdateNoteRequest& request) {
  v1::Note note;
  absl::Status status = connection_.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub_->UpdateNote(&context, request, &note);
      });
  if (!status.ok()) return status;
  return note;
}

absl::StatusOr<v1::Note> GrpcNoteUploader::GetNote(const std::string& name) {
  v1::GetNoteRequest request;
  request.set_name(name);
  v1::Note note;
  absl::Status status = connection_.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub_->GetNote(&context, request, &note);
      });
  if (!status.ok()) return status;
  return note;
}

}  // namespace hc::cli
