#include "core/storage/sqlite/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"

namespace hc::storage {

absl::StatusOr<std::unique_ptr<FileLock>> FileLock::Acquire(const std::string& path) {
  const std::filesystem::path file(path);
  const std::string dir = file.has_parent_path() ? file.parent_path().string() : ".";
  if (::access(dir.c_str(), W_OK) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot write in ", dir, " (", std::strerror(errno),
                     "): the store's log and index files live beside it"));
  }
  const int store = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (store < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot open ", path, " for writing (", std::strerror(errno), ")"));
  }
  ::close(store);
  // The lock is on a file of its own that is never renamed, so that a
  // restore, which renames the store, keeps it throughout.
  const std::string lock_path = absl::StrCat(path, ".lock");
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot open ", lock_path, " (", std::strerror(errno), ")"));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) {
      return absl::FailedPreconditionError(
          absl::StrCat("the store ", path, " is in use by another process; stop it first"));
    }
    return absl::FailedPreconditionError(
        absl::StrCat("cannot lock ", path, " (", std::strerror(error), ")"));
  }
  return std::unique_ptr<FileLock>(new FileLock(fd));
}

FileLock::~FileLock() { ::close(fd_); }

}  // namespace hc::storage
