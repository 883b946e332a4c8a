#include <httplib.h>

#include <set>

#include "absl/strings/str_cat.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

class QuestionnaireApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    questionnaires_ = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    partnership_ = MakePartnership("Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT},
                                                   {"Anytown NHS Trust", v1::SECTOR_HEALTH},
                                                   {"Shire Police", v1::SECTOR_POLICE},
                                                   {"Shire Fire", v1::SECTOR_FIRE_AND_RESCUE},
                                                   {"Anytown CVS", v1::SECTOR_VOLUNTARY_AND_COMMUNITY}});
    engagement_ = MakeEngagement(partnership_.name());
    peer_ = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
    AddMember(engagement_.name(), peer_.name(), v1::TEAM_ROLE_LEAD_PEER);
    peer_token_ = TokenFor(v1::ROLE_PEER, peer_.name());
    name_ = engagement_.name() + "/questionnaire";
  }

  grpc::Status Create(const std::string& token, const std::string& framework, absl::Time open,
                      absl::Time close, int k, v1::Questionnaire* out) {
    v1::CreateQuestionnaireRequest request;
    request.set_parent(engagement_.name());
    request.mutable_questionnaire()->set_framework(framework);
    *request.mutable_questionnaire()->mutable_open_time() = At(open);
    *request.mutable_questionnaire()->mutable_close_time() = At(close);
    request.mutable_questionnaire()->set_min_group_size(k);
    return questionnaires_->CreateQuestionnaire(Ctx(token).get(), request, out);
  }

  grpc::Status Invite(const std::string& token, const std::string& csv,
                      v1::CreateInvitationsResponse* out, const std::string& request_id = "") {
    v1::CreateInvitationsRequest request;
    request.set_parent(name_);
    request.set_csv(csv);
    request.set_request_id(request_id);
    return questionnaires_->CreateInvitations(Ctx(token).get(), request, out);
  }

  static constexpr char kPat[] = "frameworks/partnership-assessment-tool/versions/1";
  std::unique_ptr<v1::QuestionnaireService::Stub> questionnaires_;
  v1::Partnership partnership_;
  v1::Engagement engagement_;
  v1::Peer peer_;
  std::string peer_token_;
  std::string name_;
};

TEST_F(QuestionnaireApiTest, APeerSetsUpTheQuestionnaireWithTheDefaultK) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() + absl::Hours(1), absl::Now() + absl::Hours(48),
                     0, &q)
                  .ok());
  EXPECT_EQ(q.name(), name_);
  EXPECT_EQ(q.min_group_size(), 5);
  EXPECT_EQ(q.state(), v1::QUESTIONNAIRE_STATE_SCHEDULED);
  EXPECT_THAT(Create(peer_token_, kPat, absl::Now(), absl::Now() + absl::Hours(1), 5, &q),
              GrpcIs(StatusCode::ALREADY_EXISTS));
}

TEST_F(QuestionnaireApiTest, BadSettingsAreRefused) {
  v1::Questionnaire q;
  const absl::Time open = absl::Now() + absl::Hours(1);
  EXPECT_THAT(Create(peer_token_, kPat, open, open + absl::Hours(1), 2, &q),
              GrpcIs(StatusCode::INVALID_ARGUMENT));  // k below 3
  EXPECT_THAT(Create(peer_token_, kPat, open, open - absl::Hours(1), 5, &q),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "close_time"));
  EXPECT_THAT(Create(peer_token_, "frameworks/idea-governance-benchmark/versions/1", open,
                     open + absl::Hours(1), 5, &q),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "no statements"));
  EXPECT_THAT(Create(peer_token_, "frameworks/nothing/versions/1", open, open + absl::Hours(1), 5,
                     &q),
              GrpcIs(StatusCode::NOT_FOUND));
  EXPECT_THAT(Create(peer_token_, "", open, open + absl::Hours(1), 5, &q),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "framework is required"));
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  EXPECT_THAT(Create(contact, kPat, open, open + absl::Hours(1), 5, &q),
              GrpcIs(StatusCode::PERMISSION_DENIED));
}

