#include "core/report/pdf_layout.h"

#include <memory>
#include <vector>

#include "gtest/gtest.h"

namespace hc::report::pdf {
namespace {

// A block of a fixed height that draws nothing: the layout never needs a
// cairo context for it.
class FixedBlock final : public Block {
 public:
  explicit FixedBlock(double height) : height_(height) {}
  double Height(cairo_t*, double) const override { return height_; }
  void Draw(cairo_t*, double, double, double) const override {}

 private:
  double height_;
};

FlowItem Item(double height, bool keep_with_next = false) {
  FlowItem item;
  item.block = std::make_shared<FixedBlock>(height);
  item.keep_with_next = keep_with_next;
  return item;
}

// A page whose content area is exactly 100 points tall.
PageGeometry Page100() {
  PageGeometry g;
  g.height = g.margin_top + g.margin_bottom + 100;
  return g;
}

const Placement& PlacementOf(const Layout& layout, const FlowItem& item) {
  for (const Placement& p : layout.placements) {
    if (p.block == item.block.get()) return p;
  }
  static const Placement kNone;
  return kNone;
}

TEST(PdfLayout, AHeadingThatWouldEndAPageMovesToTheNextWithWhatFollows) {
  std::vector<FlowItem> flow = {Item(70), Item(10, true), Item(30)};
  const Layout layout = LayOut(nullptr, Page100(), flow);
  EXPECT_EQ(layout.pages, 2);
  EXPECT_EQ(PlacementOf(layout, flow[1]).page, 2);
  EXPECT_EQ(PlacementOf(layout, flow[1]).y, 0);
  EXPECT_EQ(PlacementOf(layout, flow[2]).page, 2);
  EXPECT_EQ(PlacementOf(layout, flow[2]).y, 10);
}

TEST(PdfLayout, SpaceBeforeIsDroppedAtTheTopOfAPage) {
  std::vector<FlowItem> flow = {Item(60), Item(30), Item(30)};
  flow[1].space_before = 5;
  flow[2].space_before = 5;
  const Layout layout = LayOut(nullptr, Page100(), flow);
  EXPECT_EQ(PlacementOf(layout, flow[1]).y, 65);
  EXPECT_EQ(PlacementOf(layout, flow[2]).page, 2);
  EXPECT_EQ(PlacementOf(layout, flow[2]).y, 0);
}

TEST(PdfLayout, ATableContinuingOnANewPageRepeatsItsHeaderThere) {
  std::vector<FlowItem> flow = {Item(10, true)};  // the header row
  for (int i = 0; i < 12; ++i) {
    flow.push_back(Item(20));
    flow.back().repeat_header = flow[0].block;
  }
  const Layout layout = LayOut(nullptr, Page100(), flow);
  ASSERT_EQ(layout.pages, 3);  // 4 rows under the header per page
  int headers_on[4] = {0, 0, 0, 0};
  for (const Placement& p : layout.placements) {
    if (p.block == flow[0].block.get()) {
      ++headers_on[p.page];
      EXPECT_EQ(p.y, 0);
    }
  }
  EXPECT_EQ(headers_on[1], 1);
  EXPECT_EQ(headers_on[2], 1);
  EXPECT_EQ(headers_on[3], 1);
  EXPECT_EQ(PlacementOf(layout, flow[5]).page, 2);
  EXPECT_EQ(PlacementOf(layout, flow[5]).y, 10);
}

TEST(PdfLayout, PageBreaksAndAnchorsRecordWherePartsStart) {
  std::vector<FlowItem> flow = {Item(10), Item(10), Item(10)};
  flow[1].page_break_before = true;
  flow[1].anchor = "scope";
  flow[2].anchor = "same-page";
  const Layout layout = LayOut(nullptr, Page100(), flow);
  EXPECT_EQ(layout.pages, 2);
  EXPECT_EQ(layout.anchor_pages.at("scope"), 2);
  EXPECT_EQ(layout.anchor_pages.at("same-page"), 2);
}

TEST(PdfLayout, ABlockTallerThanAPageGetsAPageOfItsOwnOnce) {
  std::vector<FlowItem> flow = {Item(30), Item(250), Item(30)};
  const Layout layout = LayOut(nullptr, Page100(), flow);
  EXPECT_EQ(layout.placements.size(), 3u);
  EXPECT_EQ(PlacementOf(layout, flow[1]).page, 2);
  EXPECT_EQ(PlacementOf(layout, flow[1]).y, 0);
  EXPECT_EQ(PlacementOf(layout, flow[2]).page, 3);
}

}  // namespace
}  // namespace hc::report::pdf
