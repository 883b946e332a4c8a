#include "core/domain/password_policy.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace hc::domain {

// core/domain/data/common_passwords.txt, built in (core/domain/CMakeLists.txt).
absl::string_view CommonPasswordsText();

namespace {

const absl::flat_hash_set<std::string>& CommonPasswords() {
  static const auto* const set = [] {
    auto* words = new absl::flat_hash_set<std::string>();
    for (absl::string_view line : absl::StrSplit(CommonPasswordsText(), '\n', absl::SkipEmpty())) {
      if (!absl::StartsWith(line, "#")) words->insert(std::string(line));
    }
    return words;
  }();
  return *set;
}

// Lower case, with no spaces: how a name is looked for inside a password.
std::string Squashed(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

bool IsCommon(const std::string& lowered) {
  if (CommonPasswords().contains(lowered)) return true;
  // The common word with digits or symbols added at the end.
  size_t end = lowered.size();
  while (end > 0 && !absl::ascii_isalpha(static_cast<unsigned char>(lowered[end - 1]))) --end;
  return end > 0 && end < lowered.size() && CommonPasswords().contains(lowered.substr(0, end));
}

}  // namespace

absl::Status CheckNewPassword(absl::string_view password, const User& user) {
  // Counted in characters, not bytes: "é" is one.
  size_t characters = 0;
  for (unsigned char c : password) characters += (c & 0xC0) != 0x80;
  if (characters < kMinPasswordCharacters) {
    return absl::InvalidArgumentError(
        absl::StrCat("Password must be ", kMinPasswordCharacters, " characters or more"));
  }
  if (characters > kMaxPasswordCharacters) {
    return absl::InvalidArgumentError(
        absl::StrCat("Password must be ", kMaxPasswordCharacters, " characters or fewer"));
  }
  const std::string lowered = absl::AsciiStrToLower(password);
  if (IsCommon(lowered)) {
    return absl::InvalidArgumentError(
        "Password is too common: choose one that others would not guess, such as three or four "
        "unrelated words");
  }
  const std::string squashed = Squashed(password);
  const std::string name = Squashed(user.display_name);
  const std::string mailbox = EmailKey(user.email.substr(0, user.email.find('@')));
  for (const std::string& own : {name, mailbox}) {
    if (own.size() >= 3 && absl::StrContains(squashed, own)) {
      return absl::InvalidArgumentError("Password must not contain your name or email address");
    }
  }
  for (absl::string_view part : absl::StrSplit(user.display_name, ' ', absl::SkipEmpty())) {
    if (part.size() >= 4 && absl::StrContains(lowered, absl::AsciiStrToLower(part))) {
      return absl::InvalidArgumentError("Password must not contain your name or email address");
    }
  }
  return absl::OkStatus();
}

}  // namespace hc::domain
