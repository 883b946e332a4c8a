// ImprovementPlanService: the partnership's actions answering the report's
// recommendations, who may draft, update and steer them, the approval that
// moves the engagement to FOLLOW_UP with its check-ins, verification, and
// the suggestions each role is offered.

#include <httplib.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/domain/improvement_plan.h"
#include "core/storage/sqlite/database.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/finding.grpc.pb.h"
#include "healthcheck/v1/improvement_plan.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;
using ::testing::HasSubstr;

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

class ImprovementPlanApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    plans_ = v1::ImprovementPlanService::NewStub(server_->InProcessChannel());
    findings_ = v1::FindingService::NewStub(server_->InProcessChannel());
    questionnaires_ = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    partnership_ = MakePartnership("Anytown CSP", {{"Anytown Council",
                                                    v1::SECTOR_LOCAL_GOVERNMENT},
                                                   {"Anytown NHS Trust", v1::SECTOR_HEALTH}});
    engagement_ = MakeEngagement(partnership_.name(), Today() - 3).name();
    plan_ = engagement_ + "/improvementPlan";
    for (const char* name : {"Lena Lead", "Pete Peer", "Sam Shadow"}) {
      peers_.push_back(MakePeer(name, "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                                Today() + 400));
    }
    AddMember(engagement_, peers_[0].name(), v1::TEAM_ROLE_LEAD_PEER);
    AddMember(engagement_, peers_[1].name(), v1::TEAM_ROLE_PEER);
    AddMember(engagement_, peers_[2].name(), v1::TEAM_ROLE_SHADOW);
    lead_peer_ = TokenFor(v1::ROLE_PEER, peers_[0].name());
    peer_ = TokenFor(v1::ROLE_PEER, peers_[1].name());
    shadow_ = TokenFor(v1::ROLE_PEER, peers_[2].name());
    contact_ = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
    const v1::Partnership other =
        MakePartnership("Otherton LSP", {{"Otherton Council", v1::SECTOR_LOCAL_GOVERNMENT}});
    other_contact_ = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", other.name());
    outsider_ = TokenFor(v1::ROLE_PEER, MakePeer("Owen Outsider", "Far Fire Service",
                                                 v1::SECTOR_FIRE_AND_RESCUE, Today() + 400)
                                            .name());
    ASSERT_NO_FATAL_FAILURE(RunQuestionnaire());
    ASSERT_NO_FATAL_FAILURE(AgreeTwoRecommendations());
  }

  // A Digging Deeper questionnaire answered by three (k = 3, so that their
  // entries may be used), the first with an "Action needed" entry on
  // statement 2.3; closed.
  void RunQuestionnaire() {
    constexpr int kRespondents = 3;
    v1::CreateQuestionnaireRequest create;
    create.set_parent(engagement_);
    create.mutable_questionnaire()->set_framework("frameworks/digging-deeper/versions/1");
    create.mutable_questionnaire()->set_min_group_size(3);
    *create.mutable_questionnaire()->mutable_open_time() = At(absl::Now() + absl::Hours(1));
    *create.mutable_questionnaire()->mutable_close_time() = At(absl::Now() + absl::Hours(24));
    v1::Questionnaire q;
    ASSERT_TRUE(questionnaires_->CreateQuestionnaire(Lead().get(), create, &q).ok());
    v1::CreateInvitationsRequest invite;
    invite.set_parent(engagement_ + "/questionnaire");
    invite.set_csv(absl::StrCat("organisation,level,count\nAnytown Council,board,", kRespondents,
                                "\n"));
    v1::CreateInvitationsResponse invitations;
    ASSERT_TRUE(questionnaires_->CreateInvitations(Lead().get(), invite, &invitations).ok());
    ASSERT_NO_FATAL_FAILURE(OpenQuestionnaireNow(engagement_));
    httplib::Client client("127.0.0.1", server_->http_port());
    const std::vector<std::vector<std::string>> areas = {
        {"1.1", "1.2", "1.3", "1.4", "1.5"},
        {"2.1", "2.2", "2.3", "2.4", "2.5", "2.6"},
        {"3.1", "3.2", "3.3", "3.4", "3.5"},
        {"4.1", "4.2", "4.3", "4.4", "4.5"}};
    for (int i = 0; i < kRespondents; ++i) {
      const std::string link = invitations.invitations(i).link();
      const std::string token = link.substr(link.rfind('/') + 1);
      for (size_t area = 0; area < areas.size(); ++area) {
        httplib::Params form;
        if (area == 1 && i == 0) {
          form.emplace("n.2.3", "Agree a data-sharing protocol");
          form.emplace("w.2.3", "Chief officers");
        }
        for (const std::string& code : areas[area]) form.emplace("a." + code, "2");
        auto res = client.Post(absl::StrCat("/q/", token, "/p/", area + 1), form);
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 303) << res->body;
      }
      auto res = client.Post(absl::StrCat("/q/", token, "/submit"), httplib::Params{});
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 303) << res->body;
    }
    v1::CloseQuestionnaireRequest close;
    close.set_name(engagement_ + "/questionnaire");
    ASSERT_TRUE(questionnaires_->CloseQuestionnaire(Lead().get(), close, &q).ok());
  }

  // F1 agreed on a note; R1 and R2 agreed, R3 a draft.
  void AgreeTwoRecommendations() {
    auto fieldwork = v1::FieldworkService::NewStub(server_->InProcessChannel());
    v1::CreateDocumentRequest doc;
    doc.set_parent(engagement_);
    doc.mutable_document()->set_title("Community safety strategy");
    v1::Document d;
    ASSERT_TRUE(fieldwork->CreateDocument(Lead().get(), doc, &d).ok());
    auto evidence = v1::EvidenceService::NewStub(server_->InProcessChannel());
    v1::CreateNoteRequest note;
    note.set_parent(engagement_);
    note.mutable_note()->set_text("Data is not shared");
    note.mutable_note()->set_document(d.name());
    note.mutable_note()->set_polarity(v1::POLARITY_NEGATIVE);
    v1::Note n;
    ASSERT_TRUE(evidence->CreateNote(Ctx(peer_).get(), note, &n).ok());
    v1::CreateFindingRequest finding;
    finding.set_parent(engagement_);
    finding.mutable_finding()->set_kind(v1::FINDING_KIND_AREA_FOR_DEVELOPMENT);
    finding.mutable_finding()->set_title("Data is not shared");
    finding.mutable_finding()->set_narrative("Partners keep their data apart.");
    finding.mutable_finding()->add_principles("2");
    finding.mutable_finding()->add_notes(n.name());
    v1::Finding f;
    ASSERT_TRUE(findings_->CreateFinding(Ctx(peer_).get(), finding, &f).ok());
    v1::ReviewStateRequest agree;
    agree.set_name(f.name());
    ASSERT_TRUE(findings_->AgreeFinding(Ctx(lead_peer_).get(), agree, &f).ok());
    for (const char* text : {"Agree a data-sharing protocol", "Pool the analysts",
                             "Publish the board's minutes"}) {
      v1::CreateRecommendationRequest request;
      request.set_parent(engagement_);
      request.mutable_recommendation()->set_text(text);
      request.mutable_recommendation()->set_priority(v1::PRIORITY_HIGH);
      request.mutable_recommendation()->add_findings(f.name());
      v1::Recommendation r;
      ASSERT_TRUE(findings_->CreateRecommendation(Ctx(peer_).get(), request, &r).ok());
      recommendations_.push_back(r.name());
    }
    for (int i = 0; i < 2; ++i) {
      v1::ReviewStateRequest request;
      request.set_name(recommendations_[i]);
      v1::Recommendation r;
      ASSERT_TRUE(findings_->AgreeRecommendation(Ctx(lead_peer_).get(), request, &r).ok());
    }
  }

  // Moves the stored engagement to `stage`, as the report's publication
  // will (the report arrives with its own feature).
  void SetStoredStage(const std::string& stage) {
    UpdateStored("UPDATE engagements SET stage = ?1 WHERE id = ?2", stage);
  }

  // Runs `sql` on the stored engagement (?1: `value`, ?2: its id), as a
  // change made elsewhere would leave the store.
  template <typename T>
  void UpdateStored(const char* sql, const T& value) {
    auto db =
        storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status();
    auto update = (*db)->Prepare(sql);
    ASSERT_TRUE(update.ok()) << update.status();
    update->Bind(1, value).Bind(2, engagement_.substr(engagement_.rfind('/') + 1));
    ASSERT_TRUE(update->Run().ok());
  }

  static v1::PlanAction ActionOf(const std::string& title, const std::string& recommendation = "",
                                 const std::string& owner = "Anytown Council",
                                 std::optional<absl::CivilDay> due = Today() + 60) {
    v1::PlanAction a;
    a.set_title(title);
    a.set_recommendation(recommendation);
    a.set_owner_organisation(owner);
    if (due) *a.mutable_due_date() = ToDate(*due);
    return a;
  }

  grpc::Status Create(const std::string& token, const v1::PlanAction& action, v1::PlanAction* out,
                      const std::string& request_id = "", const std::string& entry = "") {
    v1::CreateActionRequest request;
    request.set_parent(plan_);
    *request.mutable_action() = action;
    request.set_request_id(request_id);
    request.set_source_action_entry(entry);
    return plans_->CreateAction(Ctx(token).get(), request, out);
  }

  grpc::Status Progress(const std::string& token, const std::string& action,
                        v1::ActionStatus status, v1::ProgressUpdate* out,
                        const std::string& request_id = "") {
    v1::CreateProgressUpdateRequest request;
    request.set_parent(action);
    request.mutable_progress_update()->set_text("The protocol is drafted");
    request.mutable_progress_update()->set_evidence("Draft v2 circulated to the board");
    request.mutable_progress_update()->set_status(status);
    request.set_request_id(request_id);
    return plans_->CreateProgressUpdate(Ctx(token).get(), request, out);
  }

  grpc::Status Verify(const std::string& token, const std::string& action, v1::PlanAction* out) {
    v1::VerifyActionRequest request;
    request.set_name(action);
    return plans_->VerifyAction(Ctx(token).get(), request, out);
  }

  grpc::Status Approve(const std::string& token, v1::ImprovementPlan* out,
                       const std::string& etag = "") {
    v1::ApproveImprovementPlanRequest request;
    request.set_name(plan_);
    request.set_etag(etag);
    return plans_->ApproveImprovementPlan(Ctx(token).get(), request, out);
  }

  grpc::Status GetAction(const std::string& token, const std::string& name, v1::PlanAction* out) {
    v1::GetActionRequest request;
    request.set_name(name);
    return plans_->GetAction(Ctx(token).get(), request, out);
  }

  grpc::Status Suggestions(const std::string& token, v1::ListActionSuggestionsResponse* out) {
    v1::ListActionSuggestionsRequest request;
    request.set_parent(plan_);
    return plans_->ListActionSuggestions(Ctx(token).get(), request, out);
  }

  static int CountOf(const v1::ListActionSuggestionsResponse& r, v1::SuggestionSource source) {
    int n = 0;
    for (const v1::ActionSuggestion& s : r.suggestions()) n += s.source() == source ? 1 : 0;
    return n;
  }

  std::unique_ptr<v1::ImprovementPlanService::Stub> plans_;
  std::unique_ptr<v1::FindingService::Stub> findings_;
  std::unique_ptr<v1::QuestionnaireService::Stub> questionnaires_;
  v1::Partnership partnership_;
  std::string engagement_, plan_;
  std::vector<v1::Peer> peers_;
  std::string lead_peer_, peer_, shadow_, contact_, other_contact_, outsider_;
  std::vector<std::string> recommendations_;
};

