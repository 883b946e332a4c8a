#ifndef HC_CORE_STORAGE_SQLITE_FILE_LOCK_H_
#define HC_CORE_STORAGE_SQLITE_FILE_LOCK_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace hc::storage {

// An exclusive claim on a store for the life of this object, so that two
// processes never serve (or restore) the same store: an flock() lock on
// `<store>.lock`, a file beside it that is never renamed or removed.
class FileLock {
 public:
  // Checks that `path` can be opened for writing (creating it, mode 0600)
  // and locks `<path>.lock`. FAILED_PRECONDITION if
  // another process holds it, or if this process cannot write the file or
  // the directory that holds it (the store's log and index files live
  // beside it).
  static absl::StatusOr<std::unique_ptr<FileLock>> Acquire(const std::string& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_FILE_LOCK_H_
