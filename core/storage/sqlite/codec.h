#ifndef HC_CORE_STORAGE_SQLITE_CODEC_H_
#define HC_CORE_STORAGE_SQLITE_CODEC_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/storage/sqlite/database.h"

// How domain values are kept in columns, and read back with checks: a value
// the binary cannot read is DATA_LOSS, never a guess.
namespace hc::storage {

inline int64_t ToMicros(absl::Time t) { return absl::ToUnixMicros(t); }
inline absl::Time FromMicros(int64_t us) { return absl::FromUnixMicros(us); }
inline std::optional<int64_t> MicrosOrNull(const std::optional<absl::Time>& t) {
  return t ? std::optional<int64_t>(ToMicros(*t)) : std::nullopt;
}

// Empty text as NULL: for optional references, which NULL keeps out of
// foreign-key checks.
inline std::optional<std::string> OrNull(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<std::string> DateText(const std::optional<absl::CivilDay>& day);
std::string DateText(absl::CivilDay day);

// Reads an optional 'YYYY-MM-DD' column.
absl::StatusOr<std::optional<absl::CivilDay>> ReadDate(const Statement& st, int column);

// Score maps (statement or section code -> value) as "code\tvalue" lines,
// in code order. Codes hold no control characters (domain validation).
std::string EncodeScores(const std::map<std::string, int>& scores);
absl::StatusOr<std::map<std::string, int>> DecodeScores(absl::string_view text);

// Reads an enum column through its parser (e.g. domain::ParseStage).
template <typename Parser>
auto ReadEnum(const Statement& st, int column, Parser parse)
    -> absl::StatusOr<typename decltype(parse(absl::string_view()))::value_type> {
  const std::string text = st.Text(column);
  auto value = parse(text);
  if (!value) {
    return absl::DataLossError(absl::StrCat("unknown value '", text, "' in the store"));
  }
  return *value;
}

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_CODEC_H_
