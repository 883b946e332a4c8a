#include "core/storage/sqlite/database.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/sqlite_status.h"

namespace hc::storage {
namespace {

// Every connection setting, in one place. synchronous=FULL in WAL mode syncs
// the log on every commit, so an acknowledged write survives a crash of the
// machine, not only of the process. secure_delete overwrites deleted
// content (a respondent's draft once submitted). The log is folded into the
// database by the store's own checkpoints, whose errors it sees (SQLite's
// automatic ones drop theirs), and cut back to journal_size_limit whenever
// it starts over.
constexpr char kReadWritePragmas[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA wal_autocheckpoint = 0;"
    "PRAGMA journal_size_limit = 33554432;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA secure_delete = ON;"
    "PRAGMA temp_store = MEMORY;";
constexpr char kReadOnlyPragmas[] =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA query_only = ON;"
    "PRAGMA temp_store = MEMORY;";
constexpr int kBusyTimeoutMs = 5000;
constexpr int kCheckpointBusyTimeoutMs = 100;

// Result codes that mean the disk or the file failed, not the statement.
bool IsDiskFailure(int rc) {
  switch (rc & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return true;
    default:
      return false;
  }
}

}  // namespace

Statement::Statement(Database& db, sqlite3_stmt* stmt, bool* in_use)
    : db_(&db), stmt_(stmt), in_use_(in_use) {
  if (in_use_) *in_use_ = true;
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), in_use_(other.in_use_),
      bind_error_(std::move(other.bind_error_)) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

Statement& Statement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = SqliteStatus(rc, db_->handle(), "bind");
  return *this;
}

Statement& Statement::Bind(int index, absl::string_view value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = SqliteStatus(rc, db_->handle(), "bind");
  return *this;
}

Statement& Statement::BindBlob(int index, absl::string_view bytes) {
  int rc = sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = SqliteStatus(rc, db_->handle(), "bind");
  return *this;
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = SqliteStatus(rc, db_->handle(), "bind");
  return *this;
}

absl::StatusOr<bool> Statement::Step() {
  HC_RETURN_IF_ERROR(bind_error_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Failed(sqlite3_extended_errcode(db_->handle()), sqlite3_sql(stmt_));
}

absl::Status Statement::Run() {
  HC_ASSIGN_OR_RETURN(bool row, Step());
  if (row) return absl::InternalError(absl::StrCat("unexpected row from ", sqlite3_sql(stmt_)));
  return absl::OkStatus();
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string(text, sqlite3_column_bytes(stmt_, column)) : std::string();
}

std::string Statement::Blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  return bytes ? std::string(static_cast<const char*>(bytes), sqlite3_column_bytes(stmt_, column))
               : std::string();
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode,
                                                         const std::string& vfs) {
  const int flags = (mode == Mode::kReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                              : SQLITE_OPEN_READONLY) |
                    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs.empty() ? nullptr : vfs.c_str());
  std::unique_ptr<Database> db(new Database(raw));
  if (rc != SQLITE_OK) return SqliteStatus(rc, raw, absl::StrCat("opening ", path));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  HC_RETURN_IF_ERROR(db->Exec(mode == Mode::kReadWrite ? kReadWritePragmas : kReadOnlyPragmas));
  return db;
}

Database::~Database() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

absl::Status Database::Exec(const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  sqlite3_free(error);
  if (rc != SQLITE_OK) return Failed(sqlite3_extended_errcode(db_), sql);
  return absl::OkStatus();
}

absl::Status Database::Failed(int rc, absl::string_view context) {
  absl::Status status = SqliteStatus(rc, db_, context);
  if (IsDiskFailure(rc) && disk_failure_.ok()) disk_failure_ = status;
  return status;
}

absl::Status Database::CheckpointAndTruncateLog() {
  // Waits for readers still on the log only briefly: a long read (a backup)
  // must not hold up the writer that runs this; the next attempt catches up.
  sqlite3_busy_timeout(db_, kCheckpointBusyTimeoutMs);
  const int rc =
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  if (rc != SQLITE_OK) return Failed(sqlite3_extended_errcode(db_), "checkpointing the log");
  return absl::OkStatus();
}

absl::Status Database::CheckpointPassive() {
  const int rc =
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc != SQLITE_OK) return Failed(sqlite3_extended_errcode(db_), "checkpointing the log");
  return absl::OkStatus();
}

absl::StatusOr<std::string> Database::ReadBlob(const char* table, const char* column,
                                               int64_t rowid, int64_t offset, int64_t max_bytes) {
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db_, "main", table, column, rowid, 0, &blob);
  if (rc != SQLITE_OK) {
    sqlite3_blob_close(blob);
    return Failed(sqlite3_extended_errcode(db_), absl::StrCat("opening ", table, ".", column));
  }
  const int64_t size = sqlite3_blob_bytes(blob);
  if (offset < 0 || offset > size || max_bytes < 0) {
    sqlite3_blob_close(blob);
    return absl::OutOfRangeError(absl::StrCat("offset ", offset, " is past the end (", size, ")"));
  }
  std::string bytes(static_cast<size_t>(std::min(max_bytes, size - offset)), '\0');
  rc = sqlite3_blob_read(blob, bytes.data(), static_cast<int>(bytes.size()),
                         static_cast<int>(offset));
  sqlite3_blob_close(blob);
  if (rc != SQLITE_OK) {
    return Failed(sqlite3_extended_errcode(db_), absl::StrCat("reading ", table, ".", column));
  }
  return bytes;
}

absl::Status Database::CheckIntegrity(bool full) {
  HC_ASSIGN_OR_RETURN(Statement st,
                      Prepare(full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)"));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  const std::string verdict = row ? st.Text(0) : "no answer";
  if (verdict == "ok") return absl::OkStatus();
  return absl::DataLossError(absl::StrCat(full ? "integrity_check" : "quick_check", ": ", verdict));
}

absl::StatusOr<Statement> Database::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end() && !it->second.in_use) {
    return Statement(*this, it->second.stmt, &it->second.in_use);
  }
  // A statement still in use (a nested use of the same SQL) gets a
  // one-off copy.
  const bool cache = it == cache_.end();
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, cache ? SQLITE_PREPARE_PERSISTENT : 0,
                                    &stmt, nullptr);
  if (rc != SQLITE_OK) return Failed(sqlite3_extended_errcode(db_), sql);
  if (!cache) return Statement(*this, stmt, nullptr);
  auto inserted = cache_.emplace(sql, CachedStatement{stmt, false}).first;
  return Statement(*this, stmt, &inserted->second.in_use);
}

absl::StatusOr<int64_t> QueryInt(Database& db, const char* sql, absl::string_view param) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  st.Bind(1, param);
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::InternalError("an aggregate query returned no row");
  return st.Int(0);
}

absl::Status ReplaceList(Database& db, const char* delete_sql, const char* insert_sql,
                         absl::string_view owner, const std::vector<std::string>& values) {
  HC_ASSIGN_OR_RETURN(Statement clear, db.Prepare(delete_sql));
  HC_RETURN_IF_ERROR(clear.Bind(1, owner).Run());
  for (size_t i = 0; i < values.size(); ++i) {
    HC_ASSIGN_OR_RETURN(Statement insert, db.Prepare(insert_sql));
    HC_RETURN_IF_ERROR(
        insert.Bind(1, owner).Bind(2, static_cast<int64_t>(i)).Bind(3, values[i]).Run());
  }
  return absl::OkStatus();
}

}  // namespace hc::storage
