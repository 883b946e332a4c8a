#include "core/app/admin_app_service.h"

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/mutation.h"
#include "core/common/status_macros.h"

namespace hc::app {

AdminAppService::AdminAppService(Store& store, Clock& clock, std::string backup_dir)
    : store_(store), clock_(clock), backup_dir_(std::move(backup_dir)) {}

absl::StatusOr<BackupFile> AdminAppService::CreateBackup(const domain::Principal& principal) {
  constexpr char kAction[] = "CreateBackup";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  BackupFile backup;
  backup.create_time = clock_.Now();
  // Microseconds in the name: two backups never share one.
  backup.file_name = absl::StrCat(
      "healthcheck-",
      absl::FormatTime("%Y%m%dT%H%M%E6SZ", backup.create_time, absl::UTCTimeZone()), ".db");
  HC_ASSIGN_OR_RETURN(backup.summary,
                      store_.BackUpTo(absl::StrCat(backup_dir_, "/", backup.file_name)));
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) {
    return Audit(repos, principal, kAction, absl::StrCat("backups/", backup.file_name),
                 backup.create_time,
                 absl::StrCat("audit head ", backup.summary.audit_head_sequence, " ",
                              backup.summary.audit_head_hash));
  }));
  return backup;
}

absl::StatusOr<domain::AuditChainCheck> AdminAppService::VerifyAuditLog(
    const domain::Principal& principal) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "VerifyAuditLog"));
  domain::AuditChainCheck check;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(check, repos.audit_log().CheckChain());
    return absl::OkStatus();
  }));
  return check;
}

}  // namespace hc::app