TEST_F(ImprovementPlanApiTest, NothingChangesBeforeTheReportIsPublishedOrAfterTheEnd) {
  v1::PlanAction out;
  EXPECT_THAT(Create(contact_, ActionOf("Agree a protocol"), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "the report is not published yet"));
  EXPECT_THAT(Create(peer_, ActionOf("Agree a protocol"), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "the report is not published yet"));
  v1::GetImprovementPlanRequest get;
  get.set_name(plan_);
  v1::ImprovementPlan plan;
  ASSERT_TRUE(plans_->GetImprovementPlan(Ctx(peer_).get(), get, &plan).ok());
  EXPECT_EQ(plan.state(), v1::PLAN_STATE_DRAFT);
  // The partnership reads nothing of its plan, whose suggestions carry the
  // team's recommendations, before the report is published.
  EXPECT_THAT(plans_->GetImprovementPlan(Ctx(contact_).get(), get, &plan),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "once the report is published"));
  v1::ListActionSuggestionsResponse suggestions;
  EXPECT_THAT(Suggestions(contact_, &suggestions),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "once the report is published"));

  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  ASSERT_TRUE(plans_->GetImprovementPlan(Ctx(contact_).get(), get, &plan).ok());
  ASSERT_TRUE(Create(contact_, ActionOf("Agree a protocol"), &out).ok());
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("CLOSED"));
  EXPECT_THAT(Create(contact_, ActionOf("Another"), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "CLOSED"));
  v1::ProgressUpdate update;
  EXPECT_THAT(Progress(contact_, out.name(), v1::ACTION_IN_HAND, &update),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
}

