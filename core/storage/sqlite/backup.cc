#include "core/storage/sqlite/backup.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/file_lock.h"
#include "core/storage/sqlite/migrations.h"
#include "core/storage/sqlite/sqlite_logs.h"

namespace hc::storage {
namespace {

namespace fs = std::filesystem;

// fsync(2) on a file or a directory.
absl::Status SyncPath(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return absl::InternalError(absl::StrCat("cannot sync ", path, ": ", why));
  }
  ::close(fd);
  return absl::OkStatus();
}

// `path` as the path of a "file:" URI: '%', '?' and '#' escaped.
std::string UriPath(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      absl::StrAppend(&out, "%", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string DirectoryOf(const std::string& path) {
  const fs::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : ".";
}

// The bytes the store's pages in use take: what VACUUM INTO writes, at most.
absl::StatusOr<uint64_t> BytesInUse(Database& db) {
  HC_ASSIGN_OR_RETURN(Statement st,
                      db.Prepare("SELECT (page_count - freelist_count) * page_size "
                                 "FROM pragma_page_count, pragma_freelist_count, pragma_page_size"));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::InternalError("cannot read the store's size");
  return static_cast<uint64_t>(st.Int(0));
}

absl::Status CheckRoomFor(Database& source, const std::string& directory,
                          uint64_t keep_free_bytes) {
  HC_ASSIGN_OR_RETURN(const uint64_t needed, BytesInUse(source));
  struct statvfs fs_info {};
  if (::statvfs(directory.c_str(), &fs_info) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read the free space of ", directory, ": ", std::strerror(errno)));
  }
  const uint64_t free = static_cast<uint64_t>(fs_info.f_bavail) * fs_info.f_frsize;
  if (free >= needed && free - needed >= keep_free_bytes) return absl::OkStatus();
  constexpr uint64_t kMiB = 1 << 20;
  return absl::ResourceExhaustedError(absl::StrCat(
      "not enough free space in ", directory, " for a backup: it needs about ",
      needed / kMiB + 1, " MiB and ", keep_free_bytes / kMiB, " MiB must stay free; ",
      free / kMiB, " MiB are free"));
}

absl::Status Rename(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) {
    return absl::InternalError(absl::StrCat("cannot rename ", from, ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<app::BackupSummary> VerifyBackup(const std::string& path) {
  if (!fs::is_regular_file(path)) {
    return absl::NotFoundError(absl::StrCat("there is no backup file at ", path));
  }
  // The backup is only read: opened read-only, never given a log.
  HC_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
                      Database::Open(absl::StrCat("file:", UriPath(path), "?immutable=1"),
                                     Database::Mode::kReadOnly));
  if (absl::Status check = db->CheckIntegrity(/*full=*/true); !check.ok()) {
    return absl::DataLossError(absl::StrCat("the backup ", path, " is damaged: ", check.message()));
  }
  app::BackupSummary summary;
  HC_ASSIGN_OR_RETURN(Statement version, db->Prepare("PRAGMA user_version"));
  HC_ASSIGN_OR_RETURN(bool row, version.Step());
  summary.schema_version = row ? static_cast<int>(version.Int(0)) : 0;
  if (summary.schema_version > LatestSchemaVersion()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the backup has schema version ", summary.schema_version,
                     " but this server knows only up to ", LatestSchemaVersion()));
  }
  if (summary.schema_version < 1) {
    return absl::DataLossError(absl::StrCat(path, " is not a store backup"));
  }
  SqliteAuditLog audit(*db);
  HC_ASSIGN_OR_RETURN(domain::AuditChainCheck chain, audit.CheckChain());
  if (chain.first_broken.has_value()) {
    return absl::DataLossError(
        absl::StrCat("the backup's audit chain is broken: ", chain.problem));
  }
  summary.audit_head_sequence = chain.head_sequence;
  summary.audit_head_hash = chain.head_hash;
  summary.size_bytes = static_cast<int64_t>(fs::file_size(path));
  return summary;
}

absl::StatusOr<app::BackupSummary> WriteBackup(Database& source, const std::string& path,
                                               uint64_t keep_free_bytes) {
  std::error_code error;
  if (fs::exists(path, error)) {
    return absl::FailedPreconditionError(absl::StrCat(path, " already exists"));
  }
  const std::string partial = absl::StrCat(path, ".partial");
  fs::remove(partial, error);  // left by a backup cut short: its space is free again
  HC_RETURN_IF_ERROR(CheckRoomFor(source, DirectoryOf(path), keep_free_bytes));
  {
    HC_ASSIGN_OR_RETURN(Statement vacuum, source.Prepare("VACUUM INTO ?"));
    if (absl::Status copied = vacuum.Bind(1, partial).Run(); !copied.ok()) {
      fs::remove(partial, error);
      return absl::FailedPreconditionError(
          absl::StrCat("cannot write the backup ", path, ": ", copied.message()));
    }
  }
  fs::permissions(partial, fs::perms::owner_read | fs::perms::owner_write, error);
  absl::StatusOr<app::BackupSummary> summary = SyncPath(partial).ok()
                                                   ? VerifyBackup(partial)
                                                   : absl::InternalError("cannot sync the backup");
  if (!summary.ok()) {
    fs::remove(partial, error);
    return summary.status();
  }
  HC_RETURN_IF_ERROR(Rename(partial, path));
  HC_RETURN_IF_ERROR(SyncPath(DirectoryOf(path)));
  return summary;
}

absl::StatusOr<app::BackupSummary> RestoreBackup(const std::string& backup,
                                                 const std::string& store_path) {
  // Held until the restore is done: no server may open the store meanwhile.
  HC_ASSIGN_OR_RETURN(std::unique_ptr<FileLock> lock, FileLock::Acquire(store_path));
  const std::string incoming = absl::StrCat(store_path, ".restoring");
  std::error_code error;
  fs::copy_file(backup, incoming, fs::copy_options::overwrite_existing, error);
  if (error) {
    return absl::InternalError(absl::StrCat("cannot copy ", backup, ": ", error.message()));
  }
  fs::permissions(incoming, fs::perms::owner_read | fs::perms::owner_write, error);
  HC_RETURN_IF_ERROR(SyncPath(incoming));
  // What is put in place is what was checked: the copy itself.
  absl::StatusOr<app::BackupSummary> summary = VerifyBackup(incoming);
  if (!summary.ok()) {
    fs::remove(incoming, error);
    return summary.status();
  }
  // The store as it was is kept, with its log, under one new name: the log
  // first, so that a store is never left beside another's log.
  const std::string kept = absl::StrCat(
      store_path, ".replaced-",
      absl::FormatTime("%Y%m%dT%H%M%E6SZ", absl::Now(), absl::UTCTimeZone()));
  for (const char* suffix : {"-wal", "-shm"}) {
    const std::string side = absl::StrCat(store_path, suffix);
    if (fs::exists(side, error)) HC_RETURN_IF_ERROR(Rename(side, absl::StrCat(kept, suffix)));
  }
  HC_RETURN_IF_ERROR(SyncPath(DirectoryOf(store_path)));
  if (fs::file_size(store_path, error) > 0) HC_RETURN_IF_ERROR(Rename(store_path, kept));
  HC_RETURN_IF_ERROR(SyncPath(DirectoryOf(store_path)));
  HC_RETURN_IF_ERROR(Rename(incoming, store_path));
  HC_RETURN_IF_ERROR(SyncPath(DirectoryOf(store_path)));
  return summary;
}

}  // namespace hc::storage
