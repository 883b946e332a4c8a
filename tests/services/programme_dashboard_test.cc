// ProgrammeService.GetProgrammeDashboard on a seeded programme of
// engagements in different stages: exact figures, who may see them, and the
// old page address over real HTTP.

#include <httplib.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/storage/sqlite/database.h"
#include "tests/support/sign_in.h"
#include "healthcheck/v1/improvement_plan.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

class ProgrammeDashboardTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    questionnaires_ = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
    anytown_ = MakePartnership("Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT}});
    borough_ = MakePartnership("Borough <Health> & Wellbeing",
                               {{"Borough Council", v1::SECTOR_LOCAL_GOVERNMENT}});
    coast_ = MakePartnership("Coast LSP", {});
    dale_ = MakePartnership("Dale SSP", {});
    lena_ = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                     Today() + 400);
    hari_ = MakePeer("Hari Health", "Southshire NHS Trust", v1::SECTOR_HEALTH, Today() + 400);
    sam_ = MakePeer("Sam Shadow", "Westshire Police", v1::SECTOR_POLICE, Today() + 400);
    eddie_ = MakePeer("Eddie Expired", "Eastshire Fire", v1::SECTOR_FIRE_AND_RESCUE,
                      Today() + 400);
    ASSERT_NO_FATAL_FAILURE(SeedPublished());
    ASSERT_NO_FATAL_FAILURE(SeedOthers());
  }

  // Anytown: fieldwork 40 days ago, driven to FIELDWORK, then (as the
  // report's publication will record it) to IMPROVEMENT_PLAN 10 days ago:
  // 28 days from day 3, on the day the report was due.
  void SeedPublished() {
    published_ = MakeEngagement(anytown_.name(), Today() - 40).name();
    AddMember(published_, lena_.name(), v1::TEAM_ROLE_LEAD_PEER);
    AddMember(published_, hari_.name(), v1::TEAM_ROLE_PEER);
    AddMember(published_, sam_.name(), v1::TEAM_ROLE_SHADOW);
    ASSERT_NO_FATAL_FAILURE(SetUpQuestionnaire(published_));
    // Two of three answer: below k = 5, so withheld.
    const std::vector<std::string> tokens = Invite(published_, "Anytown Council,board,3\n");
    for (int i = 0; i < 2; ++i) ASSERT_NO_FATAL_FAILURE(Respond(tokens[i]));
    v1::UpdateEngagementRequest update;
    update.mutable_engagement()->set_name(published_);
    update.mutable_engagement()->mutable_scoping()->add_issues("Is the vision shared?");
    *update.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_open() =
        ToDate(Today() - 60);
    *update.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_close() =
        ToDate(Today() - 45);
    for (const char* path :
         {"scoping.issues", "key_dates.questionnaire_open", "key_dates.questionnaire_close"}) {
      update.mutable_update_mask()->add_paths(path);
    }
    v1::Engagement e;
    ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), update, &e).ok());
    using Stub = v1::EngagementService::Stub;
    for (auto method :
         {&Stub::BeginDeskResearch, &Stub::OpenQuestionnaire, &Stub::StartFieldwork}) {
      v1::TransitionEngagementRequest request;
      request.set_name(published_);
      const grpc::Status status = (engagements_.get()->*method)(Lead().get(), request, &e);
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
    ASSERT_NO_FATAL_FAILURE(RecordStages(published_, {{"FIELDWORK", "INITIAL_FEEDBACK", 37},
                                                      {"INITIAL_FEEDBACK", "REPORT", 35},
                                                      {"REPORT", "IMPROVEMENT_PLAN", 10}}));
  }

  // Borough: fieldwork in 10 days, a questionnaire five of six answered.
  // Coast: fieldwork passed in SCOPING (overdue) with a lead peer whose
  // accreditation has since ended. Dale: cancelled in SCOPING after its
  // fieldwork dates.
  void SeedOthers() {
    upcoming_ = MakeEngagement(borough_.name(), Today() + 10).name();
    AddMember(upcoming_, hari_.name(), v1::TEAM_ROLE_LEAD_PEER);
    ASSERT_NO_FATAL_FAILURE(SetUpQuestionnaire(upcoming_));
    const std::vector<std::string> tokens = Invite(upcoming_, "Borough Council,board,6\n");
    for (int i = 0; i < 5; ++i) ASSERT_NO_FATAL_FAILURE(Respond(tokens[i]));
    late_ = MakeEngagement(coast_.name(), Today() - 5).name();
    AddMember(late_, eddie_.name(), v1::TEAM_ROLE_LEAD_PEER);
    v1::UpdatePeerRequest expire;
    expire.mutable_peer()->set_name(eddie_.name());
    *expire.mutable_peer()->mutable_accreditation_expiry_date() = ToDate(Today() - 2);
    expire.mutable_update_mask()->add_paths("accreditation_expiry_date");
    v1::Peer expired;
    ASSERT_TRUE(peers_->UpdatePeer(Lead().get(), expire, &expired).ok());
    cancelled_ = MakeEngagement(dale_.name(), Today() - 100).name();
    AddMember(cancelled_, lena_.name(), v1::TEAM_ROLE_LEAD_PEER);
    v1::TransitionEngagementRequest cancel;
    cancel.set_name(cancelled_);
    cancel.set_reason("The partnership was dissolved");
    v1::Engagement e;
    ASSERT_TRUE(engagements_->CancelEngagement(Lead().get(), cancel, &e).ok());
  }

  // Sets it up to open in an hour; Invite opens it.
  void SetUpQuestionnaire(const std::string& engagement) {
    v1::CreateQuestionnaireRequest create;
    create.set_parent(engagement);
    create.mutable_questionnaire()->set_framework(
        "frameworks/partnership-assessment-tool/versions/1");
    create.mutable_questionnaire()->mutable_open_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(1)));
    create.mutable_questionnaire()->mutable_close_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(24)));
    v1::Questionnaire q;
    const grpc::Status status = questionnaires_->CreateQuestionnaire(Lead().get(), create, &q);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::vector<std::string> Invite(const std::string& engagement, const std::string& rows) {
    v1::CreateInvitationsRequest invite;
    invite.set_parent(engagement + "/questionnaire");
    invite.set_csv(absl::StrCat("organisation,level,count\n", rows));
    v1::CreateInvitationsResponse out;
    const grpc::Status status = questionnaires_->CreateInvitations(Lead().get(), invite, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    OpenQuestionnaireNow(engagement);
    std::vector<std::string> tokens;
    for (const auto& i : out.invitations()) tokens.push_back(IdOf(i.link()));
    return tokens;
  }

  // Answers every page of the web form with "agree" and submits.
  void Respond(const std::string& token) {
    for (int principle = 1; principle <= 6; ++principle) {
      httplib::Params form;
      for (int s = 1; s <= 6; ++s) form.emplace(absl::StrCat("a.", principle, ".", s), "3");
      auto res = client_->Post(absl::StrCat("/q/", token, "/p/", principle), form);
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 303) << res->body;
    }
    httplib::Params last{{"a.overall.1", "3"}};
    for (int principle = 1; principle <= 6; ++principle) {
      last.emplace(absl::StrCat("s.", principle), "3");
    }
    auto page = client_->Post(absl::StrCat("/q/", token, "/p/7"), last);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 303) << page->body;
    auto submit = client_->Post(absl::StrCat("/q/", token, "/submit"), httplib::Params{});
    ASSERT_TRUE(submit);
    ASSERT_EQ(submit->status, 303) << submit->body;
  }

  struct StageRow {
    std::string from, to;
    int days_ago;
  };

  // Records stage changes and the resulting stage straight in the store, as
  // the report's publication will (its transitions arrive with the report).
  void RecordStages(const std::string& engagement, const std::vector<StageRow>& rows) {
    auto db =
        storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status();
    for (const StageRow& row : rows) {
      auto insert = (*db)->Prepare(
          "INSERT INTO stage_changes (engagement_id, sequence, from_stage, to_stage, actor, "
          "time_us, reason) VALUES (?1, (SELECT MAX(sequence) + 1 FROM stage_changes WHERE "
          "engagement_id = ?1), ?2, ?3, 'programme lead', ?4, '')");
      ASSERT_TRUE(insert.ok()) << insert.status();
      const absl::Time at = absl::FromCivil(absl::CivilSecond(Today() - row.days_ago) + 10 * 3600,
                                            absl::UTCTimeZone());
      insert->Bind(1, IdOf(engagement)).Bind(2, row.from).Bind(3, row.to).Bind(
          4, absl::ToUnixMicros(at));
      ASSERT_TRUE(insert->Run().ok());
      auto update = (*db)->Prepare("UPDATE engagements SET stage = ? WHERE id = ?");
      ASSERT_TRUE(update.ok()) << update.status();
      update->Bind(1, row.to).Bind(2, IdOf(engagement));
      ASSERT_TRUE(update->Run().ok());
    }
  }

  grpc::Status Dashboard(const std::string& token, v1::ProgrammeDashboard* out,
                         v1::GetProgrammeDashboardRequest request = {}) {
    return programme_->GetProgrammeDashboard(Ctx(token).get(), request, out);
  }

  std::unique_ptr<v1::QuestionnaireService::Stub> questionnaires_;
  std::unique_ptr<httplib::Client> client_;
  v1::Partnership anytown_, borough_, coast_, dale_;
  v1::Peer lena_, hari_, sam_, eddie_;
  std::string published_, upcoming_, late_, cancelled_;
};

