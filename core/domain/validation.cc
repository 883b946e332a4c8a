#include "core/domain/validation.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace hc::domain {
namespace {

// True for the bidi embedding, override and isolate controls (U+202A-E,
// U+2066-9), which reorder the text shown around them: in a name they can
// make it read as another. The marks (U+200E, U+200F, U+061C) are ordinary
// in Arabic and Hebrew names and stay allowed.
bool IsBidiControl(absl::string_view utf8) {
  if (utf8.size() != 3 || utf8[0] != '\xE2') return false;
  const auto b1 = static_cast<unsigned char>(utf8[1]);
  const auto b2 = static_cast<unsigned char>(utf8[2]);
  return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

// Counts the code points of valid UTF-8, or returns npos for invalid input,
// a forbidden control character, or (on one line) a bidi control.
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
    if (!multiline && IsBidiControl(s.substr(i, len))) return absl::string_view::npos;
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

bool PlausibleEmail(absl::string_view email) {
  const size_t at = email.find('@');
  return at != absl::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == absl::string_view::npos &&
         !absl::StrContains(email, " ") && email.find('.', at) != absl::string_view::npos;
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
  // NFKC with case folding also drops default-ignorable code points: zero-
  // width spaces and joiners, soft hyphens, bidi controls.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folding = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) {
    const icu::StringPiece utf8(name.data(), static_cast<int32_t>(name.size()));
    folded = folding->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  }
  if (U_FAILURE(status)) folded = icu::UnicodeString::fromUTF8(std::string(name));
  // White space of any kind folds to one space, none at either end, and
  // punctuation at the end ("Anytown NHS Trust.") is dropped.
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar32>(' '));
    pending_space = false;
    out.append(c);
  }
  while (!out.isEmpty() && u_ispunct(out.char32At(out.length() - 1))) {
    out.truncate(out.length() - U16_LENGTH(out.char32At(out.length() - 1)));
    while (!out.isEmpty() && u_isUWhiteSpace(out.char32At(out.length() - 1))) {
      out.truncate(out.length() - 1);
    }
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string ConfusableSkeleton(absl::string_view name) {
  const std::string normal = NormaliseName(name);
  UErrorCode status = U_ZERO_ERROR;
  // uspoof_getSkeleton is safe to call on one checker from many threads.
  static USpoofChecker* const checker = uspoof_open(&status);
  if (checker == nullptr) return normal;
  status = U_ZERO_ERROR;
  std::string skeleton(normal.size() * 4 + 16, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    const int32_t n = uspoof_getSkeletonUTF8(checker, 0, normal.data(),
                                             static_cast<int32_t>(normal.size()), skeleton.data(),
                                             static_cast<int32_t>(skeleton.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR && n > 0) {
      skeleton.assign(static_cast<size_t>(n) + 1, '\0');  // room for ICU's terminator
      continue;
    }
    if (U_FAILURE(status) || n < 0) break;
    skeleton.resize(static_cast<size_t>(n));
    return skeleton;
  }
  return normal;
}

}  // namespace hc::domain
