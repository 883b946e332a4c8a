#include "core/storage/sqlite/sqlite_store.h"

#include "core/common/status_macros.h"
#include "core/storage/sqlite/migrations.h"

namespace hc::storage {
namespace {

absl::Status RolledBack() {
  return absl::UnavailableError("the store rolled the transaction back; retry");
}

}  // namespace

absl::StatusOr<SqliteStore::Connection> SqliteStore::Connect(const std::string& path,
                                                             Database::Mode mode) {
  HC_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, mode));
  auto repos = std::make_unique<SqliteRepositories>(*db);
  return Connection{std::move(db), std::move(repos)};
}

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                               Options options) {
  if (options.readers < 1 || options.max_batch < 1) {
    return absl::InvalidArgumentError("a store needs at least one reader and a batch of one");
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->options_ = options;
  HC_ASSIGN_OR_RETURN(store->writer_, Connect(path, Database::Mode::kReadWrite));
  HC_RETURN_IF_ERROR(Migrate(*store->writer_.db));
  store->readers_.reserve(options.readers);
  for (int i = 0; i < options.readers; ++i) {
    HC_ASSIGN_OR_RETURN(Connection reader, Connect(path, Database::Mode::kReadOnly));
    store->readers_.push_back(std::move(reader));
  }
  for (Connection& reader : store->readers_) store->idle_readers_.push_back(&reader);
  store->writer_thread_ = std::thread([s = store.get()] { s->WriterLoop(); });
  return store;
}

SqliteStore::~SqliteStore() {
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    stopping_ = true;
  }
  write_cv_.notify_all();
  if (writer_thread_.joinable()) writer_thread_.join();
  readers_.clear();  // readers close before the writer, so its close checkpoints the log
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
  std::unique_lock<std::mutex> lock(write_mu_);
  if (stopping_) return absl::UnavailableError("the store is shutting down; retry");
  queue_.push_back(&job);
  write_cv_.notify_one();
  done_cv_.wait(lock, [&] { return job.done; });
  return job.result;
}

void SqliteStore::WriterLoop() {
  for (;;) {
    std::vector<Job*> batch;
    {
      std::unique_lock<std::mutex> lock(write_mu_);
      write_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every write is done
      while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    RunBatch(batch);
    {
      std::lock_guard<std::mutex> lock(write_mu_);
      for (Job* job : batch) job->done = true;
    }
    done_cv_.notify_all();
  }
}

void SqliteStore::RunBatch(const std::vector<Job*>& batch) {
  Database& db = *writer_.db;
  if (absl::Status begin = db.Exec("BEGIN IMMEDIATE"); !begin.ok()) {
    for (Job* job : batch) job->result = begin;
    return;
  }
  int64_t accepted = 0;
  for (Job* job : batch) {
    absl::Status savepoint = db.Exec("SAVEPOINT unit_of_work");
    job->result = savepoint.ok() ? job->work(*writer_.repos) : savepoint;
    absl::Status end = job->result.ok()
                           ? db.Exec("RELEASE unit_of_work")
                           : db.Exec("ROLLBACK TO unit_of_work; RELEASE unit_of_work");
    if (db.InAutocommit() || !end.ok()) {
      // SQLite abandoned the whole transaction (e.g. disk full or I/O
      // error): nothing in this batch is kept, so nothing may report success.
      for (Job* j : batch) {
        if (j->result.ok() || j == job) j->result = RolledBack();
      }
      if (!db.InAutocommit()) db.Exec("ROLLBACK").IgnoreError();
      return;
    }
    if (job->result.ok()) ++accepted;
  }
  if (absl::Status commit = db.Exec("COMMIT"); !commit.ok()) {
    db.Exec("ROLLBACK").IgnoreError();
    for (Job* job : batch) {
      if (job->result.ok()) job->result = commit;
    }
    return;
  }
  commits_.fetch_add(1);
  writes_committed_.fetch_add(accepted);
  for (Job* job : batch) {
    if (job->compact_log && job->result.ok()) job->result = db.CheckpointAndTruncateLog();
  }
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
  Connection* reader = AcquireReader();
  absl::Status status = reader->db->Exec("BEGIN");
  if (status.ok()) {
    status = work(*reader->repos);
    absl::Status end = reader->db->Exec(status.ok() ? "COMMIT" : "ROLLBACK");
    if (status.ok()) status = end;
  }
  ReleaseReader(reader);
  return status;
}

}  // namespace hc::storage
