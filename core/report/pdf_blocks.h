#ifndef HC_CORE_REPORT_PDF_BLOCKS_H_
#define HC_CORE_REPORT_PDF_BLOCKS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/report/drawing.h"
#include "core/report/pdf_layout.h"

// The kinds of block the report's PDF is made of: wrapped text (pango
// markup), one table row, a chart, and empty space. Immutable once built,
// so a block may be measured and drawn any number of times.
namespace hc::report::pdf {

// `text` as valid UTF-8 (xml_escape.h: ValidUtf8), escaped for pango markup.
std::string Markup(absl::string_view text);

struct TextStyle {
  double size = 10;  // points
  bool bold = false;
  bool italic = false;
  Colour colour{11, 12, 12};
  double indent = 0;         // left, points
  double line_spacing = 1.25;
  std::optional<Colour> background;
  std::optional<Colour> left_rule;  // a coloured bar left of the text
  std::optional<Colour> underline;  // a rule under the block (headings)
};

// A paragraph of pango markup wrapped to the width.
class TextBlock final : public Block {
 public:
  TextBlock(std::string markup, TextStyle style);
  double Height(cairo_t* cr, double width) const override;
  void Draw(cairo_t* cr, double x, double y, double width) const override;

 private:
  double Padding() const;
  double TextLeft() const;
  std::string Styled() const;
  std::string markup_;
  TextStyle style_;
};

struct TableColumn {
  double share = 1;  // of the table's width, relative to the other columns
  bool numeric = false;  // right-aligned
};

// One row of a table: cells of markup in columns; a header row is bold on a
// shaded background. A row with fewer cells than columns has its last cell
// span the columns left over.
class TableRowBlock final : public Block {
 public:
  TableRowBlock(std::vector<TableColumn> columns, std::vector<std::string> cells, bool header,
                double size = 9);
  double Height(cairo_t* cr, double width) const override;
  void Draw(cairo_t* cr, double x, double y, double width) const override;

 private:
  std::vector<double> Widths(double width) const;
  std::vector<TableColumn> columns_;
  std::vector<std::string> cells_;
  bool header_;
  double size_;
};

// A chart drawn as vectors at the width, scaled down by `scale` of it.
class ChartBlock final : public Block {
 public:
  ChartBlock(Drawing drawing, double scale);
  double Height(cairo_t* cr, double width) const override;
  void Draw(cairo_t* cr, double x, double y, double width) const override;

 private:
  Drawing drawing_;
  double scale_;
};

class SpaceBlock final : public Block {
 public:
  explicit SpaceBlock(double height) : height_(height) {}
  double Height(cairo_t*, double) const override { return height_; }
  void Draw(cairo_t*, double, double, double) const override {}

 private:
  double height_;
};

}  // namespace hc::report::pdf

#endif  // HC_CORE_REPORT_PDF_BLOCKS_H_