TEST_F(ImprovementPlanApiTest, EachRoleMayDoItsOwnPartOnly) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::PlanAction a1, a2, a3, out;
  ASSERT_TRUE(Create(contact_, ActionOf("By the contact"), &a1).ok());
  ASSERT_TRUE(Create(peer_, ActionOf("By a peer"), &a2).ok());
  ASSERT_TRUE(Create(lead_peer_, ActionOf("By the lead peer"), &a3).ok());
  EXPECT_EQ(a3.label(), "A3");
  for (const std::string* token : {&shadow_, &lead_token_, &other_contact_, &outsider_}) {
    EXPECT_THAT(Create(*token, ActionOf("Not theirs"), &out),
                GrpcIs(StatusCode::PERMISSION_DENIED));
  }
  for (const std::string* token : {&shadow_, &lead_token_, &contact_, &peer_}) {
    EXPECT_TRUE(GetAction(*token, a1.name(), &out).ok());
  }
  for (const std::string* token : {&other_contact_, &outsider_}) {
    EXPECT_THAT(GetAction(*token, a1.name(), &out), GrpcIs(StatusCode::PERMISSION_DENIED));
  }

  v1::ProgressUpdate update;
  ASSERT_TRUE(Progress(contact_, a1.name(), v1::WORKING_WELL, &update).ok());
  EXPECT_EQ(update.author(), "holder of ROLE_PARTNERSHIP_CONTACT");
  for (const std::string* token : {&peer_, &lead_peer_, &lead_token_, &other_contact_}) {
    EXPECT_THAT(Progress(*token, a1.name(), v1::ACTION_IN_HAND, &update),
                GrpcIs(StatusCode::PERMISSION_DENIED));
  }
  for (const std::string* token : {&contact_, &peer_, &shadow_}) {
    EXPECT_THAT(Verify(*token, a1.name(), &out), GrpcIs(StatusCode::PERMISSION_DENIED));
    v1::ImprovementPlan plan;
    EXPECT_THAT(Approve(*token, &plan), GrpcIs(StatusCode::PERMISSION_DENIED));
  }
  EXPECT_TRUE(Verify(lead_peer_, a1.name(), &out).ok());
}

