// FindingService: findings and recommendations drafted by the team and
// agreed by the lead peer only with evidence, their stable numbers, who may
// see them, and the initial feedback composed from them and kept as given.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/storage/sqlite/database.h"
#include "healthcheck/v1/engagement.grpc.pb.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/finding.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class FindingApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    findings_ = v1::FindingService::NewStub(server_->InProcessChannel());
    partnership_ = MakePartnership("Anytown CSP", {{"Anytown Council",
                                                    v1::SECTOR_LOCAL_GOVERNMENT},
                                                   {"Anytown NHS Trust", v1::SECTOR_HEALTH}});
    // Fieldwork days 1-3 have passed, so the feedback can be given.
    engagement_ = MakeEngagement(partnership_.name(), Today() - 3).name();
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

    auto questionnaires = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    v1::CreateQuestionnaireRequest q;
    q.set_parent(engagement_);
    q.mutable_questionnaire()->set_framework("frameworks/partnership-assessment-tool/versions/1");
    q.mutable_questionnaire()->mutable_open_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
    q.mutable_questionnaire()->mutable_close_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(24)));
    v1::Questionnaire created;
    ASSERT_TRUE(questionnaires->CreateQuestionnaire(Lead().get(), q, &created).ok());

    auto fieldwork = v1::FieldworkService::NewStub(server_->InProcessChannel());
    v1::CreateDocumentRequest doc;
    doc.set_parent(engagement_);
    doc.mutable_document()->set_title("Community safety strategy");
    v1::Document d;
    ASSERT_TRUE(fieldwork->CreateDocument(Lead().get(), doc, &d).ok());
    auto evidence = v1::EvidenceService::NewStub(server_->InProcessChannel());
    for (const char* text : {"The board shares one vision", "Data is not shared"}) {
      v1::CreateNoteRequest note;
      note.set_parent(engagement_);
      note.mutable_note()->set_text(text);
      note.mutable_note()->set_document(d.name());
      note.mutable_note()->set_polarity(v1::POLARITY_POSITIVE);
      v1::Note n;
      ASSERT_TRUE(evidence->CreateNote(Ctx(peer_).get(), note, &n).ok());
      notes_.push_back(n.name());
    }
  }

  static v1::Finding FindingOf(v1::FindingKind kind, const std::string& title,
                               const std::vector<std::string>& principles,
                               const std::vector<std::string>& notes) {
    v1::Finding f;
    f.set_kind(kind);
    f.set_title(title);
    f.set_narrative(absl::StrCat("What the team heard about: ", title));
    for (const std::string& p : principles) f.add_principles(p);
    for (const std::string& n : notes) f.add_notes(n);
    return f;
  }

  grpc::Status Draft(const std::string& token, const v1::Finding& finding, v1::Finding* out,
                     const std::string& request_id = "") {
    v1::CreateFindingRequest request;
    request.set_parent(engagement_);
    *request.mutable_finding() = finding;
    request.set_request_id(request_id);
    return findings_->CreateFinding(Ctx(token).get(), request, out);
  }

  grpc::Status Recommend(const std::string& token, const std::string& text,
                         const std::vector<std::string>& findings, v1::Recommendation* out) {
    v1::CreateRecommendationRequest request;
    request.set_parent(engagement_);
    request.mutable_recommendation()->set_text(text);
    request.mutable_recommendation()->set_priority(v1::PRIORITY_HIGH);
    for (const std::string& f : findings) request.mutable_recommendation()->add_findings(f);
    return findings_->CreateRecommendation(Ctx(token).get(), request, out);
  }

  using FindingMethod = grpc::Status (v1::FindingService::Stub::*)(
      grpc::ClientContext*, const v1::ReviewStateRequest&, v1::Finding*);
  using RecommendationMethod = grpc::Status (v1::FindingService::Stub::*)(
      grpc::ClientContext*, const v1::ReviewStateRequest&, v1::Recommendation*);

  template <typename Message, typename Method>
  grpc::Status Change(Method method, const std::string& token, const std::string& name,
                      Message* out, const std::string& etag = "") {
    v1::ReviewStateRequest request;
    request.set_name(name);
    request.set_etag(etag);
    return (findings_.get()->*method)(Ctx(token).get(), request, out);
  }

  grpc::Status Feedback(const std::string& token, v1::InitialFeedback* out) {
    v1::GetInitialFeedbackRequest request;
    request.set_name(engagement_ + "/initialFeedback");
    return findings_->GetInitialFeedback(Ctx(token).get(), request, out);
  }

  std::vector<std::string> Labels(const std::string& token, const std::string& filter) {
    v1::ListFindingsRequest request;
    request.set_parent(engagement_);
    request.set_filter(filter);
    v1::ListFindingsResponse response;
    const grpc::Status status = findings_->ListFindings(Ctx(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> labels;
    for (const v1::Finding& f : response.findings()) labels.push_back(f.label());
    return labels;
  }

  // Runs the engagement through to FIELDWORK as the programme lead.
  void StartFieldwork() {
    auto engagements = v1::EngagementService::NewStub(server_->InProcessChannel());
    v1::UpdateEngagementRequest update;
    update.mutable_engagement()->set_name(engagement_);
    update.mutable_engagement()->mutable_scoping()->add_issues("Is the vision shared?");
    *update.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_open() =
        ToDate(Today() - 30);
    *update.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_close() =
        ToDate(Today() - 10);
    update.mutable_update_mask()->add_paths("scoping.issues");
    update.mutable_update_mask()->add_paths("key_dates.questionnaire_open");
    update.mutable_update_mask()->add_paths("key_dates.questionnaire_close");
    v1::Engagement e;
    ASSERT_TRUE(engagements->UpdateEngagement(Lead().get(), update, &e).ok());
    using Stub = v1::EngagementService::Stub;
    for (auto method : {&Stub::BeginDeskResearch, &Stub::OpenQuestionnaire, &Stub::StartFieldwork}) {
      v1::TransitionEngagementRequest request;
      request.set_name(engagement_);
      const grpc::Status status = (engagements.get()->*method)(Lead().get(), request, &e);
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
  }

  grpc::Status GiveFeedback(const std::string& remarks, v1::Engagement* out) {
    auto engagements = v1::EngagementService::NewStub(server_->InProcessChannel());
    v1::TransitionEngagementRequest request;
    request.set_name(engagement_);
    request.set_reason(remarks);
    return engagements->GiveInitialFeedback(Ctx(lead_peer_).get(), request, out);
  }

  // Moves the stored engagement to `stage`, as the report's publication
  // will (the report arrives with its own feature).
  void SetStoredStage(const std::string& stage) {
    auto db =
        storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status();
    auto update = (*db)->Prepare("UPDATE engagements SET stage = ? WHERE id = ?");
    ASSERT_TRUE(update.ok()) << update.status();
    update->Bind(1, stage).Bind(2, engagement_.substr(engagement_.rfind('/') + 1));
    ASSERT_TRUE(update->Run().ok());
  }

  std::unique_ptr<v1::FindingService::Stub> findings_;
  v1::Partnership partnership_;
  std::string engagement_;
  std::vector<v1::Peer> peers_;
  std::string lead_peer_, peer_, shadow_, contact_;
  std::vector<std::string> notes_;
};

TEST_F(FindingApiTest, PeersDraftNumberedFindingsAndARetriedCreateMakesOne) {
  v1::Finding first, retry, second;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Shared vision", {"1"},
                                     {notes_[0]}),
                    &first, "req-1")
                  .ok());
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Shared vision", {"1"},
                                     {notes_[0]}),
                    &retry, "req-1")
                  .ok());
  EXPECT_EQ(first.name(), retry.name());
  ASSERT_TRUE(Draft(lead_peer_, FindingOf(v1::FINDING_KIND_AREA_FOR_DEVELOPMENT, "Data sharing",
                                          {"4", "2"}, {notes_[1]}),
                    &second)
                  .ok());
  EXPECT_EQ(first.label(), "F1");
  EXPECT_EQ(second.label(), "F2");
  EXPECT_EQ(first.state(), v1::REVIEW_STATE_DRAFT);
  EXPECT_EQ(first.author(), peers_[1].name());
  EXPECT_THAT(second.principles(), ElementsAre("4", "2"));
  EXPECT_THAT(Labels(shadow_, ""), ElementsAre("F1", "F2"));
  EXPECT_THAT(Labels(lead_token_, "kind = AREA_FOR_DEVELOPMENT"), ElementsAre("F2"));
  EXPECT_THAT(Labels(peer_, "principle = \"2\""), ElementsAre("F2"));
}

