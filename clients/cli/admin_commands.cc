#include "clients/cli/admin_commands.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "healthcheck/v1/admin.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::unique_ptr<v1::AdminService::Stub> NewStub(const Invocation& invocation) {
  return v1::AdminService::NewStub(invocation.connection.channel());
}

std::string BackupText(const v1::Backup& backup) {
  return absl::StrCat("Backup written and checked: ", backup.file_name(), "\n",
                      "  size:           ", backup.size_bytes(), " bytes\n",
                      "  schema version: ", backup.schema_version(), "\n",
                      "  audit head:     ", backup.audit_head_sequence(), ":",
                      backup.audit_head_hash(), "\n",
                      "Keep the audit head somewhere apart from the server: "
                      "`hcctl admin verify-audit --head=...` proves later that nothing up to it "
                      "was changed.\n");
}

// Not retried: a retry after a lost response would only write a second
// backup, but the first may still be running.
absl::Status Backup(const Invocation& invocation) {
  auto stub = NewStub(invocation);
  v1::Backup response;
  absl::Status status =
      invocation.connection.Call(Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->CreateBackup(&context, v1::CreateBackupRequest(), &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, BackupText(response));
}

// The expected head, "SEQUENCE:HASH" as `admin backup` printed it.
absl::StatusOr<std::pair<int64_t, std::string>> ParseHead(absl::string_view text) {
  std::pair<std::string, std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 1));
  int64_t sequence = 0;
  if (!absl::SimpleAtoi(parts.first, &sequence) || sequence < 1 || parts.second.size() != 64) {
    return absl::InvalidArgumentError(
        "--head must be SEQUENCE:HASH as `hcctl admin backup` printed it");
  }
  return std::make_pair(sequence, parts.second);
}

absl::Status VerifyAudit(const Invocation& invocation) {
  std::optional<std::pair<int64_t, std::string>> expected;
  if (invocation.flags.Has("head")) {
    absl::StatusOr<std::pair<int64_t, std::string>> head = ParseHead(invocation.flags.Get("head"));
    if (!head.ok()) return head.status();
    expected = *head;
  }
  auto stub = NewStub(invocation);
  v1::AuditLogVerification response;
  absl::Status status =
      invocation.connection.Call(Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->VerifyAuditLog(&context, v1::VerifyAuditLogRequest(), &response);
      });
  if (!status.ok()) return status;
  std::string text = absl::StrCat("Audit log: ", response.record_count(), " records, head ",
                                  response.head_sequence(), ":", response.head_hash(), "\n");
  if (!response.intact()) {
    absl::StrAppend(&text, "BROKEN at record ", response.first_broken_sequence(), ": ",
                    response.problem(), "\n");
  } else if (expected.has_value() && expected->first > response.head_sequence()) {
    absl::StrAppend(&text, "BROKEN: the log ends before record ", expected->first,
                    ", which was kept as its head: records were cut off\n");
  } else {
    absl::StrAppend(&text, "Intact: every record follows the one before and is as written.\n");
  }
  absl::Status shown = Show(invocation, response, text);
  if (!shown.ok()) return shown;
  if (!response.intact() || (expected.has_value() && expected->first > response.head_sequence())) {
    return absl::DataLossError("the audit log's chain is broken");
  }
  return absl::OkStatus();
}

}  // namespace

CommandGroup AdminCommands() {
  return {
      "admin",
      "Backups and the audit log's hash chain (programme leads).",
      {
          {"backup",
           {},
           "Write a checked backup of the store on the server.",
           "The server copies the whole store into its backup directory "
           "(hc_server --backup_dir) while it keeps serving, checks the copy and "
           "prints its name and the audit chain's head. Restore it with "
           "`hc_server --store=PATH --restore=FILE` while the server is stopped.",
           {},
           Backup},
          {"verify-audit",
           {},
           "Check the audit log's hash chain.",
           "Exits non-zero if any record was changed, removed or reordered. With "
           "--head, also checks that the log still reaches a head kept earlier.",
           {{"head", "SEQUENCE:HASH", "An audit head printed by `admin backup`."}},
           VerifyAudit},
      }};
}

}  // namespace hc::cli
