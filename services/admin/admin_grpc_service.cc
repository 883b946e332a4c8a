#include "services/admin/admin_grpc_service.h"

#include "core/common/status_macros.h"
#include "services/common/conversions.h"

namespace hc::services {

namespace v1 = healthcheck::v1;

grpc::ServerUnaryReactor* AdminGrpcService::CreateBackup(grpc::CallbackServerContext* context,
                                                         const v1::CreateBackupRequest*,
                                                         v1::Backup* response) {
  return runner_.Run(context, "CreateBackup", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(app::BackupFile backup, app_.CreateBackup(principal));
    response->set_file_name(backup.file_name);
    response->set_size_bytes(backup.summary.size_bytes);
    response->set_schema_version(backup.summary.schema_version);
    response->set_audit_head_sequence(backup.summary.audit_head_sequence);
    response->set_audit_head_hash(backup.summary.audit_head_hash);
    ToProto(backup.create_time, response->mutable_create_time());
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminGrpcService::VerifyAuditLog(grpc::CallbackServerContext* context,
                                                           const v1::VerifyAuditLogRequest*,
                                                           v1::AuditLogVerification* response) {
  return runner_.Run(context, "VerifyAuditLog", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(domain::AuditChainCheck check, app_.VerifyAuditLog(principal));
    response->set_intact(!check.first_broken.has_value());
    response->set_record_count(check.records);
    response->set_head_sequence(check.head_sequence);
    response->set_head_hash(check.head_hash);
    response->set_first_broken_sequence(check.first_broken.value_or(0));
    response->set_problem(check.problem);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
