#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_DOCUMENT_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_DOCUMENT_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Desk-research documents. See the port for the contract.
class SqliteDocumentRepository final : public app::DocumentRepository {
 public:
  explicit SqliteDocumentRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::Document> Get(absl::string_view engagement_id,
                                       absl::string_view id) override;
  absl::Status Insert(const domain::Document& document) override;
  absl::Status Update(const domain::Document& document) override;
  absl::StatusOr<app::Page<domain::Document>> List(absl::string_view engagement_id,
                                                   const app::PageRequest& page) override;
  absl::StatusOr<int64_t> Count(absl::string_view engagement_id) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_DOCUMENT_REPOSITORY_H_
