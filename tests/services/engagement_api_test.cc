#include <google/protobuf/util/message_differencer.h>

#include "absl/strings/str_cat.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/finding.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class EngagementApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    partnership_ = MakePartnership(
        "Anytown Community Safety Partnership",
        {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT},
         {"Anytown NHS Trust", v1::SECTOR_HEALTH},
         {"Shire Police", v1::SECTOR_POLICE},
         {"Anytown Borough Council", v1::SECTOR_LOCAL_GOVERNMENT},
         {"Anytown Voluntary Action", v1::SECTOR_VOLUNTARY_AND_COMMUNITY}});
    day1_ = Today() + 30;
    lead_ = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
    health_ = MakePeer("Hari Health", "Southshire NHS", v1::SECTOR_HEALTH, Today() + 400);
    conflicted_ = MakePeer("Connie Conflict", "anytown  NHS trust", v1::SECTOR_HEALTH,
                           Today() + 400);
    expired_ = MakePeer("Eddie Expired", "Westshire Police", v1::SECTOR_POLICE, Today() - 10);
    engagement_ = MakeEngagement(partnership_.name(), day1_);
  }

  grpc::Status Add(const v1::Peer& peer, v1::TeamRole role, v1::Engagement* out) {
    v1::AddTeamMemberRequest request;
    request.set_engagement(engagement_.name());
    request.set_peer(peer.name());
    request.set_role(role);
    return engagements_->AddTeamMember(Lead().get(), request, out);
  }

  grpc::Status Transition(
      grpc::Status (v1::EngagementService::Stub::*method)(grpc::ClientContext*,
                                                          const v1::TransitionEngagementRequest&,
                                                          v1::Engagement*),
      const std::string& token, const std::string& reason, v1::Engagement* out) {
    v1::TransitionEngagementRequest request;
    request.set_name(engagement_.name());
    request.set_reason(reason);
    return (engagements_.get()->*method)(Ctx(token).get(), request, out);
  }

  // Sets up the engagement's questionnaire (needed to open the stage).
  void SetUpQuestionnaire() {
    auto questionnaires = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    v1::CreateQuestionnaireRequest request;
    request.set_parent(engagement_.name());
    request.mutable_questionnaire()->set_framework(
        "frameworks/partnership-assessment-tool/versions/1");
    request.mutable_questionnaire()->mutable_open_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now()));
    request.mutable_questionnaire()->mutable_close_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(24)));
    v1::Questionnaire q;
    grpc::Status status = questionnaires->CreateQuestionnaire(Lead().get(), request, &q);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status ScopeForDeskResearch(v1::Engagement* out) {
    v1::UpdateEngagementRequest request;
    request.mutable_engagement()->set_name(engagement_.name());
    request.mutable_engagement()->mutable_scoping()->add_issues("Is the board's vision shared?");
    request.mutable_update_mask()->add_paths("scoping.issues");
    return engagements_->UpdateEngagement(Lead().get(), request, out);
  }

  v1::Partnership partnership_;
  absl::CivilDay day1_;
  // Logs a note from a document and agrees one strength resting on it, as
  // the lead peer whose token is `lead_peer_token`.
  void AgreeOneFinding(const std::string& lead_peer_token) {
    auto fieldwork = v1::FieldworkService::NewStub(server_->InProcessChannel());
    auto evidence = v1::EvidenceService::NewStub(server_->InProcessChannel());
    auto findings = v1::FindingService::NewStub(server_->InProcessChannel());
    v1::CreateDocumentRequest document;
    document.set_parent(engagement_.name());
    document.mutable_document()->set_title("Partnership plan");
    v1::Document d;
    ASSERT_TRUE(fieldwork->CreateDocument(Ctx(lead_peer_token).get(), document, &d).ok());
    v1::CreateNoteRequest note;
    note.set_parent(engagement_.name());
    note.mutable_note()->set_text("Every partner signed the plan");
    note.mutable_note()->set_document(d.name());
    note.mutable_note()->set_polarity(v1::POLARITY_POSITIVE);
    v1::Note n;
    ASSERT_TRUE(evidence->CreateNote(Ctx(lead_peer_token).get(), note, &n).ok());
    v1::CreateFindingRequest finding;
    finding.set_parent(engagement_.name());
    finding.mutable_finding()->set_kind(v1::FINDING_KIND_STRENGTH);
    finding.mutable_finding()->set_title("Strong shared vision");
    finding.mutable_finding()->set_narrative("Partners describe the same priorities.");
    finding.mutable_finding()->add_principles("1");
    finding.mutable_finding()->add_notes(n.name());
    v1::Finding f;
    ASSERT_TRUE(findings->CreateFinding(Ctx(lead_peer_token).get(), finding, &f).ok());
    v1::ReviewStateRequest agree;
    agree.set_name(f.name());
    grpc::Status agreed = findings->AgreeFinding(Ctx(lead_peer_token).get(), agree, &f);
    ASSERT_TRUE(agreed.ok()) << agreed.error_message();
  }

  v1::Peer lead_, health_, conflicted_, expired_;
  v1::Engagement engagement_;
};

