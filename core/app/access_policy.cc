#include "core/app/access_policy.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

using domain::Role;

absl::Status Denied(absl::string_view action, absl::string_view resource,
                    absl::string_view who_may) {
  return absl::PermissionDeniedError(absl::StrCat(
      action, " on ", resource, " is not allowed for this token: ", who_may));
}

absl::string_view WhoMay(EngagementAccess access) {
  switch (access) {
    case EngagementAccess::kRead:
      return "only the programme lead, the review team and the partnership's contact may";
    case EngagementAccess::kContribute:
      return "only the programme lead and the team's lead peer and peers may";
    case EngagementAccess::kSteer:
      return "only the programme lead and the engagement's lead peer may";
    case EngagementAccess::kManage:
      return "only a programme lead may";
    case EngagementAccess::kTeam:
      return "only the engagement's review team (lead peer, peers and shadows) may";
    case EngagementAccess::kDraft:
      return "only the team's lead peer and peers may";
    case EngagementAccess::kLeadPeer:
      return "only the engagement's lead peer may";
  }
  return "";
}

bool Allows(const domain::Principal& p, const domain::Engagement& e, EngagementAccess access) {
  if (access == EngagementAccess::kTeam || access == EngagementAccess::kDraft ||
      access == EngagementAccess::kLeadPeer) {
    if (p.role != Role::kPeer) return false;
    const domain::TeamMember* member = domain::FindTeamMember(e, p.peer_id);
    if (member == nullptr) return false;
    if (access == EngagementAccess::kDraft) return member->role != domain::TeamRole::kShadow;
    if (access == EngagementAccess::kLeadPeer) return member->role == domain::TeamRole::kLeadPeer;
    return true;
  }
  if (p.role == Role::kProgrammeLead) return true;
  if (p.role == Role::kPartnershipContact) {
    return access == EngagementAccess::kRead && p.partnership_id == e.partnership_id;
  }
  if (p.role != Role::kPeer) return false;
  const domain::TeamMember* member = domain::FindTeamMember(e, p.peer_id);
  if (member == nullptr) return false;
  switch (access) {
    case EngagementAccess::kRead:
      return true;
    case EngagementAccess::kContribute:
      return member->role != domain::TeamRole::kShadow;
    case EngagementAccess::kSteer:
      return member->role == domain::TeamRole::kLeadPeer;
    case EngagementAccess::kManage:
      return false;
    case EngagementAccess::kTeam:
    case EngagementAccess::kDraft:
    case EngagementAccess::kLeadPeer:
      return true;  // decided above
  }
  return false;
}

}  // namespace

absl::Status RequireProgrammeLead(const domain::Principal& principal,
                                  absl::string_view action) {
  if (principal.role == Role::kProgrammeLead) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat(action, " is not allowed for this token: only a programme lead may"));
}

absl::Status CheckEngagementAccess(const domain::Principal& principal,
                                   const domain::Engagement& engagement,
                                   EngagementAccess access, absl::string_view action) {
  if (Allows(principal, engagement, access)) return absl::OkStatus();
  return Denied(action, absl::StrCat("engagements/", engagement.meta.id), WhoMay(access));
}

absl::StatusOr<domain::Engagement> LoadEngagement(Repositories& repos,
                                                  const domain::Principal& principal,
                                                  absl::string_view id,
                                                  EngagementAccess access,
                                                  absl::string_view action) {
  absl::StatusOr<domain::Engagement> engagement = repos.engagements().Get(id);
  if (absl::IsNotFound(engagement.status())) {
    if (principal.role == Role::kProgrammeLead) {
      return absl::NotFoundError(absl::StrCat("engagements/", id, " does not exist"));
    }
    return Denied(action, absl::StrCat("engagements/", id), WhoMay(access));
  }
  if (!engagement.ok()) return engagement.status();
  HC_RETURN_IF_ERROR(CheckEngagementAccess(principal, *engagement, access, action));
  return engagement;
}

absl::StatusOr<domain::Engagement> LoadEngagementForChange(Repositories& repos,
                                                           const domain::Principal& principal,
                                                           absl::string_view id,
                                                           EngagementAccess access,
                                                           absl::string_view action) {
  HC_ASSIGN_OR_RETURN(domain::Engagement engagement,
                      LoadEngagement(repos, principal, id, access, action));
  HC_RETURN_IF_ERROR(domain::CheckNotEnded(engagement));
  return engagement;
}

absl::Status CheckPartnershipRead(Repositories& repos, const domain::Principal& principal,
                                  absl::string_view partnership_id, absl::string_view action) {
  bool allowed = false;
  switch (principal.role) {
    case Role::kProgrammeLead:
      allowed = true;
      break;
    case Role::kPartnershipContact:
      allowed = principal.partnership_id == partnership_id;
      break;
    case Role::kPeer: {
      EngagementQuery query;
      query.partnership_id = std::string(partnership_id);
      query.team_peer_id = principal.peer_id;
      HC_ASSIGN_OR_RETURN(Page<domain::Engagement> page,
                          repos.engagements().List(query, PageRequest{1, std::nullopt}));
      allowed = !page.items.empty();
      break;
    }
    case Role::kUnspecified:
      break;
  }
  if (allowed) return absl::OkStatus();
  return Denied(action, absl::StrCat("partnerships/", partnership_id),
                "only the programme lead, its contact and peers on its engagements may");
}

}  // namespace hc::app
