#ifndef HC_CORE_REPORT_PDF_LAYOUT_H_
#define HC_CORE_REPORT_PDF_LAYOUT_H_

#include <cairo.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

// A small page layout engine: a flow of blocks placed one under another on
// pages of a fixed size. It keeps a block that must stay with the next one
// (a heading, a table's header row) off the bottom of a page, never splits a
// block (a table row is one block), and repeats a table's header row at the
// top of a page the table continues on. Not thread-safe: one flow and one
// cairo context per rendering.
namespace hc::report::pdf {

// A4 in PostScript points.
struct PageGeometry {
  double width = 595.28;
  double height = 841.89;
  double margin_top = 62;
  double margin_bottom = 66;
  double margin_left = 62;
  double margin_right = 62;
  double ContentWidth() const { return width - margin_left - margin_right; }
  double ContentHeight() const { return height - margin_top - margin_bottom; }
};

// Something drawn in the flow, as wide as the content area.
class Block {
 public:
  virtual ~Block() = default;
  // The height the block takes at `width`, measured on `cr`.
  virtual double Height(cairo_t* cr, double width) const = 0;
  // Draws the block with its top-left corner at (x, y).
  virtual void Draw(cairo_t* cr, double x, double y, double width) const = 0;
};

struct FlowItem {
  std::shared_ptr<const Block> block;
  double space_before = 0;       // dropped at the top of a page
  bool keep_with_next = false;   // never the last thing on a page
  bool page_break_before = false;
  std::string anchor;            // when set, its page is recorded
  // For a table's rows: the table's header row, repeated at the top of a
  // page when the table continues there.
  std::shared_ptr<const Block> repeat_header;
};

struct Placement {
  int page = 0;  // 1-based
  double y = 0;  // from the top of the content area
  const Block* block = nullptr;
};

struct Layout {
  std::vector<Placement> placements;  // page order
  int pages = 0;
  std::map<std::string, int> anchor_pages;
};

// Places the flow on pages.
Layout LayOut(cairo_t* cr, const PageGeometry& geometry, const std::vector<FlowItem>& flow);

// What every page carries besides the flow.
struct PageFurniture {
  std::string running_title;  // left of the footer
  bool draft = false;         // "DRAFT" at the top of every page
};

// Draws the laid-out pages on `cr` (whose surface is the document), one
// cairo page per layout page, each with its header and footer
// ("Page N of M").
void DrawPages(cairo_t* cr, const PageGeometry& geometry, const Layout& layout,
               const PageFurniture& furniture);

}  // namespace hc::report::pdf

#endif  // HC_CORE_REPORT_PDF_LAYOUT_H_
