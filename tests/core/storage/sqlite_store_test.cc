// The SQLite store's units of work (core/storage/sqlite/sqlite_store.h):
// group commit, per-unit rollback inside a batch, durability and snapshots.

#include "core/storage/sqlite/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "core/app/ports/repositories.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;

// Matches an OK absl::StatusOr whose value matches `inner` (a matcher or a
// value).
MATCHER_P(IsOkAndHolds, inner, "") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(inner, *arg, result_listener);
}

domain::Partnership MakePartnership(const std::string& id, int n = 0) {
  domain::Partnership p;
  p.meta = {id, absl::FromUnixMicros(1'000'000 + n), absl::FromUnixMicros(1'000'000 + n), 1};
  p.display_name = absl::StrCat("Partnership ", id);
  p.kind = domain::PartnershipKind::kLsp;
  p.members = {{"Member council", domain::Sector::kLocalGovernment}};
  return p;
}

domain::Peer MakePeer(const std::string& id, const std::string& email) {
  domain::Peer peer;
  peer.meta = {id, absl::FromUnixMicros(1), absl::FromUnixMicros(1), 1};
  peer.display_name = id;
  peer.email = email;
  peer.home_organisation = "Southshire Council";
  peer.home_sector = domain::Sector::kLocalGovernment;
  return peer;
}