TEST_F(FindingApiTest, BadFindingsAreRefusedAndChangeNothing) {
  v1::Finding out;
  EXPECT_THAT(Draft(peer_, FindingOf(v1::FINDING_KIND_UNSPECIFIED, "x", {"1"}, {}), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "kind"));
  EXPECT_THAT(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "x", {}, {}), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "principles"));
  EXPECT_THAT(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "x", {"9"}, {}), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "\"9\" is not a principle"));
  EXPECT_THAT(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "x", {"1", "1"}, {}), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "twice"));
  EXPECT_THAT(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "x", {"1"},
                                     {engagement_ + "/notes/nope"}),
                    &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "notes of its engagement"));
  EXPECT_THAT(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "x", {"1"},
                                     {"engagements/other/notes/n1"}),
                    &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "same engagement"));
  v1::Finding results_code = FindingOf(v1::FINDING_KIND_STRENGTH, "x", {"1"}, {});
  results_code.add_questionnaire_results("7.7");
  EXPECT_THAT(Draft(peer_, results_code, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "questionnaire_results"));
  // Shadows observe; the programme lead oversees; neither drafts.
  const v1::Finding good = FindingOf(v1::FINDING_KIND_STRENGTH, "x", {"1"}, {});
  EXPECT_THAT(Draft(shadow_, good, &out), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Draft(lead_token_, good, &out), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Draft(contact_, good, &out), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(Labels(peer_, "").empty());
  // The next good one is still F1: nothing above took a number.
  ASSERT_TRUE(Draft(peer_, good, &out).ok());
  EXPECT_EQ(out.label(), "F1");
}

