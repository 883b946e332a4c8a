#ifndef HC_CORE_APP_ADMIN_APP_SERVICE_H_
#define HC_CORE_APP_ADMIN_APP_SERVICE_H_

#include <string>

#include "absl/status/statusor.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/store.h"
#include "core/domain/audit.h"
#include "core/domain/principal.h"

namespace hc::app {

// A backup written by AdminAppService::CreateBackup.
struct BackupFile {
  std::string file_name;  // inside the backup directory
  absl::Time create_time;
  BackupSummary summary;
};

// The operator's use cases: backups and the audit chain. Programme leads
// only (PERMISSION_DENIED for anyone else). Thread-safe.
class AdminAppService {
 public:
  // Backups are written into `backup_dir`, which must exist.
  AdminAppService(Store& store, Clock& clock, std::string backup_dir);

  // Writes a consistent, verified copy of the store as
  // `healthcheck-<UTC time>.db` in the backup directory while the store
  // keeps serving, and audits it. Errors as Store::BackUpTo.
  absl::StatusOr<BackupFile> CreateBackup(const domain::Principal& principal);

  // Reads the whole audit log and checks its hash chain.
  absl::StatusOr<domain::AuditChainCheck> VerifyAuditLog(const domain::Principal& principal);

 private:
  Store& store_;
  Clock& clock_;
  const std::string backup_dir_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_ADMIN_APP_SERVICE_H_
