#include <gtest/gtest.h>

#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;

app::FrameworkRecord Record(const std::string& id, int version) {
  return {id, version, "Benchmark " + id, version == 1, "fp" + std::to_string(version),
          std::string("\x08\x00\xff bytes", 9), absl::FromUnixMicros(1000 * version)};
}

class FrameworkRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("store.db"), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  absl::Status Insert(const app::FrameworkRecord& r) {
    return store_->Write([&](app::Repositories& repos) { return repos.frameworks().Insert(r); });
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(FrameworkRepositoryTest, VersionsRoundTripWithBinaryDefinitions) {
  ASSERT_THAT(Insert(Record("b", 1)), IsOk());
  ASSERT_THAT(Insert(Record("b", 2)), IsOk());
  ASSERT_THAT(Insert(Record("a", 1)), IsOk());
  ASSERT_THAT(store_->Read([&](app::Repositories& repos) -> absl::Status {
    auto got = repos.frameworks().Get("b", 2);
    EXPECT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->definition, Record("b", 2).definition);
    EXPECT_EQ(got->create_time, Record("b", 2).create_time);
    EXPECT_FALSE(got->builtin);
    auto latest = repos.frameworks().Latest("b");
    EXPECT_TRUE(latest.ok() && latest->has_value());
    EXPECT_EQ((*latest)->version, 2);
    EXPECT_FALSE(repos.frameworks().Latest("zzz")->has_value());
    EXPECT_THAT(repos.frameworks().Get("b", 3), StatusIs(absl::StatusCode::kNotFound));

    std::vector<std::string> order;
    app::PageRequest page{2, std::nullopt};
    for (;;) {
      auto part = repos.frameworks().List(page);
      EXPECT_TRUE(part.ok());
      for (const auto& r : part->items) order.push_back(r.framework_id + std::to_string(r.version));
      if (!part->next) break;
      page.after = part->next;
    }
    EXPECT_EQ(order, (std::vector<std::string>{"a1", "b1", "b2"}));
    return absl::OkStatus();
  }),
              IsOk());
}

TEST_F(FrameworkRepositoryTest, AVersionIsWrittenOnceAndNeverChanges) {
  ASSERT_THAT(Insert(Record("b", 1)), IsOk());
  EXPECT_THAT(Insert(Record("b", 1)), StatusIs(absl::StatusCode::kAlreadyExists));
  store_.reset();
  auto db = Database::Open(dir_.File("store.db"), Database::Mode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_THAT((*db)->Exec("UPDATE frameworks SET display_name = 'x'"),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT((*db)->Exec("DELETE FROM frameworks"), StatusIs(absl::StatusCode::kInternal));
}

}  // namespace
}  // namespace hc::storage
