#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class ProgrammeAccessApiTest : public ApiTest {};

TEST_F(ProgrammeAccessApiTest, OverviewCountsStagesOverdueDatesAndExpiringAccreditations) {
  const v1::Partnership p = MakePartnership("Anytown", {});
  const v1::Engagement late = MakeEngagement(p.name(), Today() - 5);  // fieldwork passed
  MakeEngagement(p.name(), Today() + 40);
  MakePeer("Soon Expiring", "A Trust", v1::SECTOR_HEALTH, Today() + 20);
  MakePeer("Long Valid", "B Trust", v1::SECTOR_HEALTH, Today() + 400);
  v1::GetProgrammeOverviewRequest request;
  request.set_expiring_within_days(30);
  v1::ProgrammeOverview overview;
  ASSERT_TRUE(programme_->GetProgrammeOverview(Lead().get(), request, &overview).ok());
  ASSERT_EQ(overview.stage_counts_size(), 10);
  EXPECT_EQ(overview.stage_counts(0).stage(), v1::SCOPING);
  EXPECT_EQ(overview.stage_counts(0).engagements(), 2);
  // Fieldwork day 1 and the feedback date (day 3) have both passed in SCOPING.
  ASSERT_EQ(overview.overdue_size(), 2);
  EXPECT_EQ(overview.overdue(0).engagement(), late.name());
  EXPECT_EQ(overview.overdue(0).overdue().key_date(), "fieldwork_day1");
  EXPECT_EQ(overview.overdue(1).overdue().key_date(), "feedback_date");
  EXPECT_EQ(overview.overdue(0).partnership_display_name(), "Anytown");
  ASSERT_EQ(overview.expiring_accreditations_size(), 1);
  EXPECT_EQ(overview.expiring_accreditations(0).display_name(), "Soon Expiring");
  request.set_expiring_within_days(-1);
  EXPECT_THAT(programme_->GetProgrammeOverview(Lead().get(), request, &overview),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(ProgrammeAccessApiTest, TokensAreShownOnceAndRevocable) {
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 400);
  v1::CreateAccessTokenRequest create;
  create.mutable_access_token()->set_display_name("Ann's laptop");
  create.mutable_access_token()->set_role(v1::ROLE_PEER);
  create.mutable_access_token()->set_peer(peer.name());
  v1::AccessToken token;
  ASSERT_TRUE(access_->CreateAccessToken(Lead().get(), create, &token).ok());
  EXPECT_GE(token.secret().size(), 40u);
  v1::ListAccessTokensResponse list;
  ASSERT_TRUE(access_->ListAccessTokens(Lead().get(), {}, &list).ok());
  ASSERT_EQ(list.access_tokens_size(), 2);
  for (const auto& t : list.access_tokens()) EXPECT_TRUE(t.secret().empty());

  v1::GetPeerRequest get;
  get.set_name(peer.name());
  v1::Peer out;
  EXPECT_TRUE(peers_->GetPeer(Ctx(token.secret()).get(), get, &out).ok());
  v1::RevokeAccessTokenRequest revoke;
  revoke.set_name(token.name());
  v1::AccessToken revoked;
  ASSERT_TRUE(access_->RevokeAccessToken(Lead().get(), revoke, &revoked).ok());
  EXPECT_TRUE(revoked.has_revoke_time());
  EXPECT_THAT(peers_->GetPeer(Ctx(token.secret()).get(), get, &out),
              GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(access_->RevokeAccessToken(Lead().get(), revoke, &revoked),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  revoke.set_name("accessTokens/missing");
  EXPECT_THAT(access_->RevokeAccessToken(Lead().get(), revoke, &revoked),
              GrpcIs(StatusCode::NOT_FOUND));
}

TEST_F(ProgrammeAccessApiTest, TokenBindingsAreChecked) {
  v1::CreateAccessTokenRequest create;
  create.mutable_access_token()->set_display_name("someone");
  create.mutable_access_token()->set_role(v1::ROLE_PEER);
  v1::AccessToken token;
  EXPECT_THAT(access_->CreateAccessToken(Lead().get(), create, &token),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "needs peer"));
  create.mutable_access_token()->set_peer("peers/missing");
  EXPECT_THAT(access_->CreateAccessToken(Lead().get(), create, &token),
              GrpcIs(StatusCode::NOT_FOUND));
  create.mutable_access_token()->set_role(v1::ROLE_UNSPECIFIED);
  EXPECT_THAT(access_->CreateAccessToken(Lead().get(), create, &token),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "role"));
}

}  // namespace
}  // namespace hc::testing
