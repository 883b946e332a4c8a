// CSV text as partnership contacts export it (core/domain/csv.h).

#include "core/domain/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::testing::ElementsAre;

TEST(Csv, ALeadingByteOrderMarkAsExcelWritesItIsDropped) {
  absl::StatusOr<std::vector<std::vector<std::string>>> rows =
      ParseCsv("\xEF\xBB\xBForganisation,level\r\nAnytown Council,board\r\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_THAT(*rows, ElementsAre(ElementsAre("organisation", "level"),
                                 ElementsAre("Anytown Council", "board")));
}

TEST(Csv, AByteOrderMarkAnywhereElseIsKeptAsText) {
  absl::StatusOr<std::vector<std::vector<std::string>>> rows = ParseCsv("a,\xEF\xBB\xBF" "b\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_THAT(*rows, ElementsAre(ElementsAre("a", "\xEF\xBB\xBF" "b")));
}

}  // namespace
}  // namespace hc::domain
