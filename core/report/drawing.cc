#include "core/report/drawing.h"

namespace hc::report {

double EstimateTextWidth(const std::string& text, double size) {
  int chars = 0;
  // Count characters, not bytes: UTF-8 continuation bytes are 10xxxxxx.
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return chars * size * 0.62;
}

}  // namespace hc::report
