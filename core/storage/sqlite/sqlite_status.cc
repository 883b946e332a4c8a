#include "core/storage/sqlite/sqlite_status.h"

#include "absl/strings/str_cat.h"

namespace hc::storage {

absl::Status SqliteStatus(int rc, sqlite3* db, absl::string_view context) {
  const std::string detail = absl::StrCat(context, ": ", sqlite3_errstr(rc),
                                          db ? absl::StrCat(" (", sqlite3_errmsg(db), ")") : "");
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return absl::AlreadyExistsError(detail);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::DataLossError(detail);
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(detail);
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(absl::StrCat(context, ": the store is busy; retry"));
    case SQLITE_CORRUPT:
      return absl::DataLossError(detail);
    default:
      return absl::InternalError(detail);
  }
}

}  // namespace hc::storage
