#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_FINDING_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_FINDING_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Findings with their principles, supporting notes and questionnaire
// results. See the port.
class SqliteFindingRepository final : public app::FindingRepository {
 public:
  explicit SqliteFindingRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::ReviewFinding> Get(absl::string_view engagement_id,
                                            absl::string_view id) override;
  absl::Status Insert(const domain::ReviewFinding& finding) override;
  absl::Status Update(const domain::ReviewFinding& finding) override;
  absl::StatusOr<app::Page<domain::ReviewFinding>> List(absl::string_view engagement_id,
                                                        const app::FindingQuery& query,
                                                        const app::PageRequest& page) override;
  absl::StatusOr<std::vector<domain::ReviewFinding>> ListAll(
      absl::string_view engagement_id) override;
  absl::StatusOr<int64_t> LastNumber(absl::string_view engagement_id) override;
  absl::StatusOr<int64_t> CountInState(absl::string_view engagement_id,
                                       domain::ReviewState state) override;

 private:
  absl::StatusOr<domain::ReviewFinding> Read(const Statement& row);
  absl::Status WriteLinks(const domain::ReviewFinding& finding);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_FINDING_REPOSITORY_H_
