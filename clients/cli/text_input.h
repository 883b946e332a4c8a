#ifndef HC_CLIENTS_CLI_TEXT_INPUT_H_
#define HC_CLIENTS_CLI_TEXT_INPUT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/args.h"

namespace hc::cli {

// A text too long for a flag value, such as a note's text or a finding's
// narrative: the flag naming the file it is read from, and what it is, for
// help and messages.
struct LongText {
  // e.g. "file".
  absl::string_view file_flag;
  // e.g. "the note's text".
  absl::string_view what;
};

inline constexpr LongText kNoteText = {"file", "the note's text"};

// The flag `text.file_flag`, where the text comes from.
FlagSpec TextFileFlag(const LongText& text);

// Where a text comes from: its file flag's PATH (- for standard input),
// else standard input when it is not a terminal, else an editor.
enum class TextSource { kFile, kStandardInput, kEditor };

TextSource TextSourceOf(const FlagValues& flags, const LongText& text);

// Reads `text` from `source`. The editor ($VISUAL, else $EDITOR, else vi;
// run by /bin/sh, so it may carry arguments) opens a temporary file holding
// `initial`. Surrounding white space is dropped. Returns a usage error if
// the file cannot be read, FAILED_PRECONDITION if the editor cannot be run
// or exits with a failure, and CANCELLED if the text is empty: nothing is
// written then.
absl::StatusOr<std::string> ReadText(TextSource source, const FlagValues& flags,
                                     const LongText& text,
                                     absl::string_view initial);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_TEXT_INPUT_H_
