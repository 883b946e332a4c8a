#include "core/storage/sqlite/sqlite_logs.h"

#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

constexpr char kAppendAudit[] =
    "INSERT INTO audit_log (actor, action, resource, time_us) VALUES (?, ?, ?, ?)";
constexpr char kSelectAudit[] =
    "SELECT sequence, actor, action, resource, time_us FROM audit_log WHERE sequence > ? "
    "ORDER BY sequence LIMIT ?";
constexpr char kFindRequest[] =
    "SELECT fingerprint, resource_id FROM requests WHERE scope = ? AND request_id = ?";
constexpr char kRecordRequest[] =
    "INSERT INTO requests (scope, request_id, fingerprint, resource_id, time_us) "
    "VALUES (?, ?, ?, ?, ?)";

}  // namespace

absl::Status SqliteAuditLog::Append(const domain::AuditRecord& r) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kAppendAudit));
  st.Bind(1, r.actor).Bind(2, r.action).Bind(3, r.resource).Bind(4, ToMicros(r.time));
  return st.Run();
}

absl::StatusOr<app::Page<domain::AuditRecord>> SqliteAuditLog::List(
    const app::PageRequest& page) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAudit));
  st.Bind(1, page.after ? page.after->key : int64_t{0});
  st.Bind(2, FetchLimit(page));
  int64_t last_sequence = 0;
  return ReadPage<domain::AuditRecord>(
      st, page,
      [&](const Statement& row) -> absl::StatusOr<domain::AuditRecord> {
        last_sequence = row.Int(0);
        return domain::AuditRecord{row.Text(1), row.Text(2), row.Text(3),
                                   FromMicros(row.Int(4))};
      },
      [&](const domain::AuditRecord&) { return app::Cursor{last_sequence, ""}; });
}

absl::StatusOr<std::optional<app::RecordedRequest>> SqliteRequestLog::Find(
    absl::string_view scope, absl::string_view request_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kFindRequest));
  st.Bind(1, scope).Bind(2, request_id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return std::optional<app::RecordedRequest>();
  return std::optional<app::RecordedRequest>(app::RecordedRequest{st.Text(0), st.Text(1)});
}

absl::Status SqliteRequestLog::Record(absl::string_view scope, absl::string_view request_id,
                                      const app::RecordedRequest& request, absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kRecordRequest));
  st.Bind(1, scope).Bind(2, request_id).Bind(3, request.fingerprint);
  st.Bind(4, request.resource_id).Bind(5, ToMicros(when));
  return st.Run();
}

}  // namespace hc::storage
