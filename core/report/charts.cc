#include "core/report/charts.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/report/palette.h"

namespace hc::report {
namespace {

constexpr double kWidth = 640;
constexpr double kLegendRow = 20;

Shape TextShape(std::string role, Point at, std::string text, double size, Anchor anchor,
                Colour colour = palette::kText, bool bold = false) {
  return Shape{std::move(role),
               Text{at, std::move(text), size, bold, anchor, colour}};
}

std::string Figure(double value) {
  if (value == std::floor(value)) return absl::StrFormat("%.0f", value);
  return absl::StrFormat("%.1f", value);
}

// Where `value` lies on [min, max], clamped to [0, 1].
double Fraction(double value, int min, int max) {
  if (max <= min) return 0;
  return std::clamp((value - min) / (max - min), 0.0, 1.0);
}

// Perceived lightness, to choose dark or light text on a fill.
bool IsDark(const Colour& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140; }

// Diagonal lines clipped to a rectangle: a pattern that survives greyscale.
void Hatch(const Rect& r, const Colour& colour, std::vector<Shape>* out) {
  constexpr double kGap = 5;
  for (double k = kGap; k < r.width + r.height; k += kGap) {
    // The line x + y = k (relative), clipped to the rectangle.
    const double x_start = std::max(0.0, k - r.height);
    const double x_end = std::min(r.width, k);
    if (x_end - x_start < 0.5) continue;
    out->push_back({"hatch", Line{{r.x + x_start, r.y + k - x_start},
                                  {r.x + x_end, r.y + k - x_end},
                                  Stroke{colour, 0.8, false}}});
  }
}

// A legend row that wraps: swatch shapes come from `swatch`, text follows.
struct LegendItem {
  std::string text;
  std::vector<Shape> swatch;  // drawn in a 12x12 box at the origin
};

Shape Moved(Shape shape, double dx, double dy) {
  auto move = [&](Point& p) { p.x += dx; p.y += dy; };
  std::visit(
      [&](auto& g) {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, Line>) {
          move(g.from);
          move(g.to);
        } else if constexpr (std::is_same_v<T, Path>) {
          for (Point& p : g.points) move(p);
        } else if constexpr (std::is_same_v<T, Rect>) {
          g.x += dx;
          g.y += dy;
        } else if constexpr (std::is_same_v<T, Circle>) {
          move(g.centre);
        } else {
          move(g.at);
        }
      },
      shape.geometry);
  return shape;
}

// Lays the items out left to right from (x0, y), wrapping at the width;
// returns the y below the legend.
double Legend(const std::vector<LegendItem>& items, double x0, double y, Drawing* d) {
  constexpr double kSize = 10.5;
  double x = x0;
  for (const LegendItem& item : items) {
    const double w = 18 + EstimateTextWidth(item.text, kSize) + 16;
    if (x > x0 && x + w > d->width) {
      x = x0;
      y += kLegendRow;
    }
    for (const Shape& s : item.swatch) d->shapes.push_back(Moved(s, x, y - 6));
    d->shapes.push_back(TextShape("legend", {x + 18, y}, item.text, kSize, Anchor::kStart));
    x += w;
  }
  return y + kLegendRow;
}

std::vector<Shape> BoxSwatch(const Colour& fill, bool hatched) {
  Rect r{0, 0, 12, 12, fill, Stroke{palette::kSecondaryText, 0.5, false}};
  std::vector<Shape> out = {{"swatch", r}};
  if (hatched) Hatch(r, palette::kWhite, &out);
  return out;
}

// Markers that differ in shape as well as colour, one per series.
Shape Marker(std::string role, int series, Point c, double r, bool hollow = false) {
  const Colour colour = palette::kSeries[series % std::size(palette::kSeries)];
  const std::optional<Colour> fill =
      hollow ? std::optional<Colour>(palette::kWhite) : std::optional<Colour>(colour);
  const Stroke stroke{hollow ? colour : palette::kWhite, hollow ? 2.0 : 1.0, false};
  switch (series % 4) {
    case 0:
      return {std::move(role), Circle{c, r, fill, stroke}};
    case 1:
      return {std::move(role), Rect{c.x - r, c.y - r, 2 * r, 2 * r, fill, stroke}};
    case 2:
      return {std::move(role),
              Path{{{c.x, c.y - r * 1.2}, {c.x + r * 1.1, c.y + r * 0.8}, {c.x - r * 1.1, c.y + r * 0.8}},
                   true, fill, stroke}};
    default:
      return {std::move(role),
              Path{{{c.x, c.y - r * 1.3}, {c.x + r * 1.3, c.y}, {c.x, c.y + r * 1.3}, {c.x - r * 1.3, c.y}},
                   true, fill, stroke}};
  }
}

// ---- Radar ----

struct Radar {
  Point centre;
  double radius = 0;
  int axes = 0;
  Point At(int axis, double fraction) const {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * axis / axes;
    return {centre.x + fraction * radius * std::cos(angle),
            centre.y + fraction * radius * std::sin(angle)};
  }
};

std::vector<BandLine> Ascending(std::vector<BandLine> bands) {
  std::sort(bands.begin(), bands.end(),
            [](const BandLine& a, const BandLine& b) { return a.min_score < b.min_score; });
  return bands;
}

// The outer edge of band `j` on a section's axis: halfway between the band's
// top and the next band's bottom, so that zones meet without a gap.
double BandEdge(const SectionScoreLine& s, const std::vector<BandLine>& bands, size_t j) {
  if (j + 1 >= bands.size()) return 1.0;
  return Fraction((bands[j].max_score + bands[j + 1].min_score) / 2.0, s.range_min, s.range_max);
}

void RadarBands(const Radar& radar, const std::vector<SectionScoreLine>& sections, Drawing* d) {
  std::vector<std::vector<BandLine>> bands;
  size_t zones = 0;
  for (const SectionScoreLine& s : sections) {
    bands.push_back(Ascending(s.bands));
    zones = std::max(zones, bands.back().size());
  }
  // Outermost first: each zone is painted over by the ones inside it.
  for (size_t j = zones; j-- > 0;) {
    Path zone{{}, true, palette::kBands[j % std::size(palette::kBands)],
              Stroke{palette::kRule, 0.6, true}};
    for (int i = 0; i < radar.axes; ++i) {
      zone.points.push_back(radar.At(i, BandEdge(sections[i], bands[i], j)));
    }
    d->shapes.push_back({"band-zone", zone});
  }
}

void RadarAxes(const Radar& radar, const std::vector<SectionScoreLine>& sections, Drawing* d) {
  Path edge{{}, true, std::nullopt, Stroke{palette::kSecondaryText, 1, false}};
  for (int i = 0; i < radar.axes; ++i) {
    edge.points.push_back(radar.At(i, 1));
    d->shapes.push_back({"axis", Line{radar.centre, radar.At(i, 1),
                                      Stroke{palette::kSecondaryText, 0.8, false}}});
    const Point label = radar.At(i, 1 + 20 / radar.radius);
    d->shapes.push_back(TextShape("axis-label", label, sections[i].code, 14, Anchor::kMiddle,
                                  palette::kText, true));
  }
  d->shapes.push_back({"edge", edge});
}

void RadarMedians(const Radar& radar, const std::vector<SectionScoreLine>& sections,
                  Drawing* d) {
  Path median{{}, true, Colour{29, 112, 184, 0.22}, Stroke{palette::kBrand, 2.5, false}};
  std::vector<Shape> marks;
  for (int i = 0; i < radar.axes; ++i) {
    const SectionScoreLine& s = sections[i];
    if (!s.median) continue;
    const double f = Fraction(*s.median, s.range_min, s.range_max);
    median.points.push_back(radar.At(i, f));
    marks.push_back({"median-point", Circle{radar.At(i, f), 4.5, palette::kBrand,
                                            Stroke{palette::kWhite, 1.2, false}}});
    // The figure sits just outside the point, with a white backing so that
    // it reads over the zones and the polygon's edge.
    const Point at = radar.At(i, f + 17 / radar.radius);
    const std::string figure = Figure(*s.median);
    const double w = EstimateTextWidth(figure, 11) + 6;
    marks.push_back({"median-label-back", Rect{at.x - w / 2, at.y - 8, w, 16,
                                               Colour{255, 255, 255, 0.85}, std::nullopt}});
    marks.push_back(TextShape("median-label", at, figure, 11, Anchor::kMiddle, palette::kBrand,
                              true));
  }
  if (median.points.size() >= 2) d->shapes.push_back({"median", median});
  for (Shape& m : marks) d->shapes.push_back(std::move(m));
}

double RadarLegend(const std::vector<SectionScoreLine>& sections, double y, Drawing* d) {
  for (const SectionScoreLine& s : sections) {
    d->shapes.push_back(TextShape("legend", {40, y}, s.code, 11.5, Anchor::kEnd, palette::kText,
                                  true));
    std::string text = s.title;
    if (s.median) absl::StrAppend(&text, ": median ", Figure(*s.median));
    if (!s.band_label.empty()) absl::StrAppend(&text, " (", s.band_label, ")");
    d->shapes.push_back(TextShape("legend", {48, y}, text, 11.5, Anchor::kStart));
    y += 19;
  }
  std::vector<LegendItem> items;
  items.push_back({"Median total", {{"swatch", Rect{0, 0, 12, 12, Colour{29, 112, 184, 0.22},
                                                    Stroke{palette::kBrand, 2, false}}}}});
  if (!sections.empty()) {
    std::vector<BandLine> bands = Ascending(sections.front().bands);
    for (size_t j = 0; j < bands.size(); ++j) {
      items.push_back({bands[j].label, BoxSwatch(palette::kBands[j % std::size(palette::kBands)],
                                                 false)});
    }
  }
  y = Legend(items, 48, y + 8, d);
  d->shapes.push_back(TextShape("note", {48, y},
                                "Each axis runs from the lowest possible total (centre) to the "
                                "highest (edge); zones are the bands.",
                                10, Anchor::kStart, palette::kSecondaryText));
  return y + 12;
}

// ---- Rows on a section's range (levels compared, change) ----

constexpr double kTrackStart = 40;
constexpr double kTrackEnd = kWidth - 40;

double OnTrack(double value, const SectionScoreLine& s) {
  return kTrackStart + Fraction(value, s.range_min, s.range_max) * (kTrackEnd - kTrackStart);
}

// The row's title, a track with the section's band zones and its range at
// the ends; the track's centre line is at `y`.
void Track(const SectionScoreLine& s, double y, const std::string& right_text, Drawing* d) {
  d->shapes.push_back(TextShape("row-title", {kTrackStart, y - 20},
                                absl::StrCat(s.code, "  ", s.title), 11, Anchor::kStart,
                                palette::kText, true));
  if (!right_text.empty()) {
    d->shapes.push_back(TextShape("row-figures", {kTrackEnd, y - 20}, right_text, 11,
                                  Anchor::kEnd, palette::kText));
  }
  const std::vector<BandLine> bands = Ascending(s.bands);
  double from = kTrackStart;
  for (size_t j = 0; j < bands.size(); ++j) {
    const double to = j + 1 == bands.size()
                          ? kTrackEnd
                          : OnTrack((bands[j].max_score + bands[j + 1].min_score) / 2.0, s);
    d->shapes.push_back({"band-zone", Rect{from, y - 7, to - from, 14,
                                           palette::kBands[j % std::size(palette::kBands)],
                                           Stroke{palette::kRule, 0.5, false}}});
    from = to;
  }
  d->shapes.push_back({"track", Line{{kTrackStart, y}, {kTrackEnd, y},
                                     Stroke{palette::kSecondaryText, 0.8, false}}});
  d->shapes.push_back(TextShape("range", {kTrackStart - 6, y}, absl::StrCat(s.range_min), 9.5,
                                Anchor::kEnd, palette::kSecondaryText));
  d->shapes.push_back(TextShape("range", {kTrackEnd + 6, y}, absl::StrCat(s.range_max), 9.5,
                                Anchor::kStart, palette::kSecondaryText));
}

std::string LevelFigures(const std::vector<LevelMeanLine>& levels, size_t section) {
  std::string out;
  for (size_t k = 0; k < levels.size(); ++k) {
    if (section >= levels[k].section_means.size()) continue;
    const std::optional<double>& m = levels[k].section_means[section];
    absl::StrAppend(&out, out.empty() ? "" : " / ", m ? Figure(*m) : "-");
  }
  return out;
}

// One statement's bar: a segment per scale point (the unfavourable half
// hatched), then the unanswered, each as wide as its share of the answers.
void StackedBar(const StatementAnswers& s, double x, double y, double width, Drawing* d) {
  int total = s.unanswered;
  for (const AnswerCount& c : s.counts) total += c.count;
  const double left = x;
  auto segment = [&](const std::string& role, int count, const Colour& fill, bool hatched) {
    if (count <= 0 || total <= 0) return;
    const Rect r{x, y, width * count / total, 18, fill, std::nullopt};
    d->shapes.push_back({role, r});
    if (hatched) Hatch(r, Colour{255, 255, 255, 0.55}, &d->shapes);
    const std::string label = absl::StrCat(count);
    if (EstimateTextWidth(label, 10.5) + 6 <= r.width) {
      d->shapes.push_back(TextShape("count", {x + r.width / 2, y + 9}, label, 10.5,
                                    Anchor::kMiddle,
                                    IsDark(fill) ? palette::kWhite : palette::kText, true));
    }
    x += r.width;
  };
  for (size_t k = 0; k < s.counts.size(); ++k) {
    segment("segment", s.counts[k].count, palette::kScale[k % std::size(palette::kScale)],
            2 * k >= s.counts.size());
  }
  segment("unanswered", s.unanswered, palette::kUnanswered, false);
  d->shapes.push_back({"bar-frame", Rect{left, y, width, 18, std::nullopt,
                                         Stroke{palette::kSecondaryText, 0.6, false}}});
}

}  // namespace