TEST_F(QuestionnaireApiTest, ItChangesOnlyBeforeItOpensAndClosesOnce) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() + absl::Hours(1),
                     absl::Now() + absl::Hours(48), 5, &q)
                  .ok());
  v1::UpdateQuestionnaireRequest update;
  update.mutable_questionnaire()->set_name(name_);
  update.mutable_questionnaire()->set_min_group_size(7);
  update.mutable_update_mask()->add_paths("min_group_size");
  ASSERT_TRUE(questionnaires_->UpdateQuestionnaire(Ctx(peer_token_).get(), update, &q).ok());
  EXPECT_EQ(q.min_group_size(), 7);
  v1::CreateInvitationsResponse invitations;
  ASSERT_TRUE(Invite(peer_token_, "organisation,level,count\nShire Fire,board,5\n", &invitations)
                  .ok());
  // Open it now.
  *update.mutable_questionnaire()->mutable_open_time() = At(absl::Now() - absl::Minutes(1));
  update.mutable_update_mask()->set_paths(0, "open_time");
  ASSERT_TRUE(questionnaires_->UpdateQuestionnaire(Ctx(peer_token_).get(), update, &q).ok());
  EXPECT_EQ(q.state(), v1::QUESTIONNAIRE_STATE_OPEN);
  update.mutable_update_mask()->set_paths(0, "min_group_size");
  EXPECT_THAT(questionnaires_->UpdateQuestionnaire(Ctx(peer_token_).get(), update, &q),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "has opened"));
  // Who is invited is fixed when it opens: no group can grow once people
  // may have answered (nobody can add answers of their own to a group).
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  for (const std::string& token : {peer_token_, contact, lead_token_}) {
    EXPECT_THAT(Invite(token, "organisation,level,count\nShire Fire,board,2\n", &invitations),
                GrpcIsWith(StatusCode::FAILED_PRECONDITION,
                           "who is invited was fixed when it opened"));
  }
  v1::GetQuestionnaireRequest get;
  get.set_name(name_);
  ASSERT_TRUE(questionnaires_->GetQuestionnaire(Ctx(peer_token_).get(), get, &q).ok());
  EXPECT_EQ(q.invitation_count(), 5);

  v1::CloseQuestionnaireRequest close;
  close.set_name(name_);
  ASSERT_TRUE(questionnaires_->CloseQuestionnaire(Ctx(peer_token_).get(), close, &q).ok());
  EXPECT_EQ(q.state(), v1::QUESTIONNAIRE_STATE_CLOSED);
  EXPECT_TRUE(q.has_closed_time());
  EXPECT_THAT(questionnaires_->CloseQuestionnaire(Ctx(peer_token_).get(), close, &q),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(Invite(peer_token_, "organisation,level\nShire Fire,board\n", &invitations),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "has opened"));
}

// Set up to open at once, with nobody invited: nobody can have answered,
// so its first import is taken, and is then what was fixed at opening.
TEST_F(QuestionnaireApiTest, OneOpenedWithNoInvitationsTakesOnlyItsFirstImport) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() - absl::Minutes(1),
                     absl::Now() + absl::Hours(48), 5, &q)
                  .ok());
  ASSERT_EQ(q.state(), v1::QUESTIONNAIRE_STATE_OPEN);
  v1::CreateInvitationsResponse out;
  ASSERT_TRUE(Invite(peer_token_, "organisation,level,count\nShire Fire,board,5\n", &out).ok());
  EXPECT_EQ(out.invitations_size(), 5);
  EXPECT_THAT(Invite(peer_token_, "organisation,level\nShire Fire,board\n", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "has opened"));
}

TEST_F(QuestionnaireApiTest, AnOrganisationStaysInOneSectorThroughout) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() + absl::Hours(1),
                     absl::Now() + absl::Hours(48), 5, &q)
                  .ok());
  v1::CreateInvitationsResponse out;
  ASSERT_TRUE(Invite(peer_token_,
                     "organisation,level,count\nShire Fire,board,3\nAnytown CVS,management,5\n",
                     &out)
                  .ok());
  // A group invited fewer than k times is named (it can never be shown on
  // its own, and a response's group narrows who gave it to those few); one
  // of k is not.
  ASSERT_EQ(out.small_groups_size(), 1);
  EXPECT_EQ(out.small_groups(0).organisation(), "Shire Fire");
  EXPECT_EQ(out.small_groups(0).level(), v1::RESPONDENT_LEVEL_BOARD);
  EXPECT_EQ(out.small_groups(0).invitations(), 3);
  // Shire Fire is moved to the police sector between two imports: counted
  // in both, it would no longer nest in one sector, and the difference of
  // two released figures could describe a group under k.
  v1::UpdatePartnershipRequest move;
  *move.mutable_partnership() = partnership_;
  for (v1::MemberOrganisation& m : *move.mutable_partnership()->mutable_members()) {
    if (m.display_name() == "Shire Fire") m.set_sector(v1::SECTOR_POLICE);
  }
  move.mutable_update_mask()->add_paths("members");
  v1::Partnership moved;
  ASSERT_TRUE(partnerships_->UpdatePartnership(Lead().get(), move, &moved).ok());
  EXPECT_THAT(Invite(peer_token_, "organisation,level,count\nShire Fire,management,2\n", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION,
                         "Shire Fire's earlier invitations count it in fire and rescue, but it "
                         "is now in police"));
  v1::GetQuestionnaireRequest get;
  get.set_name(name_);
  ASSERT_TRUE(questionnaires_->GetQuestionnaire(Ctx(peer_token_).get(), get, &q).ok());
  EXPECT_EQ(q.invitation_count(), 8);  // the refused import created nothing
  // Other organisations are unaffected; every small group so far is named.
  ASSERT_TRUE(Invite(peer_token_, "organisation,level\nShire Police,board\n", &out).ok());
  ASSERT_EQ(out.small_groups_size(), 2);
  EXPECT_EQ(out.small_groups(0).organisation(), "Shire Fire");
  EXPECT_EQ(out.small_groups(1).organisation(), "Shire Police");
  EXPECT_EQ(out.small_groups(1).invitations(), 1);
}

