#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_ENGAGEMENT_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_ENGAGEMENT_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Engagements with their scoping record, team and stage history. See the
// port for the contract.
class SqliteEngagementRepository final : public app::EngagementRepository {
 public:
  explicit SqliteEngagementRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Engagement> Get(absl::string_view id) override;
  absl::StatusOr<app::Page<domain::Engagement>> List(const app::EngagementQuery& query,
                                                     const app::PageRequest& page) override;
  absl::StatusOr<std::vector<domain::Engagement>> ListAll(
      const app::EngagementQuery& query) override;
  absl::StatusOr<std::map<domain::Stage, int>> CountByStage() override;
  absl::StatusOr<bool> AnyForPartnership(absl::string_view partnership_id) override;
  absl::StatusOr<bool> AnyWithTeamPeer(absl::string_view peer_id) override;
  absl::Status Insert(const domain::Engagement& engagement) override;
  absl::Status Update(const domain::Engagement& engagement) override;
  absl::Status AppendStageChange(const domain::StageChange& change) override;
  absl::StatusOr<app::Page<domain::StageChange>> ListStageChanges(
      absl::string_view engagement_id, const app::PageRequest& page) override;

 private:
  absl::StatusOr<domain::Engagement> Read(const Statement& row);
  absl::Status ReadScoping(domain::Engagement& e);
  absl::Status ReadTeam(domain::Engagement& e);
  absl::Status WriteChildren(const domain::Engagement& e);
  absl::StatusOr<bool> Exists(const char* sql, absl::string_view id);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_ENGAGEMENT_REPOSITORY_H_
