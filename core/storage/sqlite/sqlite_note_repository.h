#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_NOTE_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_NOTE_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Evidence notes, their tags and their FTS5 index. See the port.
class SqliteNoteRepository final : public app::NoteRepository {
 public:
  explicit SqliteNoteRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::EvidenceNote> Get(absl::string_view engagement_id,
                                           absl::string_view id) override;
  absl::Status Insert(const domain::EvidenceNote& note) override;
  absl::Status Update(const domain::EvidenceNote& note) override;
  absl::StatusOr<app::Page<domain::EvidenceNote>> List(absl::string_view engagement_id,
                                                       const app::NoteQuery& query,
                                                       const app::PageRequest& page) override;
  absl::StatusOr<std::vector<domain::EvidenceNote>> ListAll(
      absl::string_view engagement_id) override;

 private:
  absl::StatusOr<domain::EvidenceNote> Read(const Statement& row);
  absl::Status WriteTags(const domain::EvidenceNote& note);

  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_NOTE_REPOSITORY_H_
