#include "tests/services/api_test_fixture.h"

#include <fstream>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/storage/sqlite/database.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/support/fake_report_renderer.h"
#include "tests/support/sign_in.h"

namespace hc::testing {

v1::Date ToDate(absl::CivilDay day) {
  v1::Date d;
  d.set_year(static_cast<int>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

absl::CivilDay Today() { return absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()); }

void ApiTest::SetUp() {
  services::ServerConfig config;
  config.listen_address = "";
  config.http_listen_address = "127.0.0.1:0";
  config.store_path = dir_.File("store.db");
  config.first_lead_link_file = dir_.File("lead.link");
  config.worker_threads = 4;
  config.report_renderer = renderer_;
  Configure(config);
  auto server = services::HealthCheckServer::Start(config);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  auto channel = server_->InProcessChannel();
  absl::StatusOr<std::string> lead = SignInAsFirstLead(*channel, config.first_lead_link_file);
  ASSERT_TRUE(lead.ok()) << lead.status();
  lead_token_ = *std::move(lead);
  partnerships_ = v1::PartnershipService::NewStub(channel);
  peers_ = v1::PeerService::NewStub(channel);
  engagements_ = v1::EngagementService::NewStub(channel);
  programme_ = v1::ProgrammeService::NewStub(channel);
  access_ = v1::AccessService::NewStub(channel);
  users_ = v1::UserService::NewStub(channel);
}

void ApiTest::TearDown() {
  if (server_) server_->Shutdown(absl::Seconds(5));
}

std::unique_ptr<grpc::ClientContext> ApiTest::Ctx(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

v1::UserWithLink ApiTest::Invite(v1::Role role, const std::string& peer,
                                 const std::string& partnership) {
  v1::CreateUserRequest request;
  v1::User* user = request.mutable_user();
  ++people_;
  user->set_display_name(absl::StrCat("holder of ", v1::Role_Name(role)));
  user->set_email(absl::StrCat("person", people_, "@example.org"));
  user->set_role(role);
  user->set_peer(peer);
  user->set_partnership(partnership);
  v1::UserWithLink invited;
  grpc::Status status = users_->CreateUser(Lead().get(), request, &invited);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return invited;
}

std::string ApiTest::SessionFor(v1::Role role, const std::string& peer,
                                const std::string& partnership) {
  const v1::UserWithLink invited = Invite(role, peer, partnership);
  absl::StatusOr<std::string> session = SetPasswordAndSignIn(
      *server_->InProcessChannel(), invited.password_link().secret(), "", kTestPassword);
  EXPECT_TRUE(session.ok()) << session.status();
  return session.ok() ? *session : "";
}

std::string ApiTest::TokenFor(v1::Role role, const std::string& peer,
                              const std::string& partnership) {
  const std::string session = SessionFor(role, peer, partnership);
  v1::CreateAccessTokenRequest request;
  request.mutable_access_token()->set_display_name("test client");
  v1::AccessToken token;
  grpc::Status status = access_->CreateAccessToken(Ctx(session).get(), request, &token);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return token.secret();
}

v1::Partnership ApiTest::MakePartnership(
    const std::string& name, const std::vector<std::pair<std::string, v1::Sector>>& members) {
  v1::CreatePartnershipRequest request;
  v1::Partnership* p = request.mutable_partnership();
  p->set_display_name(name);
  p->set_kind(v1::PARTNERSHIP_KIND_CSP);
  p->set_area("Anytown");
  for (const auto& [member, sector] : members) {
    v1::MemberOrganisation* m = p->add_members();
    m->set_display_name(member);
    m->set_sector(sector);
  }
  v1::Partnership created;
  grpc::Status status = partnerships_->CreatePartnership(Lead().get(), request, &created);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return created;
}

v1::Peer ApiTest::MakePeer(const std::string& name, const std::string& organisation,
                           v1::Sector sector, absl::CivilDay expiry) {
  v1::CreatePeerRequest request;
  v1::Peer* p = request.mutable_peer();
  p->set_display_name(name);
  std::string email = absl::AsciiStrToLower(name);
  for (char& c : email) {
    if (c == ' ') c = '.';
  }
  p->set_email(absl::StrCat(email, "@example.org"));
  p->set_home_organisation(organisation);
  p->set_home_sector(sector);
  *p->mutable_accredited_date() = ToDate(Today() - 365);
  *p->mutable_accreditation_expiry_date() = ToDate(expiry);
  v1::Peer created;
  grpc::Status status = peers_->CreatePeer(Lead().get(), request, &created);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return created;
}

v1::Engagement ApiTest::MakeEngagement(const std::string& partnership,
                                       std::optional<absl::CivilDay> day1) {
  v1::CreateEngagementRequest request;
  v1::Engagement* e = request.mutable_engagement();
  e->set_partnership(partnership);
  e->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
  if (day1) {
    *e->mutable_key_dates()->mutable_fieldwork_day1() = ToDate(*day1);
    *e->mutable_key_dates()->mutable_fieldwork_day2() = ToDate(*day1 + 1);
    *e->mutable_key_dates()->mutable_fieldwork_day3() = ToDate(*day1 + 2);
  }
  v1::Engagement created;
  grpc::Status status = engagements_->CreateEngagement(Lead().get(), request, &created);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return created;
}

void ApiTest::OpenQuestionnaireNow(const std::string& engagement) {
  v1::UpdateQuestionnaireRequest update;
  update.mutable_questionnaire()->set_name(engagement + "/questionnaire");
  update.mutable_questionnaire()->mutable_open_time()->set_seconds(
      absl::ToUnixSeconds(absl::Now() - absl::Minutes(1)));
  update.mutable_update_mask()->add_paths("open_time");
  v1::Questionnaire q;
  const grpc::Status status = v1::QuestionnaireService::NewStub(server_->InProcessChannel())
                                  ->UpdateQuestionnaire(Lead().get(), update, &q);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(q.state(), v1::QUESTIONNAIRE_STATE_OPEN);
}

v1::Engagement ApiTest::AddMember(const std::string& engagement, const std::string& peer,
                                  v1::TeamRole role) {
  v1::AddTeamMemberRequest request;
  request.set_engagement(engagement);
  request.set_peer(peer);
  request.set_role(role);
  v1::Engagement updated;
  grpc::Status status = engagements_->AddTeamMember(Lead().get(), request, &updated);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return updated;
}

std::vector<std::string> ApiTest::AuditDetails(const std::string& action) {
  auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadOnly);
  EXPECT_TRUE(db.ok()) << db.status();
  if (!db.ok()) return {};
  auto st = (*db)->Prepare("SELECT details FROM audit_log WHERE action = ?1 ORDER BY sequence");
  EXPECT_TRUE(st.ok()) << st.status();
  if (!st.ok()) return {};
  st->Bind(1, action);
  std::vector<std::string> details;
  for (auto row = st->Step(); row.ok() && *row; row = st->Step()) details.push_back(st->Text(0));
  return details;
}

}  // namespace hc::testing