TEST_F(FindingApiTest, OnlyTheLeadPeerAgreesAndOnlyWithEvidence) {
  v1::Finding bare, results_only, evidenced;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Bare", {"1"}, {}), &bare).ok());
  v1::Finding f = FindingOf(v1::FINDING_KIND_STRENGTH, "From the questionnaire", {"2"}, {});
  f.add_questionnaire_results("2");
  ASSERT_TRUE(Draft(peer_, f, &results_only).ok());
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Vision", {"1"}, {notes_[0]}),
                    &evidenced)
                  .ok());

  v1::Finding out;
  EXPECT_THAT(Change(&v1::FindingService::Stub::AgreeFinding, peer_, evidenced.name(), &out),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "only the engagement's lead peer"));
  EXPECT_THAT(Change(&v1::FindingService::Stub::AgreeFinding, lead_token_, evidenced.name(),
                     &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, bare.name(), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "F1 has no evidence"));
  // The questionnaire is still open: its results are not evidence yet.
  EXPECT_THAT(
      Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, results_only.name(), &out),
      GrpcIsWith(StatusCode::FAILED_PRECONDITION, "none are released"));
  EXPECT_THAT(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, evidenced.name(), &out,
                     "W/\"7\""),
              GrpcIs(StatusCode::ABORTED));
  ASSERT_TRUE(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, evidenced.name(), &out,
                     evidenced.etag())
                  .ok());
  EXPECT_EQ(out.state(), v1::REVIEW_STATE_AGREED);
  EXPECT_EQ(out.agreed_by(), peers_[0].name());
  EXPECT_TRUE(out.has_agree_time());
  EXPECT_THAT(Labels(peer_, "state = AGREED"), ElementsAre("F3"));
  EXPECT_THAT(AuditDetails("AgreeFinding"), ElementsAre("state: DRAFT -> AGREED"));

  // An agreed finding is not edited until the lead peer reopens it.
  v1::UpdateFindingRequest edit;
  edit.mutable_finding()->set_name(out.name());
  edit.mutable_finding()->set_title("Vision, reworded");
  edit.mutable_update_mask()->add_paths("title");
  v1::Finding edited;
  EXPECT_THAT(findings_->UpdateFinding(Ctx(peer_).get(), edit, &edited),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "reopens it"));
  EXPECT_THAT(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, out.name(), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "only a draft can be agreed"));
  ASSERT_TRUE(Change(&v1::FindingService::Stub::ReopenFinding, lead_peer_, out.name(), &out).ok());
  EXPECT_EQ(out.state(), v1::REVIEW_STATE_DRAFT);
  EXPECT_TRUE(out.agreed_by().empty());
  ASSERT_TRUE(findings_->UpdateFinding(Ctx(peer_).get(), edit, &edited).ok());
  EXPECT_EQ(edited.title(), "Vision, reworded");
  EXPECT_EQ(edited.label(), "F3");
}

TEST_F(FindingApiTest, ConflictingEditsAreAbortedNotOverwritten) {
  v1::Finding f;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Vision", {"1"}, {}), &f).ok());
  v1::UpdateFindingRequest mine;
  mine.mutable_finding()->set_name(f.name());
  mine.mutable_finding()->set_etag(f.etag());
  mine.mutable_finding()->set_narrative("Lena's wording");
  mine.mutable_update_mask()->add_paths("narrative");
  v1::UpdateFindingRequest theirs = mine;
  theirs.mutable_finding()->set_narrative("Pete's wording");
  v1::Finding out;
  ASSERT_TRUE(findings_->UpdateFinding(Ctx(lead_peer_).get(), mine, &out).ok());
  EXPECT_THAT(findings_->UpdateFinding(Ctx(peer_).get(), theirs, &out),
              GrpcIs(StatusCode::ABORTED));
  v1::GetFindingRequest get;
  get.set_name(f.name());
  ASSERT_TRUE(findings_->GetFinding(Ctx(peer_).get(), get, &out).ok());
  EXPECT_EQ(out.narrative(), "Lena's wording");
}