TEST_F(ImprovementPlanApiTest, ARetriedCreateMakesOneActionAndLabelsAreNeverReused) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::PlanAction first, retry, second;
  ASSERT_TRUE(Create(contact_, ActionOf("Agree a protocol"), &first, "req-1").ok());
  ASSERT_TRUE(Create(contact_, ActionOf("Agree a protocol"), &retry, "req-1").ok());
  EXPECT_EQ(retry.name(), first.name());
  EXPECT_EQ(first.label(), "A1");
  EXPECT_EQ(first.status(), v1::ACTION_NEEDED);
  EXPECT_THAT(Create(contact_, ActionOf("Something else"), &second, "req-1"),
              GrpcIs(StatusCode::ALREADY_EXISTS));
  ASSERT_TRUE(Create(contact_, ActionOf("Something else"), &second, "req-2").ok());
  EXPECT_EQ(second.label(), "A2");
  v1::ListActionsRequest list;
  list.set_parent(plan_);
  v1::ListActionsResponse response;
  ASSERT_TRUE(plans_->ListActions(Ctx(shadow_).get(), list, &response).ok());
  ASSERT_EQ(response.actions_size(), 2);
  EXPECT_EQ(response.actions(0).label(), "A1");
  EXPECT_EQ(response.actions(1).label(), "A2");

  v1::ProgressUpdate u1, u2;
  ASSERT_TRUE(Progress(contact_, first.name(), v1::ACTION_IN_HAND, &u1, "p-1").ok());
  ASSERT_TRUE(Progress(contact_, first.name(), v1::ACTION_IN_HAND, &u2, "p-1").ok());
  EXPECT_EQ(u1.name(), u2.name());
  v1::ListProgressUpdatesRequest updates;
  updates.set_parent(first.name());
  v1::ListProgressUpdatesResponse listed;
  ASSERT_TRUE(plans_->ListProgressUpdates(Ctx(lead_token_).get(), updates, &listed).ok());
  ASSERT_EQ(listed.progress_updates_size(), 1);
  EXPECT_EQ(listed.progress_updates(0).evidence(), "Draft v2 circulated to the board");
  v1::PlanAction now;
  ASSERT_TRUE(GetAction(contact_, first.name(), &now).ok());
  EXPECT_EQ(now.status(), v1::ACTION_IN_HAND);
}

