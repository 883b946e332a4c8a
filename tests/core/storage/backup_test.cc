// Backups and restores of the store (core/storage/sqlite/backup.h): the
// drill of taking a backup under write load and restoring it, and the
// checks that keep a damaged or foreign backup from being used.

#include "core/storage/sqlite/backup.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/sample_partnership.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::SamplePartnership;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;

// A partnership and its audit record, as a use case writes them.
absl::Status CreatePartnership(app::Store& store, const std::string& id) {
  return store.Write([&](app::Repositories& r) -> absl::Status {
    absl::Status inserted = r.partnerships().Insert(SamplePartnership(id));
    if (!inserted.ok()) return inserted;
    return r.audit_log().Append(
        {"accessTokens/lead", "CreatePartnership", absl::StrCat("partnerships/", id),
         absl::FromUnixSeconds(1)});
  });
}

std::vector<std::string> PartnershipIds(app::Store& store) {
  std::vector<std::string> ids;
  app::PageRequest page{1000, std::nullopt};
  for (;;) {
    std::optional<app::Cursor> next;
    EXPECT_THAT(store.Read([&](app::Repositories& r) -> absl::Status {
      auto result = r.partnerships().List({}, page);
      if (!result.ok()) return result.status();
      for (const auto& p : result->items) ids.push_back(p.meta.id);
      next = result->next;
      return absl::OkStatus();
    }),
                IsOk());
    if (!next) break;
    page.after = next;
  }
  return ids;
}

class BackupTest : public ::testing::Test {
 protected:
  ::hc::testing::TempDir dir_;
};

TEST_F(BackupTest, ABackupTakenUnderLoadRestoresEveryWriteAcknowledgedBeforeItBegan) {
  auto opened = SqliteStore::Open(dir_.File("live.db"), {});
  ASSERT_THAT(opened.status(), IsOk());
  SqliteStore& store = **opened;

  // Four writers keep writing throughout; each write acknowledged before the
  // backup begins is noted.
  std::atomic<bool> backup_begun{false};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<std::string> acknowledged_before;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; !stop.load(); ++i) {
        const std::string id = absl::StrCat("w", w, "-", i);
        ASSERT_THAT(CreatePartnership(store, id), IsOk());
        // Acknowledged, and the backup had not begun yet.
        if (!backup_begun.load()) {
          std::lock_guard<std::mutex> lock(mu);
          acknowledged_before.push_back(id);
        }
      }
    });
  }
  while (store.writes_committed() < 400) std::this_thread::yield();
  backup_begun = true;
  absl::StatusOr<app::BackupSummary> backup = store.BackUpTo(dir_.File("backup.db"));
  const int64_t written_during = store.writes_committed();
  while (store.writes_committed() < written_during + 100) std::this_thread::yield();
  stop = true;
  for (std::thread& t : writers) t.join();
  ASSERT_THAT(backup.status(), IsOk());
  EXPECT_GT(backup->audit_head_sequence, 0);
  EXPECT_EQ(backup->audit_head_hash.size(), 64u);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("backup.db.partial")));
  opened->reset();

  // Restore into a fresh place and open it as the server would.
  absl::StatusOr<app::BackupSummary> restored =
      RestoreBackup(dir_.File("backup.db"), dir_.File("restored.db"));
  ASSERT_THAT(restored.status(), IsOk());
  EXPECT_EQ(restored->audit_head_hash, backup->audit_head_hash);
  auto reopened = SqliteStore::Open(dir_.File("restored.db"), {});
  ASSERT_THAT(reopened.status(), IsOk());
  const std::vector<std::string> ids = PartnershipIds(**reopened);
  const std::set<std::string> present(ids.begin(), ids.end());
  EXPECT_EQ(present.size(), ids.size()) << "a write is present twice";
  for (const std::string& id : acknowledged_before) EXPECT_TRUE(present.count(id)) << id;
  // The backup is one consistent moment: every write it holds has its audit
  // record and nothing else.
  EXPECT_EQ(static_cast<int64_t>(ids.size()), backup->audit_head_sequence);
  EXPECT_GE(ids.size(), acknowledged_before.size());
}