TEST_F(ProgrammeDashboardTest, EngagementsAreListedByStageWithAgeAndNextMilestone) {
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  EXPECT_EQ(d.stage_counts(0).engagements(), 2);    // SCOPING
  EXPECT_EQ(d.stage_counts(6).engagements(), 1);    // IMPROVEMENT_PLAN
  EXPECT_EQ(d.stage_counts(9).engagements(), 1);    // CANCELLED
  ASSERT_EQ(d.engagements_size(), 3);  // the cancelled one is not listed
  EXPECT_EQ(d.engagements(0).engagement(), upcoming_);  // SCOPING, both created today
  EXPECT_EQ(d.engagements(0).days_in_stage(), 0);
  EXPECT_EQ(d.engagements(0).lead_peer_display_name(), "Hari Health");
  EXPECT_EQ(d.engagements(0).next_milestone().key_date(), "fieldwork_day1");
  EXPECT_FALSE(d.engagements(0).next_milestone().overdue());
  EXPECT_EQ(d.engagements(1).engagement(), late_);
  EXPECT_EQ(d.engagements(1).next_milestone().key_date(), "fieldwork_day1");
  EXPECT_TRUE(d.engagements(1).next_milestone().overdue());
  const v1::DashboardEngagement& published = d.engagements(2);
  EXPECT_EQ(published.engagement(), published_);
  EXPECT_EQ(published.stage(), v1::IMPROVEMENT_PLAN);
  EXPECT_EQ(published.days_in_stage(), 10);
  EXPECT_EQ(published.partnership_display_name(), "Anytown CSP");
  EXPECT_EQ(published.lead_peer_display_name(), "Lena Lead");
  EXPECT_FALSE(published.has_next_milestone());  // no plan due date recorded

  v1::GetProgrammeDashboardRequest all;
  all.set_include_ended(true);
  ASSERT_TRUE(Dashboard(lead_token_, &d, all).ok());
  ASSERT_EQ(d.engagements_size(), 4);
  EXPECT_EQ(d.engagements(3).engagement(), cancelled_);
}