Drawing RadarChart(const std::vector<SectionScoreLine>& sections) {
  Drawing d{"Radar of the median total of each principle", kWidth, 0, {}};
  const double radius = 165;
  const Radar radar{{kWidth / 2, 40 + radius}, radius, static_cast<int>(sections.size())};
  if (radar.axes >= 3) {
    RadarBands(radar, sections, &d);
    RadarAxes(radar, sections, &d);
    RadarMedians(radar, sections, &d);
  }
  d.height = RadarLegend(sections, radar.centre.y + radius + 52, &d);
  return d;
}

Drawing DistributionChart(const std::vector<StatementAnswers>& statements) {
  Drawing d{"Answers to each statement", kWidth, 0, {}};
  std::vector<LegendItem> items;
  const size_t points = statements.empty() ? 0 : statements.front().counts.size();
  for (size_t k = 0; k < points; ++k) {
    items.push_back({statements.front().counts[k].label,
                     BoxSwatch(palette::kScale[k % std::size(palette::kScale)], 2 * k >= points)});
  }
  items.push_back({"No answer", BoxSwatch(palette::kUnanswered, false)});
  // The codes' column is as wide as the longest code ("overall.1").
  double code_width = 0;
  for (const StatementAnswers& s : statements) {
    code_width = std::max(code_width, EstimateTextWidth(s.code, 11));
  }
  const double bar_x = std::max(50.0, code_width + 14);
  double y = Legend(items, bar_x, 12, &d) + 4;
  for (const StatementAnswers& s : statements) {
    d.shapes.push_back(TextShape("row-label", {bar_x - 8, y + 9}, s.code, 11, Anchor::kEnd,
                                 palette::kText, true));
    StackedBar(s, bar_x, y, kWidth - bar_x - 4, &d);
    y += 26;
  }
  d.height = y + 2;
  return d;
}

