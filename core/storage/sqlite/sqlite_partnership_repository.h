#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_PARTNERSHIP_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_PARTNERSHIP_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Partnerships and their member organisations. See the port for the contract.
class SqlitePartnershipRepository final : public app::PartnershipRepository {
 public:
  explicit SqlitePartnershipRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Partnership> Get(absl::string_view id) override;
  absl::StatusOr<app::Page<domain::Partnership>> List(const app::PartnershipQuery& query,
                                                      const app::PageRequest& page) override;
  absl::Status Insert(const domain::Partnership& partnership) override;
  absl::Status Update(const domain::Partnership& partnership) override;
  absl::Status Delete(absl::string_view id) override;

 private:
  absl::StatusOr<domain::Partnership> Read(const Statement& row);
  absl::Status WriteMembers(const domain::Partnership& partnership);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_PARTNERSHIP_REPOSITORY_H_
