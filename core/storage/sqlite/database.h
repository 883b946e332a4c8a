#ifndef HC_CORE_STORAGE_SQLITE_DATABASE_H_
#define HC_CORE_STORAGE_SQLITE_DATABASE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::storage {

class Database;

// A prepared statement borrowed from a Database's cache, or owned when the
// cached one is busy. Binds are 1-based. Resets itself when destroyed.
// Not thread-safe; use on the thread that owns the Database.
class Statement {
 public:
  // `in_use` is the cache's flag for a borrowed statement, nullptr for an
  // owned one.
  Statement(Database& db, sqlite3_stmt* stmt, bool* in_use);
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, absl::string_view value);
  Statement& Bind(int index, const char* value) { return Bind(index, absl::string_view(value)); }
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, absl::string_view(value));
  }
  Statement& BindNull(int index);
  // Binds bytes as a BLOB.
  Statement& BindBlob(int index, absl::string_view bytes);
  // Binds the value, or NULL when absent.
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Steps once: true if a row is ready, false when done.
  absl::StatusOr<bool> Step();
  // Steps to completion, expecting no rows.
  absl::Status Run();

  int64_t Int(int column) const;
  std::string Text(int column) const;
  std::string Blob(int column) const;
  bool IsNull(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
  absl::Status bind_error_;
};

// One SQLite connection with the project's settings. Not thread-safe: one
// thread at a time.
class Database {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (creating if needed, in kReadWrite) and applies every PRAGMA: WAL,
  // synchronous=FULL, foreign keys, extended result codes, busy timeout.
  // `path` may be a "file:" URI. `vfs` names an SQLite VFS (tests inject
  // faults through one); empty: the default.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path, Mode mode,
                                                        const std::string& vfs = "");
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL without parameters or results (may hold several statements).
  absl::Status Exec(const char* sql);
  // Prepares `sql` once per connection and reuses it. `sql` must be a
  // string with static storage (it is the cache key).
  absl::StatusOr<Statement> Prepare(const char* sql);
  // Up to `max_bytes` of a BLOB from `offset`, read in place (the rest of
  // the value is never loaded). OUT_OF_RANGE for an offset past its end.
  absl::StatusOr<std::string> ReadBlob(const char* table, const char* column, int64_t rowid,
                                       int64_t offset, int64_t max_bytes);
  // The number of rows changed by the last statement.
  int Changes() const { return sqlite3_changes(db_); }
  // Copies the write-ahead log into the database and truncates it to zero
  // bytes. UNAVAILABLE if readers keep it from finishing.
  absl::Status CheckpointAndTruncateLog();
  // Copies as much of the write-ahead log into the database as readers
  // allow, without waiting for them or for the writer.
  absl::Status CheckpointPassive();
  // True outside a transaction (e.g. after SQLite rolled one back itself).
  bool InAutocommit() const { return sqlite3_get_autocommit(db_) != 0; }
  // True if SQLite could open the file only for reading.
  bool ReadOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }
  // Runs PRAGMA quick_check (or, with `full`, integrity_check): OK, or
  // DATA_LOSS with the first problem found.
  absl::Status CheckIntegrity(bool full);

  // The first failure of the disk or the file this connection has met (an
  // I/O error, a full disk, corruption, a file it may not write), kept for
  // good: after one, SQLite's view of what is on disk can no longer be
  // trusted. OK while there has been none.
  const absl::Status& disk_failure() const { return disk_failure_; }

  sqlite3* handle() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}

  struct CachedStatement {
    sqlite3_stmt* stmt;
    bool in_use;
  };

  friend class Statement;
  // Maps a failed result code to a status, remembering a disk failure.
  absl::Status Failed(int rc, absl::string_view context);

  sqlite3* db_;
  std::unordered_map<const char*, CachedStatement> cache_;
  absl::Status disk_failure_;
};

// Runs an aggregate query with one parameter (e.g. "SELECT COUNT(*) FROM t
// WHERE engagement_id = ?") and returns its one integer.
absl::StatusOr<int64_t> QueryInt(Database& db, const char* sql, absl::string_view param);

// Replaces an owner's ordered list of strings (skills, tags, ...): runs
// `delete_sql` with (owner), then `insert_sql` with (owner, position, value)
// for each value in order.
absl::Status ReplaceList(Database& db, const char* delete_sql, const char* insert_sql,
                         absl::string_view owner, const std::vector<std::string>& values);

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_DATABASE_H_
