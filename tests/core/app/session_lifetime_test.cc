// How long a credential lasts, on the real store with a clock the test
// moves: a session ends after 8 idle hours or 12 in all, however active; a
// set-password link after 72 hours; a token until it is revoked.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "core/app/access_app_service.h"
#include "core/app/ports/id_source.h"
#include "core/app/user_app_service.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::app {
namespace {

using ::hc::testing::StatusIs;

constexpr char kPassword[] = "violet harbour lantern";

class SessionLifetimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::SqliteStore::Open(dir_.File("hc.db"), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    users_ = std::make_unique<UserAppService>(*store_, clock_, ids_);
    access_ = std::make_unique<AccessAppService>(*store_, clock_, ids_);
    ASSERT_TRUE(users_
                    ->BootstrapFirstLead([&](absl::string_view secret) {
                      link_ = std::string(secret);
                      return absl::OkStatus();
                    })
                    .ok());
  }

  std::string SignIn() {
    auto begun = users_->SignIn("lead@example.org", kPassword, "test", "127.0.0.1");
    EXPECT_TRUE(begun.ok()) << begun.status();
    return begun.ok() ? begun->secret : "";
  }

  testing::TempDir dir_;
  testing::FakeClock clock_{absl::FromUnixSeconds(1'800'000'000)};
  RandomIdSource ids_;
  std::unique_ptr<storage::SqliteStore> store_;
  std::unique_ptr<UserAppService> users_;
  std::unique_ptr<AccessAppService> access_;
  std::string link_;
};

TEST_F(SessionLifetimeTest, ASessionEndsAfterEightIdleHoursAndTwelveInAll) {
  ASSERT_TRUE(users_->SetPassword(link_, kPassword, "lead@example.org").ok());
  const std::string idle = SignIn();
  const std::string busy = SignIn();
  // Used every two hours, one lives past eight; the other, idle, does not.
  for (int hour = 2; hour <= 10; hour += 2) {
    clock_.Advance(absl::Hours(2));
    EXPECT_TRUE(access_->Authenticate(busy).ok()) << hour;
  }
  EXPECT_THAT(access_->Authenticate(idle), StatusIs(absl::StatusCode::kUnauthenticated));
  clock_.Advance(absl::Hours(2) - absl::Seconds(1));  // 11:59:59 in
  EXPECT_TRUE(access_->Authenticate(busy).ok());
  clock_.Advance(absl::Seconds(1));  // 12 hours: over, however active
  EXPECT_THAT(access_->Authenticate(busy), StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(SessionLifetimeTest, ALinkLastsSeventyTwoHoursAndATokenUntilRevoked) {
  clock_.Advance(absl::Hours(72));
  EXPECT_THAT(users_->SetPassword(link_, kPassword, "lead@example.org"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  // The next start finds no lead who can sign in and makes a new link.
  ASSERT_TRUE(users_
                  ->BootstrapFirstLead([&](absl::string_view secret) {
                    link_ = std::string(secret);
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(users_->SetPassword(link_, kPassword, "lead@example.org").ok());
  auto principal = access_->Authenticate(SignIn());
  ASSERT_TRUE(principal.ok());
  auto token = access_->Create(*principal, "laptop");
  ASSERT_TRUE(token.ok()) << token.status();
  clock_.Advance(absl::Hours(24 * 400));
  EXPECT_TRUE(access_->Authenticate(token->secret).ok());
  // Now that a lead can sign in, a start makes no link.
  auto bootstrap = users_->BootstrapFirstLead([](absl::string_view) { return absl::OkStatus(); });
  ASSERT_TRUE(bootstrap.ok());
  EXPECT_FALSE(*bootstrap);
}

}  // namespace
}  // namespace hc::app
