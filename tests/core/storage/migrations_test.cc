// Schema migrations (core/storage/sqlite/migrations.h) and the connection
// settings of core/storage/sqlite/database.h, on real files.

#include "core/storage/sqlite/migrations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Matches an OK absl::StatusOr whose value matches `inner` (a matcher or a
// value).
MATCHER_P(IsOkAndHolds, inner, "") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(inner, *arg, result_listener);
}

// Runs a one-row query (a string literal: it is the statement cache key) and
// returns its first column as an integer.
absl::StatusOr<int64_t> QueryInt(Database& db, const char* sql) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::NotFoundError(absl::StrCat("no row from ", sql));
  return st.Int(0);
}

absl::StatusOr<std::string> QueryText(Database& db, const char* sql) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::NotFoundError(absl::StrCat("no row from ", sql));
  return st.Text(0);
}

// Every row's first column.
absl::StatusOr<std::vector<std::string>> QueryColumn(Database& db, const char* sql) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  std::vector<std::string> values;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return values;
    values.push_back(st.Text(0));
  }
}

constexpr char kUserVersion[] = "PRAGMA user_version";
constexpr char kTables[] =
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "ORDER BY name";
constexpr char kSchema[] =
    "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_schema ORDER BY "
    "type, name";

class MigrationsTest : public ::testing::Test {
 protected:
  std::unique_ptr<Database> OpenReadWrite(const std::string& name = "hc.db") {
    auto db = Database::Open(dir_.File(name), Database::Mode::kReadWrite);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  ::hc::testing::TempDir dir_;
};

TEST_F(MigrationsTest, FreshFileMigratesToLatestSchemaVersion) {
  ASSERT_GE(LatestSchemaVersion(), 1);
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(0));
  HC_ASSERT_OK(Migrate(*db));
  HC_ASSERT_OK_AND_ASSIGN(int64_t version, QueryInt(*db, kUserVersion));
  EXPECT_EQ(version, LatestSchemaVersion());
  HC_ASSERT_OK_AND_ASSIGN(std::vector<std::string> tables, QueryColumn(*db, kTables));
  for (const char* table : {"access_tokens", "audit_log", "engagement_scoping_items", "engagements",
                            "partnership_members", "partnerships", "peer_skills", "peers",
                            "requests", "stage_changes", "team_members"}) {
    EXPECT_THAT(tables, Contains(table));
  }
}

TEST_F(MigrationsTest, EveryTableIsStrict) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(Migrate(*db));
  HC_ASSERT_OK_AND_ASSIGN(
      std::vector<std::string> loose,
      QueryColumn(*db,
                  "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                  "AND name NOT LIKE 'sqlite_%' AND strict = 0 ORDER BY name"));
  EXPECT_THAT(loose, IsEmpty());
}

TEST_F(MigrationsTest, RerunningMigrateIsANoOp) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(Migrate(*db));
  HC_ASSERT_OK(db->Exec(
      "INSERT INTO audit_log (actor, action, resource, time_us) VALUES ('a', 'b', 'c', 1)"));
  HC_ASSERT_OK_AND_ASSIGN(std::vector<std::string> schema_before, QueryColumn(*db, kSchema));

  HC_ASSERT_OK(Migrate(*db));
  HC_ASSERT_OK(Migrate(*db));

  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(LatestSchemaVersion()));
  EXPECT_THAT(QueryColumn(*db, kSchema), IsOkAndHolds(schema_before));
  EXPECT_THAT(QueryInt(*db, "SELECT COUNT(*) FROM audit_log"), IsOkAndHolds(1));
}

TEST_F(MigrationsTest, MigrateToAppliesOnlyUpToTheVersionAsked) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(MigrateTo(*db, 0));
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(0));
  EXPECT_THAT(QueryColumn(*db, kTables), IsOkAndHolds(IsEmpty()));
}