// Every partnership id in the store, in list order.
absl::StatusOr<std::vector<std::string>> PartnershipIds(app::Store& store) {
  std::vector<std::string> ids;
  absl::Status s = store.Read([&](app::Repositories& r) -> absl::Status {
    app::PageRequest page{1000, std::nullopt};
    absl::StatusOr<app::Page<domain::Partnership>> result = r.partnerships().List({}, page);
    if (!result.ok()) return result.status();
    for (const auto& p : result->items) ids.push_back(p.meta.id);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return ids;
}

int64_t AuditCount(app::Store& store) {
  int64_t count = -1;
  absl::Status s = store.Read([&](app::Repositories& r) -> absl::Status {
    absl::StatusOr<app::Page<domain::AuditRecord>> page = r.audit_log().List({1000, std::nullopt});
    if (!page.ok()) return page.status();
    count = static_cast<int64_t>(page->items.size());
    return absl::OkStatus();
  });
  EXPECT_THAT(s, IsOk());
  return count;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::string Path() const { return dir_.File("hc.db"); }

  std::unique_ptr<SqliteStore> OpenStore(SqliteStore::Options options = {}) {
    absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(Path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs `work(i)` as a write from each of `threads` threads, all queued
  // while the writer is held inside a first "gate" write, so that they
  // share batches. Returns each thread's result; the gate inserts
  // partnership "gate".
  template <typename WorkFn>
  std::vector<absl::Status> ConcurrentWrites(SqliteStore& store, int threads, WorkFn work) {
    absl::Notification gate_entered;
    std::latch all_started(threads);
    absl::Status gate_status;
    std::thread gate([&] {
      gate_status = store.Write([&](app::Repositories& r) {
        gate_entered.Notify();
        all_started.wait();  // hold the writer until every thread is about to queue
        return r.partnerships().Insert(MakePartnership("gate"));
      });
    });
    gate_entered.WaitForNotification();
    std::vector<absl::Status> results(threads);
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
      workers.emplace_back([&, i] {
        all_started.count_down();
        results[i] = store.Write([&](app::Repositories& r) { return work(r, i); });
      });
    }
    for (std::thread& t : workers) t.join();
    gate.join();
    EXPECT_THAT(gate_status, IsOk());
    return results;
  }

  ::hc::testing::TempDir dir_;
};

TEST_F(SqliteStoreTest, FailingUnitOfWorkRollsBackOnlyItselfWithinABatch) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  HC_ASSERT_OK(store->Write([](app::Repositories& r) {
    return r.peers().Insert(MakePeer("taken", "taken@example.org"));
  }));
  const int64_t commits_before = store->commits();
  const int64_t writes_before = store->writes_committed();

  constexpr int kThreads = 32;
  std::vector<absl::Status> results =
      ConcurrentWrites(*store, kThreads, [](app::Repositories& r, int i) -> absl::Status {
        const std::string id = absl::StrCat("w", i);
        absl::Status s = r.partnerships().Insert(MakePartnership(id, i));
        if (!s.ok()) return s;
        s = r.audit_log().Append({"tester", "CreatePartnership", id, absl::FromUnixMicros(i)});
        if (!s.ok()) return s;
        switch (i % 4) {
          case 0:  // the use case refuses after writing
            return absl::AbortedError(absl::StrCat("unit ", i, " gave up"));
          case 1:  // the store refuses a later statement
            return r.peers().Insert(MakePeer(id, "TAKEN@example.org"));
          default:
            return absl::OkStatus();
        }
      });

  std::vector<std::string> want = {"gate"};
  for (int i = 0; i < kThreads; ++i) {
    switch (i % 4) {
      case 0:
        EXPECT_THAT(results[i],
                    StatusIsWith(absl::StatusCode::kAborted, absl::StrCat("unit ", i, " gave up")));
        break;
      case 1:
        EXPECT_THAT(results[i], StatusIs(absl::StatusCode::kAlreadyExists)) << i;
        break;
      default:
        EXPECT_THAT(results[i], IsOk()) << i;
        want.push_back(absl::StrCat("w", i));
    }
  }
  HC_ASSERT_OK_AND_ASSIGN(std::vector<std::string> ids, PartnershipIds(*store));
  EXPECT_THAT(ids, UnorderedElementsAreArray(want));
  EXPECT_EQ(AuditCount(*store), kThreads / 2);  // only the successful units' records
  EXPECT_EQ(store->writes_committed() - writes_before, 1 + kThreads / 2);
  // The failures really did share commits with successes.
  EXPECT_LT(store->commits() - commits_before, 1 + kThreads / 2);
}

TEST_F(SqliteStoreTest, ConcurrentWritersShareCommits) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  constexpr int kThreads = 32;
  std::vector<absl::Status> results =
      ConcurrentWrites(*store, kThreads, [](app::Repositories& r, int i) {
        return r.partnerships().Insert(MakePartnership(absl::StrCat("w", i), i));
      });
  for (int i = 0; i < kThreads; ++i) EXPECT_THAT(results[i], IsOk()) << i;
  EXPECT_EQ(store->writes_committed(), kThreads + 1);
  EXPECT_LT(store->commits(), store->writes_committed());
  EXPECT_GE(store->commits(), 2);  // the gate's commit, then at least one more
}

TEST_F(SqliteStoreTest, AcknowledgedWritesAreVisibleToAFreshStoreAfterTheFirstIsDestroyed) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 10;
  std::vector<std::string> want;
  {
    std::unique_ptr<SqliteStore> store = OpenStore();
    ASSERT_NE(store, nullptr);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int k = 0; k < kWritesPerThread; ++k) {
          const std::string id = absl::StrCat("t", t, "-", k);
          absl::Status s = store->Write([&](app::Repositories& r) {
            return r.partnerships().Insert(MakePartnership(id, t * 100 + k));
          });
          if (!s.ok()) failures.fetch_add(1);
        }
      });
      for (int k = 0; k < kWritesPerThread; ++k) want.push_back(absl::StrCat("t", t, "-", k));
    }
    for (std::thread& t : threads) t.join();
    ASSERT_EQ(failures.load(), 0);
  }
  std::unique_ptr<SqliteStore> reopened = OpenStore();
  ASSERT_NE(reopened, nullptr);
  HC_ASSERT_OK_AND_ASSIGN(std::vector<std::string> ids, PartnershipIds(*reopened));
  EXPECT_THAT(ids, UnorderedElementsAreArray(want));
}

