#ifndef HC_CLIENTS_CLI_DURABLE_FILE_H_
#define HC_CLIENTS_CLI_DURABLE_FILE_H_

#include <filesystem>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace hc::cli {

// Writing files so that a crash leaves each one whole or as it was, never
// half written: for the offline note queue, and for files hcctl is asked
// to save.

// What WriteFileDurably appends to a file's name for its temporary file,
// which a crash may leave behind.
inline constexpr absl::string_view kTemporarySuffix = ".tmp";

// Closes `fd` when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor();
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Makes a rename or unlink in `dir` durable. On failure, the errno's code
// with "cannot flush DIR: reason".
absl::Status SyncDirectory(const std::filesystem::path& dir);

// Replaces `path` with `contents` atomically and durably: a temporary file
// (`path` plus kTemporarySuffix, owner-only, mode 0600) written and flushed
// (fsync), renamed over `path`, then the directory flushed. On failure, the
// errno's code with "cannot <step> <file>: reason"; `path` is then as it
// was.
absl::Status WriteFileDurably(const std::filesystem::path& path,
                              absl::string_view contents);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_DURABLE_FILE_H_
