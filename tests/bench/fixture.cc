#include "tests/bench/fixture.h"

#include <unistd.h>

#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "core/common/status_macros.h"
#include "healthcheck/v1/engagement.grpc.pb.h"
#include "healthcheck/v1/partnership.grpc.pb.h"
#include "healthcheck/v1/peer.grpc.pb.h"
#include "tests/bench/call_context.h"

namespace hc::bench {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr auto kSetupTimeout = std::chrono::seconds(5);

// gRPC and Abseil number their status codes alike.
absl::Status ToAbslStatus(const grpc::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

// Calls one synchronous `method` of `stub` with a fresh authorised context.
template <typename Stub, typename Request, typename Response>
absl::Status Call(Stub& stub,
                  grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                  const std::string& token, const Request& request, Response* response,
                  absl::string_view what) {
  grpc::ClientContext context;
  PrepareContext(&context, token, std::chrono::system_clock::now() + kSetupTimeout);
  return ToAbslStatus((stub.*method)(&context, request, response), what);
}

v1::CreatePartnershipRequest PartnershipRequest(const std::string& run_id) {
  v1::CreatePartnershipRequest request;
  request.set_request_id(absl::StrCat("bench-partnership-", run_id));
  v1::Partnership* p = request.mutable_partnership();
  p->set_display_name(absl::StrCat("Bench Partnership ", run_id));
  p->set_kind(v1::PARTNERSHIP_KIND_LSP);
  p->set_area("Benchshire");
  p->set_lifecycle_stage(v1::PARTNERSHIP_LIFECYCLE_STAGE_FUNCTIONING);
  const std::pair<const char*, v1::Sector> members[] = {
      {"Benchshire County Council", v1::SECTOR_LOCAL_GOVERNMENT},
      {"Benchshire Integrated Care Board", v1::SECTOR_HEALTH},
      {"Benchshire Constabulary", v1::SECTOR_POLICE},
      {"Benchshire Voluntary Action", v1::SECTOR_VOLUNTARY_AND_COMMUNITY},
  };
  for (const auto& [name, sector] : members) {
    v1::MemberOrganisation* m = p->add_members();
    m->set_display_name(name);
    m->set_sector(sector);
  }
  return request;
}

v1::CreatePeerRequest PeerRequest(const std::string& run_id) {
  v1::CreatePeerRequest request;
  request.set_request_id(absl::StrCat("bench-peer-", run_id));
  v1::Peer* peer = request.mutable_peer();
  peer->set_display_name("Bench Team Peer");
  peer->set_email(absl::StrCat("bench-team-", run_id, "@example.org"));
  peer->set_home_organisation("Elsewhere Fire and Rescue Service");
  peer->set_home_sector(v1::SECTOR_FIRE_AND_RESCUE);
  return request;
}

v1::CreateEngagementRequest EngagementRequest(const std::string& run_id,
                                              const std::string& partnership) {
  v1::CreateEngagementRequest request;
  request.set_request_id(absl::StrCat("bench-engagement-", run_id));
  v1::Engagement* e = request.mutable_engagement();
  e->set_partnership(partnership);
  e->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
  e->mutable_scoping()->add_issues("How well do partners share information on risk?");
  e->mutable_scoping()->add_desired_outcomes("An agreed information-sharing protocol");
  return request;
}

}  // namespace

absl::StatusOr<Fixture> CreateFixture(const std::shared_ptr<grpc::Channel>& channel,
                                      const std::string& token) {
  Fixture fixture;
  fixture.run_id = absl::StrFormat("%x-%d", absl::ToUnixMicros(absl::Now()), ::getpid());

  v1::PartnershipService::Stub partnerships(channel);
  v1::PeerService::Stub peers(channel);
  v1::EngagementService::Stub engagements(channel);

  v1::Partnership partnership;
  HC_RETURN_IF_ERROR(Call(partnerships, &v1::PartnershipService::Stub::CreatePartnership, token,
                          PartnershipRequest(fixture.run_id), &partnership, "CreatePartnership"));
  fixture.partnership = partnership.name();

  v1::Peer peer;
  HC_RETURN_IF_ERROR(Call(peers, &v1::PeerService::Stub::CreatePeer, token,
                          PeerRequest(fixture.run_id), &peer, "CreatePeer"));
  fixture.peer = peer.name();

  v1::Engagement engagement;
  HC_RETURN_IF_ERROR(Call(engagements, &v1::EngagementService::Stub::CreateEngagement, token,
                          EngagementRequest(fixture.run_id, fixture.partnership), &engagement,
                          "CreateEngagement"));
  fixture.engagement = engagement.name();

  // A team member makes GetEngagement resolve a peer and the team's sector
  // coverage, as it does for every real engagement. A shadow needs no
  // accreditation or fieldwork dates.
  v1::AddTeamMemberRequest add;
  add.set_engagement(fixture.engagement);
  add.set_peer(fixture.peer);
  add.set_role(v1::TEAM_ROLE_SHADOW);
  HC_RETURN_IF_ERROR(Call(engagements, &v1::EngagementService::Stub::AddTeamMember, token, add,
                          &engagement, "AddTeamMember"));
  return fixture;
}

}  // namespace hc::bench
