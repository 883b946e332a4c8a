#ifndef HC_TESTS_SUPPORT_STATUS_MATCHERS_H_
#define HC_TESTS_SUPPORT_STATUS_MATCHERS_H_

// The project's status matchers and macros for tests (Debian's Abseil and
// GoogleTest ship none).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace hc::testing {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

// Matches an absl::Status or absl::StatusOr whose code is `code`.
MATCHER_P(StatusIs, code,
          ::testing::PrintToString(absl::StatusCodeToString(code))) {
  const absl::Status& status = ::hc::testing::GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code;
}

// Matches a status with `code` whose message contains `substring`.
MATCHER_P2(StatusIsWith, code, substring, "") {
  const absl::Status& status = ::hc::testing::GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code &&
         std::string(status.message()).find(substring) != std::string::npos;
}

MATCHER(IsOk, "is OK") {
  const absl::Status& status = ::hc::testing::GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.ok();
}

}  // namespace hc::testing

#define HC_TEST_CONCAT_INNER_(a, b) a##b
#define HC_TEST_CONCAT_(a, b) HC_TEST_CONCAT_INNER_(a, b)

// Asserts that `rexpr` (an absl::StatusOr) is OK and moves its value into
// `lhs`.
#define HC_ASSERT_OK_AND_ASSIGN(lhs, rexpr) \
  HC_ASSERT_OK_AND_ASSIGN_IMPL_(HC_TEST_CONCAT_(hc_test_statusor_, __COUNTER__), lhs, rexpr)
#define HC_ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  ASSERT_TRUE(statusor.ok()) << statusor.status();          \
  lhs = std::move(statusor).value()

#define HC_ASSERT_OK(expr) ASSERT_THAT((expr), ::hc::testing::IsOk())
#define HC_EXPECT_OK(expr) EXPECT_THAT((expr), ::hc::testing::IsOk())

#endif  // HC_TESTS_SUPPORT_STATUS_MATCHERS_H_
