#include "core/report/palette.h"

#include "absl/strings/str_format.h"

namespace hc::report::palette {

std::string Hex(const Colour& colour) {
  return absl::StrFormat("#%02x%02x%02x", colour.r, colour.g, colour.b);
}

}  // namespace hc::report::palette
