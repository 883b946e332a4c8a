// The sign-in throttle: attempts count until they succeed (so that tries
// made at once are counted), a stranger's failures slow only that stranger
// until the account's own limit, and an address is limited on its own.

#include "core/app/sign_in_throttle.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "tests/support/status_matchers.h"

namespace hc::app {
namespace {

using ::hc::testing::StatusIs;

const absl::Time kStart = absl::FromUnixSeconds(1'800'000'000);

TEST(SignInThrottle, TriesInFlightCountSoTheSixthWaitsWhateverTheOutcome) {
  SignInThrottle throttle;
  // Five tries at once, none finished: the sixth is held back.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(throttle.Attempt("ann@x.org", "10.0.0.1", kStart).ok());
  EXPECT_THAT(throttle.Attempt("ANN@x.org", "10.0.0.1", kStart),
              StatusIs(absl::StatusCode::kResourceExhausted));
  // The wait doubles from one second.
  EXPECT_TRUE(throttle.Attempt("ann@x.org", "10.0.0.1", kStart + absl::Seconds(1)).ok());
  EXPECT_THAT(throttle.Attempt("ann@x.org", "10.0.0.1", kStart + absl::Seconds(2)),
              StatusIs(absl::StatusCode::kResourceExhausted));
  // A success clears the pair.
  throttle.Succeeded("ann@x.org", "10.0.0.1");
  EXPECT_TRUE(throttle.Attempt("ann@x.org", "10.0.0.1", kStart + absl::Seconds(2)).ok());
}

TEST(SignInThrottle, AStrangerSlowsOnlyThemselvesUntilTheAccountsOwnLimit) {
  SignInThrottle throttle;
  for (int i = 0; i < 10; ++i) throttle.Attempt("ann@x.org", "10.6.6.6", kStart).IgnoreError();
  EXPECT_THAT(throttle.Attempt("ann@x.org", "10.6.6.6", kStart),
              StatusIs(absl::StatusCode::kResourceExhausted));
  // Ann, elsewhere, still signs in.
  EXPECT_TRUE(throttle.Attempt("ann@x.org", "10.0.0.1", kStart).ok());
  throttle.Succeeded("ann@x.org", "10.0.0.1");
  // Many addresses together reach the account's limit: 50 in the window.
  int allowed = 0;
  for (int i = 0; i < 100; ++i) {
    allowed += throttle.Attempt("ann@x.org", absl::StrCat("10.1.0.", i), kStart).ok();
  }
  EXPECT_EQ(allowed, SignInThrottle::kAccountFailures - 5);  // 5 counted from 10.6.6.6
  EXPECT_THAT(throttle.Attempt("ann@x.org", "10.0.0.1", kStart),
              StatusIs(absl::StatusCode::kResourceExhausted));
  EXPECT_TRUE(throttle.Attempt("ann@x.org", "10.0.0.1", kStart + absl::Minutes(15)).ok());
}

TEST(SignInThrottle, AnAddressIsLimitedAcrossAccounts) {
  SignInThrottle throttle;
  for (int i = 0; i < SignInThrottle::kAddressFailures; ++i) {
    ASSERT_TRUE(throttle.Attempt(absl::StrCat("p", i, "@x.org"), "10.6.6.6", kStart).ok());
  }
  EXPECT_THAT(throttle.Attempt("new@x.org", "10.6.6.6", kStart + absl::Minutes(14)),
              StatusIs(absl::StatusCode::kResourceExhausted));
  EXPECT_TRUE(throttle.Attempt("new@x.org", "10.6.6.6", kStart + absl::Minutes(15)).ok());
}

}  // namespace
}  // namespace hc::app
