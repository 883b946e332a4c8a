#include "core/app/mutation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

std::string Scope(absl::string_view action, const domain::Principal& principal) {
  // A person's retry may come through another session or token of theirs.
  return absl::StrCat(action, ":",
                      principal.user_id.empty() ? principal.token_id : principal.user_id);
}

}  // namespace

absl::Status CheckVersion(absl::string_view resource_name,
                          const domain::ResourceMeta& meta,
                          std::optional<int64_t> expected) {
  if (!expected || *expected == meta.version) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat(
      resource_name, " has changed since it was read (etag ", meta.version,
      ", request has ", *expected, "); read it again and retry"));
}

void Touch(domain::ResourceMeta& meta, absl::Time now) {
  ++meta.version;
  meta.update_time = now;
}

absl::Status ValidateRequestId(absl::string_view request_id) {
  if (request_id.size() > 64) {
    return absl::InvalidArgumentError("request_id must be at most 64 characters");
  }
  for (char c : request_id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') {
      return absl::InvalidArgumentError("request_id may hold only A-Z, a-z, 0-9, - and _");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> FindReplay(Repositories& repos,
                                                      absl::string_view action,
                                                      const domain::Principal& principal,
                                                      const RequestKey& key) {
  if (key.request_id.empty()) return std::optional<std::string>();
  HC_ASSIGN_OR_RETURN(std::optional<RecordedRequest> earlier,
                      repos.requests().Find(Scope(action, principal), key.request_id));
  if (!earlier) return std::optional<std::string>();
  if (earlier->fingerprint != key.fingerprint) {
    return absl::AlreadyExistsError(absl::StrCat(
        "request_id ", key.request_id, " was already used for a different ", action,
        " request; use a new request_id"));
  }
  return std::optional<std::string>(earlier->resource_id);
}

absl::Status RecordRequest(Repositories& repos, absl::string_view action,
                           const domain::Principal& principal, const RequestKey& key,
                           absl::string_view resource_id, absl::Time now) {
  if (key.request_id.empty()) return absl::OkStatus();
  return repos.requests().Record(Scope(action, principal), key.request_id,
                                 {key.fingerprint, std::string(resource_id)}, now);
}

absl::Status Audit(Repositories& repos, const domain::Principal& principal,
                   absl::string_view action, absl::string_view resource, absl::Time now,
                   absl::string_view details) {
  return repos.audit_log().Append({domain::DescribeActor(principal), std::string(action),
                                   std::string(resource), now, std::string(details)});
}

}  // namespace hc::app
