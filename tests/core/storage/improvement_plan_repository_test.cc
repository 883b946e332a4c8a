// The SQLite improvement plan repository: the plan upserted, actions with
// every field round-tripped, filtered and paged by number, progress updates
// kept as written, and check-ins by number.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/app/ports/repositories.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::TempDir;
using ::hc::testing::StatusIs;
using domain::ActionStatus;
using domain::PlanAction;

absl::Time At(int seconds) { return absl::FromUnixSeconds(1'800'000'000 + seconds); }

PlanAction ActionOf(std::string id, int number, ActionStatus status,
                    std::optional<absl::CivilDay> due) {
  PlanAction a;
  a.meta = {std::move(id), At(number), At(number), 1};
  a.engagement_id = "e1";
  a.number = number;
  a.title = "Agree a data-sharing protocol";
  a.status = status;
  a.due_date = due;
  return a;
}

class ImprovementPlanRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HC_ASSERT_OK_AND_ASSIGN(store_, SqliteStore::Open(dir_.File("hc.db"), {}));
    HC_ASSERT_OK(store_->Write([](app::Repositories& r) -> absl::Status {
      domain::Partnership p;
      p.meta = {"p1", At(0), At(0), 1};
      p.display_name = "Anytown CSP";
      p.kind = domain::PartnershipKind::kCsp;
      p.area = "Anytown";
      HC_RETURN_IF_ERROR(r.partnerships().Insert(p));
      domain::Engagement e;
      e.meta = {"e1", At(0), At(0), 1};
      e.partnership_id = "p1";
      e.purpose = domain::Purpose::kDevelopmental;
      return r.engagements().Insert(e);
    }));
  }

  template <typename T>
  absl::StatusOr<T> Read(std::function<absl::StatusOr<T>(app::ImprovementPlanRepository&)> f) {
    std::optional<absl::StatusOr<T>> result;
    const absl::Status s = store_->Read([&](app::Repositories& r) -> absl::Status {
      result.emplace(f(r.plans()));
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
    return *std::move(result);
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(ImprovementPlanRepositoryTest, APlanIsAbsentUntilPutThenReplaced) {
  auto absent = Read<std::optional<domain::ImprovementPlan>>(
      [](auto& plans) { return plans.GetPlan("e1"); });
  ASSERT_THAT(absent.status(), IsOk());
  EXPECT_FALSE(absent->has_value());
  domain::ImprovementPlan plan;
  plan.meta = {"e1", At(1), At(1), 1};
  HC_ASSERT_OK(store_->Write([&](app::Repositories& r) { return r.plans().PutPlan(plan); }));
  plan.state = domain::PlanState::kApproved;
  plan.approve_time = At(5);
  plan.approved_by = "Lena Lead";
  plan.meta.version = 2;
  HC_ASSERT_OK(store_->Write([&](app::Repositories& r) { return r.plans().PutPlan(plan); }));
  auto stored = Read<std::optional<domain::ImprovementPlan>>(
      [](auto& plans) { return plans.GetPlan("e1"); });
  ASSERT_THAT(stored.status(), IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->state, domain::PlanState::kApproved);
  EXPECT_EQ((*stored)->approve_time, At(5));
  EXPECT_EQ((*stored)->approved_by, "Lena Lead");
  EXPECT_EQ((*stored)->meta.version, 2);
  EXPECT_EQ((*stored)->meta.create_time, At(1));
}

TEST_F(ImprovementPlanRepositoryTest, ActionsRoundTripFilterAndPageByNumber) {
  const absl::CivilDay today(2027, 3, 10);
  PlanAction full = ActionOf("a1", 1, ActionStatus::kWorkingWell, today - 3);
  full.description = "Line one\nline two";
  full.statement_code = "2.3";
  full.owner_organisation = "Anytown Council";
  full.verify_time = At(9);
  full.verified_by = "Lena Lead";
  HC_ASSERT_OK(store_->Write([&](app::Repositories& r) -> absl::Status {
    HC_RETURN_IF_ERROR(r.plans().InsertAction(full));
    HC_RETURN_IF_ERROR(r.plans().InsertAction(ActionOf("a2", 2, ActionStatus::kActionNeeded,
                                                       today - 1)));
    HC_RETURN_IF_ERROR(r.plans().InsertAction(ActionOf("a3", 3, ActionStatus::kActionNeeded,
                                                       today)));
    return r.plans().InsertAction(ActionOf("a4", 4, ActionStatus::kActionInHand, std::nullopt));
  }));
  auto got = Read<PlanAction>([](auto& plans) { return plans.GetAction("e1", "a1"); });
  ASSERT_THAT(got.status(), IsOk());
  EXPECT_EQ(got->description, full.description);
  EXPECT_EQ(got->statement_code, "2.3");
  EXPECT_EQ(got->owner_organisation, "Anytown Council");
  EXPECT_EQ(got->due_date, today - 3);
  EXPECT_EQ(got->verify_time, At(9));
  EXPECT_EQ(got->status, ActionStatus::kWorkingWell);
  EXPECT_THAT(Read<PlanAction>([](auto& plans) { return plans.GetAction("e1", "nope"); }).status(),
              StatusIs(absl::StatusCode::kNotFound));

  app::PlanActionQuery overdue;
  overdue.overdue_on = today;
  auto late = Read<app::Page<PlanAction>>(
      [&](auto& plans) { return plans.ListActions("e1", overdue, {10, std::nullopt}); });
  ASSERT_THAT(late.status(), IsOk());
  ASSERT_EQ(late->items.size(), 1u);  // a1 is working well, a3 due today, a4 has no date
  EXPECT_EQ(late->items[0].meta.id, "a2");

  std::vector<std::string> ids;
  app::PageRequest page{3, std::nullopt};
  for (;;) {
    auto listed = Read<app::Page<PlanAction>>(
        [&](auto& plans) { return plans.ListActions("e1", {}, page); });
    ASSERT_THAT(listed.status(), IsOk());
    for (const PlanAction& a : listed->items) ids.push_back(a.meta.id);
    if (!listed->next) break;
    page.after = listed->next;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
  auto last = Read<int64_t>([](auto& plans) { return plans.LastActionNumber("e1"); });
  EXPECT_EQ(*last, 4);
}

TEST_F(ImprovementPlanRepositoryTest, ProgressUpdatesAreKeptAsWritten) {
  domain::ProgressUpdate u;
  u.id = "u1";
  u.engagement_id = "e1";
  u.action_id = "a1";
  u.text = "Drafted";
  u.status = ActionStatus::kActionInHand;
  u.author = "Anytown CSP manager";
  u.create_time = At(3);
  HC_ASSERT_OK(store_->Write([&](app::Repositories& r) -> absl::Status {
    HC_RETURN_IF_ERROR(
        r.plans().InsertAction(ActionOf("a1", 1, ActionStatus::kActionNeeded, std::nullopt)));
    return r.plans().InsertProgressUpdate(u);
  }));
  auto got = Read<domain::ProgressUpdate>(
      [](auto& plans) { return plans.GetProgressUpdate("e1", "u1"); });
  ASSERT_THAT(got.status(), IsOk());
  EXPECT_EQ(got->status, ActionStatus::kActionInHand);
  EXPECT_EQ(got->create_time, At(3));
  // The table refuses changes: an update is kept as it was written.
  auto db = Database::Open(dir_.File("hc.db"), Database::Mode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_FALSE((*db)->Exec("UPDATE plan_progress_updates SET text = 'rewritten'").ok());
}

TEST_F(ImprovementPlanRepositoryTest, CheckInsAreListedByNumberAndUpdated) {
  std::vector<domain::CheckIn> check_ins =
      domain::ScheduleCheckIns("e1", absl::CivilDay(2026, 8, 31), {6, 12});
  HC_ASSERT_OK(store_->Write([&](app::Repositories& r) -> absl::Status {
    for (domain::CheckIn& c : check_ins) {
      c.meta = {"", At(1), At(1), 1};
      HC_RETURN_IF_ERROR(r.plans().InsertCheckIn(c));
    }
    return absl::OkStatus();
  }));
  check_ins[0].state = domain::CheckInState::kHeld;
  check_ins[0].held_date = absl::CivilDay(2027, 3, 1);
  check_ins[0].notes = "Met the board";
  check_ins[0].meta.version = 2;
  HC_ASSERT_OK(
      store_->Write([&](app::Repositories& r) { return r.plans().UpdateCheckIn(check_ins[0]); }));
  auto first = Read<app::Page<domain::CheckIn>>(
      [](auto& plans) { return plans.ListCheckIns("e1", {1, std::nullopt}); });
  ASSERT_THAT(first.status(), IsOk());
  ASSERT_EQ(first->items.size(), 1u);
  EXPECT_EQ(first->items[0].state, domain::CheckInState::kHeld);
  EXPECT_EQ(first->items[0].scheduled_date, absl::CivilDay(2027, 2, 28));
  EXPECT_EQ(first->items[0].notes, "Met the board");
  ASSERT_TRUE(first->next.has_value());
  auto second = Read<app::Page<domain::CheckIn>>(
      [&](auto& plans) { return plans.ListCheckIns("e1", {1, first->next}); });
  ASSERT_THAT(second.status(), IsOk());
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].number, 2);
  EXPECT_FALSE(second->next.has_value());
  EXPECT_THAT(Read<domain::CheckIn>([](auto& plans) { return plans.GetCheckIn("e1", 3); }).status(),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace hc::storage
