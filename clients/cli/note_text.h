#ifndef HC_CLIENTS_CLI_NOTE_TEXT_H_
#define HC_CLIENTS_CLI_NOTE_TEXT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/args.h"

namespace hc::cli {

// The flag --file, where a note's text comes from.
FlagSpec NoteFileFlag();

// Where the text of a note comes from: --file PATH (--file - for standard
// input), else standard input when it is not a terminal, else an editor.
enum class TextSource { kFile, kStandardInput, kEditor };

TextSource NoteTextSource(const FlagValues& flags);

// Reads a note's text from `source`. The editor ($VISUAL, else $EDITOR,
// else vi; run by /bin/sh, so it may carry arguments) opens a temporary
// file holding `initial`. Surrounding white space is dropped. Returns a
// usage error if the file cannot be read, FAILED_PRECONDITION if the editor
// cannot be run or exits with a failure, and CANCELLED if the text is
// empty: nothing is written then.
absl::StatusOr<std::string> ReadNoteText(TextSource source,
                                         const FlagValues& flags,
                                         absl::string_view initial);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_NOTE_TEXT_H_
