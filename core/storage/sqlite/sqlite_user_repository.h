#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_USER_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_USER_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// People, their set-password links and sessions (secrets as hashes only).
// See the port for the contract.
class SqliteUserRepository final : public app::UserRepository {
 public:
  explicit SqliteUserRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::User> Get(absl::string_view id) override;
  absl::StatusOr<domain::User> FindByEmail(absl::string_view email) override;
  absl::StatusOr<app::Page<domain::User>> List(const app::PageRequest& page) override;
  absl::StatusOr<domain::User> FirstProgrammeLead() override;
  absl::StatusOr<bool> AnyLeadCanSignIn() override;
  absl::Status Insert(const domain::User& user) override;
  absl::Status Update(const domain::User& user) override;
  absl::StatusOr<int> SuspendAllBoundTo(absl::string_view peer_id,
                                        absl::string_view partnership_id,
                                        absl::Time when) override;

  absl::Status InsertLink(const domain::PasswordLink& link) override;
  absl::StatusOr<domain::PasswordLink> FindLinkBySecretHash(absl::string_view hash) override;
  absl::Status UseLinksOf(absl::string_view user_id, absl::Time when) override;

  absl::Status InsertSession(const domain::Session& session) override;
  absl::StatusOr<domain::Session> GetSession(absl::string_view id) override;
  absl::StatusOr<domain::Session> FindSessionBySecretHash(absl::string_view hash) override;
  absl::StatusOr<app::Page<domain::Session>> ListLiveSessions(absl::string_view user_id,
                                                              absl::Time now,
                                                          const app::PageRequest& page) override;
  absl::Status SetSessionActive(absl::string_view id, absl::Time when) override;
  absl::Status EndSession(absl::string_view id, absl::Time when) override;
  absl::StatusOr<int> EndSessionsOf(absl::string_view user_id, absl::Time when,
                                    absl::string_view except) override;

 private:
  absl::StatusOr<domain::User> FindUser(const char* sql, absl::string_view key);
  absl::StatusOr<domain::Session> FindSession(const char* sql, absl::string_view key);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_USER_REPOSITORY_H_
