#include "core/storage/sqlite/sqlite_logs.h"

#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"

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
  st.Bind(2, static_cast<int64_t>(page.limit) + 1);
  app::Page<domain::AuditRecord> result;
  int64_t last_sequence = 0;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return result;
    if (static_cast<int>(result.items.size()) == page.limit) {
      result.next = app::Cursor{last_sequence, ""};
      return result;
    }
    last_sequence = st.Int(0);
    result.items.push_back({st.Text(1), st.Text(2), st.Text(3), FromMicros(st.Int(4))});
  }
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
