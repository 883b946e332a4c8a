#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_STORE_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_STORE_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "core/app/ports/store.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/sqlite_repositories.h"

namespace hc::storage {

// The Store on one SQLite file in WAL mode with synchronous=FULL.
//
// Writes: one writer thread owns the only read-write connection. It takes
// every write waiting in its queue, runs each in its own SAVEPOINT inside one
// transaction and commits once (group commit): concurrent writers share the
// cost of the sync, and a failing unit of work rolls back only itself.
// Reads: a small pool of read-only connections, each read in its own
// snapshot transaction. Thread-safe.
class SqliteStore final : public app::Store {
 public:
  struct Options {
    int readers = 4;
    int max_batch = 256;  // writes per commit at most
  };

  // Opens or creates the file, migrates it to the latest schema (refusing a
  // newer one with FAILED_PRECONDITION) and starts the writer.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                           Options options);
  // Finishes every queued write, stops the writer and closes the file.
  ~SqliteStore() override;

  absl::Status Read(Work work) override;
  absl::Status Write(Work work) override;
  absl::Status CompactLog() override;

  // Commits so far: with writes_committed(), shows how far writes shared commits.
  int64_t commits() const { return commits_.load(); }
  int64_t writes_committed() const { return writes_committed_.load(); }

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
  static absl::StatusOr<Connection> Connect(const std::string& path, Database::Mode mode);
  void WriterLoop();
  absl::Status Enqueue(Job& job);
  void RunBatch(const std::vector<Job*>& batch);
  Connection* AcquireReader();
  void ReleaseReader(Connection* reader);

  Options options_;
  Connection writer_;
  std::vector<Connection> readers_;

  std::mutex write_mu_;
  std::condition_variable write_cv_;  // new jobs, or stopping
  std::condition_variable done_cv_;   // jobs finished
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::thread writer_thread_;

  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<Connection*> idle_readers_;

  std::atomic<int64_t> commits_{0};
  std::atomic<int64_t> writes_committed_{0};
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_STORE_H_
