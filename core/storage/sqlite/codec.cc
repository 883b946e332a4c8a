#include "core/storage/sqlite/codec.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace hc::storage {

std::string DateText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<std::string> DateText(const std::optional<absl::CivilDay>& day) {
  if (!day) return std::nullopt;
  return DateText(*day);
}

absl::StatusOr<std::optional<absl::CivilDay>> ReadDate(const Statement& st, int column) {
  if (st.IsNull(column)) return std::optional<absl::CivilDay>();
  absl::CivilDay day;
  const std::string text = st.Text(column);
  if (!absl::ParseCivilTime(text, &day)) {
    return absl::DataLossError(absl::StrCat("unreadable date '", text, "' in the store"));
  }
  return std::optional<absl::CivilDay>(day);
}

std::string EncodeScores(const std::map<std::string, int>& scores) {
  std::string text;
  for (const auto& [code, value] : scores) absl::StrAppend(&text, code, "\t", value, "\n");
  return text;
}

absl::StatusOr<std::map<std::string, int>> DecodeScores(absl::string_view text) {
  std::map<std::string, int> scores;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    const std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(line, '\t');
    int value = 0;
    if (parts.first.empty() || !absl::SimpleAtoi(parts.second, &value)) {
      return absl::DataLossError("an unreadable answer in the store");
    }
    scores[std::string(parts.first)] = value;
  }
  return scores;
}

}  // namespace hc::storage