TEST_F(EngagementApiTest, CreateStartsInScopingWithDefaultDates) {
  EXPECT_EQ(engagement_.stage(), v1::SCOPING);
  EXPECT_EQ(engagement_.partnership(), partnership_.name());
  EXPECT_EQ(engagement_.key_dates().feedback_date().day(), ToDate(day1_ + 2).day());
  const v1::Date due = ToDate(day1_ + 2 + 28);
  EXPECT_EQ(engagement_.key_dates().report_due().month(), due.month());
  EXPECT_EQ(engagement_.key_dates().report_due().day(), due.day());
  EXPECT_FALSE(engagement_.etag().empty());
}

TEST_F(EngagementApiTest, CreateWithSameRequestIdCreatesOneEngagement) {
  v1::CreateEngagementRequest request;
  request.mutable_engagement()->set_partnership(partnership_.name());
  request.mutable_engagement()->set_purpose(v1::PURPOSE_REMEDIAL);
  request.set_request_id("retry-1");
  v1::Engagement first, second;
  ASSERT_TRUE(engagements_->CreateEngagement(Lead().get(), request, &first).ok());
  ASSERT_TRUE(engagements_->CreateEngagement(Lead().get(), request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  v1::ListEngagementsResponse list;
  ASSERT_TRUE(engagements_->ListEngagements(Lead().get(), {}, &list).ok());
  EXPECT_EQ(list.engagements_size(), 2);  // the fixture's and this one

  request.mutable_engagement()->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &second),
              GrpcIsWith(StatusCode::ALREADY_EXISTS, "retry-1"));
}

