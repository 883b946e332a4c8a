#include "clients/cli/text_input.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"

namespace hc::cli {
namespace {

absl::StatusOr<std::string> ReadStream(std::istream& in,
                                       absl::string_view what) {
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return UsageError(absl::StrCat(what, ": cannot read"));
  return text.str();
}

// Reads the file given to flag `flag` (named in the error).
absl::StatusOr<std::string> ReadFile(absl::string_view flag,
                                     const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    return UsageError(absl::StrCat("invalid --", flag, " \"", path,
                                   "\": cannot read: ", std::strerror(errno)));
  }
  return ReadStream(file, path);
}

std::string EditorCommand() {
  for (const char* name : {"VISUAL", "EDITOR"}) {
    const char* editor = std::getenv(name);
    if (editor != nullptr && *editor != '\0') return editor;
  }
  return "vi";
}

// Runs the editor on `path` and waits for it. The path is passed as the
// shell's $1, never spliced into the command, so no file name is shell
// syntax.
absl::Status RunEditor(const std::string& path) {
  const std::string editor = EditorCommand();
  const std::string command = absl::StrCat(editor, " \"$1\"");
  const pid_t child = ::fork();
  if (child < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot start the editor: ", std::strerror(errno)));
  }
  if (child == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), "sh", path.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      return absl::FailedPreconditionError(
          absl::StrCat("lost the editor: ", std::strerror(errno)));
    }
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the editor (", editor,
        ") failed; nothing was written (set VISUAL or EDITOR to choose "
        "another)"));
  }
  return absl::OkStatus();
}

// The text the user leaves in a temporary file opened in the editor with
// `initial`. The file is removed afterwards.
absl::StatusOr<std::string> EditText(absl::string_view initial) {
  std::string path =
      (std::filesystem::temp_directory_path() / "hcctl-text-XXXXXX.txt")
          .string();
  const int fd = ::mkstemps(path.data(), 4);
  if (fd < 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot make a temporary file for the editor: ", std::strerror(errno)));
  }
  ::close(fd);
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!initial.empty()) file << initial << "\n";
  }
  absl::Status edited = RunEditor(path);
  absl::StatusOr<std::string> text = edited.ok()
                                         ? ReadFile("file", path)
                                         : absl::StatusOr<std::string>(edited);
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  return text;
}

}  // namespace

FlagSpec TextFileFlag(const LongText& text) {
  return {std::string(text.file_flag), "PATH",
          absl::StrCat("Read ", text.what,
                       " from PATH (- for standard input). Without it, the "
                       "text is read from standard input when that is not a "
                       "terminal, else written in $VISUAL, $EDITOR or vi.")};
}

TextSource TextSourceOf(const FlagValues& flags, const LongText& text) {
  if (flags.Has(text.file_flag) && flags.Get(text.file_flag) != "-") {
    return TextSource::kFile;
  }
  if (flags.Has(text.file_flag) || !::isatty(STDIN_FILENO)) {
    return TextSource::kStandardInput;
  }
  return TextSource::kEditor;
}

absl::StatusOr<std::string> ReadText(TextSource source, const FlagValues& flags,
                                     const LongText& text,
                                     absl::string_view initial) {
  absl::StatusOr<std::string> read;
  switch (source) {
    case TextSource::kFile:
      read = ReadFile(text.file_flag, flags.Get(text.file_flag));
      break;
    case TextSource::kStandardInput:
      read = ReadStream(std::cin, "standard input");
      break;
    case TextSource::kEditor:
      read = EditText(initial);
      break;
  }
  if (!read.ok()) return read;
  const std::string trimmed(absl::StripAsciiWhitespace(*read));
  if (trimmed.empty()) {
    return absl::CancelledError(
        absl::StrCat(text.what, " is empty; nothing was written"));
  }
  return trimmed;
}

}  // namespace hc::cli