TEST_F(MigrationsTest, AccessTokensFromBeforeAccountsBecomeTheirHoldersAsPeople) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(MigrateTo(*db, 11));
  HC_ASSERT_OK(db->Exec(
      "INSERT INTO access_tokens (id, display_name, role, peer_id, partnership_id, secret_hash, "
      "create_us, revoke_us) VALUES "
      "('t1', 'Lena Lead', 'PEER', 'p1', '', 'hash-1', 10, NULL), "
      "('t2', 'Pat Lead', 'PROGRAMME_LEAD', '', '', 'hash-2', 20, 25)"));
  HC_ASSERT_OK(Migrate(*db));
  EXPECT_THAT(QueryColumn(*db, "SELECT id || ' ' || display_name || ' ' || role || ' ' || peer_id "
                               "|| ' ' || state || ' [' || email || password_hash || ']' "
                               "FROM users ORDER BY create_us"),
              IsOkAndHolds(ElementsAre("t1 Lena Lead PEER p1 ACTIVE []",
                                       "t2 Pat Lead PROGRAMME_LEAD  SUSPENDED []")));
  // Each token now belongs to its holder and keeps its secret and state.
  EXPECT_THAT(QueryColumn(*db, "SELECT id || ' ' || user_id || ' ' || secret_hash || ' ' || "
                               "IFNULL(revoke_us, '-') FROM access_tokens ORDER BY create_us"),
              IsOkAndHolds(ElementsAre("t1 t1 hash-1 -", "t2 t2 hash-2 25")));
}

class OlderVersionTest : public MigrationsTest, public ::testing::WithParamInterface<int> {};

TEST_P(OlderVersionTest, OlderDatabaseIsUpgradedKeepingItsData) {
  const int older = GetParam();
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(MigrateTo(*db, older));
  ASSERT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(older));
  // Data written at the older version (in a table no migration touches).
  HC_ASSERT_OK(
      db->Exec("CREATE TABLE kept (note TEXT NOT NULL) STRICT;"
               "INSERT INTO kept (note) VALUES ('written before the upgrade')"));
  db.reset();

  db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(Migrate(*db));
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(LatestSchemaVersion()));
  EXPECT_THAT(QueryText(*db, "SELECT note FROM kept"),
              IsOkAndHolds(std::string("written before the upgrade")));
  EXPECT_THAT(QueryColumn(*db, kTables), IsOkAndHolds(Contains("engagements")));
}

std::vector<int> OlderVersions() {
  std::vector<int> versions;
  for (int v = 0; v < LatestSchemaVersion(); ++v) versions.push_back(v);
  return versions;
}

INSTANTIATE_TEST_SUITE_P(Migrations, OlderVersionTest, ::testing::ValuesIn(OlderVersions()));

TEST_F(MigrationsTest, StoreCreatedThenReopenedKeepsItsData) {
  domain::Partnership p;
  p.meta = {"p1", absl::FromUnixMicros(1), absl::FromUnixMicros(2), 1};
  p.display_name = "Northshire CSP";
  p.kind = domain::PartnershipKind::kCsp;
  p.members = {{"Northshire Police", domain::Sector::kPolice}};
  {
    HC_ASSERT_OK_AND_ASSIGN(auto store, SqliteStore::Open(dir_.File("hc.db"), {}));
    HC_ASSERT_OK(store->Write([&](app::Repositories& r) { return r.partnerships().Insert(p); }));
  }
  HC_ASSERT_OK_AND_ASSIGN(auto store, SqliteStore::Open(dir_.File("hc.db"), {}));
  absl::StatusOr<domain::Partnership> got;
  HC_ASSERT_OK(store->Read([&](app::Repositories& r) {
    got = r.partnerships().Get("p1");
    return absl::OkStatus();
  }));
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->display_name, "Northshire CSP");
  ASSERT_EQ(got->members.size(), 1u);
  EXPECT_EQ(got->members[0].display_name, "Northshire Police");
}