TEST_F(ProgrammeDashboardTest, MilestonesAreUpcomingWithinTheWindowOrOverdue) {
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  EXPECT_EQ(d.within_days(), 28);
  // Borough's days 1-3 and feedback (day 3), and Coast's report (due 28 days
  // after its day 3); Borough's report is due after the window.
  ASSERT_EQ(d.upcoming_milestones_size(), 5);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(d.upcoming_milestones(i).engagement(), upcoming_);
  EXPECT_EQ(d.upcoming_milestones(0).key_date(), "fieldwork_day1");
  EXPECT_EQ(d.upcoming_milestones(0).date().day(), ToDate(Today() + 10).day());
  EXPECT_EQ(d.upcoming_milestones(3).key_date(), "feedback_date");
  EXPECT_EQ(d.upcoming_milestones(4).engagement(), late_);
  EXPECT_EQ(d.upcoming_milestones(4).key_date(), "report_due");
  EXPECT_EQ(d.upcoming_milestones(4).date().day(), ToDate(Today() + 25).day());
  // Coast's fieldwork day 1 and feedback passed in SCOPING.
  ASSERT_EQ(d.overdue_size(), 2);
  EXPECT_EQ(d.overdue(0).engagement(), late_);
  EXPECT_EQ(d.overdue(0).overdue().key_date(), "fieldwork_day1");
  EXPECT_EQ(d.overdue(1).overdue().key_date(), "feedback_date");

  v1::GetProgrammeDashboardRequest wider;
  wider.set_within_days(45);
  ASSERT_TRUE(Dashboard(lead_token_, &d, wider).ok());
  ASSERT_EQ(d.upcoming_milestones_size(), 6);
  EXPECT_EQ(d.upcoming_milestones(5).engagement(), upcoming_);
  EXPECT_EQ(d.upcoming_milestones(5).key_date(), "report_due");
  EXPECT_EQ(d.upcoming_milestones(5).date().day(), ToDate(Today() + 12 + 28).day());
}