TEST_F(SqliteStoreTest, AcknowledgedWriteSurvivesTheProcessDyingWithoutClosing) {
  // The child writes, then ends at once: no destructor, no checkpoint, the
  // writer thread still running. Only the WAL on disk holds the write.
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto store = SqliteStore::Open(Path(), {});
    if (!store.ok()) std::_Exit(2);
    absl::Status s = (*store)->Write(
        [](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("survivor")); });
    std::_Exit(s.ok() ? 0 : 3);
  }
  int wait_status = 0;
  ASSERT_EQ(::waitpid(pid, &wait_status, 0), pid);
  ASSERT_TRUE(WIFEXITED(wait_status));
  ASSERT_EQ(WEXITSTATUS(wait_status), 0);
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_THAT(PartnershipIds(*store), IsOkAndHolds(ElementsAre("survivor")));
}

TEST_F(SqliteStoreTest, ReadSeesOneSnapshotEvenWhenAWriteCommitsDuringIt) {
  std::unique_ptr<SqliteStore> store = OpenStore({.readers = 1});
  ASSERT_NE(store, nullptr);
  HC_ASSERT_OK(store->Write(
      [](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p1", 1)); }));
  std::vector<std::string> before, after;
  absl::Status write_during_read;
  absl::StatusOr<domain::Partnership> p2_during_read;
  HC_ASSERT_OK(store->Read([&](app::Repositories& r) -> absl::Status {
    auto first = r.partnerships().List({}, {});
    if (!first.ok()) return first.status();
    for (const auto& p : first->items) before.push_back(p.meta.id);
    // Another unit of work commits while this read is open.
    write_during_read = store->Write(
        [](app::Repositories& w) { return w.partnerships().Insert(MakePartnership("p2", 2)); });
    auto second = r.partnerships().List({}, {});
    if (!second.ok()) return second.status();
    for (const auto& p : second->items) after.push_back(p.meta.id);
    p2_during_read = r.partnerships().Get("p2");
    return absl::OkStatus();
  }));
  HC_ASSERT_OK(write_during_read);
  EXPECT_THAT(before, ElementsAre("p1"));
  EXPECT_THAT(after, ElementsAre("p1"));
  EXPECT_THAT(p2_during_read, StatusIs(absl::StatusCode::kNotFound));
  // A new read sees the write.
  EXPECT_THAT(PartnershipIds(*store), IsOkAndHolds(ElementsAre("p1", "p2")));
}

TEST_F(SqliteStoreTest, ConcurrentReadersNeverSeeHalfAUnitOfWork) {
  std::unique_ptr<SqliteStore> store = OpenStore({.readers = 2});
  ASSERT_NE(store, nullptr);
  HC_ASSERT_OK(store->Write([](app::Repositories& r) -> absl::Status {
    absl::Status s;
    for (const char* id : {"a", "b"}) {
      domain::Partnership p = MakePartnership(id);
      p.display_name = "version 1";
      s.Update(r.partnerships().Insert(p));
    }
    return s;
  }));
  constexpr int kUpdates = 100;
  constexpr int kReaders = 4;
  std::atomic<bool> writer_done{false};
  std::atomic<int> torn{0};
  std::atomic<int> read_errors{0};
  std::atomic<int> write_errors{0};
  std::atomic<int> reads{0};
  std::thread writer([&] {
    for (int k = 2; k <= kUpdates; ++k) {
      absl::Status s = store->Write([&](app::Repositories& r) -> absl::Status {
        for (const char* id : {"a", "b"}) {
          domain::Partnership p = MakePartnership(id);
          p.display_name = absl::StrCat("version ", k);
          p.meta.version = k;
          if (absl::Status u = r.partnerships().Update(p); !u.ok()) return u;
        }
        return absl::OkStatus();
      });
      if (!s.ok()) write_errors.fetch_add(1);
    }
    writer_done.store(true);
  });
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.emplace_back([&] {
      // Reads at least a few times, and on until the writer is done.
      for (int n = 0; n < 5 || !writer_done.load(); ++n) {
        absl::Status s = store->Read([&](app::Repositories& r) -> absl::Status {
          auto a = r.partnerships().Get("a");
          if (!a.ok()) return a.status();
          auto b = r.partnerships().Get("b");
          if (!b.ok()) return b.status();
          if (a->display_name != b->display_name || a->meta.version != b->meta.version) {
            torn.fetch_add(1);
          }
          return absl::OkStatus();
        });
        if (!s.ok()) read_errors.fetch_add(1);
        reads.fetch_add(1);
      }
    });
  }
  writer.join();
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(read_errors.load(), 0);
  EXPECT_EQ(write_errors.load(), 0);
  EXPECT_GE(reads.load(), kReaders * 5);
}

TEST_F(SqliteStoreTest, ManyConcurrentReadsShareASingleReader) {
  std::unique_ptr<SqliteStore> store = OpenStore({.readers = 1});
  ASSERT_NE(store, nullptr);
  HC_ASSERT_OK(store->Write(
      [](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p1")); }));
  std::atomic<int> found{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        absl::Status s =
            store->Read([](app::Repositories& r) { return r.partnerships().Get("p1").status(); });
        if (s.ok()) found.fetch_add(1);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(found.load(), 8 * 20);
}

TEST_F(SqliteStoreTest, OptionsWithFewerThanOneReaderAreInvalidArgument) {
  EXPECT_THAT(SqliteStore::Open(Path(), {.readers = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(SqliteStore::Open(Path(), {.readers = -3}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(SqliteStore::Open(Path(), {.readers = 2, .max_batch = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  // Refused before touching the disk.
  EXPECT_FALSE(std::filesystem::exists(Path()));
}

TEST_F(SqliteStoreTest, BatchesNeverExceedMaxBatch) {
  std::unique_ptr<SqliteStore> store = OpenStore({.readers = 1, .max_batch = 4});
  ASSERT_NE(store, nullptr);
  constexpr int kThreads = 16;
  std::vector<absl::Status> results =
      ConcurrentWrites(*store, kThreads, [](app::Repositories& r, int i) {
        return r.partnerships().Insert(MakePartnership(absl::StrCat("w", i), i));
      });
  for (int i = 0; i < kThreads; ++i) EXPECT_THAT(results[i], IsOk()) << i;
  EXPECT_EQ(store->writes_committed(), kThreads + 1);
  // The gate's own commit, then at least 16 / 4 more.
  EXPECT_GE(store->commits(), 1 + kThreads / 4);
}

}  // namespace
}  // namespace hc::storage

namespace hc::storage {
namespace {

TEST(SqliteStoreLog, CompactLogEmptiesTheLogAndKeepsEveryWrite) {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.File("store.db"), {});
  ASSERT_TRUE(store.ok()) << store.status();
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE((*store)->Write([&](app::Repositories& repos) {
      return repos.audit_log().Append({"tester", "Test", absl::StrCat("things/", i),
                                       absl::FromUnixSeconds(i)});
    }).ok());
  }
  EXPECT_GT(std::filesystem::file_size(dir.File("store.db-wal")), 0u);
  ASSERT_TRUE((*store)->CompactLog().ok());
  EXPECT_EQ(std::filesystem::file_size(dir.File("store.db-wal")), 0u);
  int64_t rows = 0;
  ASSERT_TRUE((*store)->Read([&](app::Repositories& repos) -> absl::Status {
    auto page = repos.audit_log().List({100, std::nullopt});
    if (!page.ok()) return page.status();
    rows = static_cast<int64_t>(page->items.size());
    return absl::OkStatus();
  }).ok());
  EXPECT_EQ(rows, 5);
}

}  // namespace
}  // namespace hc::storage