TEST_F(ImprovementPlanApiTest, UpdatesNeedTheCurrentEtagAndCannotSetTheStatus) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::PlanAction a, updated, out;
  ASSERT_TRUE(Create(contact_, ActionOf("Agree a protocol"), &a).ok());
  v1::UpdateActionRequest update;
  *update.mutable_action() = a;
  update.mutable_action()->set_owner_organisation("anytown  nhs trust");
  update.mutable_update_mask()->add_paths("owner_organisation");
  ASSERT_TRUE(plans_->UpdateAction(Ctx(peer_).get(), update, &updated).ok());
  EXPECT_EQ(updated.owner_organisation(), "Anytown NHS Trust");
  EXPECT_NE(updated.etag(), a.etag());
  EXPECT_THAT(plans_->UpdateAction(Ctx(contact_).get(), update, &out),
              GrpcIs(StatusCode::ABORTED));
  update.mutable_action()->set_etag(updated.etag());
  update.mutable_action()->set_status(v1::WORKING_WELL);
  update.mutable_update_mask()->add_paths("status");
  EXPECT_THAT(plans_->UpdateAction(Ctx(contact_).get(), update, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "status"));
}

TEST_F(ImprovementPlanApiTest, BadOwnersRecommendationsAndStatementsAreRefused) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::PlanAction out;
  EXPECT_THAT(Create(contact_, ActionOf("x", "", "Otherton Council"), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "not a member organisation"));
  EXPECT_THAT(Create(contact_, ActionOf("x", recommendations_[2]), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "R3 is DRAFT"));
  EXPECT_THAT(Create(contact_, ActionOf("x", engagement_ + "/recommendations/nope"), &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  v1::PlanAction with_statement = ActionOf("x");
  with_statement.set_statement_code("9.9");
  EXPECT_THAT(Create(contact_, with_statement, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "statement_code"));
  v1::PlanAction untitled = ActionOf("");
  EXPECT_THAT(Create(contact_, untitled, &out), GrpcIsWith(StatusCode::INVALID_ARGUMENT, "title"));
  v1::ListActionsRequest list;
  list.set_parent(plan_);
  v1::ListActionsResponse response;
  ASSERT_TRUE(plans_->ListActions(Ctx(contact_).get(), list, &response).ok());
  EXPECT_EQ(response.actions_size(), 0);  // nothing was created
  with_statement.set_statement_code("2.3");
  with_statement.set_recommendation(recommendations_[0]);
  ASSERT_TRUE(Create(contact_, with_statement, &out).ok());
  EXPECT_EQ(out.statement_code(), "2.3");
  EXPECT_EQ(out.recommendation(), recommendations_[0]);
}

TEST_F(ImprovementPlanApiTest, ApprovalNamesWhatIsMissingThenMovesToFollowUpWithCheckIns) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::ImprovementPlan plan;
  EXPECT_THAT(Approve(lead_peer_, &plan), GrpcIsWith(StatusCode::FAILED_PRECONDITION, "no action"));
  v1::PlanAction a1, a2, out;
  ASSERT_TRUE(Create(contact_, ActionOf("General"), &a1).ok());
  EXPECT_THAT(Approve(lead_peer_, &plan),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "R1, R2 have no action"));
  ASSERT_TRUE(Create(contact_, ActionOf("Protocol", recommendations_[0]), &a2).ok());
  ASSERT_TRUE(Create(contact_, ActionOf("Analysts", recommendations_[1], "Anytown NHS Trust",
                                        std::nullopt),
                     &out)
                  .ok());
  EXPECT_THAT(Approve(lead_peer_, &plan),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "A3 has no due date"));
  v1::UpdateActionRequest update;
  *update.mutable_action() = out;
  *update.mutable_action()->mutable_due_date() = ToDate(Today() + 90);
  update.mutable_update_mask()->add_paths("due_date");
  ASSERT_TRUE(plans_->UpdateAction(Ctx(contact_).get(), update, &out).ok());

  v1::GetImprovementPlanRequest get;
  get.set_name(plan_);
  v1::ImprovementPlan draft;
  ASSERT_TRUE(plans_->GetImprovementPlan(Ctx(lead_peer_).get(), get, &draft).ok());
  EXPECT_EQ(draft.etag(), "W/\"1\"");
  EXPECT_THAT(Approve(lead_peer_, &plan, "W/\"7\""), GrpcIs(StatusCode::ABORTED));
  ASSERT_TRUE(Approve(lead_peer_, &plan, draft.etag()).ok());
  EXPECT_EQ(plan.state(), v1::PLAN_STATE_APPROVED);
  EXPECT_EQ(plan.approved_by(), "holder of ROLE_PEER");
  EXPECT_EQ(plan.action_needed_count(), 3);
  EXPECT_THAT(Approve(lead_peer_, &plan), GrpcIsWith(StatusCode::FAILED_PRECONDITION, "FOLLOW_UP"));

  v1::GetEngagementRequest engagement;
  engagement.set_name(engagement_);
  v1::Engagement e;
  ASSERT_TRUE(engagements_->GetEngagement(Lead().get(), engagement, &e).ok());
  EXPECT_EQ(e.stage(), v1::FOLLOW_UP);
  v1::ListEngagementTransitionsRequest history;
  history.set_parent(engagement_);
  v1::ListEngagementTransitionsResponse changes;
  ASSERT_TRUE(engagements_->ListEngagementTransitions(Lead().get(), history, &changes).ok());
  ASSERT_GT(changes.transitions_size(), 0);
  const v1::EngagementTransition& last = changes.transitions(changes.transitions_size() - 1);
  EXPECT_EQ(last.from_stage(), v1::IMPROVEMENT_PLAN);
  EXPECT_EQ(last.to_stage(), v1::FOLLOW_UP);
  EXPECT_THAT(last.actor(), HasSubstr("holder of ROLE_PEER"));

  v1::ListCheckInsRequest list;
  list.set_parent(plan_);
  v1::ListCheckInsResponse check_ins;
  ASSERT_TRUE(plans_->ListCheckIns(Ctx(contact_).get(), list, &check_ins).ok());
  ASSERT_EQ(check_ins.check_ins_size(), 2);
  const absl::CivilDay six = domain::AddMonths(Today(), 6);
  const absl::CivilDay twelve = domain::AddMonths(Today(), 12);
  EXPECT_EQ(check_ins.check_ins(0).scheduled_date().month(), six.month());
  EXPECT_EQ(check_ins.check_ins(0).scheduled_date().day(), six.day());
  EXPECT_EQ(check_ins.check_ins(1).scheduled_date().year(), twelve.year());
  EXPECT_EQ(check_ins.check_ins(1).scheduled_date().day(), twelve.day());
  EXPECT_EQ(check_ins.check_ins(0).state(), v1::CHECK_IN_STATE_SCHEDULED);
  EXPECT_FALSE(check_ins.check_ins(0).overdue());

  // Actions still change during follow-up; check-ins are the steer's to record.
  v1::ProgressUpdate progress;
  ASSERT_TRUE(Progress(contact_, a2.name(), v1::NEEDS_IMPROVING, &progress).ok());
  v1::RecordCheckInRequest record;
  record.set_name(check_ins.check_ins(0).name());
  v1::CheckIn held;
  EXPECT_THAT(plans_->RecordCheckIn(Ctx(lead_peer_).get(), record, &held),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "notes"));
  record.set_notes("Met the board; the protocol is drafted.");
  EXPECT_THAT(plans_->RecordCheckIn(Ctx(peer_).get(), record, &held),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(plans_->RecordCheckIn(Lead().get(), record, &held).ok());
  EXPECT_EQ(held.state(), v1::CHECK_IN_STATE_HELD);
  EXPECT_EQ(held.held_date().day(), static_cast<int>(Today().day()));
  EXPECT_THAT(plans_->RecordCheckIn(Ctx(lead_peer_).get(), record, &held),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "already recorded"));
}