TEST_F(FindingApiTest, RecommendationsAnswerFindingsAndAreAgreedAfterThem) {
  v1::Finding f1, f2;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_AREA_FOR_DEVELOPMENT, "Data", {"4"},
                                     {notes_[1]}),
                    &f1)
                  .ok());
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Vision", {"1"}, {notes_[0]}),
                    &f2)
                  .ok());
  v1::Recommendation r;
  EXPECT_THAT(Recommend(peer_, "Agree a data-sharing protocol", {}, &r),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "findings needs at least 1"));
  EXPECT_THAT(Recommend(peer_, "x", {engagement_ + "/findings/nope"}, &r),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "findings of its engagement"));
  ASSERT_TRUE(Recommend(peer_, "Agree a data-sharing protocol", {f1.name()}, &r).ok());
  EXPECT_EQ(r.label(), "R1");
  EXPECT_EQ(r.priority(), v1::PRIORITY_HIGH);

  v1::Recommendation agreed;
  EXPECT_THAT(
      Change(&v1::FindingService::Stub::AgreeRecommendation, lead_peer_, r.name(), &agreed),
      GrpcIsWith(StatusCode::FAILED_PRECONDITION, "R1 answers F1, which is not agreed; agree the finding first"));
  v1::Finding out;
  ASSERT_TRUE(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, f1.name(), &out).ok());
  ASSERT_TRUE(
      Change(&v1::FindingService::Stub::AgreeRecommendation, lead_peer_, r.name(), &agreed).ok());
  EXPECT_EQ(agreed.state(), v1::REVIEW_STATE_AGREED);

  // A finding a recommendation answers is not withdrawn from under it.
  ASSERT_TRUE(Change(&v1::FindingService::Stub::ReopenFinding, lead_peer_, f1.name(), &out).ok());
  EXPECT_THAT(Change(&v1::FindingService::Stub::WithdrawFinding, peer_, f1.name(), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "F1 is answered by R1"));
  // Withdrawn is final, keeps its number, and cannot be answered.
  ASSERT_TRUE(Change(&v1::FindingService::Stub::WithdrawFinding, peer_, f2.name(), &out).ok());
  EXPECT_EQ(out.state(), v1::REVIEW_STATE_WITHDRAWN);
  EXPECT_THAT(Change(&v1::FindingService::Stub::ReopenFinding, lead_peer_, f2.name(), &out),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(Recommend(peer_, "x", {f2.name()}, &r),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "F2 was withdrawn"));
  v1::Finding f3;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Later", {"1"}, {}), &f3).ok());
  EXPECT_EQ(f3.label(), "F3");

  v1::ListRecommendationsRequest list;
  list.set_parent(engagement_);
  list.set_filter(absl::StrCat("finding = \"", f1.name(), "\""));
  v1::ListRecommendationsResponse found;
  ASSERT_TRUE(findings_->ListRecommendations(Ctx(shadow_).get(), list, &found).ok());
  ASSERT_EQ(found.recommendations_size(), 1);
  EXPECT_EQ(found.recommendations(0).label(), "R1");
  list.set_filter("colour = red");
  EXPECT_THAT(findings_->ListRecommendations(Ctx(shadow_).get(), list, &found),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(FindingApiTest, ThePartnershipSeesAgreedFindingsOnlyOnceTheReportIsPublished) {
  v1::Finding agreed, draft, out;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Vision", {"1"}, {notes_[0]}),
                    &agreed)
                  .ok());
  ASSERT_TRUE(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, agreed.name(), &agreed)
                  .ok());
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "Draft", {"1"}, {}), &draft).ok());
  v1::ListFindingsRequest list;
  list.set_parent(engagement_);
  v1::ListFindingsResponse response;
  EXPECT_THAT(findings_->ListFindings(Ctx(contact_).get(), list, &response),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "once the report is published"));

  ASSERT_NO_FATAL_FAILURE(SetStoredStage("IMPROVEMENT_PLAN"));
  ASSERT_TRUE(findings_->ListFindings(Ctx(contact_).get(), list, &response).ok());
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).label(), "F1");
  EXPECT_EQ(response.findings(0).notes_size(), 0);  // notes are the team's alone
  EXPECT_THAT(Labels(contact_, "state = DRAFT"), ::testing::IsEmpty());
  v1::GetFindingRequest get;
  get.set_name(draft.name());
  EXPECT_THAT(findings_->GetFinding(Ctx(contact_).get(), get, &out),
              GrpcIs(StatusCode::NOT_FOUND));
  // The team still sees its notes.
  get.set_name(agreed.name());
  ASSERT_TRUE(findings_->GetFinding(Ctx(peer_).get(), get, &out).ok());
  EXPECT_EQ(out.notes_size(), 1);
}

