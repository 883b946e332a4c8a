#include "core/report/charts.h"

#include <cmath>
#include <string>
#include <vector>

#include "core/report/svg_writer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hc::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

template <typename T>
std::vector<T> ShapesOf(const Drawing& d, const std::string& role) {
  std::vector<T> out;
  for (const Shape& s : d.shapes) {
    if (s.role == role && std::holds_alternative<T>(s.geometry)) out.push_back(std::get<T>(s.geometry));
  }
  return out;
}

double Distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

SectionScoreLine Section(std::string code, int min, int max, std::optional<double> median) {
  SectionScoreLine s;
  s.code = code;
  s.title = "Principle " + code;
  s.range_min = min;
  s.range_max = max;
  s.median = median;
  s.bands = {{min, min, "minimal", ""}, {min + 1, (min + max) / 2, "limited", ""},
             {(min + max) / 2 + 1, max, "high", ""}};
  return s;
}

TEST(RadarChart, MedianAtRangeMaxIsOnTheEdgeAndAtRangeMinAtTheCentre) {
  const Drawing d = RadarChart({Section("1", 6, 24, 24), Section("2", 6, 24, 6),
                                Section("3", 10, 30, 20), Section("4", 6, 24, 15)});
  const std::vector<Line> axes = ShapesOf<Line>(d, "axis");
  ASSERT_EQ(axes.size(), 4u);
  const Point centre = axes[0].from;
  const double radius = Distance(axes[0].from, axes[0].to);
  ASSERT_GT(radius, 50);
  const std::vector<Path> median = ShapesOf<Path>(d, "median");
  ASSERT_EQ(median.size(), 1u);
  ASSERT_EQ(median[0].points.size(), 4u);
  EXPECT_NEAR(Distance(median[0].points[0], centre), radius, 1e-9);
  EXPECT_NEAR(Distance(median[0].points[1], centre), 0, 1e-9);
  // Each axis has its own range: 20 on 10..30 is halfway, as is 15 on 6..24.
  EXPECT_NEAR(Distance(median[0].points[2], centre), radius / 2, 1e-9);
  EXPECT_NEAR(Distance(median[0].points[3], centre), radius / 2, 1e-9);
  // The first axis points straight up from the centre.
  EXPECT_NEAR(median[0].points[0].x, centre.x, 1e-9);
  EXPECT_LT(median[0].points[0].y, centre.y);
}

TEST(RadarChart, BandZonesAreScaledPerAxisAndAxesAreNumbered) {
  const Drawing d = RadarChart({Section("1", 6, 24, 12), Section("2", 0, 10, 5),
                                Section("3", 6, 24, 18)});
  const std::vector<Line> axes = ShapesOf<Line>(d, "axis");
  ASSERT_EQ(axes.size(), 3u);
  const Point centre = axes[0].from;
  const double radius = Distance(axes[0].from, axes[0].to);
  const std::vector<Path> zones = ShapesOf<Path>(d, "band-zone");
  ASSERT_EQ(zones.size(), 3u);  // outermost first
  EXPECT_NEAR(Distance(zones[0].points[0], centre), radius, 1e-9);
  // The innermost zone ends halfway between 6 and 7 on 6..24, 0 and 1 on 0..10.
  EXPECT_NEAR(Distance(zones[2].points[0], centre), radius * 0.5 / 18, 1e-9);
  EXPECT_NEAR(Distance(zones[2].points[1], centre), radius * 0.5 / 10, 1e-9);
  std::vector<std::string> labels;
  for (const Text& t : ShapesOf<Text>(d, "axis-label")) labels.push_back(t.text);
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3"}));
}

