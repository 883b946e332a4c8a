#ifndef HC_CORE_APP_ACCESS_POLICY_H_
#define HC_CORE_APP_ACCESS_POLICY_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/app/ports/repositories.h"
#include "core/domain/engagement.h"
#include "core/domain/principal.h"

// Who may do what (DOMAIN.md: Who uses it, and what each may see). Every use
// case calls these before it reads or changes anything it returns. All
// refusals are PERMISSION_DENIED. A caller who may not see a resource is
// refused the same way whether or not it exists, so existence does not leak.
namespace hc::app {

// What a call does to an engagement.
enum class EngagementAccess {
  kRead,        // programme lead; any team member; the partnership's contact
  kContribute,  // programme lead; the lead peer and peers on the team
  kSteer,       // programme lead; the engagement's lead peer
  kManage,      // programme lead only
  // The review team only: the lead peer, peers and shadows on the
  // engagement; NOT the programme lead (who may not see raw answers) nor the
  // partnership's contact. For questionnaire results.
  kTeam,
  // The lead peer and peers on the team, not shadows nor the programme
  // lead: who draft findings and recommendations.
  kDraft,
  // The engagement's lead peer alone: who agrees findings.
  kLeadPeer,
};

absl::Status RequireProgrammeLead(const domain::Principal& principal,
                                  absl::string_view action);

absl::Status CheckEngagementAccess(const domain::Principal& principal,
                                   const domain::Engagement& engagement,
                                   EngagementAccess access, absl::string_view action);

// Loads the engagement and checks access. A missing engagement is NOT_FOUND
// for a programme lead and PERMISSION_DENIED for anyone else.
absl::StatusOr<domain::Engagement> LoadEngagement(Repositories& repos,
                                                  const domain::Principal& principal,
                                                  absl::string_view id,
                                                  EngagementAccess access,
                                                  absl::string_view action);

// As LoadEngagement, for a change to something of the engagement: also
// FAILED_PRECONDITION once it has ended (domain::CheckNotEnded).
absl::StatusOr<domain::Engagement> LoadEngagementForChange(Repositories& repos,
                                                           const domain::Principal& principal,
                                                           absl::string_view id,
                                                           EngagementAccess access,
                                                           absl::string_view action);

// Checks that the principal may read the partnership: programme lead; its
// contact; a peer on one of its engagements.
absl::Status CheckPartnershipRead(Repositories& repos, const domain::Principal& principal,
                                  absl::string_view partnership_id, absl::string_view action);

}  // namespace hc::app

#endif  // HC_CORE_APP_ACCESS_POLICY_H_
