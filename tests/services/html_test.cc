// The HTML helpers every page is built with (services/web/html.h).

#include "services/web/html.h"

#include <gtest/gtest.h>

namespace hc::services {
namespace {

TEST(HtmlId, KeepsLettersDigitsAndHyphensAndEncodesEveryOtherByte) {
  EXPECT_EQ(HtmlId("P1-3"), "P1-3");
  EXPECT_EQ(HtmlId("1.2"), "1_2e2");
  EXPECT_EQ(HtmlId("\"><script>"), "_22_3e_3cscript_3e");
  EXPECT_EQ(HtmlId("a b'c"), "a_20b_27c");
  EXPECT_EQ(HtmlId("\xC3\xA9"), "_c3_a9");
  // Distinct texts keep distinct ids.
  EXPECT_NE(HtmlId("1.1"), HtmlId("1_1"));
}

TEST(Escape, EscapesEveryCharacterThatCouldEndAnAttributeOrStartATag) {
  EXPECT_EQ(Escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
}

}  // namespace
}  // namespace hc::services