TEST_F(ImprovementPlanApiTest, OnlyAWorkingWellActionIsVerifiedAndMovingOffItUnverifies) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::PlanAction a, out;
  ASSERT_TRUE(Create(contact_, ActionOf("Agree a protocol"), &a).ok());
  EXPECT_THAT(Verify(lead_peer_, a.name(), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "A1 is ACTION_NEEDED"));
  v1::ProgressUpdate update;
  ASSERT_TRUE(Progress(contact_, a.name(), v1::WORKING_WELL, &update).ok());
  ASSERT_TRUE(Verify(lead_peer_, a.name(), &out).ok());
  EXPECT_TRUE(out.has_verify_time());
  EXPECT_EQ(out.verified_by(), "holder of ROLE_PEER");
  EXPECT_THAT(Verify(lead_token_, a.name(), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "already verified"));
  ASSERT_TRUE(Progress(contact_, a.name(), v1::NEEDS_IMPROVING, &update).ok());
  ASSERT_TRUE(GetAction(contact_, a.name(), &out).ok());
  EXPECT_FALSE(out.has_verify_time());
  EXPECT_EQ(out.verified_by(), "");
  ASSERT_TRUE(Progress(contact_, a.name(), v1::WORKING_WELL, &update).ok());
  ASSERT_TRUE(Verify(lead_token_, a.name(), &out).ok());  // a programme lead may too
  EXPECT_EQ(out.verified_by(), "Programme lead");
}

