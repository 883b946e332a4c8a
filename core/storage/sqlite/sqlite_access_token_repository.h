#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_ACCESS_TOKEN_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_ACCESS_TOKEN_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Access tokens (hashes only). See the port for the contract.
class SqliteAccessTokenRepository final : public app::AccessTokenRepository {
 public:
  explicit SqliteAccessTokenRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::AccessToken> Get(absl::string_view id) override;
  absl::StatusOr<domain::AccessToken> FindBySecretHash(absl::string_view hash) override;
  absl::StatusOr<app::Page<domain::AccessToken>> List(absl::string_view user_id,
                                                       const app::PageRequest& page) override;
  absl::Status Insert(const domain::AccessToken& token) override;
  absl::Status SetRevoked(absl::string_view id, absl::Time when) override;
  absl::StatusOr<int> RevokeAllOf(absl::string_view user_id, absl::Time when) override;

 private:
  absl::StatusOr<domain::AccessToken> FindOne(const char* sql, absl::string_view key);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_ACCESS_TOKEN_REPOSITORY_H_