TEST_F(ProgrammeDashboardTest, TurnaroundCountsFromDay3ToThePublication) {
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  const v1::ReportTurnaround& t = d.turnaround();
  ASSERT_EQ(t.reports_size(), 1);
  EXPECT_EQ(t.reports(0).engagement(), published_);
  EXPECT_EQ(t.reports(0).days(), 28);
  EXPECT_TRUE(t.reports(0).on_time());
  EXPECT_EQ(t.published(), 1);
  EXPECT_EQ(t.on_time(), 1);
  EXPECT_EQ(t.median_days(), 28.0);
  EXPECT_EQ(t.mean_days(), 28.0);
}

TEST_F(ProgrammeDashboardTest, PeerDaysCountTeamsThatReachedFieldwork) {
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  // Anytown only: Borough's fieldwork is to come, Coast never reached it and
  // Dale was cancelled before it.
  const v1::PeerDays& days = d.peer_days();
  EXPECT_EQ(days.total_peer_days(), 6);
  EXPECT_EQ(days.total_shadow_days(), 3);
  ASSERT_EQ(days.peers_size(), 3);
  EXPECT_EQ(days.peers(0).display_name(), "Hari Health");
  EXPECT_EQ(days.peers(0).home_organisation(), "Southshire NHS Trust");
  EXPECT_EQ(days.peers(0).peer_days(), 3);
  EXPECT_EQ(days.peers(1).display_name(), "Lena Lead");
  EXPECT_EQ(days.peers(2).display_name(), "Sam Shadow");
  EXPECT_EQ(days.peers(2).peer_days(), 0);
  EXPECT_EQ(days.peers(2).shadow_days(), 3);

  v1::GetProgrammeDashboardRequest period;
  *period.mutable_from() = ToDate(Today() - 39);
  *period.mutable_to() = ToDate(Today());
  ASSERT_TRUE(Dashboard(lead_token_, &d, period).ok());
  EXPECT_EQ(d.peer_days().total_peer_days(), 4);  // days 2 and 3
  *period.mutable_from() = ToDate(Today() + 1);
  EXPECT_THAT(Dashboard(lead_token_, &d, period), GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(ProgrammeDashboardTest, AccreditationsExpiredOnAnOpenTeamAreListed) {
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  ASSERT_EQ(d.expired_team_members_size(), 1);
  EXPECT_EQ(d.expired_team_members(0).peer(), eddie_.name());
  EXPECT_EQ(d.expired_team_members(0).engagement(), late_);
  EXPECT_EQ(d.expired_team_members(0).role(), v1::TEAM_ROLE_LEAD_PEER);
  EXPECT_EQ(d.expiring_accreditations_size(), 0);
}

TEST_F(ProgrammeDashboardTest, ResponseRatesWithholdQuestionnairesUnderK) {
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  const v1::ResponseRateSummary& r = d.response_rates();
  ASSERT_EQ(r.engagements_size(), 2);
  EXPECT_EQ(r.engagements(0).engagement(), upcoming_);
  EXPECT_TRUE(r.engagements(0).overall().released());
  EXPECT_EQ(r.engagements(0).overall().invitations(), 6);
  EXPECT_EQ(r.engagements(0).overall().responses(), 5);
  const v1::GroupRate& withheld = r.engagements(1).overall();
  EXPECT_EQ(r.engagements(1).engagement(), published_);
  EXPECT_FALSE(withheld.released());
  EXPECT_EQ(withheld.invitations(), 0);
  EXPECT_EQ(withheld.responses(), 0);
  EXPECT_TRUE(absl::StartsWith(withheld.withheld_reason(), "withheld"));
  EXPECT_EQ(r.questionnaires(), 2);
  EXPECT_EQ(r.released(), 1);
  EXPECT_EQ(r.invitations(), 6);
  EXPECT_EQ(r.responses(), 5);
}

TEST_F(ProgrammeDashboardTest, PlansShowTheirActionsByStatusAndTheOverdueOnes) {
  auto plans = v1::ImprovementPlanService::NewStub(server_->InProcessChannel());
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", anytown_.name());
  // Three actions: one past its due date, one in hand, one working well.
  const std::vector<std::pair<int, v1::ActionStatus>> actions = {
      {-3, v1::ACTION_NEEDED}, {30, v1::ACTION_IN_HAND}, {-1, v1::WORKING_WELL}};
  for (const auto& [due_in, status] : actions) {
    v1::CreateActionRequest request;
    request.set_parent(published_ + "/improvementPlan");
    request.mutable_action()->set_title("Publish the data-sharing protocol");
    request.mutable_action()->set_owner_organisation("Anytown Council");
    *request.mutable_action()->mutable_due_date() = ToDate(Today() + due_in);
    request.mutable_action()->set_status(status);
    v1::PlanAction created;
    ASSERT_TRUE(plans->CreateAction(Ctx(contact).get(), request, &created).ok());
  }
  v1::ProgrammeDashboard d;
  ASSERT_TRUE(Dashboard(lead_token_, &d).ok());
  ASSERT_EQ(d.plans_size(), 1);
  const v1::PlanProgress& p = d.plans(0);
  EXPECT_EQ(p.engagement(), published_);
  EXPECT_EQ(p.partnership_display_name(), "Anytown CSP");
  EXPECT_EQ(p.state(), v1::PLAN_STATE_DRAFT);
  EXPECT_EQ(p.actions(), 3);
  EXPECT_EQ(p.action_needed(), 1);
  EXPECT_EQ(p.action_in_hand(), 1);
  EXPECT_EQ(p.needs_improving(), 0);
  EXPECT_EQ(p.working_well(), 1);
  EXPECT_EQ(p.overdue_actions(), 1);  // working well is never overdue
  EXPECT_FALSE(p.has_next_check_in());  // scheduled at approval
  EXPECT_FALSE(p.check_in_overdue());
}

TEST_F(ProgrammeDashboardTest, OnlyProgrammeLeadsSeeIt) {
  v1::ProgrammeDashboard d;
  EXPECT_THAT(Dashboard(TokenFor(v1::ROLE_PEER, lena_.name()), &d),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Dashboard(TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", anytown_.name()), &d),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Dashboard("", &d), GrpcIs(StatusCode::UNAUTHENTICATED));
  v1::GetProgrammeDashboardRequest bad;
  bad.set_within_days(-1);
  EXPECT_THAT(Dashboard(lead_token_, &d, bad), GrpcIs(StatusCode::INVALID_ARGUMENT));
  bad.set_within_days(400);
  EXPECT_THAT(Dashboard(lead_token_, &d, bad), GrpcIs(StatusCode::INVALID_ARGUMENT));
}

// The dashboard is the web app's home page now; its old address leads there.
TEST_F(ProgrammeDashboardTest, TheOldPageAddressLeadsToTheHomePage) {
  auto res = client_->Get("/programme", {{"Authorization", "Bearer " + lead_token_}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/");
  EXPECT_FALSE(absl::StrContains(res->body, "Anytown CSP"));
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

class DueDateRulesApiTest : public ApiTest {
 protected:
  services::ServerConfig ConfigWith(int report_due_weeks, int plan_due_weeks) {
    services::ServerConfig config;
    config.listen_address = "";
    config.http_listen_address = "";
    config.store_path = dir_.File("rules.db");
    config.first_lead_link_file = dir_.File("rules.link");
    config.worker_threads = 2;
    config.due_date_rules = {report_due_weeks, plan_due_weeks};
    return config;
  }
};

TEST_F(DueDateRulesApiTest, TheServerRefusesRulesOutsideOneToFiftyTwoWeeks) {
  for (const auto& [report, plan] : {std::pair{0, 8}, std::pair{4, 53}, std::pair{-1, -1}}) {
    auto server = services::HealthCheckServer::Start(ConfigWith(report, plan));
    EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument) << report << " " << plan;
  }
}

TEST_F(DueDateRulesApiTest, TheReportIsDueTheConfiguredWeeksAfterDay3) {
  auto server = services::HealthCheckServer::Start(ConfigWith(6, 10));
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = (*server)->InProcessChannel();
  absl::StatusOr<std::string> lead = SignInAsFirstLead(*channel, dir_.File("rules.link"));
  ASSERT_TRUE(lead.ok()) << lead.status();
  const std::string token = *lead;
  auto partnerships = v1::PartnershipService::NewStub(channel);
  auto engagements = v1::EngagementService::NewStub(channel);
  v1::CreatePartnershipRequest p;
  p.mutable_partnership()->set_display_name("Anytown CSP");
  p.mutable_partnership()->set_kind(v1::PARTNERSHIP_KIND_CSP);
  p.mutable_partnership()->set_area("Anytown");
  v1::Partnership partnership;
  ASSERT_TRUE(partnerships->CreatePartnership(Ctx(token).get(), p, &partnership).ok());
  v1::CreateEngagementRequest e;
  e.mutable_engagement()->set_partnership(partnership.name());
  e.mutable_engagement()->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
  *e.mutable_engagement()->mutable_key_dates()->mutable_fieldwork_day1() = ToDate(Today() + 20);
  *e.mutable_engagement()->mutable_key_dates()->mutable_fieldwork_day2() = ToDate(Today() + 21);
  *e.mutable_engagement()->mutable_key_dates()->mutable_fieldwork_day3() = ToDate(Today() + 22);
  v1::Engagement created;
  ASSERT_TRUE(engagements->CreateEngagement(Ctx(token).get(), e, &created).ok());
  const absl::CivilDay due = Today() + 22 + 42;
  EXPECT_EQ(created.key_dates().report_due().year(), due.year());
  EXPECT_EQ(created.key_dates().report_due().month(), due.month());
  EXPECT_EQ(created.key_dates().report_due().day(), due.day());
  (*server)->Shutdown(absl::Seconds(5));
}

}  // namespace
}  // namespace hc::testing
