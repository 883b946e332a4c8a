#include "core/report/pdf_blocks.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

#include "core/report/cairo_painter.h"
#include "core/report/xml_escape.h"

namespace hc::report::pdf {
namespace {

constexpr double kCellPadding = 3.5;

void SetColour(cairo_t* cr, const Colour& c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.alpha);
}

// A layout of `markup` wrapped at `width`; the caller unrefs it.
PangoLayout* MakeLayout(cairo_t* cr, const std::string& markup, double size, double width,
                        double line_spacing, PangoAlignment alignment) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, static_cast<int>(std::max(1.0, width) * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, alignment);
  pango_layout_set_line_spacing(layout, static_cast<float>(line_spacing));
  pango_layout_set_markup(layout, markup.c_str(), -1);
  return layout;
}

double LayoutHeight(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

}  // namespace

std::string Markup(absl::string_view raw) {
  // Pango refuses markup that is not UTF-8 and would then draw nothing.
  const std::string text = ValidUtf8(raw);
  char* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(escaped);
  g_free(escaped);
  return out;
}

TextBlock::TextBlock(std::string markup, TextStyle style)
    : markup_(std::move(markup)), style_(std::move(style)) {}

double TextBlock::Padding() const {
  return style_.background || style_.left_rule ? 6 : 0;
}

double TextBlock::TextLeft() const {
  return style_.indent + Padding() + (style_.left_rule ? 6 : 0);
}

// Weight and slant apply to the whole block, so they wrap its markup.
std::string TextBlock::Styled() const {
  std::string out = markup_;
  if (style_.bold) out = "<b>" + out + "</b>";
  if (style_.italic) out = "<i>" + out + "</i>";
  return out;
}

double TextBlock::Height(cairo_t* cr, double width) const {
  PangoLayout* layout = MakeLayout(cr, Styled(), style_.size, width - TextLeft() - Padding(),
                                   style_.line_spacing, PANGO_ALIGN_LEFT);
  const double h = LayoutHeight(layout) + 2 * Padding() + (style_.underline ? 4 : 0);
  g_object_unref(layout);
  return h;
}

void TextBlock::Draw(cairo_t* cr, double x, double y, double width) const {
  const double h = Height(cr, width);
  if (style_.background) {
    SetColour(cr, *style_.background);
    cairo_rectangle(cr, x + style_.indent, y, width - style_.indent, h);
    cairo_fill(cr);
  }
  if (style_.left_rule) {
    SetColour(cr, *style_.left_rule);
    cairo_rectangle(cr, x + style_.indent, y, 3.5, h);
    cairo_fill(cr);
  }
  PangoLayout* layout = MakeLayout(cr, Styled(), style_.size, width - TextLeft() - Padding(),
                                   style_.line_spacing, PANGO_ALIGN_LEFT);
  SetColour(cr, style_.colour);
  cairo_move_to(cr, x + TextLeft(), y + Padding());
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  if (style_.underline) {
    SetColour(cr, *style_.underline);
    cairo_rectangle(cr, x, y + h - 2, width, 1.5);
    cairo_fill(cr);
  }
}

TableRowBlock::TableRowBlock(std::vector<TableColumn> columns, std::vector<std::string> cells,
                             bool header, double size)
    : columns_(std::move(columns)), cells_(std::move(cells)), header_(header), size_(size) {}

std::vector<double> TableRowBlock::Widths(double width) const {
  double total = 0;
  for (const TableColumn& c : columns_) total += c.share;
  std::vector<double> out;
  for (const TableColumn& c : columns_) out.push_back(width * c.share / total);
  // A short row's last cell spans the columns left over.
  while (!cells_.empty() && out.size() > cells_.size()) {
    const double last = out.back();
    out.pop_back();
    out.back() += last;
  }
  return out;
}

double TableRowBlock::Height(cairo_t* cr, double width) const {
  const std::vector<double> widths = Widths(width);
  double h = 0;
  for (size_t i = 0; i < cells_.size() && i < widths.size(); ++i) {
    const std::string markup = header_ ? "<b>" + cells_[i] + "</b>" : cells_[i];
    PangoLayout* layout =
        MakeLayout(cr, markup, size_, widths[i] - 2 * kCellPadding, 1.15, PANGO_ALIGN_LEFT);
    h = std::max(h, LayoutHeight(layout));
    g_object_unref(layout);
  }
  return h + 2 * kCellPadding;
}

void TableRowBlock::Draw(cairo_t* cr, double x, double y, double width) const {
  const double h = Height(cr, width);
  if (header_) {
    cairo_set_source_rgb(cr, 0.953, 0.949, 0.945);
    cairo_rectangle(cr, x, y, width, h);
    cairo_fill(cr);
  }
  const std::vector<double> widths = Widths(width);
  double cx = x;
  for (size_t i = 0; i < cells_.size() && i < widths.size(); ++i) {
    const std::string markup = header_ ? "<b>" + cells_[i] + "</b>" : cells_[i];
    PangoLayout* layout =
        MakeLayout(cr, markup, size_, widths[i] - 2 * kCellPadding, 1.15,
                   columns_[i].numeric && cells_.size() == columns_.size() ? PANGO_ALIGN_RIGHT
                                                                           : PANGO_ALIGN_LEFT);
    cairo_set_source_rgb(cr, 0.043, 0.047, 0.047);
    cairo_move_to(cr, cx + kCellPadding, y + kCellPadding);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    cx += widths[i];
  }
  cairo_set_source_rgb(cr, header_ ? 0.31 : 0.69, header_ ? 0.35 : 0.71, header_ ? 0.37 : 0.71);
  cairo_set_line_width(cr, header_ ? 1.2 : 0.5);
  cairo_move_to(cr, x, y + h);
  cairo_line_to(cr, x + width, y + h);
  cairo_stroke(cr);
}

ChartBlock::ChartBlock(Drawing drawing, double scale)
    : drawing_(std::move(drawing)), scale_(scale) {}

double ChartBlock::Height(cairo_t*, double width) const {
  return drawing_.height * width * scale_ / drawing_.width;
}

void ChartBlock::Draw(cairo_t* cr, double x, double y, double width) const {
  const double s = width * scale_ / drawing_.width;
  PaintDrawing(cr, drawing_, x + (width - drawing_.width * s) / 2, y, s);
}

}  // namespace hc::report::pdf
