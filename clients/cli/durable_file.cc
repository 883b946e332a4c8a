#include "clients/cli/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"

namespace hc::cli {
namespace {

namespace fs = std::filesystem;

absl::Status ErrnoError(absl::string_view what, const fs::path& path) {
  const int error = errno;
  return absl::Status(absl::ErrnoToStatusCode(error),
                      absl::StrCat("cannot ", what, " ", path.string(), ": ",
                                   std::strerror(error)));
}

}  // namespace

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

absl::Status SyncDirectory(const fs::path& dir) {
  const FileDescriptor fd(
      ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) return ErrnoError("flush", dir);
  return absl::OkStatus();
}

absl::Status WriteFileDurably(const fs::path& path,
                              absl::string_view contents) {
  const fs::path temp = fs::path(absl::StrCat(path.string(), kTemporarySuffix));
  {
    const FileDescriptor fd(
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (fd.get() < 0) return ErrnoError("create", temp);
    while (!contents.empty()) {
      const ssize_t written =
          ::write(fd.get(), contents.data(), contents.size());
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) return ErrnoError("write", temp);
      contents.remove_prefix(static_cast<size_t>(written));
    }
    if (::fsync(fd.get()) != 0) return ErrnoError("flush", temp);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    return ErrnoError("rename into place", temp);
  }
  // A bare file name's parent path is empty: the working directory.
  const fs::path dir = path.has_parent_path() ? path.parent_path() : ".";
  return SyncDirectory(dir);
}

}  // namespace hc::cli
