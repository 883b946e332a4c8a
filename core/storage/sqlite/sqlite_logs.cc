#include "core/storage/sqlite/sqlite_logs.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

constexpr char kAppendAudit[] =
    "INSERT INTO audit_log (sequence, actor, action, resource, time_us, details, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kAuditHead[] =
    "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1";
constexpr char kSelectAudit[] =
    "SELECT sequence, actor, action, resource, time_us, details FROM audit_log "
    "WHERE sequence > ? ORDER BY sequence LIMIT ?";
constexpr char kSelectChain[] =
    "SELECT sequence, actor, action, resource, time_us, details, prev_hash, hash FROM audit_log "
    "ORDER BY sequence";
constexpr char kSelectUnlinked[] =
    "SELECT sequence, actor, action, resource, time_us, details FROM audit_log "
    "WHERE hash = '' ORDER BY sequence";
constexpr char kLinkAudit[] = "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE sequence = ?";
constexpr char kFindRequest[] =
    "SELECT fingerprint, resource_id FROM requests WHERE scope = ? AND request_id = ?";
constexpr char kRecordRequest[] =
    "INSERT INTO requests (scope, request_id, fingerprint, resource_id, time_us) "
    "VALUES (?, ?, ?, ?, ?)";

domain::AuditRecord ReadAuditRecord(const Statement& row) {
  return domain::AuditRecord{row.Text(1), row.Text(2), row.Text(3), FromMicros(row.Int(4)),
                             row.Text(5)};
}

std::string LinkHash(absl::string_view previous_hash, int64_t sequence,
                     const domain::AuditRecord& record) {
  return crypto::Sha256Hex(domain::AuditChainInput(previous_hash, sequence, record));
}

}  // namespace

absl::Status SqliteAuditLog::Append(const domain::AuditRecord& r) {
  int64_t sequence = 1;
  std::string previous = domain::kAuditChainGenesis;
  {
    HC_ASSIGN_OR_RETURN(Statement head, db_.Prepare(kAuditHead));
    HC_ASSIGN_OR_RETURN(bool found, head.Step());
    if (found) {
      sequence = head.Int(0) + 1;
      previous = head.Text(1);
    }
  }
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kAppendAudit));
  st.Bind(1, sequence).Bind(2, r.actor).Bind(3, r.action).Bind(4, r.resource);
  st.Bind(5, ToMicros(r.time)).Bind(6, r.details).Bind(7, previous);
  st.Bind(8, LinkHash(previous, sequence, r));
  return st.Run();
}

absl::StatusOr<domain::AuditChainCheck> SqliteAuditLog::CheckChain() {
  domain::AuditChainCheck check;
  check.head_hash = domain::kAuditChainGenesis;
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectChain));
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ++check.records;
    const int64_t sequence = st.Int(0);
    const domain::AuditRecord record = ReadAuditRecord(st);
    const std::string prev_hash = st.Text(6);
    const std::string hash = st.Text(7);
    if (!check.first_broken.has_value()) {
      if (sequence != check.head_sequence + 1) {
        check.problem = absl::StrCat("record ", check.head_sequence + 1, " is missing");
      } else if (prev_hash != check.head_hash) {
        check.problem = absl::StrCat("record ", sequence, " does not follow the one before it");
      } else if (hash != LinkHash(prev_hash, sequence, record)) {
        check.problem = absl::StrCat("record ", sequence, " was changed after it was written");
      }
      if (!check.problem.empty()) check.first_broken = sequence;
    }
    check.head_sequence = sequence;
    check.head_hash = hash;
  }
  return check;
}

absl::Status ChainUnlinkedAuditRecords(Database& db) {
  std::string previous = domain::kAuditChainGenesis;
  {
    HC_ASSIGN_OR_RETURN(Statement head, db.Prepare(
        "SELECT hash FROM audit_log WHERE hash <> '' ORDER BY sequence DESC LIMIT 1"));
    HC_ASSIGN_OR_RETURN(bool found, head.Step());
    if (found) previous = head.Text(0);
  }
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(kSelectUnlinked));
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    const int64_t sequence = st.Int(0);
    const std::string hash = LinkHash(previous, sequence, ReadAuditRecord(st));
    HC_ASSIGN_OR_RETURN(Statement link, db.Prepare(kLinkAudit));
    HC_RETURN_IF_ERROR(link.Bind(1, previous).Bind(2, hash).Bind(3, sequence).Run());
    previous = hash;
  }
  return absl::OkStatus();
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
        return ReadAuditRecord(row);
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
