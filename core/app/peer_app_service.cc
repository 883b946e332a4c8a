#include "core/app/peer_app_service.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/field_mask.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

using domain::Peer;

constexpr std::array<FieldRule<Peer>, 8> kUpdatable{{
    HC_UNLOGGED_FIELD_RULE(Peer, "display_name", display_name),
    HC_UNLOGGED_FIELD_RULE(Peer, "email", email),
    HC_FIELD_RULE(Peer, "home_organisation", home_organisation),
    HC_FIELD_RULE(Peer, "home_sector", home_sector),
    HC_FIELD_RULE(Peer, "trained_date", trained_date),
    HC_FIELD_RULE(Peer, "accredited_date", accredited_date),
    HC_FIELD_RULE(Peer, "accreditation_expiry_date", accreditation_expiry_date),
    HC_FIELD_RULE(Peer, "skills", skills),
}};

std::string NameOf(absl::string_view id) { return absl::StrCat("peers/", id); }

}  // namespace

PeerAppService::PeerAppService(Store& store, Clock& clock, IdSource& ids)
    : store_(store), clock_(clock), ids_(ids) {}

absl::StatusOr<Peer> PeerAppService::Create(const domain::Principal& principal,
                                            const Peer& input, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreatePeer";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  HC_RETURN_IF_ERROR(domain::ValidatePeer(input));
  Peer result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.peers().Get(*earlier));
      return absl::OkStatus();
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    HC_RETURN_IF_ERROR(repos.peers().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, NameOf(result.meta.id), now);
  }));
  return result;
}

absl::StatusOr<Peer> PeerAppService::Get(const domain::Principal& principal,
                                         absl::string_view id) {
  const bool self = principal.role == domain::Role::kPeer && principal.peer_id == id;
  if (!self) {
    if (absl::Status s = RequireProgrammeLead(principal, "GetPeer"); !s.ok()) {
      return absl::PermissionDeniedError(absl::StrCat(
          "GetPeer on ", NameOf(id),
          " is not allowed for this token: only a programme lead or the peer themself may"));
    }
  }
  Peer result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.peers().Get(id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<Peer>> PeerAppService::List(const domain::Principal& principal,
                                                const PeerQuery& query,
                                                const PageRequest& page) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, "ListPeers"));
  Page<Peer> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.peers().List(query, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Peer> PeerAppService::Update(const domain::Principal& principal,
                                            absl::string_view id, const Peer& input,
                                            const std::vector<std::string>& paths,
                                            std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdatePeer";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  Peer result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, repos.peers().Get(id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(id), result.meta, expected_version));
    const Peer before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<Peer>(kUpdatable, paths, input, result));
    HC_RETURN_IF_ERROR(domain::ValidatePeer(result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.peers().Update(result));
    return Audit(repos, principal, kAction, NameOf(id), now,
                 DescribeChanges<Peer>(kUpdatable, before, result));
  }));
  return result;
}

absl::Status PeerAppService::Delete(const domain::Principal& principal, absl::string_view id,
                                    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "DeletePeer";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  return store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Peer current, repos.peers().Get(id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(id), current.meta, expected_version));
    HC_ASSIGN_OR_RETURN(bool on_team, repos.engagements().AnyWithTeamPeer(id));
    if (on_team) {
      return absl::FailedPreconditionError(absl::StrCat(
          NameOf(id), " is on an engagement's team; remove them from it first"));
    }
    HC_RETURN_IF_ERROR(repos.peers().Delete(id));
    // The people bound to it are suspended (their sessions end, their tokens
    // are refused): none may act for what no longer exists.
    const absl::Time now = clock_.Now();
    HC_ASSIGN_OR_RETURN(const int suspended, repos.users().SuspendAllBoundTo(id, "", now));
    return Audit(repos, principal, kAction, NameOf(id), now,
                 suspended > 0 ? absl::StrCat(suspended, " person(s) suspended") : "");
  });
}

}  // namespace hc::app
