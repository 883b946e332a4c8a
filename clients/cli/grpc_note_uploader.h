#ifndef HC_CLIENTS_CLI_GRPC_NOTE_UPLOADER_H_
#define HC_CLIENTS_CLI_GRPC_NOTE_UPLOADER_H_

#include <memory>
#include <string>

#include "clients/cli/connection.h"
#include "clients/cli/note_sync.h"
#include "healthcheck/v1/evidence.grpc.pb.h"

namespace hc::cli {

// The NoteUploader of hcctl: EvidenceService over `connection`, each call
// retried on UNAVAILABLE and DEADLINE_EXCEEDED as the connection does. That
// is safe for all three: a create carries its request_id, an edit its etag
// (a repeat is ABORTED, which SendEdit recognises), and a read changes
// nothing. `connection` must outlive the uploader.
class GrpcNoteUploader : public NoteUploader {
 public:
  explicit GrpcNoteUploader(const Connection& connection);

  absl::StatusOr<healthcheck::v1::Note> CreateNote(
      const healthcheck::v1::CreateNoteRequest& request) override;
  absl::StatusOr<healthcheck::v1::Note> UpdateNote(
      const healthcheck::v1::UpdateNoteRequest& request) override;
  absl::StatusOr<healthcheck::v1::Note> GetNote(
      const std::string& name) override;

 private:
  const Connection& connection_;
  std::unique_ptr<healthcheck::v1::EvidenceService::Stub> stub_;
};

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_GRPC_NOTE_UPLOADER_H_
