#include "core/app/partnership_app_service.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/field_mask.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

using domain::Partnership;

constexpr std::array<FieldRule<Partnership>, 5> kUpdatable{{
    HC_FIELD_RULE(Partnership, "display_name", display_name),
    HC_FIELD_RULE(Partnership, "kind", kind),
    HC_FIELD_RULE(Partnership, "area", area),
    HC_FIELD_RULE(Partnership, "lifecycle_stage", lifecycle_stage),
    HC_FIELD_RULE(Partnership, "members", members),
}};

std::string NameOf(absl::string_view id) { return absl::StrCat("partnerships/", id); }

}  // namespace

PartnershipAppService::PartnershipAppService(Store& store, Clock& clock, IdSource& ids)
    : store_(store), clock_(clock), ids_(ids) {}

absl::StatusOr<Partnership> PartnershipAppService::Create(const domain::Principal& principal,
                                                          const Partnership& input,
                                                          const RequestKey& key) {
  constexpr absl::string_view kAction = "CreatePartnership";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  HC_RETURN_IF_ERROR(domain::ValidatePartnership(input));
  Partnership result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.partnerships().Get(*earlier));
      return absl::OkStatus();
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    HC_RETURN_IF_ERROR(repos.partnerships().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, NameOf(result.meta.id), now);
  }));
  return result;
}

absl::StatusOr<Partnership> PartnershipAppService::Get(const domain::Principal& principal,
                                                       absl::string_view id) {
  Partnership result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(CheckPartnershipRead(repos, principal, id, "GetPartnership"));
    HC_ASSIGN_OR_RETURN(result, repos.partnerships().Get(id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<Partnership>> PartnershipAppService::List(
    const domain::Principal& principal, const PageRequest& page) {
  PartnershipQuery query;
  switch (principal.role) {
    case domain::Role::kProgrammeLead:
      break;
    case domain::Role::kPartnershipContact:
      query.id = principal.partnership_id;
      break;
    case domain::Role::kPeer:
      query.with_team_peer = principal.peer_id;
      break;
    case domain::Role::kUnspecified:
      return absl::PermissionDeniedError("ListPartnerships is not allowed for this token");
  }
  Page<Partnership> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.partnerships().List(query, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Partnership> PartnershipAppService::Update(
    const domain::Principal& principal, absl::string_view id, const Partnership& input,
    const std::vector<std::string>& paths, std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdatePartnership";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  Partnership result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.partnerships().Get(id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(id), result.meta, expected_version));
    const Partnership before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<Partnership>(kUpdatable, paths, input, result));
    HC_RETURN_IF_ERROR(domain::ValidatePartnership(result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.partnerships().Update(result));
    return Audit(repos, principal, kAction, NameOf(id), now,
                 DescribeChanges<Partnership>(kUpdatable, before, result));
  }));
  return result;
}

absl::Status PartnershipAppService::Delete(const domain::Principal& principal,
                                           absl::string_view id,
                                           std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "DeletePartnership";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  return store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Partnership current, repos.partnerships().Get(id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(id), current.meta, expected_version));
    HC_ASSIGN_OR_RETURN(bool in_use, repos.engagements().AnyForPartnership(id));
    if (in_use) {
      return absl::FailedPreconditionError(absl::StrCat(
          NameOf(id), " has engagements and cannot be deleted; cancel or close them and keep "
                      "the partnership for the record"));
    }
    HC_RETURN_IF_ERROR(repos.partnerships().Delete(id));
    // The people bound to it are suspended (their sessions end, their tokens
    // are refused): none may act for what no longer exists.
    const absl::Time now = clock_.Now();
    HC_ASSIGN_OR_RETURN(const int suspended, repos.users().SuspendAllBoundTo("", id, now));
    return Audit(repos, principal, kAction, NameOf(id), now,
                 suspended > 0 ? absl::StrCat(suspended, " person(s) suspended") : "");
  });
}

}  // namespace hc::app