std::optional<Drawing> LevelsChart(const std::vector<SectionScoreLine>& sections,
                                   const std::vector<LevelMeanLine>& levels) {
  if (levels.size() < 2) return std::nullopt;
  Drawing d{"Mean total of each principle by level", kWidth, 0, {}};
  std::vector<LegendItem> items;
  for (size_t k = 0; k < levels.size(); ++k) {
    items.push_back({absl::StrCat(levels[k].level, " (n = ", levels[k].n, ")"),
                     {Marker("swatch", static_cast<int>(k), {6, 6}, 5)}});
  }
  double y = Legend(items, kTrackStart, 12, &d) + 30;
  for (size_t i = 0; i < sections.size(); ++i) {
    Track(sections[i], y, LevelFigures(levels, i), &d);
    for (size_t k = 0; k < levels.size(); ++k) {
      if (i >= levels[k].section_means.size() || !levels[k].section_means[i]) continue;
      // Small vertical offsets keep equal means from hiding one another.
      const double dy = (static_cast<double>(k) - (levels.size() - 1) / 2.0) * 4;
      d.shapes.push_back(Marker("level-mean", static_cast<int>(k),
                                {OnTrack(*levels[k].section_means[i], sections[i]), y + dy}, 5.5));
    }
    y += 50;
  }
  d.height = y - 18;
  return d;
}

