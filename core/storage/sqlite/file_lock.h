#ifndef HC_CORE_STORAGE_SQLITE_FILE_LOCK_H_
#define HC_CORE_STORAGE_SQLITE_FILE_LOCK_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace hc::storage {

// An exclusive claim on a store file for the life of this object, so that
// two processes never serve (or restore) the same store. It is an flock()
// lock, apart from the POSIX locks SQLite takes on the same file; the
// descriptor stays open until the object is destroyed, which must come
// after every SQLite connection to the file has closed.
class FileLock {
 public:
  // Opens (creating, mode 0600) and locks `path`. FAILED_PRECONDITION if
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
