#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class PartnershipApiTest : public ApiTest {};

TEST_F(PartnershipApiTest, CreateGetUpdateDeleteRoundTrip) {
  const v1::Partnership created = MakePartnership(
      "Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT},
                      {"Shire Fire", v1::SECTOR_FIRE_AND_RESCUE}});
  EXPECT_EQ(created.name().rfind("partnerships/", 0), 0u);
  EXPECT_EQ(created.members_size(), 2);
  EXPECT_EQ(created.members(1).sector(), v1::SECTOR_FIRE_AND_RESCUE);

  v1::GetPartnershipRequest get;
  get.set_name(created.name());
  v1::Partnership fetched;
  ASSERT_TRUE(partnerships_->GetPartnership(Lead().get(), get, &fetched).ok());
  EXPECT_EQ(fetched.display_name(), "Anytown CSP");
  EXPECT_EQ(fetched.etag(), created.etag());

  v1::UpdatePartnershipRequest update;
  *update.mutable_partnership() = fetched;
  update.mutable_partnership()->set_lifecycle_stage(v1::PARTNERSHIP_LIFECYCLE_STAGE_FLYING);
  update.mutable_partnership()->set_display_name("ignored: not in mask");
  update.mutable_update_mask()->add_paths("lifecycle_stage");
  v1::Partnership updated;
  ASSERT_TRUE(partnerships_->UpdatePartnership(Lead().get(), update, &updated).ok());
  EXPECT_EQ(updated.lifecycle_stage(), v1::PARTNERSHIP_LIFECYCLE_STAGE_FLYING);
  EXPECT_EQ(updated.display_name(), "Anytown CSP");
  EXPECT_THAT(partnerships_->UpdatePartnership(Lead().get(), update, &updated),
              GrpcIs(StatusCode::ABORTED));  // the etag of `fetched` is stale now

  // Members and name changed together: the audit record says how, field by
  // field, with the values before and after.
  *update.mutable_partnership() = updated;
  update.mutable_partnership()->set_display_name("Anytown Safer Partnership");
  update.mutable_partnership()->mutable_members(1)->set_display_name("Shire Fire and Rescue");
  update.mutable_update_mask()->add_paths("display_name");
  update.mutable_update_mask()->add_paths("members");
  ASSERT_TRUE(partnerships_->UpdatePartnership(Lead().get(), update, &updated).ok());
  EXPECT_THAT(
      AuditDetails("UpdatePartnership"),
      ::testing::ElementsAre(
          "lifecycle_stage: UNSPECIFIED -> FLYING",
          "display_name: \"Anytown CSP\" -> \"Anytown Safer Partnership\"; members: "
          "[\"Anytown Council\" (LOCAL_GOVERNMENT), \"Shire Fire\" (FIRE_AND_RESCUE)] -> "
          "[\"Anytown Council\" (LOCAL_GOVERNMENT), \"Shire Fire and Rescue\" "
          "(FIRE_AND_RESCUE)]"));

  v1::DeletePartnershipRequest del;
  del.set_name(created.name());
  del.set_etag(fetched.etag());
  google::protobuf::Empty empty;
  EXPECT_THAT(partnerships_->DeletePartnership(Lead().get(), del, &empty),
              GrpcIs(StatusCode::ABORTED));
  del.set_etag(updated.etag());
  ASSERT_TRUE(partnerships_->DeletePartnership(Lead().get(), del, &empty).ok());
  EXPECT_THAT(partnerships_->GetPartnership(Lead().get(), get, &fetched),
              GrpcIs(StatusCode::NOT_FOUND));
}

TEST_F(PartnershipApiTest, CreateRefusesInvalidPartnerships) {
  v1::CreatePartnershipRequest request;
  v1::Partnership out;
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "display_name"));
  request.mutable_partnership()->set_display_name("Anytown");
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "kind"));
  request.mutable_partnership()->set_kind(v1::PARTNERSHIP_KIND_LSP);
  auto* m = request.mutable_partnership()->add_members();
  m->set_display_name("Anytown Council");
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "sector"));
  m->set_sector(v1::SECTOR_LOCAL_GOVERNMENT);
  *request.mutable_partnership()->add_members() = *m;
  request.mutable_partnership()->mutable_members(1)->set_display_name("ANYTOWN council");
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "listed twice"));
  request.mutable_partnership()->set_display_name(std::string("bad\x01name"));
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  v1::ListPartnershipsResponse list;
  ASSERT_TRUE(partnerships_->ListPartnerships(Lead().get(), {}, &list).ok());
  EXPECT_EQ(list.partnerships_size(), 0);  // nothing was created by a refused call
}

TEST_F(PartnershipApiTest, RetriedCreateWithSameRequestIdCreatesOne) {
  v1::CreatePartnershipRequest request;
  request.mutable_partnership()->set_display_name("Anytown");
  request.mutable_partnership()->set_kind(v1::PARTNERSHIP_KIND_LSP);
  request.set_request_id("3f2a-retry");
  v1::Partnership first, second;
  ASSERT_TRUE(partnerships_->CreatePartnership(Lead().get(), request, &first).ok());
  ASSERT_TRUE(partnerships_->CreatePartnership(Lead().get(), request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  v1::ListPartnershipsResponse list;
  ASSERT_TRUE(partnerships_->ListPartnerships(Lead().get(), {}, &list).ok());
  EXPECT_EQ(list.partnerships_size(), 1);
}

TEST_F(PartnershipApiTest, DeleteWithEngagementsIsFailedPrecondition) {
  const v1::Partnership p = MakePartnership("Anytown", {});
  MakeEngagement(p.name());
  v1::DeletePartnershipRequest del;
  del.set_name(p.name());
  google::protobuf::Empty empty;
  EXPECT_THAT(partnerships_->DeletePartnership(Lead().get(), del, &empty),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "has engagements"));
  del.set_name("partnerships/missing");
  EXPECT_THAT(partnerships_->DeletePartnership(Lead().get(), del, &empty),
              GrpcIs(StatusCode::NOT_FOUND));
}

TEST_F(PartnershipApiTest, ContactSeesOnlyTheirOwnPartnership) {
  const v1::Partnership mine = MakePartnership("Mine", {});
  const v1::Partnership theirs = MakePartnership("Theirs", {});
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", mine.name());
  v1::ListPartnershipsResponse list;
  ASSERT_TRUE(partnerships_->ListPartnerships(Ctx(contact).get(), {}, &list).ok());
  ASSERT_EQ(list.partnerships_size(), 1);
  EXPECT_EQ(list.partnerships(0).name(), mine.name());
  v1::GetPartnershipRequest get;
  get.set_name(theirs.name());
  v1::Partnership out;
  EXPECT_THAT(partnerships_->GetPartnership(Ctx(contact).get(), get, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
}

}  // namespace
}  // namespace hc::testing
