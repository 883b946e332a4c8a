#ifndef HC_CORE_REPORT_DRAWING_H_
#define HC_CORE_REPORT_DRAWING_H_

#include <optional>
#include <string>
#include <variant>
#include <vector>

// A chart as plain vector data, built once by pure functions (charts.h) and
// drawn twice: as inline SVG (svg_writer.h) and on a cairo context
// (cairo_painter.h). Coordinates are in abstract units ("px") with y down;
// painters scale the whole drawing to the space they have.
namespace hc::report {

struct Colour {
  int r = 0;
  int g = 0;
  int b = 0;
  double alpha = 1.0;
};

struct Point {
  double x = 0;
  double y = 0;
};

struct Stroke {
  Colour colour;
  double width = 1;
  bool dashed = false;
};

struct Line {
  Point from;
  Point to;
  Stroke stroke;
};

// A polyline, or a polygon when `closed`.
struct Path {
  std::vector<Point> points;
  bool closed = false;
  std::optional<Colour> fill;
  std::optional<Stroke> stroke;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  std::optional<Colour> fill;
  std::optional<Stroke> stroke;
};

struct Circle {
  Point centre;
  double radius = 0;
  std::optional<Colour> fill;
  std::optional<Stroke> stroke;
};

enum class Anchor { kStart, kMiddle, kEnd };

// One line of text; `at` is where the anchor meets the text's vertical
// centre.
struct Text {
  Point at;
  std::string text;
  double size = 11;
  bool bold = false;
  Anchor anchor = Anchor::kStart;
  Colour colour;
};

// One shape and its role in the chart ("median", "segment", ...): the SVG
// class, and what tests look for.
struct Shape {
  std::string role;
  std::variant<Line, Path, Rect, Circle, Text> geometry;
};

struct Drawing {
  std::string title;  // what the chart shows, for screen readers
  double width = 0;
  double height = 0;
  std::vector<Shape> shapes;  // painted in order
};

// The font every painter uses, so that text measured by the charts' rough
// estimate and drawn by SVG and cairo agree.
inline constexpr char kChartFontFamily[] = "DejaVu Sans";

// A generous estimate of the width of `text` at `size` in DejaVu Sans, used
// to decide whether a label fits (DejaVu Sans averages about 0.6 em).
double EstimateTextWidth(const std::string& text, double size);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_DRAWING_H_