TEST(DistributionChart, SegmentWidthsAreProportionalToCountsAndFillTheBar) {
  StatementAnswers a{"1.1", "Text", {{"Strongly agree", 4, 6}, {"Agree", 3, 9},
                                     {"Disagree", 2, 0}, {"Strongly disagree", 1, 3}}, 2};
  const Drawing d = DistributionChart({a});
  const std::vector<Rect> frame = ShapesOf<Rect>(d, "bar-frame");
  ASSERT_EQ(frame.size(), 1u);
  const std::vector<Rect> segments = ShapesOf<Rect>(d, "segment");
  const std::vector<Rect> unanswered = ShapesOf<Rect>(d, "unanswered");
  ASSERT_EQ(segments.size(), 3u);  // no segment for the empty "Disagree"
  ASSERT_EQ(unanswered.size(), 1u);
  const double unit = frame[0].width / 20;
  EXPECT_NEAR(segments[0].width, 6 * unit, 1e-9);
  EXPECT_NEAR(segments[1].width, 9 * unit, 1e-9);
  EXPECT_NEAR(segments[2].width, 3 * unit, 1e-9);
  EXPECT_NEAR(unanswered[0].width, 2 * unit, 1e-9);
  // In the scale's order, each starting where the one before ended.
  EXPECT_NEAR(segments[0].x, frame[0].x, 1e-9);
  EXPECT_NEAR(segments[1].x, segments[0].x + segments[0].width, 1e-9);
  EXPECT_NEAR(segments[2].x, segments[1].x + segments[1].width, 1e-9);
  EXPECT_NEAR(unanswered[0].x + unanswered[0].width, frame[0].x + frame[0].width, 1e-9);
  std::vector<std::string> counts;
  for (const Text& t : ShapesOf<Text>(d, "count")) counts.push_back(t.text);
  EXPECT_EQ(counts, (std::vector<std::string>{"6", "9", "3", "2"}));
}

TEST(LevelsChart, NothingWithOneLevelAndOneMarkerPerLevelAndSectionWithTwo) {
  const std::vector<SectionScoreLine> sections = {Section("1", 6, 24, 12), Section("2", 6, 24, 14)};
  const LevelMeanLine board{"Board", 5, {12.5, 14}, 26.5};
  const LevelMeanLine staff{"Staff", 7, {10, std::nullopt}, std::nullopt};
  EXPECT_FALSE(LevelsChart(sections, {}).has_value());
  EXPECT_FALSE(LevelsChart(sections, {board}).has_value());
  const std::optional<Drawing> d = LevelsChart(sections, {board, staff});
  ASSERT_TRUE(d.has_value());
  int markers = 0;
  for (const Shape& s : d->shapes) markers += s.role == "level-mean";
  EXPECT_EQ(markers, 3);  // staff has no mean on section 2
}

TEST(ChangeChart, OnlyWithAPreviousHealthCheck) {
  const std::vector<SectionScoreLine> sections = {Section("1", 6, 24, 12), Section("2", 6, 24, 14)};
  EXPECT_FALSE(ChangeChart(sections, std::nullopt).has_value());
  PreviousHealthCheck previous;
  previous.sections = {{"1", "Principle 1", 10, 12, 2, "", ""}, {"2", "Principle 2", 15, 14, -1, "", ""}};
  const std::optional<Drawing> d = ChangeChart(sections, previous);
  ASSERT_TRUE(d.has_value());
  const std::vector<Line> changes = ShapesOf<Line>(*d, "change");
  ASSERT_EQ(changes.size(), 2u);
  // Section 2 went down: its current end lies left of its previous one.
  EXPECT_LT(changes[1].to.x, changes[1].from.x);
  EXPECT_GT(changes[0].to.x, changes[0].from.x);
}

TEST(DrawingToSvg, EscapesTextAndNamesRoles) {
  Drawing d{"A <chart> & \"more\"", 100, 50, {}};
  d.shapes.push_back({"label", Text{{1, 2}, "<b>&'x'", 10, false, Anchor::kStart, {}}});
  const std::string svg = DrawingToSvg(d);
  EXPECT_THAT(svg, HasSubstr("&lt;b&gt;&amp;&#39;x&#39;"));
  EXPECT_THAT(svg, HasSubstr("<title>A &lt;chart&gt; &amp; &quot;more&quot;</title>"));
  EXPECT_THAT(svg, HasSubstr("class=\"label\""));
  EXPECT_THAT(svg, Not(HasSubstr("<b>")));
}

}  // namespace
}  // namespace hc::report
