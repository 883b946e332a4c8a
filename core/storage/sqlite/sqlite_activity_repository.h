#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_ACTIVITY_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_ACTIVITY_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Activities with their participants and peers in child tables. See the
// port for the contract.
class SqliteActivityRepository final : public app::ActivityRepository {
 public:
  explicit SqliteActivityRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::Activity> Get(absl::string_view engagement_id,
                                       absl::string_view id) override;
  absl::Status Insert(const domain::Activity& activity) override;
  absl::Status Update(const domain::Activity& activity) override;
  absl::StatusOr<std::vector<domain::Activity>> ListAll(absl::string_view engagement_id) override;
  absl::StatusOr<int64_t> Count(absl::string_view engagement_id) override;
  absl::StatusOr<app::Page<domain::Activity>> List(absl::string_view engagement_id,
                                                   const app::ActivityQuery& query,
                                                   const app::PageRequest& page) override;

 private:
  absl::StatusOr<domain::Activity> Read(const Statement& row);
  absl::Status WriteChildren(const domain::Activity& activity);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_ACTIVITY_REPOSITORY_H_
