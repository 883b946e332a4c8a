#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_RESPONSE_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_RESPONSE_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Drafts by invitation. See the port for the contract.
class SqliteDraftRepository final : public app::DraftRepository {
 public:
  explicit SqliteDraftRepository(Database& db) : db_(db) {}
  absl::StatusOr<std::optional<domain::Draft>> Get(absl::string_view invitation_id) override;
  absl::Status Put(absl::string_view invitation_id, const domain::Draft& draft) override;
  absl::Status Delete(absl::string_view invitation_id) override;

 private:
  Database& db_;
};

// Unlinked responses, action entries and comments (random keys, WITHOUT ROWID tables).
class SqliteResponseRepository final : public app::ResponseRepository {
 public:
  explicit SqliteResponseRepository(Database& db) : db_(db) {}
  absl::Status InsertResponse(absl::string_view engagement_id, absl::string_view key,
                              const domain::Response& response) override;
  absl::Status InsertComment(absl::string_view engagement_id, absl::string_view key,
                             absl::string_view text) override;
  absl::Status InsertAction(absl::string_view engagement_id,
                            const domain::GatheredAction& action) override;
  absl::StatusOr<std::vector<domain::Response>> ListResponses(
      absl::string_view engagement_id) override;
  absl::StatusOr<app::Page<domain::GatheredAction>> ListActions(
      absl::string_view engagement_id, const app::PageRequest& page) override;
  absl::StatusOr<app::Page<domain::Comment>> ListComments(absl::string_view engagement_id,
                                                          const app::PageRequest& page) override;
  absl::StatusOr<domain::Comment> SetQuotable(absl::string_view engagement_id,
                                              absl::string_view key, bool quotable) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_RESPONSE_REPOSITORY_H_
