#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_QUESTIONNAIRE_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_QUESTIONNAIRE_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Engagements' questionnaires. See the port for the contract.
class SqliteQuestionnaireRepository final : public app::QuestionnaireRepository {
 public:
  explicit SqliteQuestionnaireRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Questionnaire> Get(absl::string_view engagement_id) override;
  absl::Status Insert(const domain::Questionnaire& questionnaire) override;
  absl::Status Update(const domain::Questionnaire& questionnaire) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_QUESTIONNAIRE_REPOSITORY_H_
