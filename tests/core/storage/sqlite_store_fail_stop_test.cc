// The SQLite store when the disk or the file fails (core/storage/sqlite/
// sqlite_store.h): a failed sync or write stops it for good, it refuses a
// store another process holds, one it cannot write and one that is damaged,
// and it keeps its log bounded.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/faulty_vfs.h"
#include "tests/support/sample_partnership.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::FaultyVfs;
using ::hc::testing::IsOk;
using ::hc::testing::SamplePartnership;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;

absl::Status Insert(app::Store& store, const std::string& id) {
  return store.Write(
      [&](app::Repositories& r) { return r.partnerships().Insert(SamplePartnership(id)); });
}

// True if partnership `id` is in the store.
bool Has(app::Store& store, const std::string& id) {
  bool found = false;
  EXPECT_THAT(store.Read([&](app::Repositories& r) -> absl::Status {
    found = r.partnerships().Get(id).ok();
    return absl::OkStatus();
  }),
              IsOk());
  return found;
}

class SqliteStoreFailStopTest : public ::testing::Test {
 protected:
  void SetUp() override { FaultyVfs::Register(); }
  void TearDown() override { FaultyVfs::Disarm(); }

  std::string Path() const { return dir_.File("hc.db"); }

  // A store on the faulty VFS that tells `stopped_` why it stopped.
  std::unique_ptr<SqliteStore> OpenFaulty(SqliteStore::Options options = {}) {
    options.vfs = FaultyVfs::kName;
    options.on_stop = [this](const absl::Status& cause) {
      std::lock_guard<std::mutex> lock(mu_);
      causes_.push_back(cause);
      if (!stopped_.HasBeenNotified()) stopped_.Notify();
    };
    auto store = SqliteStore::Open(Path(), options);
    EXPECT_THAT(store.status(), IsOk());
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::vector<absl::Status> causes() {
    std::lock_guard<std::mutex> lock(mu_);
    return causes_;
  }

  ::hc::testing::TempDir dir_;
  std::mutex mu_;
  std::vector<absl::Status> causes_;
  absl::Notification stopped_;
};

TEST_F(SqliteStoreFailStopTest, AFailedSyncOfTheLogStopsEveryLaterWriteAndRead) {
  std::unique_ptr<SqliteStore> store = OpenFaulty();
  ASSERT_NE(store, nullptr);
  HC_ASSERT_OK(Insert(*store, "before"));

  const int injected = FaultyVfs::injected();
  FaultyVfs::FailNextSync("-wal");
  EXPECT_THAT(Insert(*store, "during"),
              StatusIsWith(absl::StatusCode::kUnavailable, "retry with the same request_id"));
  EXPECT_EQ(FaultyVfs::injected(), injected + 1);
  // The disk works again, but nothing written since the failure is trusted.
  EXPECT_THAT(Insert(*store, "after"),
              StatusIsWith(absl::StatusCode::kUnavailable, "until the server is restarted"));
  EXPECT_THAT(store->Read([](app::Repositories&) { return absl::OkStatus(); }),
              StatusIs(absl::StatusCode::kUnavailable));
  ASSERT_EQ(causes().size(), 1u);
  EXPECT_THAT(causes()[0], StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(store->stop_reason(), StatusIs(absl::StatusCode::kInternal));

  // A restart recovers from what is on disk: what was acknowledged is there,
  // what was refused is not.
  store.reset();
  auto reopened = SqliteStore::Open(Path(), {});
  ASSERT_THAT(reopened.status(), IsOk());
  EXPECT_TRUE(Has(**reopened, "before"));
  EXPECT_FALSE(Has(**reopened, "after"));
  HC_EXPECT_OK(Insert(**reopened, "after restart"));
}

TEST_F(SqliteStoreFailStopTest, AFailedWriteOfTheLogStopsTheStore) {
  std::unique_ptr<SqliteStore> store = OpenFaulty();
  ASSERT_NE(store, nullptr);
  FaultyVfs::FailNextWrite("-wal");
  EXPECT_THAT(Insert(*store, "during"), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(Insert(*store, "after"),
              StatusIsWith(absl::StatusCode::kUnavailable, "until the server is restarted"));
  EXPECT_EQ(causes().size(), 1u);
  store.reset();
  auto reopened = SqliteStore::Open(Path(), {});
  ASSERT_THAT(reopened.status(), IsOk());
  EXPECT_FALSE(Has(**reopened, "after"));
}

TEST_F(SqliteStoreFailStopTest, AFailedSyncOfTheDatabaseDuringACheckpointStopsTheStore) {
  SqliteStore::Options options;
  options.checkpoint_pages = 1;  // every commit asks for a checkpoint
  std::unique_ptr<SqliteStore> store = OpenFaulty(options);
  ASSERT_NE(store, nullptr);
  const int injected = FaultyVfs::injected();
  FaultyVfs::FailNextSync("hc.db");
  HC_ASSERT_OK(Insert(*store, "first"));  // durable in the log before the checkpoint runs
  ASSERT_TRUE(stopped_.WaitForNotificationWithTimeout(absl::Seconds(30)));
  EXPECT_EQ(FaultyVfs::injected(), injected + 1);
  EXPECT_THAT(Insert(*store, "after"),
              StatusIsWith(absl::StatusCode::kUnavailable, "until the server is restarted"));
  store.reset();
  auto reopened = SqliteStore::Open(Path(), {});
  ASSERT_THAT(reopened.status(), IsOk());
  EXPECT_TRUE(Has(**reopened, "first"));
  EXPECT_FALSE(Has(**reopened, "after"));
}

TEST_F(SqliteStoreFailStopTest, ASecondStoreOnTheSameFileIsRefused) {
  auto first = SqliteStore::Open(Path(), {});
  ASSERT_THAT(first.status(), IsOk());
  EXPECT_THAT(SqliteStore::Open(Path(), {}).status(),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "in use by another process"));
  first->reset();
  EXPECT_THAT(SqliteStore::Open(Path(), {}).status(), IsOk());
}

// Opens the store in a child process that runs as an unprivileged user (root
// may write any file) and returns the status code it got.
int OpenAsNobody(const std::string& path) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(100);
    auto store = SqliteStore::Open(path, {});
    ::_exit(static_cast<int>(store.status().code()));
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(SqliteStoreFailStopTest, AStoreTheProcessCanOnlyReadIsRefused) {
  { ASSERT_THAT(SqliteStore::Open(Path(), {}).status(), IsOk()); }
  // The directory is open to all, the file readable by all and writable by none.
  ::chmod(dir_.path().c_str(), 0777);
  ::chmod(Path().c_str(), 0444);
  EXPECT_EQ(OpenAsNobody(Path()), static_cast<int>(absl::StatusCode::kFailedPrecondition));
  // A read-only directory: the log and index files cannot be made.
  ::chmod(Path().c_str(), 0666);
  ::chmod(dir_.path().c_str(), 0555);
  EXPECT_EQ(OpenAsNobody(Path()), static_cast<int>(absl::StatusCode::kFailedPrecondition));
  ::chmod(dir_.path().c_str(), 0700);
}

TEST_F(SqliteStoreFailStopTest, AStoreWithAZeroedPageIsRefusedAsDataLoss) {
  {
    auto store = SqliteStore::Open(Path(), {});
    ASSERT_THAT(store.status(), IsOk());
    for (int i = 0; i < 200; ++i) HC_ASSERT_OK(Insert(**store, absl::StrCat("p", i)));
  }
  const auto size = std::filesystem::file_size(Path());
  constexpr int kPage = 4096;
  ASSERT_GT(size, 8u * kPage);
  {
    const int fd = ::open(Path().c_str(), O_WRONLY);
    ASSERT_GE(fd, 0);
    const std::string zeros(kPage, '\0');
    ASSERT_EQ(::pwrite(fd, zeros.data(), zeros.size(), (size / kPage - 2) * kPage), kPage);
    ::close(fd);
  }
  EXPECT_THAT(SqliteStore::Open(Path(), {}).status(),
              StatusIsWith(absl::StatusCode::kDataLoss, "restore it from a backup"));
  SqliteStore::Options full;
  full.full_integrity_check = true;
  EXPECT_THAT(SqliteStore::Open(Path(), full).status(), StatusIs(absl::StatusCode::kDataLoss));
}

TEST_F(SqliteStoreFailStopTest, TheLogStaysBoundedUnderWritesAndReadsAndIsTruncatedWhenQuiet) {
  SqliteStore::Options options;
  options.checkpoint_pages = 200;
  options.truncate_after_idle = absl::Milliseconds(50);
  auto opened = SqliteStore::Open(Path(), options);
  ASSERT_THAT(opened.status(), IsOk());
  SqliteStore& store = **opened;
  std::atomic<bool> done{false};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      while (!done.load()) {
        EXPECT_THAT(store.Read([](app::Repositories& repos) {
          return repos.partnerships().List({}, {50, std::nullopt}).status();
        }),
                    IsOk());
      }
    });
  }
  uintmax_t largest = 0;
  for (int i = 0; i < 3000; ++i) {
    HC_ASSERT_OK(Insert(store, absl::StrCat("p", i)));
    if (i % 100 == 0) largest = std::max(largest, std::filesystem::file_size(Path() + "-wal"));
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_GT(store.checkpoints(), 0);
  // 3,000 one-row commits would leave a log of about 24 MB without checkpoints.
  EXPECT_LT(largest, 8u << 20) << "largest log " << largest;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (std::filesystem::file_size(Path() + "-wal") != 0 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_EQ(std::filesystem::file_size(Path() + "-wal"), 0u);
}

}  // namespace
}  // namespace hc::storage