TEST_F(MigrationsTest, NewerDatabaseIsFailedPreconditionAndLeftUnchanged) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(Migrate(*db));
  HC_ASSERT_OK(db->Exec(
      "INSERT INTO audit_log (actor, action, resource, time_us) VALUES ('a', 'b', 'c', 1)"));
  const int newer = LatestSchemaVersion() + 1;
  HC_ASSERT_OK(db->Exec(absl::StrCat("PRAGMA user_version = ", newer).c_str()));
  HC_ASSERT_OK_AND_ASSIGN(std::vector<std::string> schema_before, QueryColumn(*db, kSchema));

  EXPECT_THAT(Migrate(*db), StatusIsWith(absl::StatusCode::kFailedPrecondition,
                                         absl::StrCat("the store has schema version ", newer)));
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(newer));
  EXPECT_THAT(QueryColumn(*db, kSchema), IsOkAndHolds(schema_before));
  EXPECT_THAT(QueryInt(*db, "SELECT COUNT(*) FROM audit_log"), IsOkAndHolds(1));
  EXPECT_TRUE(db->InAutocommit());  // no transaction left open
  db.reset();

  EXPECT_THAT(SqliteStore::Open(dir_.File("hc.db"), {}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(newer));
}

TEST_F(MigrationsTest, EmptyFileMarkedNewerIsRefusedWithoutCreatingTables) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(db->Exec("PRAGMA user_version = 1000"));
  EXPECT_THAT(Migrate(*db), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(QueryColumn(*db, kTables), IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(1000));
}

TEST_F(MigrationsTest, FailingMigrationAppliesNothing) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  // A clash with the last table migration 1 creates, so that it fails after
  // creating every other table.
  HC_ASSERT_OK(db->Exec("CREATE TABLE requests (x INTEGER) STRICT"));
  absl::Status s = Migrate(*db);
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(QueryInt(*db, kUserVersion), IsOkAndHolds(0));
  EXPECT_THAT(QueryColumn(*db, kTables), IsOkAndHolds(ElementsAre("requests")));
  EXPECT_TRUE(db->InAutocommit());
}

// --- Connection settings ----------------------------------------------------

TEST_F(MigrationsTest, ReadWriteConnectionUsesWalFullSyncAndForeignKeys) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  EXPECT_THAT(QueryText(*db, "PRAGMA journal_mode"), IsOkAndHolds(std::string("wal")));
  EXPECT_THAT(QueryInt(*db, "PRAGMA synchronous"), IsOkAndHolds(2));  // FULL
  EXPECT_THAT(QueryInt(*db, "PRAGMA foreign_keys"), IsOkAndHolds(1));
  HC_ASSERT_OK_AND_ASSIGN(int64_t busy_timeout, QueryInt(*db, "PRAGMA busy_timeout"));
  EXPECT_GT(busy_timeout, 0);
}

TEST_F(MigrationsTest, ReadOnlyConnectionIsQueryOnlyWithForeignKeys) {
  {
    std::unique_ptr<Database> rw = OpenReadWrite();
    ASSERT_NE(rw, nullptr);
    HC_ASSERT_OK(Migrate(*rw));
  }
  HC_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Database> ro,
                          Database::Open(dir_.File("hc.db"), Database::Mode::kReadOnly));
  EXPECT_THAT(QueryInt(*ro, "PRAGMA query_only"), IsOkAndHolds(1));
  EXPECT_THAT(QueryInt(*ro, "PRAGMA foreign_keys"), IsOkAndHolds(1));
  EXPECT_THAT(QueryText(*ro, "PRAGMA journal_mode"), IsOkAndHolds(std::string("wal")));
  EXPECT_THAT(ro->Exec("DELETE FROM audit_log"), StatusIs(absl::StatusCode::kInternal));
}

TEST_F(MigrationsTest, ForeignKeysAreEnforcedOnTheReadWriteConnection) {
  std::unique_ptr<Database> db = OpenReadWrite();
  ASSERT_NE(db, nullptr);
  HC_ASSERT_OK(Migrate(*db));
  EXPECT_THAT(db->Exec("INSERT INTO partnership_members (partnership_id, position, "
                       "display_name, sector) VALUES ('missing', 0, 'x', 'HEALTH')"),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(QueryInt(*db, "SELECT COUNT(*) FROM partnership_members"), IsOkAndHolds(0));
}

TEST_F(MigrationsTest, OpeningAMissingFileReadOnlyFails) {
  auto ro = Database::Open(dir_.File("absent.db"), Database::Mode::kReadOnly);
  EXPECT_THAT(ro, StatusIs(absl::StatusCode::kInternal));
}

}  // namespace
}  // namespace hc::storage