TEST_F(EngagementApiTest, CreateRefusesBadInput) {
  v1::CreateEngagementRequest request;
  v1::Engagement out;
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "partnership is required"));
  request.mutable_engagement()->set_partnership(partnership_.name());
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "purpose"));
  request.mutable_engagement()->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
  request.mutable_engagement()->set_partnership("partnerships/missing");
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIs(StatusCode::NOT_FOUND));
  request.mutable_engagement()->set_partnership("councils/x");
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.mutable_engagement()->set_partnership(partnership_.name());
  *request.mutable_engagement()->mutable_key_dates()->mutable_fieldwork_day1() = ToDate(day1_);
  *request.mutable_engagement()->mutable_key_dates()->mutable_fieldwork_day2() = ToDate(day1_ - 1);
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "fieldwork_day2"));
  request.mutable_engagement()->mutable_key_dates()->mutable_fieldwork_day2()->set_month(13);
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "not a valid date"));
  request.set_request_id("spaces are not allowed");
  EXPECT_THAT(engagements_->CreateEngagement(Lead().get(), request, &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(EngagementApiTest, ConflictedPeerIsRefusedWithTheReason) {
  v1::Engagement out;
  EXPECT_THAT(Add(conflicted_, v1::TEAM_ROLE_PEER, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "conflict of interest"));
  EXPECT_THAT(Add(conflicted_, v1::TEAM_ROLE_SHADOW, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "anytown  NHS trust"));
}

TEST_F(EngagementApiTest, ExpiredPeerIsRefusedAsFullMemberButMayShadow) {
  v1::Engagement out;
  EXPECT_THAT(Add(expired_, v1::TEAM_ROLE_PEER, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "expires on"));
  EXPECT_THAT(Add(expired_, v1::TEAM_ROLE_LEAD_PEER, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "shadow"));
  EXPECT_TRUE(Add(expired_, v1::TEAM_ROLE_SHADOW, &out).ok());
  ASSERT_EQ(out.team_size(), 1);
  EXPECT_EQ(out.team(0).role(), v1::TEAM_ROLE_SHADOW);
}

TEST_F(EngagementApiTest, TeamShowsSectorCoverageAndWarnsOfMissingSectors) {
  v1::Engagement out;
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  ASSERT_TRUE(Add(health_, v1::TEAM_ROLE_PEER, &out).ok());
  ASSERT_TRUE(Add(expired_, v1::TEAM_ROLE_SHADOW, &out).ok());
  const v1::TeamCoverage& c = out.team_coverage();
  EXPECT_EQ(c.partnership_sectors_size(), 4);
  EXPECT_EQ(c.covered_sectors_size(), 2);
  ASSERT_EQ(c.missing_sectors_size(), 2);  // police (only a shadow) and voluntary
  EXPECT_EQ(c.missing_sectors(0), v1::SECTOR_POLICE);
  EXPECT_EQ(c.missing_sectors(1), v1::SECTOR_VOLUNTARY_AND_COMMUNITY);
  EXPECT_EQ(c.warnings_size(), 2);
  EXPECT_EQ(out.team(0).peer_display_name(), "Lena Lead");
}

TEST_F(EngagementApiTest, TeamRulesHaveExactCodes) {
  v1::Engagement out;
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  EXPECT_THAT(Add(lead_, v1::TEAM_ROLE_PEER, &out), GrpcIs(StatusCode::ALREADY_EXISTS));
  EXPECT_THAT(Add(health_, v1::TEAM_ROLE_LEAD_PEER, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "already has a lead peer"));
  EXPECT_THAT(Add(health_, v1::TEAM_ROLE_UNSPECIFIED, &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  v1::AddTeamMemberRequest missing;
  missing.set_engagement(engagement_.name());
  missing.set_peer("peers/nobody");
  missing.set_role(v1::TEAM_ROLE_PEER);
  EXPECT_THAT(engagements_->AddTeamMember(Lead().get(), missing, &out),
              GrpcIs(StatusCode::NOT_FOUND));
  v1::RemoveTeamMemberRequest remove;
  remove.set_engagement(engagement_.name());
  remove.set_peer(health_.name());
  EXPECT_THAT(engagements_->RemoveTeamMember(Lead().get(), remove, &out),
              GrpcIs(StatusCode::NOT_FOUND));
  remove.set_peer(lead_.name());
  ASSERT_TRUE(engagements_->RemoveTeamMember(Lead().get(), remove, &out).ok());
  EXPECT_EQ(out.team_size(), 0);
}

TEST_F(EngagementApiTest, UpdateAppliesOnlyTheMaskAndRefusesAStaleEtag) {
  v1::UpdateEngagementRequest request;
  v1::Engagement* e = request.mutable_engagement();
  e->set_name(engagement_.name());
  e->set_etag(engagement_.etag());
  e->mutable_scoping()->add_issues("Shared vision");
  e->mutable_scoping()->mutable_stakeholders()->add_involve("Board members");
  e->mutable_scoping()->set_arrangements("Town hall, March");
  e->set_purpose(v1::PURPOSE_REMEDIAL);  // not in the mask: must not change
  request.mutable_update_mask()->add_paths("scoping");
  v1::Engagement updated;
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), request, &updated).ok());
  EXPECT_EQ(updated.scoping().issues(0), "Shared vision");
  EXPECT_EQ(updated.scoping().stakeholders().involve(0), "Board members");
  EXPECT_EQ(updated.purpose(), v1::PURPOSE_DEVELOPMENTAL);
  EXPECT_NE(updated.etag(), engagement_.etag());

  EXPECT_THAT(engagements_->UpdateEngagement(Lead().get(), request, &updated),
              GrpcIs(StatusCode::ABORTED));
  request.mutable_engagement()->set_etag("not-an-etag");
  EXPECT_THAT(engagements_->UpdateEngagement(Lead().get(), request, &updated),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.mutable_engagement()->clear_etag();
  request.mutable_update_mask()->set_paths(0, "stage");
  EXPECT_THAT(engagements_->UpdateEngagement(Lead().get(), request, &updated),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "stage"));
  request.mutable_update_mask()->clear_paths();
  EXPECT_THAT(engagements_->UpdateEngagement(Lead().get(), request, &updated),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "update_mask"));
}

