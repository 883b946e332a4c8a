#ifndef HC_CORE_REPORT_SVG_WRITER_H_
#define HC_CORE_REPORT_SVG_WRITER_H_

#include <string>

#include "core/report/drawing.h"

namespace hc::report {

// The drawing as an inline <svg> element that is also well-formed XML: a
// viewBox of the drawing's size, a <title>, each shape with its role as
// class, every text escaped. Thread-safe (no state).
std::string DrawingToSvg(const Drawing& drawing);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_SVG_WRITER_H_
