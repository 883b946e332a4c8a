#include "core/storage/sqlite/sqlite_store.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/backup.h"
#include "core/storage/sqlite/migrations.h"

namespace hc::storage {
namespace {

absl::Status RolledBack() {
  return absl::UnavailableError("the store rolled the transaction back; retry");
}

// The store has stopped; nothing was done. The cause is in the server log.
absl::Status Stopped() {
  return absl::UnavailableError(
      "the store stopped after a disk failure and accepts nothing until the server is "
      "restarted; retry later");
}

// A disk failure met this write before it was known to be durable.
absl::Status OutcomeUnknown() {
  return absl::UnavailableError(
      "a disk failure stopped the store while this change was being saved, so it may or may "
      "not have been kept; retry with the same request_id once the service is back");
}

// Called by SQLite after every commit on the writer's connection with the
// number of pages in the log.
int OnCommit(void* store_wants_checkpoint, sqlite3*, const char*, int pages) {
  (*static_cast<std::function<void(int)>*>(store_wants_checkpoint))(pages);
  return SQLITE_OK;
}

// Runs a unit of work; an exception escaping it (a bug) becomes INTERNAL, so
// that its transaction is rolled back and the store's threads go on.
absl::Status RunGuarded(app::Store::Work work, app::Repositories& repos) {
  try {
    return work(repos);
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("a unit of work threw: ", e.what()));
  } catch (...) {
    return absl::InternalError("a unit of work threw");
  }
}

// After a failed open the log may hold what cannot be trusted: closing must
// not fold it into the database.
void CloseWithoutCheckpoint(Database& db) {
  sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

}  // namespace

absl::StatusOr<SqliteStore::Connection> SqliteStore::Connect(const std::string& path,
                                                             Database::Mode mode,
                                                             const std::string& vfs) {
  HC_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, mode, vfs));
  auto repos = std::make_unique<SqliteRepositories>(*db);
  return Connection{std::move(db), std::move(repos)};
}

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                               Options options) {
  if (options.readers < 1 || options.max_batch < 1 || options.checkpoint_pages < 1) {
    return absl::InvalidArgumentError(
        "a store needs at least one reader, a batch of one and a checkpoint of one page");
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->options_ = options;
  store->path_ = path;
  HC_ASSIGN_OR_RETURN(store->lock_, FileLock::Acquire(path));
  HC_ASSIGN_OR_RETURN(store->writer_, Connect(path, Database::Mode::kReadWrite, options.vfs));
  Database& writer = *store->writer_.db;
  if (writer.ReadOnly()) {
    return absl::FailedPreconditionError(absl::StrCat("the store ", path, " can only be read"));
  }
  if (absl::Status check = writer.CheckIntegrity(options.full_integrity_check); !check.ok()) {
    CloseWithoutCheckpoint(writer);
    return absl::DataLossError(absl::StrCat("the store ", path, " is damaged (", check.message(),
                                            "); restore it from a backup"));
  }
  // Migrate writes the schema version even when it is current: a commit and
  // a sync that prove the store writable before the server says it serves.
  if (absl::Status migrated = Migrate(writer); !migrated.ok()) {
    if (writer.disk_failure().ok()) return migrated;
    CloseWithoutCheckpoint(writer);
    return absl::FailedPreconditionError(
        absl::StrCat("cannot write the store ", path, ": ", writer.disk_failure().message()));
  }
  store->readers_.reserve(options.readers);
  for (int i = 0; i < options.readers; ++i) {
    HC_ASSIGN_OR_RETURN(Connection reader,
                        Connect(path, Database::Mode::kReadOnly, options.vfs));
    store->readers_.push_back(std::move(reader));
  }
  for (Connection& reader : store->readers_) store->idle_readers_.push_back(&reader);
  store->last_write_ = absl::Now();
  store->writer_thread_ = std::thread([s = store.get()] { s->WriterLoop(); });
  store->checkpointer_thread_ = std::thread([s = store.get()] { s->CheckpointerLoop(); });
  return store;
}

SqliteStore::~SqliteStore() {
  // The idle timer first: it may be waiting on a job of the writer's.
  {
    std::lock_guard<std::mutex> lock(checkpoint_mu_);
    checkpointer_closing_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpointer_thread_.joinable()) checkpointer_thread_.join();
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    closing_ = true;
  }
  write_cv_.notify_all();
  if (writer_thread_.joinable()) writer_thread_.join();
  if (stopped() && writer_.db != nullptr) {
    // After a disk failure the log's pages in memory may differ from the
    // disk's: never fold them into the database. A restart recovers from
    // what is on disk.
    CloseWithoutCheckpoint(*writer_.db);
  }
  readers_.clear();  // readers close before the writer, so its close checkpoints the log
  writer_.repos.reset();
  writer_.db.reset();
  lock_.reset();  // after every connection has closed
}

