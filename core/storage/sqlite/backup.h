#ifndef HC_CORE_STORAGE_SQLITE_BACKUP_H_
#define HC_CORE_STORAGE_SQLITE_BACKUP_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "core/app/ports/store.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Writes a consistent copy of the store `source` is connected to into the
// new file `path` (VACUUM INTO, in a read snapshot that never blocks the
// writer), syncs it, verifies it (VerifyBackup) and only then gives it its
// name. FAILED_PRECONDITION if `path` exists or cannot be written;
// RESOURCE_EXHAUSTED, before writing anything, unless the copy fits in the
// free space of its directory with `keep_free_bytes` to spare (a disk that
// a backup fills stops the store: a full disk is a disk failure); DATA_LOSS
// if the copy fails its checks. `source` must be outside a transaction and
// may be read-only.
absl::StatusOr<app::BackupSummary> WriteBackup(Database& source, const std::string& path,
                                               uint64_t keep_free_bytes);

// Checks a backup before anyone relies on it: every page (PRAGMA
// integrity_check), a schema version this binary knows, and an unbroken
// audit chain. DATA_LOSS for a damaged file or a broken chain;
// FAILED_PRECONDITION for a schema newer than this binary.
absl::StatusOr<app::BackupSummary> VerifyBackup(const std::string& path);

// Puts a verified backup in place as the store at `store_path`: the store
// must not be in use (FAILED_PRECONDITION); its current files, if any, are
// kept beside it as `<store_path>.replaced-<UTC time>` (with their -wal),
// never deleted. The next start opens the restored store.
absl::StatusOr<app::BackupSummary> RestoreBackup(const std::string& backup,
                                                 const std::string& store_path);

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_BACKUP_H_