TEST_F(ImprovementPlanApiTest, OverdueActionsAreFlaggedCountedAndFiltered) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::PlanAction late, on_time, done;
  ASSERT_TRUE(Create(contact_, ActionOf("Late", "", "Anytown Council", Today() - 1), &late).ok());
  ASSERT_TRUE(Create(contact_, ActionOf("On time"), &on_time).ok());
  ASSERT_TRUE(Create(contact_, ActionOf("Done", "", "Anytown Council", Today() - 5), &done).ok());
  v1::ProgressUpdate update;
  ASSERT_TRUE(Progress(contact_, done.name(), v1::WORKING_WELL, &update).ok());
  EXPECT_TRUE(late.overdue());
  EXPECT_FALSE(on_time.overdue());
  v1::ListActionsRequest list;
  list.set_parent(plan_);
  list.set_filter("overdue = true");
  v1::ListActionsResponse response;
  ASSERT_TRUE(plans_->ListActions(Ctx(contact_).get(), list, &response).ok());
  ASSERT_EQ(response.actions_size(), 1);
  EXPECT_EQ(response.actions(0).label(), "A1");
  list.set_filter("status = WORKING_WELL");
  ASSERT_TRUE(plans_->ListActions(Ctx(contact_).get(), list, &response).ok());
  ASSERT_EQ(response.actions_size(), 1);
  EXPECT_EQ(response.actions(0).label(), "A3");
  list.set_filter("colour = red");
  EXPECT_THAT(plans_->ListActions(Ctx(contact_).get(), list, &response),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  v1::GetImprovementPlanRequest get;
  get.set_name(plan_);
  v1::ImprovementPlan plan;
  ASSERT_TRUE(plans_->GetImprovementPlan(Ctx(contact_).get(), get, &plan).ok());
  EXPECT_EQ(plan.overdue_actions(), 1);
  EXPECT_EQ(plan.working_well_count(), 1);
  EXPECT_EQ(plan.action_needed_count(), 2);
}

