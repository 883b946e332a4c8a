#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_INVITATION_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_INVITATION_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Questionnaire invitations (token hashes only). See the port.
class SqliteInvitationRepository final : public app::InvitationRepository {
 public:
  explicit SqliteInvitationRepository(Database& db) : db_(db) {}

  absl::Status Insert(const domain::Invitation& invitation) override;
  absl::StatusOr<int64_t> NextPosition(absl::string_view engagement_id) override;
  absl::StatusOr<app::Page<domain::Invitation>> List(absl::string_view engagement_id,
                                                     const app::PageRequest& page) override;
  absl::StatusOr<int64_t> Count(absl::string_view engagement_id) override;
  absl::StatusOr<std::vector<app::GroupTally>> Tally(absl::string_view engagement_id) override;
  absl::StatusOr<domain::Invitation> FindByTokenHash(absl::string_view hash) override;
  absl::Status MarkUsed(absl::string_view invitation_id) override;
  absl::Status ReplaceTokenHash(absl::string_view invitation_id,
                                absl::string_view token_hash) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_INVITATION_REPOSITORY_H_