TEST_F(FindingApiTest, TheDraftFeedbackIsTheTeamsUntilItIsGivenThenKeptAsGiven) {
  v1::Finding strength, area, out;
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_STRENGTH, "A <shared> vision", {"1", "3"},
                                     {notes_[0]}),
                    &strength)
                  .ok());
  ASSERT_TRUE(Draft(peer_, FindingOf(v1::FINDING_KIND_AREA_FOR_DEVELOPMENT, "Data sharing",
                                     {"1"}, {notes_[1]}),
                    &area)
                  .ok());
  v1::InitialFeedback feedback;
  ASSERT_TRUE(Feedback(shadow_, &feedback).ok());
  EXPECT_FALSE(feedback.given());
  EXPECT_EQ(feedback.principles_size(), 0);  // nothing agreed yet
  EXPECT_THAT(feedback.text(), HasSubstr("No findings have been agreed yet"));
  EXPECT_THAT(Feedback(lead_token_, &feedback),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "not been given yet"));
  EXPECT_THAT(Feedback(contact_, &feedback), GrpcIs(StatusCode::FAILED_PRECONDITION));

  for (const v1::Finding* f : {&strength, &area}) {
    ASSERT_TRUE(Change(&v1::FindingService::Stub::AgreeFinding, lead_peer_, f->name(), &out).ok());
  }
  ASSERT_TRUE(Feedback(peer_, &feedback).ok());
  ASSERT_EQ(feedback.principles_size(), 1);
  EXPECT_EQ(feedback.principles(0).section_code(), "1");
  ASSERT_EQ(feedback.principles(0).strengths_size(), 1);
  EXPECT_EQ(feedback.principles(0).strengths(0).label(), "F1");
  EXPECT_THAT(feedback.principles(0).strengths(0).also(), ElementsAre("3"));
  ASSERT_EQ(feedback.principles(0).areas_for_development_size(), 1);
  EXPECT_THAT(feedback.headline(0), HasSubstr("still open"));
  EXPECT_THAT(feedback.html(), HasSubstr("A &lt;shared&gt; vision"));
  EXPECT_THAT(feedback.html(), Not(HasSubstr("<shared>")));
  EXPECT_THAT(feedback.html(), HasSubstr("Draft: not yet given"));

  ASSERT_NO_FATAL_FAILURE(StartFieldwork());
  v1::Engagement engagement;
  ASSERT_TRUE(GiveFeedback("Thank you for hosting us.", &engagement).ok());
  EXPECT_EQ(engagement.stage(), v1::INITIAL_FEEDBACK);
  v1::InitialFeedback given;
  ASSERT_TRUE(Feedback(contact_, &given).ok());
  EXPECT_TRUE(given.given());
  EXPECT_EQ(given.given_on().day(), static_cast<int>(Today().day()));
  EXPECT_EQ(given.given_by(), "Lena Lead");
  EXPECT_EQ(given.remarks(), "Thank you for hosting us.");
  EXPECT_THAT(given.text(), HasSubstr("Strengths\n  - F1 A <shared> vision"));
  EXPECT_THAT(given.html(), HasSubstr("given on"));
  EXPECT_EQ(engagement.initial_feedback_summary(),
            "1 strength and 1 area for development across 1 principle");

  // What was said stays what was said, whatever happens to the findings.
  ASSERT_TRUE(Change(&v1::FindingService::Stub::ReopenFinding, lead_peer_, area.name(), &out).ok());
  ASSERT_TRUE(Change(&v1::FindingService::Stub::WithdrawFinding, peer_, area.name(), &out).ok());
  v1::InitialFeedback later;
  ASSERT_TRUE(Feedback(lead_token_, &later).ok());
  EXPECT_EQ(later.text(), given.text());
  EXPECT_EQ(later.principles(0).areas_for_development_size(), 1);
}

}  // namespace
}  // namespace hc::testing
