#ifndef HC_CORE_STORAGE_SQLITE_MIGRATIONS_H_
#define HC_CORE_STORAGE_SQLITE_MIGRATIONS_H_

#include "absl/status/status.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// The schema version this binary writes: the number of migrations.
int LatestSchemaVersion();

// Brings the database to LatestSchemaVersion() in one transaction, tracked by
// PRAGMA user_version: either every pending migration applies or none does.
// The version is written (and synced) even when nothing was pending.
// FAILED_PRECONDITION if the database is newer than this binary.
absl::Status Migrate(Database& db);

// For tests of upgrades: applies migrations up to `version` only.
absl::Status MigrateTo(Database& db, int version);

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_MIGRATIONS_H_