TEST_F(QuestionnaireApiTest, FortyInvitationsAcrossFiveOrganisationsAndThreeLevels) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() + absl::Hours(1),
                     absl::Now() + absl::Hours(48), 5, &q)
                  .ok());
  std::string csv = "organisation,level,count\n";
  const char* orgs[] = {"Anytown Council", "anytown nhs trust", "Shire Police", "Shire Fire",
                        "Anytown CVS"};
  const char* levels[] = {"board", "management", "front_line"};
  int total = 0;
  for (int o = 0; o < 5; ++o) {
    for (int l = 0; l < 3; ++l) {
      const int count = (o * 3 + l) % 3 + 2;  // 2, 3 or 4
      if (total + count > 40) continue;
      absl::StrAppend(&csv, "\"", orgs[o], "\",", levels[l], ",", count, "\n");
      total += count;
    }
  }
  absl::StrAppend(&csv, "Anytown Council,front-line,", 40 - total, "\n");
  // The partnership's contact imports the list and receives the links.
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  v1::CreateInvitationsResponse created;
  ASSERT_TRUE(Invite(contact, csv, &created).ok());
  ASSERT_EQ(created.invitations_size(), 40);
  std::set<std::string> links;
  for (const auto& i : created.invitations()) {
    const std::string prefix = absl::StrCat("http://127.0.0.1:", server_->http_port(), "/q/");
    EXPECT_EQ(i.link().rfind(prefix + "hc_", 0), 0u) << i.link();
    EXPECT_GE(i.link().size(), prefix.size() + 43);
    links.insert(i.link());
  }
  EXPECT_EQ(links.size(), 40u);
  // "anytown nhs trust" in the CSV is the member "Anytown NHS Trust", with its sector.
  int nhs = 0;
  for (const auto& i : created.invitations()) {
    EXPECT_NE(i.organisation(), "anytown nhs trust");
    if (i.organisation() == "Anytown NHS Trust") {
      EXPECT_EQ(i.sector(), v1::SECTOR_HEALTH);
      ++nhs;
    }
  }
  EXPECT_EQ(nhs, 2 + 3 + 4);

  // Links are never shown again.
  v1::ListInvitationsRequest list;
  list.set_parent(name_);
  list.set_page_size(500);
  v1::ListInvitationsResponse listed;
  ASSERT_TRUE(questionnaires_->ListInvitations(Ctx(contact).get(), list, &listed).ok());
  ASSERT_EQ(listed.invitations_size(), 40);
  for (const auto& i : listed.invitations()) EXPECT_TRUE(i.link().empty());

  // No responses yet: nothing is released, not even the overall count.
  v1::GetResponseRatesRequest rates_request;
  rates_request.set_name(name_);
  v1::ResponseRates rates;
  ASSERT_TRUE(questionnaires_->GetResponseRates(Ctx(peer_token_).get(), rates_request, &rates).ok());
  EXPECT_EQ(rates.overall().invitations(), 0);  // withheld with the responses
  EXPECT_FALSE(rates.overall().released());
  EXPECT_EQ(rates.by_organisation_size(), 0);
  EXPECT_EQ(rates.min_group_size(), 5);
}

// The path of a link on the respondent web server.
std::string PathOf(const std::string& link) { return link.substr(link.find("/q/")); }

