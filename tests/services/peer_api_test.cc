#include "tests/services/api_test_fixture.h"

#include "absl/strings/str_cat.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class PeerApiTest : public ApiTest {};

TEST_F(PeerApiTest, CreateKeepsEveryFieldAndRefusesADuplicateEmail) {
  v1::CreatePeerRequest request;
  v1::Peer* p = request.mutable_peer();
  p->set_display_name("Ann Smith");
  p->set_email("ann@example.org");
  p->set_home_organisation("Northshire Council");
  p->set_home_sector(v1::SECTOR_LOCAL_GOVERNMENT);
  *p->mutable_trained_date() = ToDate(absl::CivilDay(2025, 1, 10));
  *p->mutable_accredited_date() = ToDate(absl::CivilDay(2025, 2, 1));
  *p->mutable_accreditation_expiry_date() = ToDate(absl::CivilDay(2028, 1, 31));
  p->add_skills("community safety");
  p->add_skills("finance");
  v1::Peer created;
  ASSERT_TRUE(peers_->CreatePeer(Lead().get(), request, &created).ok());
  EXPECT_EQ(created.accreditation_expiry_date().year(), 2028);
  EXPECT_EQ(created.skills_size(), 2);
  EXPECT_EQ(created.skills(1), "finance");
  request.mutable_peer()->set_email("ANN@example.org");
  EXPECT_THAT(peers_->CreatePeer(Lead().get(), request, &created),
              GrpcIsWith(StatusCode::ALREADY_EXISTS, "email"));
}

TEST_F(PeerApiTest, CreateRefusesInvalidPeers) {
  v1::CreatePeerRequest request;
  v1::Peer* p = request.mutable_peer();
  p->set_display_name("Ann");
  p->set_email("not-an-email");
  p->set_home_organisation("Northshire Council");
  p->set_home_sector(v1::SECTOR_HEALTH);
  v1::Peer out;
  EXPECT_THAT(peers_->CreatePeer(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "email"));
  p->set_email("ann@example.org");
  *p->mutable_accredited_date() = ToDate(absl::CivilDay(2026, 1, 1));
  EXPECT_THAT(peers_->CreatePeer(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "go together"));
  *p->mutable_accreditation_expiry_date() = ToDate(absl::CivilDay(2025, 1, 1));
  EXPECT_THAT(peers_->CreatePeer(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "before accredited_date"));
  p->mutable_accreditation_expiry_date()->set_day(32);
  EXPECT_THAT(peers_->CreatePeer(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "not a valid date"));
}

TEST_F(PeerApiTest, ListFiltersBySectorAndExpiry) {
  MakePeer("Ann Health", "A Trust", v1::SECTOR_HEALTH, Today() + 10);
  MakePeer("Bob Health", "B Trust", v1::SECTOR_HEALTH, Today() + 500);
  MakePeer("Cat Police", "C Police", v1::SECTOR_POLICE, Today() + 10);
  v1::ListPeersRequest request;
  v1::ListPeersResponse response;
  request.set_filter("home_sector = SECTOR_HEALTH");
  ASSERT_TRUE(peers_->ListPeers(Lead().get(), request, &response).ok());
  EXPECT_EQ(response.peers_size(), 2);
  request.set_filter("home_sector = HEALTH AND accreditation_expiry_date < " +
                     absl::FormatCivilTime(Today() + 30));
  ASSERT_TRUE(peers_->ListPeers(Lead().get(), request, &response).ok());
  ASSERT_EQ(response.peers_size(), 1);
  EXPECT_EQ(response.peers(0).display_name(), "Ann Health");
  request.set_filter("accreditation_expiry_date < tomorrow");
  EXPECT_THAT(peers_->ListPeers(Lead().get(), request, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.set_filter("home_sector = SECTOR_SPACE");
  EXPECT_THAT(peers_->ListPeers(Lead().get(), request, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(PeerApiTest, APeerReadsTheirOwnRecordOnly) {
  const v1::Peer me = MakePeer("Ann Me", "A Trust", v1::SECTOR_HEALTH, Today() + 10);
  const v1::Peer other = MakePeer("Bob Other", "B Trust", v1::SECTOR_HEALTH, Today() + 10);
  const std::string token = TokenFor(v1::ROLE_PEER, me.name());
  v1::GetPeerRequest get;
  get.set_name(me.name());
  v1::Peer out;
  EXPECT_TRUE(peers_->GetPeer(Ctx(token).get(), get, &out).ok());
  get.set_name(other.name());
  EXPECT_THAT(peers_->GetPeer(Ctx(token).get(), get, &out), GrpcIs(StatusCode::PERMISSION_DENIED));
  v1::ListPeersResponse list;
  EXPECT_THAT(peers_->ListPeers(Ctx(token).get(), {}, &list),
              GrpcIs(StatusCode::PERMISSION_DENIED));
}

TEST_F(PeerApiTest, UpdateAndDeleteFollowTheRules) {
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 10);
  v1::UpdatePeerRequest update;
  update.mutable_peer()->set_name(peer.name());
  update.mutable_peer()->set_etag(peer.etag());
  *update.mutable_peer()->mutable_accreditation_expiry_date() = ToDate(Today() + 700);
  update.mutable_update_mask()->add_paths("accreditation_expiry_date");
  v1::Peer updated;
  ASSERT_TRUE(peers_->UpdatePeer(Lead().get(), update, &updated).ok());
  EXPECT_EQ(updated.display_name(), "Ann Smith");
  EXPECT_THAT(peers_->UpdatePeer(Lead().get(), update, &updated), GrpcIs(StatusCode::ABORTED));
  // The audit record keeps what changed, before and after; a refused update
  // leaves none.
  EXPECT_THAT(AuditDetails("UpdatePeer"),
              ::testing::ElementsAre(absl::StrCat(
                  "accreditation_expiry_date: ", absl::FormatCivilTime(Today() + 10), " -> ",
                  absl::FormatCivilTime(Today() + 700))));

  const v1::Partnership p = MakePartnership("Anytown", {});
  const v1::Engagement e = MakeEngagement(p.name());
  AddMember(e.name(), peer.name(), v1::TEAM_ROLE_PEER);
  v1::DeletePeerRequest del;
  del.set_name(peer.name());
  google::protobuf::Empty empty;
  EXPECT_THAT(peers_->DeletePeer(Lead().get(), del, &empty),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "team"));
  del.set_name("peers/missing");
  EXPECT_THAT(peers_->DeletePeer(Lead().get(), del, &empty), GrpcIs(StatusCode::NOT_FOUND));
}

}  // namespace
}  // namespace hc::testing
