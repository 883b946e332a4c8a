#include "clients/cli/output.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"

namespace hc::cli {
namespace {

std::string PadTo(absl::string_view text, size_t width) {
  return absl::StrCat(
      text, std::string(width - std::min(width, DisplayWidth(text)), ' '));
}

std::string OrDash(std::string text) {
  return text.empty() ? std::string("-") : std::move(text);
}

}  // namespace

// The bytes that do not continue a sequence.
size_t DisplayWidth(absl::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c & 0xc0) != 0x80; });
}

Table::Table(std::vector<std::string> header) {
  rows_.push_back(std::move(header));
}

void Table::AddRow(std::vector<std::string> cells) {
  for (std::string& cell : cells) cell = OrDash(std::move(cell));
  rows_.push_back(std::move(cells));
}

std::string Table::Render(int indent) const {
  const std::string margin(indent, ' ');
  if (rows_.size() == 1) return absl::StrCat(margin, "(none)\n");
  std::vector<size_t> widths;
  for (const auto& row : rows_) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string text;
  for (const auto& row : rows_) {
    std::string line = margin;
    for (size_t i = 0; i < row.size(); ++i) {
      const bool last = i + 1 == row.size();
      absl::StrAppend(&line, last ? row[i] : PadTo(row[i], widths[i] + 2));
    }
    absl::StrAppend(&text, line, "\n");
  }
  return text;
}

void Fields::Add(std::string key, std::string value) {
  fields_.emplace_back(std::move(key),
                       std::vector<std::string>{OrDash(std::move(value))});
}

void Fields::Add(std::string key, std::vector<std::string> values) {
  if (values.empty()) values.push_back("");
  for (std::string& value : values) value = OrDash(std::move(value));
  fields_.emplace_back(std::move(key), std::move(values));
}

std::string Fields::Render(int indent) const {
  size_t width = 0;
  for (const auto& field : fields_) {
    width = std::max(width, DisplayWidth(field.first) + 1);
  }
  const std::string margin(indent, ' ');
  const std::string continuation(indent + width + 2, ' ');
  std::string text;
  for (const auto& [key, values] : fields_) {
    absl::StrAppend(&text, margin, PadTo(absl::StrCat(key, ":"), width + 2),
                    values.front(), "\n");
    for (size_t i = 1; i < values.size(); ++i) {
      absl::StrAppend(&text, continuation, values[i], "\n");
    }
  }
  return text;
}

std::vector<std::string> WrapLines(absl::string_view text, size_t width) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  for (absl::string_view paragraph : absl::StrSplit(text, '\n')) {
    std::string line;
    size_t line_width = 0;
    for (absl::string_view word :
         absl::StrSplit(paragraph, ' ', absl::SkipEmpty())) {
      const size_t word_width = DisplayWidth(word);
      if (!line.empty() && line_width + 1 + word_width > width) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
      }
      if (!line.empty()) {
        line.push_back(' ');
        ++line_width;
      }
      absl::StrAppend(&line, word);
      line_width += word_width;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string Excerpt(absl::string_view text) {
  constexpr size_t kExcerptWidth = 40;
  std::string line = TerminalSafe(text.substr(0, text.find_first_of("\r\n")));
  if (DisplayWidth(line) <= kExcerptWidth) return line;
  size_t points = 0;
  size_t end = 0;
  while (end < line.size() && points < kExcerptWidth - 3) {
    ++end;
    while (end < line.size() &&
           (static_cast<unsigned char>(line[end]) & 0xc0) == 0x80) {
      ++end;
    }
    ++points;
  }
  return absl::StrCat(line.substr(0, end), "...");
}

std::string Indented(absl::string_view text, size_t indent) {
  constexpr size_t kLineWidth = 79;
  std::vector<std::string> lines =
      WrapLines(TerminalSafe(text), kLineWidth - indent);
  if (lines.empty()) lines.push_back("-");
  std::string out;
  for (const std::string& line : lines) {
    absl::StrAppend(&out, line.empty() ? "" : std::string(indent, ' '), line,
                    "\n");
  }
  return out;
}

std::string Section(absl::string_view title, absl::string_view body) {
  return absl::StrCat("\n", title, "\n", body);
}

absl::Status PrintJson(const google::protobuf::Message& message,
                       std::ostream& out) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("cannot print the response as JSON: ", status.ToString()));
  }
  if (json.empty() || json.back() != '\n') json.push_back('\n');
  out << json;
  return absl::OkStatus();
}

std::string TerminalSafe(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t') {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7f) {
      absl::StrAppendFormat(&out, "\\x%02x", c);
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      absl::StrAppendFormat(&out, "\\u%04x",
                            static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace hc::cli