TEST_F(EngagementApiTest, AStakeholderQuadrantUpdatesAlone) {
  v1::UpdateEngagementRequest request;
  request.mutable_engagement()->set_name(engagement_.name());
  request.mutable_engagement()->mutable_scoping()->mutable_stakeholders()->add_involve("Board");
  request.mutable_engagement()->mutable_scoping()->mutable_stakeholders()->add_inform("Press");
  request.mutable_update_mask()->add_paths("scoping.stakeholders");
  v1::Engagement out;
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), request, &out).ok());
  request.mutable_engagement()->mutable_scoping()->mutable_stakeholders()->clear_involve();
  request.mutable_engagement()->mutable_scoping()->mutable_stakeholders()->set_inform(0, "Residents");
  request.mutable_update_mask()->set_paths(0, "scoping.stakeholders.inform");
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), request, &out).ok());
  ASSERT_EQ(out.scoping().stakeholders().involve_size(), 1);
  EXPECT_EQ(out.scoping().stakeholders().involve(0), "Board");
  EXPECT_EQ(out.scoping().stakeholders().inform(0), "Residents");
}

TEST_F(EngagementApiTest, LifecycleAdvancesOnlyWhenGuardsAreMet) {
  v1::Engagement out;
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::BeginDeskResearch, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "no scoping issues"));
  ASSERT_TRUE(ScopeForDeskResearch(&out).ok());
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::BeginDeskResearch, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "no lead peer"));
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::StartFieldwork, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "is SCOPING"));
  ASSERT_TRUE(
      Transition(&v1::EngagementService::Stub::BeginDeskResearch, lead_token_, "", &out).ok());
  EXPECT_EQ(out.stage(), v1::DESK_RESEARCH);
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::BeginDeskResearch, lead_token_, "", &out),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::CancelEngagement, lead_token_, "", &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "reason"));
  ASSERT_TRUE(Transition(&v1::EngagementService::Stub::CancelEngagement, lead_token_,
                         "Partnership dissolved", &out)
                  .ok());
  EXPECT_EQ(out.stage(), v1::CANCELLED);
  EXPECT_EQ(out.end_reason(), "Partnership dissolved");
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::CancelEngagement, lead_token_, "again",
                         &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "CANCELLED"));

  v1::ListEngagementTransitionsRequest history;
  history.set_parent(engagement_.name());
  v1::ListEngagementTransitionsResponse transitions;
  ASSERT_TRUE(engagements_->ListEngagementTransitions(Lead().get(), history, &transitions).ok());
  ASSERT_EQ(transitions.transitions_size(), 2);
  EXPECT_EQ(transitions.transitions(0).from_stage(), v1::SCOPING);
  EXPECT_EQ(transitions.transitions(0).to_stage(), v1::DESK_RESEARCH);
  EXPECT_EQ(transitions.transitions(1).to_stage(), v1::CANCELLED);
  EXPECT_EQ(transitions.transitions(1).reason(), "Partnership dissolved");
  EXPECT_NE(transitions.transitions(0).actor().find("Programme lead (users/"), std::string::npos);
}

