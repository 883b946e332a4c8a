#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_REPORT_REPOSITORY_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_REPORT_REPOSITORY_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

namespace hc::storage {

// Report versions with their renderings as BLOBs, and their comments. The
// schema's triggers keep a published version as published. See the port.
class SqliteReportRepository final : public app::ReportRepository {
 public:
  explicit SqliteReportRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::ReportVersion> Get(absl::string_view engagement_id,
                                            int number) override;
  absl::StatusOr<domain::ReportVersion> GetHeader(absl::string_view engagement_id,
                                                  int number) override;
  absl::StatusOr<std::string> ReadRendering(absl::string_view engagement_id, int number, bool pdf,
                                            int64_t offset, int64_t max_bytes) override;
  absl::Status Insert(const domain::ReportVersion& version) override;
  absl::Status Update(const domain::ReportVersion& version) override;
  absl::StatusOr<app::Page<domain::ReportVersion>> List(absl::string_view engagement_id,
                                                        const app::PageRequest& page) override;
  absl::StatusOr<std::vector<domain::ReportVersion>> ListAll(
      absl::string_view engagement_id) override;
  absl::StatusOr<int64_t> LastNumber(absl::string_view engagement_id) override;
  absl::StatusOr<domain::ReportComment> GetComment(absl::string_view engagement_id, int number,
                                                   absl::string_view id) override;
  absl::Status InsertComment(const domain::ReportComment& comment) override;
  absl::StatusOr<app::Page<domain::ReportComment>> ListComments(
      absl::string_view engagement_id, int number, bool partnership_only,
      const app::PageRequest& page) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_REPORT_REPOSITORY_H_
