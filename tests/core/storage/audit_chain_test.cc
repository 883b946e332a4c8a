// The audit log's hash chain (core/storage/sqlite/sqlite_logs.h): the store
// refuses to change or delete a record, and an insider who edits, deletes or
// reorders records in the file itself is caught by CheckChain.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/migrations.h"
#include "core/storage/sqlite/sqlite_logs.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::Optional;

class AuditChainTest : public ::testing::Test {
 protected:
  std::string Path() const { return dir_.File("hc.db"); }

  // A store with five audit records, closed again.
  void WriteFiveRecords() {
    auto store = SqliteStore::Open(Path(), {});
    ASSERT_THAT(store.status(), IsOk());
    for (int i = 1; i <= 5; ++i) {
      HC_ASSERT_OK((*store)->Write([&](app::Repositories& r) {
        return r.audit_log().Append({"accessTokens/lead", "UpdateEngagement",
                                     absl::StrCat("engagements/e", i), absl::FromUnixSeconds(i),
                                     absl::StrCat("report_due: 2027-01-0", i, " -> 2027-02-0", i)});
      }));
    }
  }

  // A raw connection to the file, as an insider with the file has, with the
  // store's guards dropped.
  std::unique_ptr<Database> Tamper() {
    auto db = Database::Open(Path(), Database::Mode::kReadWrite);
    EXPECT_THAT(db.status(), IsOk());
    EXPECT_THAT((*db)->Exec("DROP TRIGGER audit_log_records_are_kept_as_written;"
                            "DROP TRIGGER audit_log_records_are_never_deleted;"),
                IsOk());
    return std::move(db).value();
  }

  domain::AuditChainCheck Check() {
    auto db = Database::Open(Path(), Database::Mode::kReadOnly);
    EXPECT_THAT(db.status(), IsOk());
    SqliteAuditLog log(**db);
    absl::StatusOr<domain::AuditChainCheck> check = log.CheckChain();
    EXPECT_THAT(check.status(), IsOk());
    return check.ok() ? *check : domain::AuditChainCheck{};
  }

  ::hc::testing::TempDir dir_;
};

TEST_F(AuditChainTest, AnUntouchedLogIsIntactWithItsHead) {
  WriteFiveRecords();
  const domain::AuditChainCheck check = Check();
  EXPECT_EQ(check.records, 5);
  EXPECT_EQ(check.head_sequence, 5);
  EXPECT_EQ(check.head_hash.size(), 64u);
  EXPECT_EQ(check.first_broken, std::nullopt) << check.problem;
}

TEST_F(AuditChainTest, TheStoreRefusesToChangeOrDeleteARecord) {
  WriteFiveRecords();
  auto db = Database::Open(Path(), Database::Mode::kReadWrite);
  ASSERT_THAT(db.status(), IsOk());
  EXPECT_THAT((*db)->Exec("UPDATE audit_log SET actor = 'someone else' WHERE sequence = 2"),
              StatusIsWith(absl::StatusCode::kInternal, "kept as written"));
  EXPECT_THAT((*db)->Exec("DELETE FROM audit_log WHERE sequence = 2"),
              StatusIsWith(absl::StatusCode::kInternal, "never deleted"));
}

TEST_F(AuditChainTest, AnEditedRecordIsCaught) {
  WriteFiveRecords();
  HC_ASSERT_OK(Tamper()->Exec("UPDATE audit_log SET details = 'nothing changed' WHERE sequence = 3"));
  const domain::AuditChainCheck check = Check();
  EXPECT_THAT(check.first_broken, Optional(3));
  EXPECT_EQ(check.problem, "record 3 was changed after it was written");
}

TEST_F(AuditChainTest, AnEditedRecordWithItsHashRecomputedBreaksTheNextLink) {
  WriteFiveRecords();
  // The insider rewrites record 2's actor and its hash, but cannot make
  // record 3's stored link match without rewriting every later record.
  HC_ASSERT_OK(Tamper()->Exec("UPDATE audit_log SET actor = 'x', hash = "
                              "'1111111111111111111111111111111111111111111111111111111111111111' "
                              "WHERE sequence = 2"));
  const domain::AuditChainCheck check = Check();
  EXPECT_THAT(check.first_broken, Optional(2));
}

TEST_F(AuditChainTest, ADeletedRecordIsCaught) {
  WriteFiveRecords();
  HC_ASSERT_OK(Tamper()->Exec("DELETE FROM audit_log WHERE sequence = 4"));
  const domain::AuditChainCheck check = Check();
  EXPECT_THAT(check.first_broken, Optional(5));
  EXPECT_EQ(check.problem, "record 4 is missing");
}

TEST_F(AuditChainTest, ReorderedRecordsAreCaught) {
  WriteFiveRecords();
  // Swap records 2 and 3, sequence numbers kept in place.
  HC_ASSERT_OK(Tamper()->Exec(
      "UPDATE audit_log SET sequence = -2 WHERE sequence = 2;"
      "UPDATE audit_log SET sequence = 2 WHERE sequence = 3;"
      "UPDATE audit_log SET sequence = 3 WHERE sequence = -2;"));
  const domain::AuditChainCheck check = Check();
  EXPECT_THAT(check.first_broken, Optional(2));
  EXPECT_EQ(check.problem, "record 2 does not follow the one before it");
}

TEST_F(AuditChainTest, RecordsWrittenBeforeTheChainAreLinkedByTheMigration) {
  {
    auto db = Database::Open(Path(), Database::Mode::kReadWrite);
    ASSERT_THAT(db.status(), IsOk());
    HC_ASSERT_OK(MigrateTo(**db, 10));
    HC_ASSERT_OK((*db)->Exec(
        "INSERT INTO audit_log (actor, action, resource, time_us) VALUES "
        "('a', 'CreatePartnership', 'partnerships/p1', 1), "
        "('a', 'CreatePeer', 'peers/p2', 2)"));
    HC_ASSERT_OK(Migrate(**db));
  }
  const domain::AuditChainCheck check = Check();
  EXPECT_EQ(check.records, 2);
  EXPECT_EQ(check.first_broken, std::nullopt) << check.problem;
  // New records continue the chain.
  auto store = SqliteStore::Open(Path(), {});
  ASSERT_THAT(store.status(), IsOk());
  HC_ASSERT_OK((*store)->Write([](app::Repositories& r) {
    return r.audit_log().Append({"b", "CreatePeer", "peers/p3", absl::FromUnixSeconds(3)});
  }));
  store->reset();
  EXPECT_EQ(Check().records, 3);
  EXPECT_EQ(Check().first_broken, std::nullopt);
}

}  // namespace
}  // namespace hc::storage