TEST_F(QuestionnaireApiTest, ARetriedImportCreatesNothingTwiceAndReissuesTheLostLinks) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() + absl::Hours(1),
                     absl::Now() + absl::Hours(48), 5, &q).ok());
  const std::string csv = "organisation,level,count\nShire Fire,board,3\n";
  v1::CreateInvitationsResponse first, retry;
  ASSERT_TRUE(Invite(peer_token_, csv, &first, "import-1").ok());
  ASSERT_TRUE(Invite(peer_token_, csv, &retry, "import-1").ok());
  ASSERT_NO_FATAL_FAILURE(OpenQuestionnaireNow(engagement_.name()));
  ASSERT_EQ(first.invitations_size(), 3);
  ASSERT_EQ(retry.invitations_size(), 3);
  httplib::Client web("127.0.0.1", server_->http_port());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(retry.invitations(i).name(), first.invitations(i).name());
    EXPECT_NE(retry.invitations(i).link(), first.invitations(i).link());
    // The first links, lost with the first response, no longer work.
    auto old_link = web.Get(PathOf(first.invitations(i).link()));
    ASSERT_TRUE(old_link);
    EXPECT_EQ(old_link->status, 404);
    auto new_link = web.Get(PathOf(retry.invitations(i).link()));
    ASSERT_TRUE(new_link);
    EXPECT_EQ(new_link->status, 303);
  }
  v1::ListInvitationsRequest list;
  list.set_parent(name_);
  v1::ListInvitationsResponse listed;
  ASSERT_TRUE(questionnaires_->ListInvitations(Ctx(peer_token_).get(), list, &listed).ok());
  EXPECT_EQ(listed.invitations_size(), 3);

  // Once a respondent has started, the links evidently arrived: a late
  // retry (after it opened, when nobody may add invitations) must not cut
  // them off.
  auto started = web.Post(PathOf(retry.invitations(1).link()) + "/p/1",
                          httplib::Params{{"a.1.1", "4"}});
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 303);
  v1::CreateInvitationsResponse other;
  EXPECT_THAT(Invite(peer_token_, csv, &other, "import-1"),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "has opened"));
  auto still = web.Get(PathOf(retry.invitations(1).link()) + "/p/1");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
  ASSERT_TRUE(questionnaires_->ListInvitations(Ctx(peer_token_).get(), list, &listed).ok());
  EXPECT_EQ(listed.invitations_size(), 3);
}

TEST_F(QuestionnaireApiTest, BadInvitationCsvIsRefusedNamingTheLine) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now() + absl::Hours(1),
                     absl::Now() + absl::Hours(48), 5, &q)
                  .ok());
  v1::CreateInvitationsResponse out;
  // The same id with another file is a mistake, not a retry.
  ASSERT_TRUE(Invite(peer_token_, "organisation,level\nShire Fire,board\n", &out, "import-1")
                  .ok());
  EXPECT_THAT(Invite(peer_token_, "organisation,level\nShire Fire,management\n", &out,
                     "import-1"),
              GrpcIs(StatusCode::ALREADY_EXISTS));
  EXPECT_THAT(Invite(peer_token_, "organisation,level\nShire Fire,board\n", &out, "not an id!"),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(Invite(peer_token_, "organisation,level\nShire Fire,board\nMegacorp,board\n", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "csv line 3"));
  EXPECT_THAT(Invite(peer_token_, "organisation,level\nShire Fire,chair\n", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "board, management or front_line"));
  EXPECT_THAT(Invite(peer_token_, "organisation,level,sector\nShire Fire,board,police\n", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "sector"));
  EXPECT_THAT(Invite(peer_token_, "name,grade\nShire Fire,board\n", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "header"));
  EXPECT_THAT(Invite(peer_token_, "organisation,level,count\nShire Fire,board,5000\n", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "more than 2000"));
  EXPECT_THAT(Invite(peer_token_, "organisation,level\n\"Shire Fire,board\n", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "quote"));
  v1::ListInvitationsRequest list;
  list.set_parent(name_);
  v1::ListInvitationsResponse listed;
  ASSERT_TRUE(questionnaires_->ListInvitations(Ctx(peer_token_).get(), list, &listed).ok());
  EXPECT_EQ(listed.invitations_size(), 1);  // a refused import creates nothing
}

TEST_F(QuestionnaireApiTest, OtherPartnershipsCannotReachIt) {
  v1::Questionnaire q;
  ASSERT_TRUE(Create(peer_token_, kPat, absl::Now(), absl::Now() + absl::Hours(48), 5, &q).ok());
  const v1::Partnership other = MakePartnership("Otherton", {});
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", other.name());
  v1::CreateInvitationsResponse out;
  EXPECT_THAT(Invite(contact, "organisation,level\nShire Fire,board\n", &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  v1::GetQuestionnaireRequest get;
  get.set_name(name_);
  EXPECT_THAT(questionnaires_->GetQuestionnaire(Ctx(contact).get(), get, &q),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  get.set_name("engagements/" + std::string("x") + "/questionnaires");
  EXPECT_THAT(questionnaires_->GetQuestionnaire(Lead().get(), get, &q),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

}  // namespace
}  // namespace hc::testing