TEST_F(ImprovementPlanApiTest, RespondentsEntriesAreSuggestedToTheTeamOnly) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::ListActionSuggestionsResponse team, contact, lead;
  ASSERT_TRUE(Suggestions(peer_, &team).ok());
  ASSERT_TRUE(Suggestions(contact_, &contact).ok());
  ASSERT_TRUE(Suggestions(lead_token_, &lead).ok());
  EXPECT_THAT(Suggestions(other_contact_, &lead), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(CountOf(team, v1::SUGGESTION_SOURCE_RECOMMENDATION), 2);  // R3 is not agreed
  EXPECT_GT(CountOf(team, v1::SUGGESTION_SOURCE_POSSIBLE_ACTION), 20);
  EXPECT_EQ(CountOf(contact, v1::SUGGESTION_SOURCE_POSSIBLE_ACTION),
            CountOf(team, v1::SUGGESTION_SOURCE_POSSIBLE_ACTION));
  ASSERT_EQ(CountOf(team, v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY), 1);
  EXPECT_EQ(CountOf(contact, v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY), 0);
  EXPECT_EQ(CountOf(lead, v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY), 0);
  EXPECT_EQ(contact.ShortDebugString().find("Chief officers"), std::string::npos);

  std::string entry;
  for (const v1::ActionSuggestion& s : team.suggestions()) {
    if (s.source() != v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY) continue;
    EXPECT_EQ(s.text(), "Agree a data-sharing protocol");
    EXPECT_EQ(s.by_whom(), "Chief officers");
    EXPECT_EQ(s.statement_code(), "2.3");
    entry = s.action_entry();
  }
  v1::PlanAction out;
  EXPECT_THAT(Create(contact_, ActionOf("From an entry"), &out, "", entry),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(Create(peer_, ActionOf("", recommendations_[0]), &out, "", entry).ok());
  EXPECT_EQ(out.title(), "Agree a data-sharing protocol");
  EXPECT_EQ(out.statement_code(), "2.3");
  ASSERT_TRUE(Suggestions(contact_, &contact).ok());
  ASSERT_EQ(CountOf(contact, v1::SUGGESTION_SOURCE_RECOMMENDATION), 1);  // R1 is answered
  for (const v1::ActionSuggestion& s : contact.suggestions()) {
    if (s.source() == v1::SUGGESTION_SOURCE_RECOMMENDATION) {
      EXPECT_EQ(s.recommendation_label(), "R2");
    }
  }
}

// Below k (three answered, k stored as four) no respondent's entry is
// suggested or taken into the plan, as no comment or figure is shown.
TEST_F(ImprovementPlanApiTest, BelowKNoEntryIsSuggestedOrTaken) {
  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  v1::ListActionSuggestionsResponse team;
  ASSERT_TRUE(Suggestions(peer_, &team).ok());
  std::string entry;
  for (const v1::ActionSuggestion& s : team.suggestions()) {
    if (s.source() == v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY) entry = s.action_entry();
  }
  ASSERT_FALSE(entry.empty());
  ASSERT_NO_FATAL_FAILURE(UpdateStored(
      "UPDATE questionnaires SET min_group_size = ?1 WHERE engagement_id = ?2", int64_t{4}));

  ASSERT_TRUE(Suggestions(peer_, &team).ok());
  EXPECT_EQ(CountOf(team, v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY), 0);
  EXPECT_EQ(team.ShortDebugString().find("Chief officers"), std::string::npos);
  EXPECT_EQ(CountOf(team, v1::SUGGESTION_SOURCE_RECOMMENDATION), 2);
  v1::PlanAction out;
  EXPECT_THAT(Create(peer_, ActionOf("", recommendations_[0]), &out, "", entry),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "at least k respondents"));
  ASSERT_TRUE(Suggestions(peer_, &team).ok());
  EXPECT_EQ(CountOf(team, v1::SUGGESTION_SOURCE_RECOMMENDATION), 2);  // R1 is still unanswered
}

}  // namespace
}  // namespace hc::testing