TEST_F(EngagementApiTest, FieldworkNeedsTwoAccreditedFullMembers) {
  v1::Engagement out;
  ASSERT_TRUE(ScopeForDeskResearch(&out).ok());
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  ASSERT_TRUE(
      Transition(&v1::EngagementService::Stub::BeginDeskResearch, lead_token_, "", &out).ok());
  v1::UpdateEngagementRequest window;
  window.mutable_engagement()->set_name(engagement_.name());
  *window.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_open() = ToDate(Today());
  *window.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_close() =
      ToDate(day1_ + 1);
  window.mutable_update_mask()->add_paths("key_dates.questionnaire_open");
  window.mutable_update_mask()->add_paths("key_dates.questionnaire_close");
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), window, &out).ok());
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::OpenQuestionnaire, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "has no questionnaire"));
  ASSERT_NO_FATAL_FAILURE(SetUpQuestionnaire());
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::OpenQuestionnaire, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "after fieldwork day 1"));
  *window.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_close() =
      ToDate(day1_ - 3);
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), window, &out).ok());
  ASSERT_TRUE(
      Transition(&v1::EngagementService::Stub::OpenQuestionnaire, lead_token_, "", &out).ok());
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::StartFieldwork, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "at least 2"));
  ASSERT_TRUE(Add(health_, v1::TEAM_ROLE_PEER, &out).ok());
  // The lead peer steers their engagement too.
  const std::string lead_peer_token = TokenFor(v1::ROLE_PEER, lead_.name());
  ASSERT_TRUE(
      Transition(&v1::EngagementService::Stub::StartFieldwork, lead_peer_token, "", &out).ok());
  EXPECT_EQ(out.stage(), v1::FIELDWORK);
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::GiveInitialFeedback, lead_peer_token,
                         "Strong shared vision", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "not before"));
  // Only the lead peer of the team steers; a peer may not.
  const std::string peer_token = TokenFor(v1::ROLE_PEER, health_.name());
  EXPECT_THAT(Transition(&v1::EngagementService::Stub::GiveInitialFeedback, peer_token, "x", &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
}

TEST_F(EngagementApiTest, PastFieldworkRunsOnToTheReportWhosePublicationNeedsItSignedOff) {
  // An engagement whose fieldwork days have passed can go as far as REPORT.
  engagement_ = MakeEngagement(partnership_.name(), Today() - 3);
  v1::Engagement out;
  ASSERT_TRUE(ScopeForDeskResearch(&out).ok());
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  ASSERT_TRUE(Add(health_, v1::TEAM_ROLE_PEER, &out).ok());
  v1::UpdateEngagementRequest window;
  window.mutable_engagement()->set_name(engagement_.name());
  *window.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_open() =
      ToDate(Today() - 30);
  *window.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_close() =
      ToDate(Today() - 10);
  window.mutable_update_mask()->add_paths("key_dates.questionnaire_open");
  window.mutable_update_mask()->add_paths("key_dates.questionnaire_close");
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), window, &out).ok());
  ASSERT_NO_FATAL_FAILURE(SetUpQuestionnaire());
  using Stub = v1::EngagementService::Stub;
  for (auto method : {&Stub::BeginDeskResearch, &Stub::OpenQuestionnaire, &Stub::StartFieldwork}) {
    ASSERT_TRUE(Transition(method, lead_token_, "", &out).ok());
  }
  EXPECT_THAT(Transition(&Stub::GiveInitialFeedback, lead_token_, "", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "no agreed findings"));
  ASSERT_NO_FATAL_FAILURE(AgreeOneFinding(TokenFor(v1::ROLE_PEER, lead_.name())));
  ASSERT_TRUE(Transition(&Stub::GiveInitialFeedback, lead_token_, "See you in June", &out).ok());
  EXPECT_EQ(out.initial_feedback_summary(),
            "1 strength and 0 areas for development across 1 principle");

  v1::TransitionEngagementRequest stale;
  stale.set_name(engagement_.name());
  stale.set_etag(engagement_.etag());
  EXPECT_THAT(engagements_->BeginReport(Lead().get(), stale, &out), GrpcIs(StatusCode::ABORTED));
  ASSERT_TRUE(Transition(&Stub::BeginReport, lead_token_, "", &out).ok());
  EXPECT_EQ(out.stage(), v1::REPORT);
  EXPECT_THAT(Transition(&Stub::CloseEngagement, lead_token_, "no plan", &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "is REPORT"));
  // The report due date passed? Not yet: four weeks after day 3.
  EXPECT_EQ(out.overdue_dates_size(), 0);
}