// A backup on the store's own disk that filled it would stop the store (a
// full disk is a disk failure): one that would leave too little free space
// is refused before a byte is written, and the store goes on.
TEST_F(BackupTest, ABackupThatWouldLeaveTooLittleFreeSpaceIsRefusedAndTheStoreGoesOn) {
  SqliteStore::Options options;
  options.backup_keep_free_bytes = uint64_t{1} << 62;  // more than any disk has
  auto store = SqliteStore::Open(dir_.File("live.db"), options);
  ASSERT_THAT(store.status(), IsOk());
  HC_ASSERT_OK(CreatePartnership(**store, "before"));
  EXPECT_THAT((*store)->BackUpTo(dir_.File("backup.db")).status(),
              StatusIsWith(absl::StatusCode::kResourceExhausted, "not enough free space"));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("backup.db")));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("backup.db.partial")));
  HC_ASSERT_OK(CreatePartnership(**store, "after"));
  EXPECT_THAT(PartnershipIds(**store), ::testing::UnorderedElementsAre("before", "after"));
}

TEST_F(BackupTest, RestoringKeepsTheReplacedStoreAndRefusesAStoreInUse) {
  {
    auto store = SqliteStore::Open(dir_.File("live.db"), {});
    ASSERT_THAT(store.status(), IsOk());
    HC_ASSERT_OK(CreatePartnership(**store, "kept"));
    ASSERT_THAT((*store)->BackUpTo(dir_.File("backup.db")).status(), IsOk());
    EXPECT_THAT((*store)->BackUpTo(dir_.File("backup.db")).status(),
                StatusIsWith(absl::StatusCode::kFailedPrecondition, "already exists"));
    HC_ASSERT_OK(CreatePartnership(**store, "after the backup"));
    // The server still runs: the restore must wait.
    EXPECT_THAT(RestoreBackup(dir_.File("backup.db"), dir_.File("live.db")).status(),
                StatusIsWith(absl::StatusCode::kFailedPrecondition, "in use"));
  }
  ASSERT_THAT(RestoreBackup(dir_.File("backup.db"), dir_.File("live.db")).status(), IsOk());
  int replaced = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    if (entry.path().filename().string().rfind("live.db.replaced-", 0) == 0) ++replaced;
  }
  EXPECT_GE(replaced, 1);
  auto store = SqliteStore::Open(dir_.File("live.db"), {});
  ASSERT_THAT(store.status(), IsOk());
  EXPECT_THAT(PartnershipIds(**store), ::testing::ElementsAre("kept"));
}

TEST_F(BackupTest, ADamagedBackupIsRefusedAndTheStoreLeftAlone) {
  {
    auto store = SqliteStore::Open(dir_.File("live.db"), {});
    ASSERT_THAT(store.status(), IsOk());
    for (int i = 0; i < 300; ++i) HC_ASSERT_OK(CreatePartnership(**store, absl::StrCat("p", i)));
    ASSERT_THAT((*store)->BackUpTo(dir_.File("backup.db")).status(), IsOk());
  }
  const auto size = std::filesystem::file_size(dir_.File("backup.db"));
  const int fd = ::open(dir_.File("backup.db").c_str(), O_WRONLY);
  ASSERT_GE(fd, 0);
  const std::string garbage(4096, '\x5a');
  ASSERT_EQ(::pwrite(fd, garbage.data(), garbage.size(), (size / 4096 - 2) * 4096), 4096);
  ::close(fd);
  EXPECT_THAT(RestoreBackup(dir_.File("backup.db"), dir_.File("live.db")).status(),
              StatusIs(absl::StatusCode::kDataLoss));
  auto store = SqliteStore::Open(dir_.File("live.db"), {});
  ASSERT_THAT(store.status(), IsOk());
  EXPECT_EQ(PartnershipIds(**store).size(), 300u);
}

TEST_F(BackupTest, AFileThatIsNoStoreIsRefused) {
  {
    const int fd = ::open(dir_.File("notes.txt").c_str(), O_WRONLY | O_CREAT, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::write(fd, "not a store\n", 12), 12);
    ::close(fd);
  }
  EXPECT_THAT(VerifyBackup(dir_.File("notes.txt")).status(), StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(VerifyBackup(dir_.File("missing.db")).status(), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace hc::storage