std::optional<Drawing> ChangeChart(const std::vector<SectionScoreLine>& sections,
                                   const std::optional<PreviousHealthCheck>& previous) {
  if (!previous) return std::nullopt;
  Drawing d{"Median total of each principle, previous and this health check", kWidth, 0, {}};
  std::vector<LegendItem> items = {
      {"Previous health check", {Marker("swatch", 3, {6, 6}, 5, true)}},
      {"This health check", {Marker("swatch", 0, {6, 6}, 5)}}};
  double y = Legend(items, kTrackStart, 12, &d) + 30;
  for (const SectionScoreLine& s : sections) {
    const ChangeLine* line = nullptr;
    for (const ChangeLine& c : previous->sections) {
      if (c.code == s.code) line = &c;
    }
    std::string figures = "no comparison";
    if (line && line->previous && line->current) {
      figures = absl::StrCat(Figure(*line->previous), " \u2192 ", Figure(*line->current));
      if (line->change) {
        absl::StrAppend(&figures, " (", *line->change > 0 ? "+" : "", Figure(*line->change), ")");
      }
    }
    Track(s, y, figures, &d);
    if (line && line->previous && line->current) {
      const Point p{OnTrack(*line->previous, s), y};
      const Point c{OnTrack(*line->current, s), y};
      d.shapes.push_back({"change", Line{p, c, Stroke{palette::kText, 2.5, false}}});
      d.shapes.push_back(Marker("previous", 3, p, 5.5, true));
      d.shapes.push_back(Marker("current", 0, c, 5.5));
    }
    y += 50;
  }
  d.height = y - 18;
  return d;
}

}  // namespace hc::report
