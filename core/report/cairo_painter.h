#ifndef HC_CORE_REPORT_CAIRO_PAINTER_H_
#define HC_CORE_REPORT_CAIRO_PAINTER_H_

#include <cairo.h>

#include "core/report/drawing.h"

namespace hc::report {

// Paints the drawing as vectors on `cr` with its top-left corner at (x, y)
// and every length multiplied by `scale`; text through pango in the chart
// font. Leaves the context's state as it found it. Thread-safe as far as
// cairo is: one context must not be shared between threads.
void PaintDrawing(cairo_t* cr, const Drawing& drawing, double x, double y, double scale);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_CAIRO_PAINTER_H_
