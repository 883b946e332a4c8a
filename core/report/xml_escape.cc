#include "core/report/xml_escape.h"

#include <cstdint>

namespace hc::report {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// The length of the UTF-8 sequence starting at `i`, or 0 if it is not one
// (truncated, overlong, a surrogate, beyond U+10FFFF, or U+FFFE/U+FFFF).
size_t SequenceLength(absl::string_view text, size_t i) {
  const unsigned char lead = text[i];
  const size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                    : (lead >> 3) == 0x1E                      ? 4
                                                                               : 0;
  if (len == 0 || i + len > text.size()) return 0;
  if (len == 1) return 1;
  uint32_t code = lead & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const unsigned char next = text[i + k];
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool valid = code >= kSmallest[len] && code <= 0x10FFFF &&
                     !(code >= 0xD800 && code <= 0xDFFF) && code != 0xFFFE && code != 0xFFFF;
  return valid ? len : 0;
}

}  // namespace

std::string ValidUtf8(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t len = SequenceLength(text, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.data() + i, len);
      i += len;
    }
  }
  return out;
}

std::string XmlEscape(absl::string_view raw) {
  const std::string text = ValidUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters other than tab and newline are not allowed in
        // XML 1.0 at all; a stray one would make the document unreadable.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace hc::report
