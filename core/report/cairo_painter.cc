#include "core/report/cairo_painter.h"

#include <pango/pangocairo.h>

#include <cmath>

#include "core/report/xml_escape.h"

namespace hc::report {
namespace {

void SetColour(cairo_t* cr, const Colour& c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.alpha);
}

// Fills and strokes the current path as the shape asks.
void FinishPath(cairo_t* cr, const std::optional<Colour>& fill, const std::optional<Stroke>& stroke) {
  if (fill) {
    SetColour(cr, *fill);
    if (stroke) {
      cairo_fill_preserve(cr);
    } else {
      cairo_fill(cr);
    }
  }
  if (stroke) {
    SetColour(cr, stroke->colour);
    cairo_set_line_width(cr, stroke->width);
    const double dashes[] = {4, 3};
    cairo_set_dash(cr, dashes, stroke->dashed ? 2 : 0, 0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

void Draw(cairo_t* cr, const Line& g) {
  cairo_move_to(cr, g.from.x, g.from.y);
  cairo_line_to(cr, g.to.x, g.to.y);
  FinishPath(cr, std::nullopt, g.stroke);
}

void Draw(cairo_t* cr, const Path& g) {
  for (size_t i = 0; i < g.points.size(); ++i) {
    if (i == 0) {
      cairo_move_to(cr, g.points[i].x, g.points[i].y);
    } else {
      cairo_line_to(cr, g.points[i].x, g.points[i].y);
    }
  }
  if (g.closed) cairo_close_path(cr);
  FinishPath(cr, g.fill, g.stroke);
}

void Draw(cairo_t* cr, const Rect& g) {
  cairo_rectangle(cr, g.x, g.y, g.width, g.height);
  FinishPath(cr, g.fill, g.stroke);
}

void Draw(cairo_t* cr, const Circle& g) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, g.centre.x, g.centre.y, g.radius, 0, 2 * M_PI);
  FinishPath(cr, g.fill, g.stroke);
}

// Text is placed like SVG's dominant-baseline="central": the anchor point
// is the middle of the line's logical height.
void Draw(cairo_t* cr, const Text& g) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kChartFontFamily);
  pango_font_description_set_absolute_size(font, g.size * PANGO_SCALE);
  pango_font_description_set_weight(font, g.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, ValidUtf8(g.text).c_str(), -1);
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const double w = static_cast<double>(logical.width) / PANGO_SCALE;
  const double h = static_cast<double>(logical.height) / PANGO_SCALE;
  double x = g.at.x;
  if (g.anchor == Anchor::kMiddle) x -= w / 2;
  if (g.anchor == Anchor::kEnd) x -= w;
  SetColour(cr, g.colour);
  cairo_move_to(cr, x, g.at.y - h / 2);
  pango_cairo_show_layout(cr, layout);
  cairo_new_path(cr);
  pango_font_description_free(font);
  g_object_unref(layout);
}

}  // namespace

void PaintDrawing(cairo_t* cr, const Drawing& drawing, double x, double y, double scale) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, scale, scale);
  for (const Shape& s : drawing.shapes) {
    std::visit([&](const auto& g) { Draw(cr, g); }, s.geometry);
  }
  cairo_restore(cr);
}

}  // namespace hc::report
