#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_STATUS_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_STATUS_H_

#include <sqlite3.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace hc::storage {

// The one mapping from an SQLite result code to a status: unique and
// primary-key violations -> ALREADY_EXISTS; BUSY/LOCKED -> UNAVAILABLE;
// CORRUPT/NOTADB -> DATA_LOSS; FULL -> RESOURCE_EXHAUSTED; anything else ->
// INTERNAL. `context` says what was being done; the message may hold SQL
// detail, which the API layer scrubs from INTERNAL and DATA_LOSS.
absl::Status SqliteStatus(int rc, sqlite3* db, absl::string_view context);

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_STATUS_H_
