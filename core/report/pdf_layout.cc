#include "core/report/pdf_layout.h"

#include <pango/pangocairo.h>

#include "absl/strings/str_cat.h"
#include "core/report/xml_escape.h"

namespace hc::report::pdf {
namespace {

// The space a chain of keep-with-next items needs, from `i` up to and
// including the first item that does not keep with the next one.
double ChainHeight(const std::vector<FlowItem>& flow, const std::vector<double>& heights,
                   size_t i) {
  double need = heights[i];
  for (size_t j = i; j + 1 < flow.size() && flow[j].keep_with_next; ++j) {
    if (flow[j + 1].page_break_before) break;
    need += flow[j + 1].space_before + heights[j + 1];
  }
  return need;
}

// Whether item `i` continues the table that item `i - 1` belongs to.
bool ContinuesTable(const std::vector<FlowItem>& flow, size_t i) {
  if (i == 0 || !flow[i].repeat_header) return false;
  const FlowItem& previous = flow[i - 1];
  return previous.repeat_header == flow[i].repeat_header ||
         previous.block == flow[i].repeat_header;
}

void ShowText(cairo_t* cr, const std::string& markup, double size, double x, double y,
              double width, PangoAlignment alignment) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_alignment(layout, alignment);
  pango_layout_set_markup(layout, markup.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

void DrawFurniture(cairo_t* cr, const PageGeometry& g, int page, int pages,
                   const PageFurniture& f) {
  const double width = g.ContentWidth();
  const double footer_y = g.height - g.margin_bottom + 22;
  cairo_set_source_rgb(cr, 0.69, 0.71, 0.71);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, g.margin_left, footer_y - 6);
  cairo_line_to(cr, g.margin_left + width, footer_y - 6);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.31, 0.35, 0.37);
  const std::string valid = ValidUtf8(f.running_title);
  char* title = g_markup_escape_text(valid.c_str(), -1);
  ShowText(cr, title, 8, g.margin_left, footer_y, width * 0.75, PANGO_ALIGN_LEFT);
  g_free(title);
  ShowText(cr, absl::StrCat("Page ", page, " of ", pages), 8, g.margin_left, footer_y, width,
           PANGO_ALIGN_RIGHT);
  if (f.draft) {
    cairo_set_source_rgb(cr, 0.83, 0.21, 0.11);
    ShowText(cr, "<b>DRAFT</b>", 10, g.margin_left, 26, width, PANGO_ALIGN_CENTER);
  }
}

}  // namespace

Layout LayOut(cairo_t* cr, const PageGeometry& geometry, const std::vector<FlowItem>& flow) {
  const double width = geometry.ContentWidth();
  const double page_height = geometry.ContentHeight();
  std::vector<double> heights;
  heights.reserve(flow.size());
  for (const FlowItem& item : flow) heights.push_back(item.block->Height(cr, width));

  Layout layout;
  layout.pages = 1;
  double y = 0;
  auto new_page = [&] {
    ++layout.pages;
    y = 0;
  };
  for (size_t i = 0; i < flow.size(); ++i) {
    const FlowItem& item = flow[i];
    if (item.page_break_before && (y > 0 || !layout.placements.empty())) new_page();
    const double space = y > 0 ? item.space_before : 0;
    // A block taller than a page goes at the top of its own page and runs
    // over the bottom margin rather than looping for ever.
    if (y > 0 && y + space + ChainHeight(flow, heights, i) > page_height) new_page();
    if (y == 0 && ContinuesTable(flow, i)) {
      layout.placements.push_back({layout.pages, 0, item.repeat_header.get()});
      y += item.repeat_header->Height(cr, width);
    }
    const double top = y > 0 ? y + space : 0;
    layout.placements.push_back({layout.pages, top, item.block.get()});
    if (!item.anchor.empty()) layout.anchor_pages[item.anchor] = layout.pages;
    y = top + heights[i];
  }
  return layout;
}

void DrawPages(cairo_t* cr, const PageGeometry& geometry, const Layout& layout,
               const PageFurniture& furniture) {
  size_t next = 0;
  for (int page = 1; page <= layout.pages; ++page) {
    DrawFurniture(cr, geometry, page, layout.pages, furniture);
    for (; next < layout.placements.size() && layout.placements[next].page == page; ++next) {
      const Placement& p = layout.placements[next];
      p.block->Draw(cr, geometry.margin_left, geometry.margin_top + p.y, geometry.ContentWidth());
    }
    cairo_show_page(cr);
  }
}

}  // namespace hc::report::pdf
