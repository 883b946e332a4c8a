#include "core/domain/validation.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hc::domain {
namespace {

// Counts the code points of valid UTF-8, or returns npos for invalid input
// or a forbidden control character.
size_t CountCharacters(absl::string_view s, bool multiline) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    if (c < 0x80) {
      const bool allowed_control = multiline && (c == '\n' || c == '\t' || c == '\r');
      if ((c < 0x20 || c == 0x7f) && !allowed_control) return absl::string_view::npos;
      len = 1;
    } else if ((c & 0xe0) == 0xc0 && c >= 0xc2) {
      len = 2;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
    } else if ((c & 0xf8) == 0xf0 && c <= 0xf4) {
      len = 4;
    } else {
      return absl::string_view::npos;
    }
    if (i + len > s.size()) return absl::string_view::npos;
    // The second byte's range excludes overlong forms, UTF-16 surrogates and
    // code points above U+10FFFF (RFC 3629, section 4).
    const auto second = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if ((c == 0xe0 && second < 0xa0) || (c == 0xed && second > 0x9f) ||
        (c == 0xf0 && second < 0x90) || (c == 0xf4 && second > 0x8f)) {
      return absl::string_view::npos;
    }
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) {
        return absl::string_view::npos;
      }
    }
    i += len;
    ++count;
  }
  return count;
}

}  // namespace

absl::Status CheckText(absl::string_view field, absl::string_view value,
                       size_t min_chars, size_t max_chars, bool multiline) {
  const size_t n = CountCharacters(value, multiline);
  if (n == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " must be UTF-8 text without control characters"));
  }
  if (min_chars > 0 && absl::StripAsciiWhitespace(value).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is required"));
  }
  if (n < min_chars || n > max_chars) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, " must be ", min_chars, "-", max_chars, " characters, not ", n));
  }
  return absl::OkStatus();
}

absl::Status CheckTextList(absl::string_view field,
                           const std::vector<std::string>& values,
                           size_t max_entries, size_t max_chars,
                           bool multiline) {
  if (values.size() > max_entries) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, " may hold at most ", max_entries, " entries, not ", values.size()));
  }
  for (size_t i = 0; i < values.size(); ++i) {
    absl::Status s = CheckText(absl::StrCat(field, "[", i, "]"), values[i], 1,
                               max_chars, multiline);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status CheckDistinct(absl::string_view field, const std::vector<std::string>& values) {
  std::set<absl::string_view> seen;
  for (const std::string& value : values) {
    if (!seen.insert(value).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, " lists \"", value.substr(0, 40), "\" twice"));
    }
  }
  return absl::OkStatus();
}

std::string NormaliseName(absl::string_view name) {
  std::string out;
  bool pending_space = false;
  for (char c : name) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace hc::domain
