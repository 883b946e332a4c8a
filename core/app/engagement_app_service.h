#ifndef HC_CORE_APP_ENGAGEMENT_APP_SERVICE_H_
#define HC_CORE_APP_ENGAGEMENT_APP_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/access_policy.h"
#include "core/app/engagement_view.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/audit.h"
#include "core/domain/lifecycle.h"
#include "core/domain/principal.h"

namespace hc::app {

// Use cases of engagements: scoping, the review team and the lifecycle.
// Thread-safe. Errors: INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED (see
// access_policy.h), ABORTED (stale version), ALREADY_EXISTS (peer already on
// the team), FAILED_PRECONDITION (a rule or guard refuses; the message says
// which), and the store's codes.
class EngagementAppService {
 public:
  // `rules` give the report's and the plan's default due dates.
  EngagementAppService(Store& store, Clock& clock, IdSource& ids, const FrameworkCodec& codec,
                       domain::DueDateRules rules);

  // Opens an engagement in SCOPING. Reads partnership_id, purpose, scoping,
  // key_dates and previous_engagement_id of `input`. Programme leads only.
  absl::StatusOr<EngagementView> Create(const domain::Principal& principal,
                                        const domain::Engagement& input,
                                        const RequestKey& key);
  absl::StatusOr<EngagementView> Get(const domain::Principal& principal, absl::string_view id);
  // Lists what the caller may see, narrowed by `query` and, if
  // `only_overdue`, to engagements with a key date overdue today.
  absl::StatusOr<Page<EngagementView>> List(const domain::Principal& principal,
                                            EngagementQuery query, bool only_overdue,
                                            const PageRequest& page);
  // Copies the purpose, scoping and key-date fields named in `paths`.
  absl::StatusOr<EngagementView> Update(const domain::Principal& principal,
                                        absl::string_view id, const domain::Engagement& input,
                                        const std::vector<std::string>& paths,
                                        std::optional<int64_t> expected_version);
  absl::StatusOr<EngagementView> AddTeamMember(const domain::Principal& principal,
                                               absl::string_view id, absl::string_view peer_id,
                                               domain::TeamRole role,
                                               std::optional<int64_t> expected_version);
  absl::StatusOr<EngagementView> RemoveTeamMember(const domain::Principal& principal,
                                                  absl::string_view id,
                                                  absl::string_view peer_id,
                                                  std::optional<int64_t> expected_version);
  // Applies a lifecycle transition and records it in the history. Giving
  // the initial feedback keeps it as given (the agreed findings and the
  // questionnaire's outcome today, `reason` as closing remarks, the date and
  // the lead peer); FindingAppService::GetInitialFeedback returns it.
  absl::StatusOr<EngagementView> Transition(const domain::Principal& principal,
                                            absl::string_view id,
                                            domain::Transition transition,
                                            absl::string_view reason,
                                            std::optional<int64_t> expected_version);
  absl::StatusOr<Page<domain::StageChange>> ListTransitions(const domain::Principal& principal,
                                                            absl::string_view id,
                                                            const PageRequest& page);

 private:
  // Loads, checks access and version, lets `change` modify the engagement,
  // then validates, stores, audits and returns the new view.
  absl::StatusOr<EngagementView> Mutate(
      const domain::Principal& principal, absl::string_view id,
      absl::string_view action, EngagementAccess access,
      std::optional<int64_t> expected_version,
      absl::FunctionRef<absl::Status(Repositories&, domain::Engagement&)> change);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  const FrameworkCodec& codec_;
  const domain::DueDateRules rules_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_ENGAGEMENT_APP_SERVICE_H_
