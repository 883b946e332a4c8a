#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_RECOMMENDATION_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_RECOMMENDATION_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Recommendations and the findings they answer. See the port.
class SqliteRecommendationRepository final : public app::RecommendationRepository {
 public:
  explicit SqliteRecommendationRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::Recommendation> Get(absl::string_view engagement_id,
                                             absl::string_view id) override;
  absl::Status Insert(const domain::Recommendation& recommendation) override;
  absl::Status Update(const domain::Recommendation& recommendation) override;
  absl::StatusOr<app::Page<domain::Recommendation>> List(
      absl::string_view engagement_id, const app::RecommendationQuery& query,
      const app::PageRequest& page) override;
  absl::StatusOr<int64_t> LastNumber(absl::string_view engagement_id) override;

 private:
  absl::StatusOr<domain::Recommendation> Read(const Statement& row);
  absl::Status WriteFindings(const domain::Recommendation& recommendation);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_RECOMMENDATION_REPOSITORY_H_
