#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_FRAMEWORK_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_FRAMEWORK_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Benchmark versions, append-only (the schema's triggers refuse any UPDATE
// or DELETE). See the port for the contract.
class SqliteFrameworkRepository final : public app::FrameworkRepository {
 public:
  explicit SqliteFrameworkRepository(Database& db) : db_(db) {}

  absl::StatusOr<app::FrameworkRecord> Get(absl::string_view framework_id, int version) override;
  absl::StatusOr<std::optional<app::FrameworkRecord>> Latest(
      absl::string_view framework_id) override;
  absl::StatusOr<app::Page<app::FrameworkRecord>> List(const app::PageRequest& page) override;
  absl::Status Insert(const app::FrameworkRecord& record) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_FRAMEWORK_REPOSITORY_H_
