#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_IMPROVEMENT_PLAN_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_IMPROVEMENT_PLAN_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// The improvement plan, its actions, progress updates and check-ins. See the
// port.
class SqliteImprovementPlanRepository final : public app::ImprovementPlanRepository {
 public:
  explicit SqliteImprovementPlanRepository(Database& db) : db_(db) {}
  absl::StatusOr<std::optional<domain::ImprovementPlan>> GetPlan(
      absl::string_view engagement_id) override;
  absl::Status PutPlan(const domain::ImprovementPlan& plan) override;
  absl::StatusOr<domain::PlanAction> GetAction(absl::string_view engagement_id,
                                               absl::string_view id) override;
  absl::Status InsertAction(const domain::PlanAction& action) override;
  absl::Status UpdateAction(const domain::PlanAction& action) override;
  absl::StatusOr<app::Page<domain::PlanAction>> ListActions(
      absl::string_view engagement_id, const app::PlanActionQuery& query,
      const app::PageRequest& page) override;
  absl::StatusOr<std::vector<domain::PlanAction>> ListAllActions(
      absl::string_view engagement_id) override;
  absl::StatusOr<int64_t> LastActionNumber(absl::string_view engagement_id) override;
  absl::StatusOr<domain::ProgressUpdate> GetProgressUpdate(absl::string_view engagement_id,
                                                          absl::string_view id) override;
  absl::Status InsertProgressUpdate(const domain::ProgressUpdate& update) override;
  absl::StatusOr<app::Page<domain::ProgressUpdate>> ListProgressUpdates(
      absl::string_view engagement_id, absl::string_view action_id,
      const app::PageRequest& page) override;
  absl::StatusOr<domain::CheckIn> GetCheckIn(absl::string_view engagement_id,
                                             int number) override;
  absl::Status InsertCheckIn(const domain::CheckIn& check_in) override;
  absl::Status UpdateCheckIn(const domain::CheckIn& check_in) override;
  absl::StatusOr<app::Page<domain::CheckIn>> ListCheckIns(
      absl::string_view engagement_id, const app::PageRequest& page) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_IMPROVEMENT_PLAN_REPOSITORY_H_
