#ifndef HC_TESTS_SUPPORT_FAULTY_VFS_H_
#define HC_TESTS_SUPPORT_FAULTY_VFS_H_

#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace hc::testing {

// An SQLite VFS named "faulty" over the default one that fails the next sync
// or write of a chosen file once, with SQLITE_IOERR_FSYNC or
// SQLITE_IOERR_WRITE, and then behaves again: the fsync failure that
// PostgreSQL learnt to treat as fatal. Thread-safe; faults are process-wide.
class FaultyVfs {
 public:
  static constexpr const char* kName = "faulty";

  // Registers the VFS (once; safe to call again).
  static void Register() {
    static std::once_flag once;
    std::call_once(once, [] {
      sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
      static sqlite3_vfs vfs = *base;
      vfs.zName = kName;
      vfs.szOsFile = static_cast<int>(sizeof(File)) + base->szOsFile;
      vfs.xOpen = Open;
      vfs.pAppData = base;
      vfs.pNext = nullptr;
      sqlite3_vfs_register(&vfs, 0);
    });
  }
  // The next xSync / xWrite of a file whose name ends with `suffix` (e.g.
  // "-wal", or ".db" for the database file itself) fails.
  static void FailNextSync(const std::string& suffix) { Arm(sync_suffix(), suffix); }
  static void FailNextWrite(const std::string& suffix) { Arm(write_suffix(), suffix); }
  static void Disarm() {
    Arm(sync_suffix(), "");
    Arm(write_suffix(), "");
  }
  // Faults injected so far.
  static int injected() { return injected_count().load(); }

 private:
  struct File {
    sqlite3_file base;
    sqlite3_file* real;
    const char* name;
  };

  static std::mutex& mu() {
    static std::mutex m;
    return m;
  }
  static std::string& sync_suffix() {
    static std::string s;
    return s;
  }
  static std::string& write_suffix() {
    static std::string s;
    return s;
  }
  static std::atomic<int>& injected_count() {
    static std::atomic<int> n{0};
    return n;
  }
  static void Arm(std::string& slot, const std::string& suffix) {
    std::lock_guard<std::mutex> lock(mu());
    slot = suffix;
  }
  // True (and disarmed) if `slot` targets `name`.
  static bool Fire(std::string& slot, const char* name) {
    std::lock_guard<std::mutex> lock(mu());
    if (slot.empty() || name == nullptr) return false;
    const size_t n = std::strlen(name);
    if (n < slot.size() || std::strcmp(name + n - slot.size(), slot.c_str()) != 0) return false;
    slot.clear();
    injected_count().fetch_add(1);
    return true;
  }

  static sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

  static int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out) {
    auto* base = static_cast<sqlite3_vfs*>(vfs->pAppData);
    File* file = reinterpret_cast<File*>(f);
    file->real = reinterpret_cast<sqlite3_file*>(file + 1);
    file->name = name;
    file->base.pMethods = nullptr;
    const int rc = base->xOpen(base, name, file->real, flags, out);
    if (file->real->pMethods == nullptr) return rc;
    static sqlite3_io_methods methods = MakeMethods(file->real->pMethods);
    file->base.pMethods = &methods;
    return rc;
  }

  static sqlite3_io_methods MakeMethods(const sqlite3_io_methods* real) {
    sqlite3_io_methods m = *real;
    m.xClose = [](sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); };
    m.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
      return Real(f)->pMethods->xRead(Real(f), b, n, o);
    };
    m.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
      if (Fire(write_suffix(), reinterpret_cast<File*>(f)->name)) return SQLITE_IOERR_WRITE;
      return Real(f)->pMethods->xWrite(Real(f), b, n, o);
    };
    m.xTruncate = [](sqlite3_file* f, sqlite3_int64 n) {
      return Real(f)->pMethods->xTruncate(Real(f), n);
    };
    m.xSync = [](sqlite3_file* f, int flags) {
      if (Fire(sync_suffix(), reinterpret_cast<File*>(f)->name)) return SQLITE_IOERR_FSYNC;
      return Real(f)->pMethods->xSync(Real(f), flags);
    };
    m.xFileSize = [](sqlite3_file* f, sqlite3_int64* n) {
      return Real(f)->pMethods->xFileSize(Real(f), n);
    };
    m.xLock = [](sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); };
    m.xUnlock = [](sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); };
    m.xCheckReservedLock = [](sqlite3_file* f, int* r) {
      return Real(f)->pMethods->xCheckReservedLock(Real(f), r);
    };
    m.xFileControl = [](sqlite3_file* f, int op, void* a) {
      return Real(f)->pMethods->xFileControl(Real(f), op, a);
    };
    m.xSectorSize = [](sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); };
    m.xDeviceCharacteristics = [](sqlite3_file* f) {
      return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
    };
    m.xShmMap = [](sqlite3_file* f, int i, int sz, int ext, void volatile** p) {
      return Real(f)->pMethods->xShmMap(Real(f), i, sz, ext, p);
    };
    m.xShmLock = [](sqlite3_file* f, int o, int n, int flags) {
      return Real(f)->pMethods->xShmLock(Real(f), o, n, flags);
    };
    m.xShmBarrier = [](sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); };
    m.xShmUnmap = [](sqlite3_file* f, int d) { return Real(f)->pMethods->xShmUnmap(Real(f), d); };
    m.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
      return Real(f)->pMethods->xFetch(Real(f), o, n, p);
    };
    m.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
      return Real(f)->pMethods->xUnfetch(Real(f), o, p);
    };
    return m;
  }
};

}  // namespace hc::testing

#endif  // HC_TESTS_SUPPORT_FAULTY_VFS_H_
