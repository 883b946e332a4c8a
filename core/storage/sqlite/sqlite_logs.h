#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_LOGS_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_LOGS_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"

// The two append-only logs: the audit log and the log of create requests.
namespace hc::storage {

class SqliteAuditLog final : public app::AuditLog {
 public:
  explicit SqliteAuditLog(Database& db) : db_(db) {}
  absl::Status Append(const domain::AuditRecord& record) override;
  absl::StatusOr<domain::AuditChainCheck> CheckChain() override;
  absl::StatusOr<app::Page<domain::AuditRecord>> List(const app::PageRequest& page) override;

 private:
  Database& db_;
};

// Links every record written before the log was a chain (an empty hash), in
// sequence order, as Append would have. Run once, by the migration that
// brought the chain in.
absl::Status ChainUnlinkedAuditRecords(Database& db);

class SqliteRequestLog final : public app::RequestLog {
 public:
  explicit SqliteRequestLog(Database& db) : db_(db) {}
  absl::StatusOr<std::optional<app::RecordedRequest>> Find(
      absl::string_view scope, absl::string_view request_id) override;
  absl::Status Record(absl::string_view scope, absl::string_view request_id,
                      const app::RecordedRequest& request, absl::Time when) override;

 private:
  Database& db_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_LOGS_H_
