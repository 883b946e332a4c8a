#ifndef HC_CORE_DOMAIN_AUDIT_H_
#define HC_CORE_DOMAIN_AUDIT_H_

#include <string>

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