absl::Status SqliteStore::stop_reason() const {
  std::lock_guard<std::mutex> lock(stop_mu_);
  return stop_reason_;
}

void SqliteStore::Stop(const absl::Status& cause) {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    if (!stop_reason_.ok()) return;
    stop_reason_ = cause.ok() ? absl::InternalError("stopped without a cause") : cause;
    stopped_.store(true, std::memory_order_release);
  }
  if (options_.on_stop) options_.on_stop(cause);
}

absl::Status SqliteStore::Write(Work work) {
  Job job(work);
  return Enqueue(job);
}

absl::Status SqliteStore::CompactLog() {
  Job job([](app::Repositories&) { return absl::OkStatus(); });
  job.compact_log = true;
  return Enqueue(job);
}

absl::Status SqliteStore::Enqueue(Job& job) {
  if (stopped()) return Stopped();
  std::unique_lock<std::mutex> lock(write_mu_);
  if (closing_) return absl::UnavailableError("the store is shutting down; retry");
  queue_.push_back(&job);
  write_cv_.notify_one();
  done_cv_.wait(lock, [&] { return job.done; });
  return job.result;
}

void SqliteStore::WriterLoop() {
  int log_pages = 0;
  int truncate_at_pages = options_.checkpoint_pages;
  std::function<void(int)> on_commit = [this, &log_pages](int pages) {
    log_pages = pages;
    std::lock_guard<std::mutex> lock(checkpoint_mu_);
    last_write_ = absl::Now();
    log_truncated_ = false;
  };
  sqlite3_wal_hook(writer_.db->handle(), OnCommit, &on_commit);
  for (;;) {
    std::vector<Job*> batch;
    {
      std::unique_lock<std::mutex> lock(write_mu_);
      write_cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) break;  // closing, and every write is done
      while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    if (stopped()) {
      for (Job* job : batch) job->result = Stopped();
    } else {
      RunBatch(batch);
    }
    {
      std::lock_guard<std::mutex> lock(write_mu_);
      for (Job* job : batch) job->done = true;
    }
    done_cv_.notify_all();
    // After the acknowledgements: the batch's commit was synced, so a
    // checkpoint's failure cannot undo it. When readers kept it from
    // finishing, the next try waits for another checkpoint_pages.
    if (log_pages >= truncate_at_pages && !stopped()) {
      truncate_at_pages = TruncateLogBetweenBatches() ? options_.checkpoint_pages
                                                      : log_pages + options_.checkpoint_pages;
    }
    log_pages = 0;
  }
  sqlite3_wal_hook(writer_.db->handle(), nullptr, nullptr);
}

void SqliteStore::RunBatch(const std::vector<Job*>& batch) {
  Database& db = *writer_.db;
  // After a disk failure, anything that had succeeded may or may not be on
  // disk; the store stops before another write can be acknowledged.
  auto stop_on_disk_failure = [&](Job* culprit) {
    if (db.disk_failure().ok()) return false;
    Stop(db.disk_failure());
    for (Job* job : batch) {
      if (job->result.ok() || job == culprit) job->result = OutcomeUnknown();
    }
    if (!db.InAutocommit()) db.Exec("ROLLBACK").IgnoreError();
    return true;
  };
  if (absl::Status begin = db.Exec("BEGIN IMMEDIATE"); !begin.ok()) {
    if (stop_on_disk_failure(nullptr)) return;
    for (Job* job : batch) job->result = begin;
    return;
  }
  int64_t accepted = 0;
  for (Job* job : batch) {
    absl::Status savepoint = db.Exec("SAVEPOINT unit_of_work");
    job->result = savepoint.ok() ? RunGuarded(job->work, *writer_.repos) : savepoint;
    absl::Status end = job->result.ok()
                           ? db.Exec("RELEASE unit_of_work")
                           : db.Exec("ROLLBACK TO unit_of_work; RELEASE unit_of_work");
    if (stop_on_disk_failure(job)) return;
    if (db.InAutocommit() || !end.ok()) {
      // SQLite abandoned the whole transaction: nothing in this batch is
      // kept, so nothing may report success.
      for (Job* j : batch) {
        if (j->result.ok() || j == job) j->result = RolledBack();
      }
      if (!db.InAutocommit()) db.Exec("ROLLBACK").IgnoreError();
      return;
    }
    if (job->result.ok()) ++accepted;
  }
  if (absl::Status commit = db.Exec("COMMIT"); !commit.ok()) {
    if (stop_on_disk_failure(nullptr)) return;
    db.Exec("ROLLBACK").IgnoreError();
    for (Job* job : batch) {
      if (job->result.ok()) job->result = commit;
    }
    return;
  }
  commits_.fetch_add(1);
  writes_committed_.fetch_add(accepted);
  for (Job* job : batch) {
    if (!job->compact_log || !job->result.ok()) continue;
    if (stopped()) {
      job->result = Stopped();
      continue;
    }
    job->result = db.CheckpointAndTruncateLog();
    if (job->result.ok()) checkpoints_.fetch_add(1);
    if (!db.disk_failure().ok()) Stop(db.disk_failure());
  }
}

