#include "core/report/svg_writer.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/report/palette.h"
#include "core/report/xml_escape.h"

namespace hc::report {
namespace {

std::string Num(double v) { return absl::StrFormat("%.2f", v); }

std::string Paint(const char* attribute, const std::optional<Colour>& colour) {
  if (!colour) return absl::StrCat(" ", attribute, "=\"none\"");
  std::string out = absl::StrCat(" ", attribute, "=\"", palette::Hex(*colour), "\"");
  if (colour->alpha < 1) absl::StrAppend(&out, " ", attribute, "-opacity=\"", Num(colour->alpha), "\"");
  return out;
}

std::string StrokeAttributes(const std::optional<Stroke>& stroke) {
  if (!stroke) return " stroke=\"none\"";
  std::string out = absl::StrCat(Paint("stroke", stroke->colour), " stroke-width=\"",
                                 Num(stroke->width), "\" stroke-linejoin=\"round\"");
  if (stroke->dashed) absl::StrAppend(&out, " stroke-dasharray=\"4 3\"");
  return out;
}

std::string Element(const std::string& role, const Line& g) {
  return absl::StrCat("<line class=\"", role, "\" x1=\"", Num(g.from.x), "\" y1=\"", Num(g.from.y),
                      "\" x2=\"", Num(g.to.x), "\" y2=\"", Num(g.to.y), "\"",
                      StrokeAttributes(g.stroke), "/>");
}

std::string Element(const std::string& role, const Path& g) {
  std::string points;
  for (const Point& p : g.points) absl::StrAppend(&points, points.empty() ? "" : " ", Num(p.x), ",", Num(p.y));
  return absl::StrCat("<", g.closed ? "polygon" : "polyline", " class=\"", role, "\" points=\"",
                      points, "\"", Paint("fill", g.fill), StrokeAttributes(g.stroke), "/>");
}

std::string Element(const std::string& role, const Rect& g) {
  return absl::StrCat("<rect class=\"", role, "\" x=\"", Num(g.x), "\" y=\"", Num(g.y),
                      "\" width=\"", Num(g.width), "\" height=\"", Num(g.height), "\"",
                      Paint("fill", g.fill), StrokeAttributes(g.stroke), "/>");
}

std::string Element(const std::string& role, const Circle& g) {
  return absl::StrCat("<circle class=\"", role, "\" cx=\"", Num(g.centre.x), "\" cy=\"",
                      Num(g.centre.y), "\" r=\"", Num(g.radius), "\"", Paint("fill", g.fill),
                      StrokeAttributes(g.stroke), "/>");
}

std::string Element(const std::string& role, const Text& g) {
  const char* anchor = g.anchor == Anchor::kStart    ? "start"
                       : g.anchor == Anchor::kMiddle ? "middle"
                                                     : "end";
  return absl::StrCat("<text class=\"", role, "\" x=\"", Num(g.at.x), "\" y=\"", Num(g.at.y),
                      "\" font-size=\"", Num(g.size), "\"", g.bold ? " font-weight=\"bold\"" : "",
                      " text-anchor=\"", anchor, "\" dominant-baseline=\"central\"",
                      Paint("fill", g.colour), ">", XmlEscape(g.text), "</text>");
}

}  // namespace

std::string DrawingToSvg(const Drawing& d) {
  std::string out = absl::StrCat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ", Num(d.width), " ",
      Num(d.height), "\" width=\"", Num(d.width), "\" height=\"", Num(d.height),
      "\" role=\"img\" aria-label=\"", XmlEscape(d.title), "\" font-family=\"", kChartFontFamily,
      ", Liberation Sans, Arial, sans-serif\">\n<title>", XmlEscape(d.title), "</title>\n");
  for (const Shape& s : d.shapes) {
    absl::StrAppend(&out, std::visit([&](const auto& g) { return Element(s.role, g); }, s.geometry),
                    "\n");
  }
  return absl::StrCat(out, "</svg>\n");
}

}  // namespace hc::report
