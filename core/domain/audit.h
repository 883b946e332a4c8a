#ifndef HC_CORE_DOMAIN_AUDIT_H_
#define HC_CORE_DOMAIN_AUDIT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/domain/engagement.h"

namespace hc::domain {

// One mutation: who did what to which resource, when. Written in the same
// transaction as the change it records.
struct AuditRecord {
  std::string actor;     // DescribeActor() of the principal
  std::string action;    // the API method, e.g. "AddTeamMember"
  std::string resource;  // the resource name, e.g. "engagements/e1"
  absl::Time time = absl::UnixEpoch();
  // What changed, before and after, where the action names it (e.g.
  // "report_due: 2027-01-04 -> 2027-01-18"); never a secret or anything
  // that identifies a respondent.
  std::string details;
};

// The audit log is a hash chain: record n stores
//   hash_n = SHA-256(AuditChainInput(hash_{n-1}, n, record_n))
// in lower-case hex, with hash_0 = kAuditChainGenesis. Editing, deleting or
// reordering any record breaks every hash after it; truncating the tail is
// caught by comparing the head with one kept elsewhere.
inline constexpr char kAuditChainGenesis[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes hashed for one record: each field length-prefixed, so that no
// two different records share an input.
std::string AuditChainInput(absl::string_view previous_hash, int64_t sequence,
                            const AuditRecord& record);

// What a check of the chain found.
struct AuditChainCheck {
  int64_t records = 0;        // records read
  int64_t head_sequence = 0;  // the last record's sequence (0 for none)
  std::string head_hash;      // its hash (kAuditChainGenesis for none)
  // The first record whose sequence, link or hash is wrong, and why.
  std::optional<int64_t> first_broken;
  std::string problem;
};

// One stage change of an engagement.
struct StageChange {
  std::string engagement_id;
  Stage from = Stage::kUnspecified;
  Stage to = Stage::kUnspecified;
  std::string actor;
  absl::Time time = absl::UnixEpoch();
  std::string reason;
  int64_t sequence = 0;  // 1, 2, ... per engagement; set by the store
};

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_AUDIT_H_
