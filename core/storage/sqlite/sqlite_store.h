#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_STORE_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_STORE_H_

#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/app/ports/store.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/file_lock.h"
#include "core/storage/sqlite/sqlite_repositories.h"

namespace hc::storage {

// The Store on one SQLite file in WAL mode with synchronous=FULL.
//
// Writes: one writer thread owns the only read-write connection. It takes
// every write waiting in its queue, runs each in its own SAVEPOINT inside one
// transaction and commits once (group commit): concurrent writers share the
// cost of the sync, and a failing unit of work rolls back only itself.
// Reads: a small pool of read-only connections, each read in its own
// snapshot transaction. The writer alone checkpoints: it folds the log into
// the database and truncates it when it grows (Options::checkpoint_pages)
// and, asked by an idle timer, when the store is quiet.
//
// Fail-stop: the first failure of the disk or the file (an I/O error from a
// write, a sync or a checkpoint, a full disk, corruption) stops the store for
// good, as PostgreSQL does: after a failed sync the kernel may have dropped
// the pages it could not write, so nothing written since can be trusted.
// Writes caught in the failing commit answer UNAVAILABLE "outcome unknown:
// retry with the same request_id"; every later read and write answers
// UNAVAILABLE; `on_stop` is told why, once. A restart recovers from what is
// on disk.
//
// One process at a time: Open takes an exclusive lock on the file, held
// until the store is destroyed. Thread-safe.
class SqliteStore final : public app::Store {
 public:
  struct Options {
    int readers = 4;
    int max_batch = 256;  // writes per commit at most
    // Full PRAGMA integrity_check at open instead of quick_check.
    bool full_integrity_check = false;
    // The writer folds the log into the database and truncates it to
    // nothing between batches once it holds this many pages, and after
    // `truncate_after_idle` without a write.
    int checkpoint_pages = 1000;
    absl::Duration truncate_after_idle = absl::Seconds(5);
    // Told, once and from a store thread, why the store stopped.
    std::function<void(const absl::Status&)> on_stop;
    // The SQLite VFS to open the file with (tests inject faults); empty:
    // the default.
    std::string vfs;
    // A backup is refused unless this much free space stays beside it.
    uint64_t backup_keep_free_bytes = uint64_t{256} << 20;
  };

  // Opens or creates the file, checks it, migrates it to the latest schema
  // and starts the writer. FAILED_PRECONDITION if another process holds the
  // store, if the process cannot write it, or if it is newer than this
  // binary; DATA_LOSS if it fails its integrity check.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                           Options options);
  // Finishes every queued write, stops the writer and closes the file.
  ~SqliteStore() override;

  absl::Status Read(Work work) override;
  absl::Status Write(Work work) override;
  absl::Status CompactLog() override;
  absl::StatusOr<app::BackupSummary> BackUpTo(const std::string& path) override;

  // OK while the store serves; once stopped, why it stopped.
  absl::Status stop_reason() const;

  // Commits so far: with writes_committed(), shows how far writes shared commits.
  int64_t commits() const { return commits_.load(); }
  int64_t writes_committed() const { return writes_committed_.load(); }
  // Checkpoints that folded the log into the database.
  int64_t checkpoints() const { return checkpoints_.load(); }

 private:
  struct Connection {
    std::unique_ptr<Database> db;
    std::unique_ptr<SqliteRepositories> repos;
  };
  struct Job {
    explicit Job(Work w) : work(w) {}
    Work work;
    bool compact_log = false;  // checkpoint and truncate the log after commit
    absl::Status result;
    bool done = false;
  };

  SqliteStore() = default;
  // True once the log is truncated.
  bool TruncateLogBetweenBatches();
  static absl::StatusOr<Connection> Connect(const std::string& path, Database::Mode mode,
                                            const std::string& vfs);
  void WriterLoop();
  void CheckpointerLoop();
  absl::Status Enqueue(Job& job);
  void RunBatch(const std::vector<Job*>& batch);
  // Stops the store for good with `cause` (the first cause wins). Called on
  // the writer thread, the only one that writes or checkpoints.
  void Stop(const absl::Status& cause);
  bool stopped() const { return stopped_.load(std::memory_order_acquire); }
  Connection* AcquireReader();
  void ReleaseReader(Connection* reader);

  Options options_;
  std::string path_;
  std::unique_ptr<FileLock> lock_;
  Connection writer_;
  std::vector<Connection> readers_;

  std::mutex write_mu_;
  std::condition_variable write_cv_;  // new jobs, or stopping
  std::condition_variable done_cv_;   // jobs finished
  std::deque<Job*> queue_;
  bool closing_ = false;
  std::thread writer_thread_;

  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  absl::Time last_write_;           // when the writer last committed
  bool log_truncated_ = true;       // nothing committed since the last truncation
  bool checkpointer_closing_ = false;
  std::thread checkpointer_thread_;

  mutable std::mutex stop_mu_;
  absl::Status stop_reason_;
  std::atomic<bool> stopped_{false};

  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<Connection*> idle_readers_;

  std::atomic<int64_t> commits_{0};
  std::atomic<int64_t> writes_committed_{0};
  std::atomic<int64_t> checkpoints_{0};
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_STORE_H_
