#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_PEER_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_PEER_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Peers and their skills. See the port for the contract.
class SqlitePeerRepository final : public app::PeerRepository {
 public:
  explicit SqlitePeerRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Peer> Get(absl::string_view id) override;
  absl::StatusOr<app::Page<domain::Peer>> List(const app::PeerQuery& query,
                                               const app::PageRequest& page) override;
  absl::StatusOr<std::vector<domain::Peer>> ListExpiring(absl::CivilDay from,
                                                         absl::CivilDay to) override;
  absl::Status Insert(const domain::Peer& peer) override;
  absl::Status Update(const domain::Peer& peer) override;
  absl::Status Delete(absl::string_view id) override;

 private:
  absl::StatusOr<domain::Peer> Read(const Statement& row);
  absl::Status WriteSkills(const domain::Peer& peer);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_PEER_REPOSITORY_H_
