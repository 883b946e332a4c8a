#ifndef HC_CORE_APP_MUTATION_H_
#define HC_CORE_APP_MUTATION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/app/ports/repositories.h"
#include "core/domain/principal.h"
#include "core/domain/resource.h"

// Helpers that every mutating use case shares: optimistic concurrency,
// idempotent creates and the audit record.
namespace hc::app {

// ABORTED unless `expected` is unset or equals `meta.version`.
absl::Status CheckVersion(absl::string_view resource_name,
                          const domain::ResourceMeta& meta,
                          std::optional<int64_t> expected);

// Marks `meta` as changed now: version + 1 and update_time.
void Touch(domain::ResourceMeta& meta, absl::Time now);

// A create's client request id (AIP-155) and a fingerprint of the request
// it came with. An empty id disables replay protection.
struct RequestKey {
  std::string request_id;
  std::string fingerprint;
};

// INVALID_ARGUMENT unless the id is empty or 1-64 of [A-Za-z0-9_-].
absl::Status ValidateRequestId(absl::string_view request_id);

// Looks up an earlier create with the same key by the same principal.
// Returns the id it created, nullopt if there was none, or ALREADY_EXISTS if
// the id was used with a different request.
absl::StatusOr<std::optional<std::string>> FindReplay(Repositories& repos,
                                                      absl::string_view action,
                                                      const domain::Principal& principal,
                                                      const RequestKey& key);

// Records that the create with `key` produced `resource_id`.
absl::Status RecordRequest(Repositories& repos, absl::string_view action,
                           const domain::Principal& principal, const RequestKey& key,
                           absl::string_view resource_id, absl::Time now);

// Appends the audit record of a mutation, in the caller's transaction, with
// what changed (domain::AuditRecord::details) where the action names it.
absl::Status Audit(Repositories& repos, const domain::Principal& principal,
                   absl::string_view action, absl::string_view resource, absl::Time now,
                   absl::string_view details = "");

}  // namespace hc::app

#endif  // HC_CORE_APP_MUTATION_H_