TEST_F(EngagementApiTest, PeersSeeOnlyTheirEngagementsAndContactsOnlyTheirPartnerships) {
  v1::Engagement out;
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  const v1::Partnership other = MakePartnership("Otherton", {{"Otherton Council",
                                                              v1::SECTOR_LOCAL_GOVERNMENT}});
  const v1::Engagement foreign = MakeEngagement(other.name());
  const std::string peer_token = TokenFor(v1::ROLE_PEER, lead_.name());
  const std::string contact_token = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", other.name());

  v1::GetEngagementRequest get;
  get.set_name(foreign.name());
  EXPECT_THAT(engagements_->GetEngagement(Ctx(peer_token).get(), get, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  get.set_name("engagements/doesnotexist");
  EXPECT_THAT(engagements_->GetEngagement(Ctx(peer_token).get(), get, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));  // existence does not leak
  EXPECT_THAT(engagements_->GetEngagement(Lead().get(), get, &out), GrpcIs(StatusCode::NOT_FOUND));
  get.set_name(engagement_.name());
  EXPECT_TRUE(engagements_->GetEngagement(Ctx(peer_token).get(), get, &out).ok());
  EXPECT_THAT(engagements_->GetEngagement(Ctx(contact_token).get(), get, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  get.set_name(foreign.name());
  EXPECT_TRUE(engagements_->GetEngagement(Ctx(contact_token).get(), get, &out).ok());

  v1::ListEngagementsResponse list;
  ASSERT_TRUE(engagements_->ListEngagements(Ctx(peer_token).get(), {}, &list).ok());
  ASSERT_EQ(list.engagements_size(), 1);
  EXPECT_EQ(list.engagements(0).name(), engagement_.name());
  ASSERT_TRUE(engagements_->ListEngagements(Ctx(contact_token).get(), {}, &list).ok());
  ASSERT_EQ(list.engagements_size(), 1);
  EXPECT_EQ(list.engagements(0).name(), foreign.name());
  // A contact cannot change anything, even on their own partnership's engagement.
  v1::UpdateEngagementRequest update;
  update.mutable_engagement()->set_name(foreign.name());
  update.mutable_update_mask()->add_paths("scoping.arrangements");
  EXPECT_THAT(engagements_->UpdateEngagement(Ctx(contact_token).get(), update, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
}

TEST_F(EngagementApiTest, ListFiltersPaginateAndRejectBadInput) {
  v1::Engagement out;
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  for (int i = 0; i < 4; ++i) MakeEngagement(partnership_.name());
  v1::ListEngagementsRequest request;
  v1::ListEngagementsResponse response;
  request.set_filter(absl::StrCat("lead = \"", lead_.name(), "\""));
  ASSERT_TRUE(engagements_->ListEngagements(Lead().get(), request, &response).ok());
  ASSERT_EQ(response.engagements_size(), 1);
  request.set_filter("stage = SCOPING");
  request.set_page_size(2);
  std::set<std::string> seen;
  int pages = 0;
  do {
    ASSERT_TRUE(engagements_->ListEngagements(Lead().get(), request, &response).ok());
    for (const auto& e : response.engagements()) seen.insert(e.name());
    request.set_page_token(response.next_page_token());
    ++pages;
  } while (!response.next_page_token().empty() && pages < 10);
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(pages, 3);
  request.set_page_token("garbage");
  EXPECT_THAT(engagements_->ListEngagements(Lead().get(), request, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.clear_page_token();
  request.set_page_size(-1);
  EXPECT_THAT(engagements_->ListEngagements(Lead().get(), request, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.set_page_size(0);
  request.set_filter("stage = FIELDWORK OR stage = SCOPING");
  EXPECT_THAT(engagements_->ListEngagements(Lead().get(), request, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.set_filter("colour = blue");
  EXPECT_THAT(engagements_->ListEngagements(Lead().get(), request, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  request.set_filter("stage = FIELDWORK");
  ASSERT_TRUE(engagements_->ListEngagements(Lead().get(), request, &response).ok());
  EXPECT_EQ(response.engagements_size(), 0);
}

TEST_F(EngagementApiTest, OverdueKeyDatesShowOnTheEngagementAndInTheFilter) {
  v1::UpdateEngagementRequest request;
  request.mutable_engagement()->set_name(engagement_.name());
  *request.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_open() =
      ToDate(Today() - 2);
  request.mutable_update_mask()->add_paths("key_dates.questionnaire_open");
  v1::Engagement out;
  ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), request, &out).ok());
  ASSERT_EQ(out.overdue_dates_size(), 1);
  EXPECT_EQ(out.overdue_dates(0).key_date(), "questionnaire_open");
  EXPECT_EQ(out.overdue_dates(0).expected_stage(), v1::QUESTIONNAIRE);
  MakeEngagement(partnership_.name());  // not overdue
  v1::ListEngagementsRequest list;
  list.set_filter("overdue = true");
  v1::ListEngagementsResponse response;
  ASSERT_TRUE(engagements_->ListEngagements(Lead().get(), list, &response).ok());
  ASSERT_EQ(response.engagements_size(), 1);
  EXPECT_EQ(response.engagements(0).name(), engagement_.name());
}

}  // namespace
TEST_F(EngagementApiTest, PassedKeyDatesChangeOnlyByTheLeadPeerOrAProgrammeLeadAndAreAudited) {
  const absl::CivilDay day1 = Today() - 10;
  engagement_ = MakeEngagement(partnership_.name(), day1);
  v1::Engagement out;
  ASSERT_TRUE(Add(lead_, v1::TEAM_ROLE_LEAD_PEER, &out).ok());
  ASSERT_TRUE(Add(health_, v1::TEAM_ROLE_PEER, &out).ok());
  const std::string peer_token = TokenFor(v1::ROLE_PEER, health_.name());
  const std::string lead_peer_token = TokenFor(v1::ROLE_PEER, lead_.name());
  const auto move = [&](const std::string& token, const std::string& field, absl::CivilDay to,
                        v1::Engagement* result) {
    v1::UpdateEngagementRequest request;
    request.mutable_engagement()->set_name(engagement_.name());
    v1::KeyDates* dates = request.mutable_engagement()->mutable_key_dates();
    const v1::Date date = ToDate(to);
    if (field == "fieldwork_day1") *dates->mutable_fieldwork_day1() = date;
    if (field == "report_due") *dates->mutable_report_due() = date;
    request.mutable_update_mask()->add_paths("key_dates." + field);
    return engagements_->UpdateEngagement(Ctx(token).get(), request, result);
  };
  // A peer may not rewrite what has happened...
  EXPECT_THAT(move(peer_token, "fieldwork_day1", day1 - 2, &out),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "fieldwork_day1"));
  // ...but may move a date still to come.
  ASSERT_TRUE(move(peer_token, "report_due", Today() + 40, &out).ok());
  // The lead peer may correct a passed date.
  ASSERT_TRUE(move(lead_peer_token, "fieldwork_day1", day1 - 1, &out).ok());

  const std::vector<std::string> details = AuditDetails("UpdateEngagement");
  ASSERT_EQ(details.size(), 2u);
  EXPECT_THAT(details[0], ::testing::MatchesRegex(absl::StrCat(
                              "key_dates.report_due: [0-9-]+ -> ", absl::FormatCivilTime(Today() + 40))));
  EXPECT_EQ(details[1], absl::StrCat("key_dates.fieldwork_day1: ", absl::FormatCivilTime(day1), " -> ",
                                     absl::FormatCivilTime(day1 - 1)));
}

}  // namespace hc::testing
