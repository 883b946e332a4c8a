#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_FEEDBACK_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_FEEDBACK_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// The initial feedback as given: one row and its points, never updated
// (a trigger refuses it). See the port.
class SqliteFeedbackRepository final : public app::FeedbackRepository {
 public:
  explicit SqliteFeedbackRepository(Database& db) : db_(db) {}
  absl::StatusOr<std::optional<domain::InitialFeedback>> Get(
      absl::string_view engagement_id) override;
  absl::Status Insert(absl::string_view engagement_id,
                      const domain::InitialFeedback& feedback) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_FEEDBACK_REPOSITORY_H_
