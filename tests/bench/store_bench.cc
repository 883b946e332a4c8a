// Storage benchmark: a durable write through SqliteStore (writer thread,
// savepoint, group commit) against the floor of raw SQLite with the same
// durability (WAL, synchronous=FULL, one INSERT per transaction), in the same
// run. Each write appends one audit record. Run:
//   build/tests/bench/hc_store_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "core/storage/sqlite/sqlite_store.h"

namespace hc::bench {
namespace {

std::string FreshPath(const char* name) {
  std::string dir = "/tmp/hc_store_bench_XXXXXX";
  if (::mkdtemp(dir.data()) == nullptr) std::abort();
  return dir + "/" + name;
}

void BM_RawSqliteDurableInsert(benchmark::State& state) {
  sqlite3* db = nullptr;
  sqlite3_open(FreshPath("raw.db").c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
               "CREATE TABLE audit_log (sequence INTEGER PRIMARY KEY, actor TEXT NOT NULL, "
               "action TEXT NOT NULL, resource TEXT NOT NULL, time_us INTEGER NOT NULL) STRICT;",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO audit_log (actor, action, resource, time_us) "
                     "VALUES ('bench', 'Bench', 'peers/x', ?)",
                     -1, &insert, nullptr);
  for (auto _ : state) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_int64(insert, 1, absl::ToUnixMicros(absl::Now()));
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawSqliteDurableInsert)->UseRealTime();

std::unique_ptr<storage::SqliteStore> shared_store;

void OpenSharedStore(const benchmark::State&) {
  shared_store = *storage::SqliteStore::Open(FreshPath("store.db"), {});
}
void CloseSharedStore(const benchmark::State&) { shared_store.reset(); }

void BM_StoreDurableWrite(benchmark::State& state) {
  const domain::AuditRecord record{"bench", "Bench", "peers/x", absl::Now()};
  for (auto _ : state) {
    absl::Status s = shared_store->Write(
        [&](app::Repositories& repos) { return repos.audit_log().Append(record); });
    if (!s.ok()) state.SkipWithError(std::string(s.message()).c_str());
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    state.counters["writes_per_commit"] = benchmark::Counter(
        static_cast<double>(shared_store->writes_committed()) /
        static_cast<double>(std::max<int64_t>(1, shared_store->commits())));
  }
}
BENCHMARK(BM_StoreDurableWrite)
    ->Setup(OpenSharedStore)
    ->Teardown(CloseSharedStore)
    ->Threads(1)
    ->Threads(16)
    ->Threads(64)
    ->UseRealTime();

}  // namespace
}  // namespace hc::bench

BENCHMARK_MAIN();