bool SqliteStore::TruncateLogBetweenBatches() {
  // Under steady reads some reader always holds a snapshot of the log, so
  // neither SQLite nor a passive checkpoint ever starts it over, and under
  // steady writes another connection never gets the write lock: the log
  // would grow without end. Here, between batches, the writer holds no
  // transaction: the truncating checkpoint copies the log, waits for
  // readers still on it (new ones read the database) and cuts it to
  // nothing. Writes wait meanwhile (a few milliseconds for checkpoint_pages
  // pages). False if readers held on past a short wait (a backup's long
  // read, say).
  Database& db = *writer_.db;
  const bool done = db.CheckpointAndTruncateLog().ok();
  if (done) checkpoints_.fetch_add(1);
  if (!db.disk_failure().ok()) Stop(db.disk_failure());
  return done;
}

void SqliteStore::CheckpointerLoop() {
  const auto poll = absl::ToChronoMilliseconds(
      std::clamp(options_.truncate_after_idle / 2, absl::Milliseconds(10), absl::Seconds(1)));
  for (;;) {
    absl::Time seen;
    {
      std::unique_lock<std::mutex> lock(checkpoint_mu_);
      checkpoint_cv_.wait_for(lock, poll, [&] { return checkpointer_closing_; });
      if (checkpointer_closing_) return;
      if (log_truncated_ || absl::Now() - last_write_ < options_.truncate_after_idle) continue;
      seen = last_write_;
    }
    if (stopped()) continue;
    // Writes have paused: the writer folds the log into the database and
    // truncates it, as a job of its own so that no two checkpoints ever
    // contend, and so that the file no longer holds recent transactions as
    // they were committed (CompactLog's reason, for every write).
    const bool done = CompactLog().ok();
    std::lock_guard<std::mutex> lock(checkpoint_mu_);
    if (!done) {
      // Readers held on (a backup's long read, say): try again after another
      // quiet spell rather than at every poll.
      if (last_write_ == seen) last_write_ = absl::Now();
      continue;
    }
    if (last_write_ == seen) log_truncated_ = true;
  }
}

absl::StatusOr<app::BackupSummary> SqliteStore::BackUpTo(const std::string& path) {
  if (stopped()) return Stopped();
  // A connection of its own, so that the copy's long read holds no pooled
  // reader; read-only, but allowed to write the copy.
  HC_ASSIGN_OR_RETURN(std::unique_ptr<Database> source,
                      Database::Open(path_, Database::Mode::kReadOnly, options_.vfs));
  HC_RETURN_IF_ERROR(source->Exec("PRAGMA query_only = OFF"));
  return WriteBackup(*source, path, options_.backup_keep_free_bytes);
}

SqliteStore::Connection* SqliteStore::AcquireReader() {
  std::unique_lock<std::mutex> lock(read_mu_);
  read_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
  Connection* reader = idle_readers_.back();
  idle_readers_.pop_back();
  return reader;
}

void SqliteStore::ReleaseReader(Connection* reader) {
  {
    std::lock_guard<std::mutex> lock(read_mu_);
    idle_readers_.push_back(reader);
  }
  read_cv_.notify_one();
}

absl::Status SqliteStore::Read(Work work) {
  if (stopped()) return Stopped();
  Connection* reader = AcquireReader();
  absl::Status status = reader->db->Exec("BEGIN");
  if (status.ok()) {
    status = RunGuarded(work, *reader->repos);
    absl::Status end = reader->db->Exec(status.ok() ? "COMMIT" : "ROLLBACK");
    if (status.ok()) status = end;
  }
  ReleaseReader(reader);
  return status;
}

}  // namespace hc::storage
