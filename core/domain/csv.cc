#include "core/domain/csv.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace hc::domain {

absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(absl::string_view text) {
  if (text.size() > (1 << 20)) return absl::InvalidArgumentError("csv is larger than 1 MiB");
  // Excel's "CSV UTF-8" starts the file with a byte-order mark.
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  size_t line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        quoted = true;
        break;
      case ',':
        row.push_back(std::move(field));
        field.clear();
        break;
      case '\r':
        break;
      case '\n':
        row.push_back(std::move(field));
        field.clear();
        rows.push_back(std::move(row));
        row.clear();
        ++line;
        break;
      default:
        field.push_back(c);
    }
  }
  if (quoted) {
    return absl::InvalidArgumentError(absl::StrCat("csv line ", line, ": a quote is not closed"));
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hc::domain
