#ifndef HC_CLIENTS_CLI_OUTPUT_H_
#define HC_CLIENTS_CLI_OUTPUT_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace hc::cli {

// Text building blocks for hcctl's output. Widths count UTF-8 code points,
// so names with accents still line up. An empty cell or value prints "-".

// The number of code points in UTF-8 `text`, its width on a terminal.
size_t DisplayWidth(absl::string_view text);

// A table with a header row and aligned columns.
class Table {
 public:
  explicit Table(std::vector<std::string> header);

  // Adds a row; it should have as many cells as the header.
  void AddRow(std::vector<std::string> cells);

  // One line per row, columns two spaces apart, each line indented by
  // `indent` spaces; "(none)" alone when there are no rows.
  std::string Render(int indent = 0) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// "key: value" lines with the values aligned.
class Fields {
 public:
  void Add(std::string key, std::string value);
  // A value per line, all aligned; "-" when there are none.
  void Add(std::string key, std::vector<std::string> values);

  // Each line indented by `indent` spaces.
  std::string Render(int indent = 0) const;

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> fields_;
};

// `text` broken at spaces into lines of at most `width` code points (a
// longer word gets a line of its own); a line break in `text` starts a new
// line and a blank line is kept. Empty for an empty `text`.
std::vector<std::string> WrapLines(absl::string_view text, size_t width);

// Text typed by someone else (a respondent's comment, a note) made safe
// for a terminal without changing its words: a line break (\n, \r\n or a
// lone \r, as browsers send) becomes \n, and any other control character
// (C0 but tab, DEL, C1), which could move the cursor or restyle the
// terminal, is shown as \xNN or \u00NN.
std::string TerminalSafe(absl::string_view text);

// The first line of `text` made terminal-safe, cut to at most 40 code
// points with "..." when longer: a long text in a table cell.
std::string Excerpt(absl::string_view text);

// `text` made terminal-safe and wrapped to 79 columns, each line indented
// by `indent` spaces, line breaks and blank lines kept; "-" for an empty
// text. Ends in a newline.
std::string Indented(absl::string_view text, size_t indent);

// A titled block: a blank line, `title`, then `body` (already indented).
std::string Section(absl::string_view title, absl::string_view body);

// Prints `message` as one JSON document (proto3 JSON mapping, indented)
// followed by a newline. Returns INTERNAL if it cannot be converted.
absl::Status PrintJson(const google::protobuf::Message& message,
                       std::ostream& out);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_OUTPUT_H_
