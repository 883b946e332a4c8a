#include "core/storage/sqlite/codec.h"

#include "absl/strings/str_cat.h"

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

}  // namespace hc::storage
