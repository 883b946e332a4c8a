// ReportService: versions of the written report generated from a seeded
// engagement, the document they are composed from, who may do what in each
// state, publication (the engagement's own transition), bytes that never
// change once published, corrections, and downloads over gRPC and HTTP.

#include <httplib.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/crypto/secrets.h"
#include "core/domain/report_wording.h"
#include "core/storage/sqlite/database.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/finding.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "healthcheck/v1/report.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

std::string Id(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// Every current invitation: board 3 (Riverside Council), management 3
// (Riverside NHS Trust), front line 2 (Riverside Police), of whom all but
// the last answer 3 everywhere: 7 respondents, the front line's 1 withheld.
constexpr char kCsv[] =
    "organisation,level,count\n"
    "Riverside Council,board,3\nRiverside NHS Trust,management,3\n"
    "Riverside Police,front_line,2\n";

class ReportApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    auto channel = server_->InProcessChannel();
    reports_ = v1::ReportService::NewStub(channel);
    questionnaires_ = v1::QuestionnaireService::NewStub(channel);
    fieldwork_ = v1::FieldworkService::NewStub(channel);
    evidence_ = v1::EvidenceService::NewStub(channel);
    findings_ = v1::FindingService::NewStub(channel);
    partnership_ = MakePartnership("Riverside CSP",
                                   {{"Riverside Police", v1::SECTOR_POLICE},
                                    {"Riverside Council", v1::SECTOR_LOCAL_GOVERNMENT},
                                    {"Riverside NHS Trust", v1::SECTOR_HEALTH}});
    const v1::Partnership other =
        MakePartnership("Otherton LSP", {{"Otherton Council", v1::SECTOR_LOCAL_GOVERNMENT}});
    for (const char* name : {"Lena Lead", "Pete Peer", "Sam Shadow"}) {
      peers_.push_back(
          MakePeer(name, "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400));
    }
    lead_peer_ = TokenFor(v1::ROLE_PEER, peers_[0].name());
    peer_ = TokenFor(v1::ROLE_PEER, peers_[1].name());
    shadow_ = TokenFor(v1::ROLE_PEER, peers_[2].name());
    contact_ = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
    other_contact_ = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", other.name());
    web_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
  }

  // An assessment-tool questionnaire with k = 3, opening in an hour (Invite
  // opens it).
  void SetUpQuestionnaire(const std::string& engagement) {
    v1::CreateQuestionnaireRequest create;
    create.set_parent(engagement);
    create.mutable_questionnaire()->set_framework(
        "frameworks/partnership-assessment-tool/versions/1");
    *create.mutable_questionnaire()->mutable_open_time() = At(absl::Now() + absl::Hours(1));
    *create.mutable_questionnaire()->mutable_close_time() = At(absl::Now() + absl::Hours(24));
    create.mutable_questionnaire()->set_min_group_size(3);
    create.mutable_questionnaire()->set_collect_comments(true);
    v1::Questionnaire q;
    const grpc::Status status = questionnaires_->CreateQuestionnaire(Lead().get(), create, &q);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::vector<std::string> Invite(const std::string& engagement, const std::string& csv) {
    v1::CreateInvitationsRequest invite;
    invite.set_parent(engagement + "/questionnaire");
    invite.set_csv(csv);
    v1::CreateInvitationsResponse out;
    const grpc::Status status = questionnaires_->CreateInvitations(Lead().get(), invite, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    OpenQuestionnaireNow(engagement);
    std::vector<std::string> tokens;
    for (const auto& i : out.invitations()) tokens.push_back(Id(i.link()));
    return tokens;
  }

  // Answers `value` on every statement over the web form, with `comment`
  // if given, and submits.
  void Respond(const std::string& token, int value, const std::string& comment = "") {
    for (int principle = 1; principle <= 6; ++principle) {
      httplib::Params form;
      for (int s = 1; s <= 6; ++s) {
        form.emplace(absl::StrCat("a.", principle, ".", s), std::to_string(value));
      }
      auto res = web_->Post(absl::StrCat("/q/", token, "/p/", principle), form);
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 303) << res->body;
    }
    httplib::Params last{{"a.overall.1", std::to_string(value)}};
    if (!comment.empty()) last.emplace("comment", comment);
    for (int principle = 1; principle <= 6; ++principle) {
      last.emplace(absl::StrCat("s.", principle), "3");
    }
    auto page = web_->Post(absl::StrCat("/q/", token, "/p/7"), last);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 303) << page->body;
    auto submit = web_->Post(absl::StrCat("/q/", token, "/submit"), httplib::Params{});
    ASSERT_TRUE(submit);
    ASSERT_EQ(submit->status, 303) << submit->body;
  }

  // The team marks the respondents' comment with `text` quotable.
  void MarkQuotable(const std::string& text) {
    v1::ListCommentsRequest list;
    list.set_parent(engagement_ + "/questionnaire");
    v1::ListCommentsResponse comments;
    ASSERT_TRUE(questionnaires_->ListComments(Ctx(peer_).get(), list, &comments).ok());
    ASSERT_EQ(comments.comments_size(), 2);
    for (const v1::Comment& c : comments.comments()) {
      if (c.text() != text) continue;
      v1::SetCommentQuotableRequest mark;
      mark.set_name(c.name());
      mark.set_quotable(true);
      v1::Comment marked;
      ASSERT_TRUE(questionnaires_->SetCommentQuotable(Ctx(peer_).get(), mark, &marked).ok());
    }
  }

  void CloseQuestionnaire(const std::string& engagement) {
    v1::CloseQuestionnaireRequest close;
    close.set_name(engagement + "/questionnaire");
    v1::Questionnaire q;
    const grpc::Status status = questionnaires_->CloseQuestionnaire(Lead().get(), close, &q);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  // The first health check: three at management answer 2 everywhere.
  std::string SeedPreviousHealthCheck() {
    const v1::Engagement e = MakeEngagement(partnership_.name());
    EXPECT_NO_FATAL_FAILURE(SetUpQuestionnaire(e.name()));
    for (const std::string& token :
         Invite(e.name(), "organisation,level,count\nRiverside Police,management,3\n")) {
      EXPECT_NO_FATAL_FAILURE(Respond(token, 2));
    }
    EXPECT_NO_FATAL_FAILURE(CloseQuestionnaire(e.name()));
    return e.name();
  }

  void CreateEngagement(const std::string& previous) {
    v1::CreateEngagementRequest request;
    v1::Engagement* e = request.mutable_engagement();
    e->set_partnership(partnership_.name());
    e->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
    e->set_previous_engagement(previous);
    e->mutable_scoping()->add_issues("Is the vision shared?");
    e->mutable_scoping()->add_desired_outcomes("A plan every partner owns");
    e->mutable_scoping()->set_arrangements("Three days at the civic centre");
    v1::KeyDates* dates = e->mutable_key_dates();
    *dates->mutable_questionnaire_open() = ToDate(Today() - 30);
    *dates->mutable_questionnaire_close() = ToDate(Today() - 10);
    *dates->mutable_fieldwork_day1() = ToDate(Today() - 3);
    *dates->mutable_fieldwork_day2() = ToDate(Today() - 2);
    *dates->mutable_fieldwork_day3() = ToDate(Today() - 1);
    v1::Engagement created;
    const grpc::Status status = engagements_->CreateEngagement(Lead().get(), request, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
    engagement_ = created.name();
    AddMember(engagement_, peers_[0].name(), v1::TEAM_ROLE_LEAD_PEER);
    AddMember(engagement_, peers_[1].name(), v1::TEAM_ROLE_PEER);
    AddMember(engagement_, peers_[2].name(), v1::TEAM_ROLE_SHADOW);
  }

  // A dated document with a note, one held and one cancelled activity.
  void SeedFieldwork() {
    v1::CreateDocumentRequest doc;
    doc.set_parent(engagement_);
    doc.mutable_document()->set_title("Community safety strategy");
    doc.mutable_document()->set_source("Riverside Council");
    *doc.mutable_document()->mutable_date() = ToDate(absl::CivilDay(2025, 3, 3));
    v1::Document d;
    ASSERT_TRUE(fieldwork_->CreateDocument(Ctx(peer_).get(), doc, &d).ok());
    v1::CreateNoteRequest note;
    note.set_parent(engagement_);
    note.mutable_note()->set_text("The strategy names every partner");
    note.mutable_note()->set_document(d.name());
    note.mutable_note()->set_polarity(v1::POLARITY_POSITIVE);
    v1::Note n;
    ASSERT_TRUE(evidence_->CreateNote(Ctx(peer_).get(), note, &n).ok());
    note_ = n.name();
    for (const char* title : {"Board members", "Youth workers"}) {
      v1::CreateActivityRequest activity;
      activity.set_parent(engagement_);
      v1::Activity* a = activity.mutable_activity();
      a->set_kind(std::string(title) == "Board members" ? v1::ACTIVITY_KIND_INTERVIEW
                                                       : v1::ACTIVITY_KIND_FOCUS_GROUP);
      a->set_title(title);
      a->set_day(1);
      a->mutable_start_time()->set_hours(9);
      a->mutable_start_time()->set_minutes(30);
      a->mutable_end_time()->set_hours(10);
      v1::Participant* p = a->add_participants();
      p->set_role("Board member");
      p->set_organisation("Riverside NHS Trust");
      p->set_sector(v1::SECTOR_HEALTH);
      p->set_count(3);
      v1::Activity created;
      grpc::Status status = fieldwork_->CreateActivity(Ctx(peer_).get(), activity, &created);
      ASSERT_TRUE(status.ok()) << status.error_message();
      activities_.push_back(created.name());
    }
  }

  // Once fieldwork has started: the first activity held, the second cancelled.
  void LogActivities() {
    v1::ActivityStateRequest change;
    v1::Activity a;
    change.set_name(activities_[0]);
    grpc::Status status = fieldwork_->MarkActivityHeld(Ctx(peer_).get(), change, &a);
    ASSERT_TRUE(status.ok()) << status.error_message();
    change.set_name(activities_[1]);
    status = fieldwork_->CancelActivity(Ctx(peer_).get(), change, &a);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  void Transition(grpc::Status (v1::EngagementService::Stub::*method)(
      grpc::ClientContext*, const v1::TransitionEngagementRequest&, v1::Engagement*)) {
    v1::TransitionEngagementRequest request;
    request.set_name(engagement_);
    v1::Engagement out;
    const grpc::Status status = (engagements_.get()->*method)(Lead().get(), request, &out);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  v1::Finding Agree(v1::FindingKind kind, const std::string& title,
                    const std::vector<std::string>& principles) {
    v1::CreateFindingRequest request;
    request.set_parent(engagement_);
    v1::Finding* f = request.mutable_finding();
    f->set_kind(kind);
    f->set_title(title);
    f->set_narrative(absl::StrCat("The team heard: ", title));
    for (const std::string& p : principles) f->add_principles(p);
    f->add_notes(note_);
    v1::Finding created;
    EXPECT_TRUE(findings_->CreateFinding(Ctx(peer_).get(), request, &created).ok());
    v1::ReviewStateRequest agree;
    agree.set_name(created.name());
    const grpc::Status status = findings_->AgreeFinding(Ctx(lead_peer_).get(), agree, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  v1::Recommendation Recommend(const std::string& text, const std::vector<std::string>& answers,
                               bool agree) {
    v1::CreateRecommendationRequest request;
    request.set_parent(engagement_);
    request.mutable_recommendation()->set_text(text);
    request.mutable_recommendation()->set_priority(v1::PRIORITY_HIGH);
    for (const std::string& f : answers) request.mutable_recommendation()->add_findings(f);
    v1::Recommendation r;
    EXPECT_TRUE(findings_->CreateRecommendation(Ctx(peer_).get(), request, &r).ok());
    if (agree) {
      v1::ReviewStateRequest state;
      state.set_name(r.name());
      EXPECT_TRUE(findings_->AgreeRecommendation(Ctx(lead_peer_).get(), state, &r).ok());
    }
    return r;
  }

  // The engagement, its questionnaire answered and closed, its fieldwork,
  // three agreed findings and one agreed recommendation, run to REPORT.
  void SeedToReport(const std::string& previous = "") {
    ASSERT_NO_FATAL_FAILURE(CreateEngagement(previous));
    ASSERT_NO_FATAL_FAILURE(SetUpQuestionnaire(engagement_));
    const std::vector<std::string> tokens = Invite(engagement_, kCsv);
    ASSERT_EQ(tokens.size(), 8u);
    ASSERT_NO_FATAL_FAILURE(Respond(tokens[0], 3, "The board listens to the front line"));
    ASSERT_NO_FATAL_FAILURE(Respond(tokens[1], 3, "Ask the chair about the budget"));
    for (size_t i = 2; i + 1 < tokens.size(); ++i) ASSERT_NO_FATAL_FAILURE(Respond(tokens[i], 3));
    ASSERT_NO_FATAL_FAILURE(CloseQuestionnaire(engagement_));
    ASSERT_NO_FATAL_FAILURE(MarkQuotable("The board listens to the front line"));
    ASSERT_NO_FATAL_FAILURE(SeedFieldwork());
    using Engagements = v1::EngagementService::Stub;
    for (auto method : {&Engagements::BeginDeskResearch, &Engagements::OpenQuestionnaire,
                        &Engagements::StartFieldwork}) {
      ASSERT_NO_FATAL_FAILURE(Transition(method));
    }
    ASSERT_NO_FATAL_FAILURE(LogActivities());
    findings_made_.push_back(Agree(v1::FINDING_KIND_STRENGTH, "A shared purpose", {"2"}));
    findings_made_.push_back(
        Agree(v1::FINDING_KIND_AREA_FOR_DEVELOPMENT, "Partners doubt the need", {"1", "4"}));
    findings_made_.push_back(Agree(v1::FINDING_KIND_STRENGTH, "Early wins", {"1"}));
    Recommend("Agree a shared case for partnership",
              {findings_made_[2].name(), findings_made_[1].name()}, true);
    Recommend("Still a draft", {findings_made_[0].name()}, false);
    using Engagements = v1::EngagementService::Stub;
    ASSERT_NO_FATAL_FAILURE(Transition(&Engagements::GiveInitialFeedback));
    ASSERT_NO_FATAL_FAILURE(Transition(&Engagements::BeginReport));
  }

  grpc::Status Create(const std::string& token, v1::Report* out, const std::string& id = "") {
    v1::CreateReportRequest request;
    request.set_parent(engagement_);
    request.set_request_id(id);
    return reports_->CreateReport(Ctx(token).get(), request, out);
  }

  using Method = grpc::Status (v1::ReportService::Stub::*)(grpc::ClientContext*,
                                                          const v1::ReportStateRequest&,
                                                          v1::Report*);
  grpc::Status Change(Method method, const std::string& token, const std::string& name,
                      v1::Report* out, const std::string& etag = "") {
    v1::ReportStateRequest request;
    request.set_name(name);
    request.set_etag(etag);
    return (reports_.get()->*method)(Ctx(token).get(), request, out);
  }

  // Generates a version and takes it to FACTUAL_CHECK.
  v1::Report ToFactualCheck() {
    v1::Report r;
    EXPECT_TRUE(Create(peer_, &r).ok());
    EXPECT_TRUE(Change(&v1::ReportService::Stub::SubmitReportForReview, peer_, r.name(), &r).ok());
    EXPECT_TRUE(
        Change(&v1::ReportService::Stub::SendReportForFactualCheck, lead_peer_, r.name(), &r).ok());
    return r;
  }

  grpc::Status Get(const std::string& token, const std::string& name, v1::Report* out) {
    v1::GetReportRequest request;
    request.set_name(name);
    return reports_->GetReport(Ctx(token).get(), request, out);
  }

  grpc::Status Comment(const std::string& token, const std::string& report,
                       const std::string& text, v1::ReportComment* out,
                       const std::string& request_id = "") {
    v1::CreateReportCommentRequest request;
    request.set_parent(report);
    request.mutable_comment()->set_text(text);
    request.mutable_comment()->set_section("4 Findings");
    request.set_request_id(request_id);
    return reports_->CreateReportComment(Ctx(token).get(), request, out);
  }

  // Downloads over the stream: the header, then the reassembled bytes.
  grpc::Status Download(const std::string& token, const std::string& name, v1::ReportFormat format,
                        v1::ReportFileHeader* header, std::string* bytes,
                        std::vector<size_t>* chunks) {
    v1::DownloadReportRequest request;
    request.set_name(name);
    request.set_format(format);
    auto context = Ctx(token);
    auto reader = reports_->DownloadReport(context.get(), request);
    v1::DownloadReportResponse part;
    bool first = true;
    while (reader->Read(&part)) {
      if (first) {
        EXPECT_TRUE(part.has_header());
        *header = part.header();
        first = false;
        continue;
      }
      EXPECT_EQ(part.part_case(), v1::DownloadReportResponse::kChunk);
      chunks->push_back(part.chunk().size());
      bytes->append(part.chunk());
    }
    return reader->Finish();
  }

  std::unique_ptr<storage::Database> OpenStore() {
    auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadWrite);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? *std::move(db) : nullptr;
  }

  std::unique_ptr<v1::ReportService::Stub> reports_;
  std::unique_ptr<v1::QuestionnaireService::Stub> questionnaires_;
  std::unique_ptr<v1::FieldworkService::Stub> fieldwork_;
  std::unique_ptr<v1::EvidenceService::Stub> evidence_;
  std::unique_ptr<v1::FindingService::Stub> findings_;
  std::unique_ptr<httplib::Client> web_;
  v1::Partnership partnership_;
  std::vector<v1::Peer> peers_;
  std::string lead_peer_, peer_, shadow_, contact_, other_contact_;
  std::string engagement_;
  std::string note_;
  std::vector<v1::Finding> findings_made_;
  std::vector<std::string> activities_;
};

using Stub = v1::ReportService::Stub;

TEST_F(ReportApiTest, ComposesTheReportFromTheEngagementAsTheRulesAllow) {
  const std::string previous = SeedPreviousHealthCheck();
  ASSERT_NO_FATAL_FAILURE(SeedToReport(previous));
  v1::Report report;
  ASSERT_TRUE(Create(peer_, &report).ok());
  const report::ReportDocument d = renderer_->Last();

  EXPECT_EQ(d.title, "Partnership health check: Riverside CSP");
  EXPECT_EQ(d.subtitle, "Written report, version 1");
  EXPECT_TRUE(d.draft);
  EXPECT_EQ(d.date, domain::LongDate(Today()));
  // 1 Scope: members by name, the team lead peer first.
  EXPECT_EQ(d.scope.partnership_name, "Riverside CSP");
  ASSERT_EQ(d.scope.members.size(), 3u);
  EXPECT_EQ(d.scope.members[0].name, "Riverside Council");
  EXPECT_EQ(d.scope.members[0].sector, "Local government");
  EXPECT_EQ(d.scope.members[2].name, "Riverside Police");
  EXPECT_EQ(d.scope.purpose, "Developmental");
  EXPECT_THAT(d.scope.issues, ElementsAre("Is the vision shared?"));
  EXPECT_THAT(d.scope.desired_outcomes, ElementsAre("A plan every partner owns"));
  EXPECT_EQ(d.scope.arrangements, "Three days at the civic centre");
  ASSERT_GE(d.scope.key_dates.size(), 5u);
  EXPECT_EQ(d.scope.key_dates[0].label, "Questionnaire opens");
  EXPECT_EQ(d.scope.key_dates[0].value, domain::LongDate(Today() - 30));
  EXPECT_EQ(d.scope.key_dates[2].label, "Fieldwork day 1");
  ASSERT_EQ(d.scope.team.size(), 3u);
  EXPECT_EQ(d.scope.team[0].name, "Lena Lead");
  EXPECT_EQ(d.scope.team[0].role, "Lead peer");
  EXPECT_EQ(d.scope.team[1].role, "Peer");
  EXPECT_EQ(d.scope.team[2].role, "Shadow");
  // 2 Method: the document, the held activity only, the rates as given.
  ASSERT_EQ(d.method.documents_read.size(), 1u);
  EXPECT_EQ(d.method.documents_read[0].date, "3 March 2025");
  ASSERT_EQ(d.method.activities_held.size(), 1u);
  EXPECT_EQ(d.method.activities_held[0].title, "Board members");
  EXPECT_EQ(d.method.activities_held[0].kind, "Interview");
  EXPECT_EQ(d.method.activities_held[0].time, "09:30");
  EXPECT_EQ(d.method.activities_held[0].participants, "3 participants: Health");
  EXPECT_EQ(d.method.min_group_size, 3);
  EXPECT_TRUE(d.method.overall_rate.released);
  EXPECT_EQ(d.method.overall_rate.invited, 8);
  EXPECT_EQ(d.method.overall_rate.responded, 7);
  v1::GetResponseRatesRequest rates_request;
  rates_request.set_name(engagement_ + "/questionnaire");
  v1::ResponseRates rates;
  ASSERT_TRUE(questionnaires_->GetResponseRates(Ctx(lead_peer_).get(), rates_request, &rates).ok());
  ASSERT_EQ(d.method.rates_by_level.size(), static_cast<size_t>(rates.by_level_size()));
  bool front_line_withheld = false;
  for (size_t i = 0; i < d.method.rates_by_level.size(); ++i) {
    const report::RateLine& line = d.method.rates_by_level[i];
    const v1::GroupRate& given = rates.by_level(static_cast<int>(i));
    EXPECT_EQ(line.released, given.released()) << line.group;
    EXPECT_EQ(line.invited, given.invitations()) << line.group;
    EXPECT_EQ(line.responded, given.responses()) << line.group;
    if (!line.released) {
      EXPECT_EQ(line.invited + line.responded, 0) << line.group;
      // The API's reason, written as the report's sentence.
      EXPECT_EQ(line.withheld_reason,
                "Withheld: no group of fewer than 3 respondents may be shown or worked out.");
      EXPECT_EQ(given.withheld_reason(),
                "withheld: no group of fewer than 3 respondents may be shown or worked out");
    }
    if (line.group == "Front-line staff") front_line_withheld = !line.released;
  }
  EXPECT_TRUE(front_line_withheld);
  ASSERT_EQ(d.method.rates_by_sector.size(), static_cast<size_t>(rates.by_sector_size()));
  // 3 Results: released, with statement texts and no withheld level.
  EXPECT_TRUE(d.results.released);
  EXPECT_EQ(d.results.respondents, 7);
  EXPECT_EQ(d.results.section_term, "principle");
  ASSERT_EQ(d.results.sections.size(), 6u);
  EXPECT_EQ(d.results.sections[0].median, 18);
  EXPECT_EQ(d.results.sections[0].band_label, "present");
  ASSERT_EQ(d.results.statements.size(), 37u);
  EXPECT_EQ(d.results.statements[0].code, "1.1");
  EXPECT_FALSE(d.results.statements[0].text.empty());
  ASSERT_EQ(d.results.statements[0].counts.size(), 4u);
  EXPECT_EQ(d.results.statements[0].counts[1].label, "Agree");
  EXPECT_EQ(d.results.statements[0].counts[1].count, 7);
  for (const report::LevelMeanLine& level : d.results.levels) {
    EXPECT_NE(level.level, "Front-line staff");
    EXPECT_GE(level.n, 3);
  }
  // The change since the previous health check, per section and statement.
  ASSERT_TRUE(d.results.previous.has_value()) << d.results.previous_note;
  const report::PreviousHealthCheck& change = *d.results.previous;
  EXPECT_EQ(change.previous_respondents, 3);
  ASSERT_EQ(change.sections.size(), 6u);
  EXPECT_EQ(change.sections[0].code, "1");
  EXPECT_EQ(change.sections[0].previous, 12);
  EXPECT_EQ(change.sections[0].current, 18);
  EXPECT_EQ(change.sections[0].change, 6);
  EXPECT_EQ(change.sections[0].previous_band, "limited");
  EXPECT_EQ(change.sections[0].current_band, "present");
  ASSERT_TRUE(change.aggregate.has_value());
  EXPECT_EQ(change.aggregate->change, 36);
  ASSERT_EQ(change.statements.size(), 37u);
  EXPECT_EQ(change.statements[0].code, "1.1");
  EXPECT_EQ(change.statements[0].title, d.results.statements[0].text);
  EXPECT_EQ(change.statements[0].previous, 2);
  EXPECT_EQ(change.statements[0].current, 3);
  EXPECT_EQ(change.statements[0].change, 1);
  // Only the comment the team marked quotable.
  EXPECT_THAT(d.results.quotable_comments, ElementsAre("The board listens to the front line"));
  // 4 Findings by first principle in benchmark order, strengths first.
  ASSERT_EQ(d.findings.size(), 2u);
  EXPECT_EQ(d.findings[0].heading, "Principle 1: Recognise and accept the need for partnership");
  ASSERT_EQ(d.findings[0].strengths.size(), 1u);
  EXPECT_EQ(d.findings[0].strengths[0].label, "F3");
  ASSERT_EQ(d.findings[0].areas_for_development.size(), 1u);
  EXPECT_EQ(d.findings[0].areas_for_development[0].label, "F2");
  EXPECT_EQ(d.findings[0].areas_for_development[0].also_relates_to,
            "Also relates to principle 4");
  EXPECT_EQ(d.findings[1].heading, "Principle 2: Develop clarity and realism of purpose");
  EXPECT_EQ(d.findings[1].strengths[0].label, "F1");
  // 5 Recommendations: agreed only, with the findings they answer.
  ASSERT_EQ(d.recommendations.size(), 1u);
  EXPECT_EQ(d.recommendations[0].label, "R1");
  EXPECT_EQ(d.recommendations[0].priority, "High");
  EXPECT_EQ(d.recommendations[0].answers, "Answers F2, F3");
  EXPECT_EQ(d.benchmark.framework_id, "partnership-assessment-tool");
}

TEST_F(ReportApiTest, AVersionNeedsTheReportStageAndAnAgreedFinding) {
  ASSERT_NO_FATAL_FAILURE(CreateEngagement(""));
  ASSERT_NO_FATAL_FAILURE(SetUpQuestionnaire(engagement_));
  v1::Report r;
  EXPECT_THAT(Create(peer_, &r),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION,
                         "is SCOPING; a report version is generated in REPORT"));
  // In REPORT without an agreed finding (stored directly: the lifecycle
  // itself would not get there without one).
  auto db = OpenStore();
  ASSERT_NE(db, nullptr);
  auto update = db->Prepare("UPDATE engagements SET stage = 'REPORT' WHERE id = ?");
  ASSERT_TRUE(update.ok()) << update.status();
  update->Bind(1, Id(engagement_));
  ASSERT_TRUE(update->Run().ok());
  EXPECT_THAT(Create(peer_, &r), GrpcIsWith(StatusCode::FAILED_PRECONDITION, "no agreed findings"));
  v1::CreateReportRequest bad;
  bad.set_parent(engagement_);
  bad.set_request_id("not valid!");
  EXPECT_THAT(reports_->CreateReport(Ctx(peer_).get(), bad, &r),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(ReportApiTest, EachRoleMayDoOnlyItsPart) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r;
  EXPECT_THAT(Create(shadow_, &r), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Create(lead_token_, &r), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Create(contact_, &r), GrpcIs(StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(Create(peer_, &r).ok());
  EXPECT_EQ(r.name(), engagement_ + "/reports/1");
  EXPECT_EQ(r.state(), v1::REPORT_STATE_DRAFT);
  EXPECT_EQ(r.created_by(), "Pete Peer");
  EXPECT_EQ(r.pdf_size_bytes(), static_cast<int64_t>(FakeReportRenderer::Text(renderer_->Last()).size() + 10));
  v1::Report seen;
  EXPECT_TRUE(Get(shadow_, r.name(), &seen).ok());
  EXPECT_TRUE(Get(lead_token_, r.name(), &seen).ok());
  EXPECT_THAT(Get(contact_, r.name(), &seen), GrpcIs(StatusCode::NOT_FOUND));
  EXPECT_THAT(Get(other_contact_, r.name(), &seen), GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Get(peer_, engagement_ + "/reports/7", &seen), GrpcIs(StatusCode::NOT_FOUND));
  EXPECT_THAT(Get(peer_, engagement_ + "/reports/x", &seen),
              GrpcIs(StatusCode::INVALID_ARGUMENT));

  EXPECT_THAT(Change(&Stub::SubmitReportForReview, shadow_, r.name(), &r),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(Change(&Stub::SubmitReportForReview, peer_, r.name(), &r).ok());
  EXPECT_THAT(Change(&Stub::SubmitReportForReview, peer_, r.name(), &r),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "version 1 is TEAM_REVIEW"));
  EXPECT_THAT(Change(&Stub::SendReportForFactualCheck, peer_, r.name(), &r),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Change(&Stub::PublishReport, lead_peer_, r.name(), &r),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "only a version in FACTUAL_CHECK"));
  ASSERT_TRUE(Change(&Stub::SendReportForFactualCheck, lead_peer_, r.name(), &r).ok());
  EXPECT_THAT(Change(&Stub::PublishReport, peer_, r.name(), &r),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Change(&Stub::PublishReport, lead_token_, r.name(), &r),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  // Now the partnership sees it, and lists it.
  EXPECT_TRUE(Get(contact_, r.name(), &seen).ok());
  v1::ListReportsRequest list;
  list.set_parent(engagement_);
  v1::ListReportsResponse listed;
  ASSERT_TRUE(reports_->ListReports(Ctx(contact_).get(), list, &listed).ok());
  EXPECT_EQ(listed.reports_size(), 1);
}

TEST_F(ReportApiTest, CreateIsIdempotentAndOneVersionAtATimeIsUnpublished) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report first, retry, other;
  ASSERT_TRUE(Create(peer_, &first, "gen-1").ok());
  ASSERT_TRUE(Create(peer_, &retry, "gen-1").ok());
  EXPECT_EQ(retry.name(), first.name());
  EXPECT_EQ(retry.pdf_sha256(), first.pdf_sha256());
  EXPECT_THAT(Create(peer_, &other, "gen-2"),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, engagement_ + "/reports/1 is DRAFT"));
  EXPECT_THAT(Change(&Stub::WithdrawReport, peer_, first.name(), &first),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Change(&Stub::WithdrawReport, lead_peer_, first.name(), &first, "W/\"7\""),
              GrpcIs(StatusCode::ABORTED));
  ASSERT_TRUE(Change(&Stub::WithdrawReport, lead_peer_, first.name(), &first).ok());
  EXPECT_EQ(first.state(), v1::REPORT_STATE_WITHDRAWN);
  ASSERT_TRUE(Create(peer_, &other, "gen-2").ok());
  EXPECT_EQ(other.number(), 2);  // numbers are never reused
}

TEST_F(ReportApiTest, CommentsFollowTheVersionsState) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r;
  ASSERT_TRUE(Create(peer_, &r).ok());
  v1::ReportComment c, retry;
  EXPECT_THAT(Comment(peer_, r.name(), "Too early", &c),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "TEAM_REVIEW and FACTUAL_CHECK"));
  ASSERT_TRUE(Change(&Stub::SubmitReportForReview, peer_, r.name(), &r).ok());
  ASSERT_TRUE(Comment(peer_, r.name(), "Tighten section 4", &c).ok());
  EXPECT_EQ(c.author(), "Pete Peer");
  EXPECT_EQ(c.author_role(), "Peer");
  EXPECT_THAT(Comment(contact_, r.name(), "Not yet ours", &c), GrpcIs(StatusCode::NOT_FOUND));
  EXPECT_THAT(Comment(lead_token_, r.name(), "Programme", &c),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(Change(&Stub::SendReportForFactualCheck, lead_peer_, r.name(), &r).ok());
  EXPECT_THAT(Comment(contact_, r.name(), "", &c), GrpcIs(StatusCode::INVALID_ARGUMENT));
  ASSERT_TRUE(Comment(contact_, r.name(), "F2 misstates the board's view", &c, "c-1").ok());
  ASSERT_TRUE(Comment(contact_, r.name(), "F2 misstates the board's view", &retry, "c-1").ok());
  EXPECT_EQ(retry.name(), c.name());
  EXPECT_EQ(c.author_role(), "Partnership contact");
  EXPECT_EQ(c.section(), "4 Findings");
  EXPECT_THAT(Comment(other_contact_, r.name(), "Not mine", &c),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  v1::ListReportCommentsRequest list;
  list.set_parent(r.name());
  v1::ListReportCommentsResponse comments;
  ASSERT_TRUE(reports_->ListReportComments(Ctx(lead_peer_).get(), list, &comments).ok());
  ASSERT_EQ(comments.comments_size(), 2);
  EXPECT_EQ(comments.comments(0).text(), "Tighten section 4");
  EXPECT_EQ(comments.comments(1).text(), "F2 misstates the board's view");
  // The partnership reads its own comments, not the team's.
  ASSERT_TRUE(reports_->ListReportComments(Ctx(contact_).get(), list, &comments).ok());
  ASSERT_EQ(comments.comments_size(), 1);
  EXPECT_EQ(comments.comments(0).text(), "F2 misstates the board's view");
  ASSERT_TRUE(Get(peer_, r.name(), &r).ok());
  EXPECT_EQ(r.comment_count(), 2);
  ASSERT_TRUE(Get(contact_, r.name(), &r).ok());
  EXPECT_EQ(r.comment_count(), 1);
  // Once published, nobody comments.
  ASSERT_TRUE(Change(&Stub::PublishReport, lead_peer_, r.name(), &r).ok());
  EXPECT_THAT(Comment(contact_, r.name(), "Late", &c),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "is PUBLISHED"));
}

TEST_F(ReportApiTest, PublishingMovesTheEngagementOnAndRecordsTheTransition) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r = ToFactualCheck();
  const std::string draft_sha = r.pdf_sha256();
  EXPECT_THAT(Change(&Stub::PublishReport, lead_peer_, r.name(), &r, "W/\"1\""),
              GrpcIs(StatusCode::ABORTED));
  ASSERT_TRUE(Change(&Stub::PublishReport, lead_peer_, r.name(), &r, r.etag()).ok());
  EXPECT_EQ(r.state(), v1::REPORT_STATE_PUBLISHED);
  EXPECT_EQ(r.published_by(), "Lena Lead");
  EXPECT_TRUE(r.has_publish_time());
  EXPECT_NE(r.pdf_sha256(), draft_sha);  // rendered final, without the draft marking
  const report::ReportDocument published = renderer_->Last();
  EXPECT_FALSE(published.draft);
  EXPECT_EQ(published.status_line, absl::StrCat("Published ", domain::LongDate(Today())));

  v1::GetEngagementRequest get;
  get.set_name(engagement_);
  v1::Engagement e;
  ASSERT_TRUE(engagements_->GetEngagement(Lead().get(), get, &e).ok());
  EXPECT_EQ(e.stage(), v1::IMPROVEMENT_PLAN);
  // The plan is due the default 8 weeks after publication.
  const v1::Date plan_due = ToDate(Today() + 56);
  EXPECT_EQ(e.key_dates().plan_due().year(), plan_due.year());
  EXPECT_EQ(e.key_dates().plan_due().month(), plan_due.month());
  EXPECT_EQ(e.key_dates().plan_due().day(), plan_due.day());
  v1::ListEngagementTransitionsRequest transitions;
  transitions.set_parent(engagement_);
  transitions.set_page_size(50);
  v1::ListEngagementTransitionsResponse recorded;
  ASSERT_TRUE(engagements_->ListEngagementTransitions(Lead().get(), transitions, &recorded).ok());
  ASSERT_GT(recorded.transitions_size(), 0);
  const v1::EngagementTransition& last = recorded.transitions(recorded.transitions_size() - 1);
  EXPECT_EQ(last.from_stage(), v1::REPORT);
  EXPECT_EQ(last.to_stage(), v1::IMPROVEMENT_PLAN);
}

TEST_F(ReportApiTest, AChangeAfterGenerationBlocksPublication) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r = ToFactualCheck();
  // The lead peer reopens F1: the report would no longer say what was checked.
  v1::ReviewStateRequest reopen;
  reopen.set_name(findings_made_[0].name());
  v1::Finding f;
  ASSERT_TRUE(findings_->ReopenFinding(Ctx(lead_peer_).get(), reopen, &f).ok());
  EXPECT_THAT(Change(&Stub::PublishReport, lead_peer_, r.name(), &r),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION,
                         "the engagement changed since version 1 was generated; generate a new "
                         "version"));
  ASSERT_TRUE(Get(peer_, r.name(), &r).ok());
  EXPECT_EQ(r.state(), v1::REPORT_STATE_FACTUAL_CHECK);
  // Agreed again, it says the same once more.
  ASSERT_TRUE(findings_->AgreeFinding(Ctx(lead_peer_).get(), reopen, &f).ok());
  EXPECT_TRUE(Change(&Stub::PublishReport, lead_peer_, r.name(), &r).ok());
}

TEST_F(ReportApiTest, APublishedVersionsBytesCannotBeChangedEvenInTheStore) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r = ToFactualCheck();
  ASSERT_TRUE(Change(&Stub::PublishReport, lead_peer_, r.name(), &r).ok());
  auto db = OpenStore();
  ASSERT_NE(db, nullptr);
  const std::string id = Id(engagement_);
  for (const char* sql :
       {"UPDATE report_versions SET html = x'00' WHERE engagement_id = ? AND number = 1",
        "UPDATE report_versions SET pdf_sha256 = 'x' WHERE engagement_id = ? AND number = 1",
        "UPDATE report_versions SET state = 'DRAFT' WHERE engagement_id = ? AND number = 1",
        "DELETE FROM report_versions WHERE engagement_id = ? AND number = 1"}) {
    auto st = db->Prepare(sql);
    ASSERT_TRUE(st.ok()) << st.status();
    st->Bind(1, id);
    const absl::Status run = st->Run();
    EXPECT_FALSE(run.ok()) << sql;
    EXPECT_THAT(std::string(run.message()), HasSubstr("report")) << sql;
  }
  v1::ReportFileHeader header;
  std::string bytes;
  std::vector<size_t> chunks;
  ASSERT_TRUE(Download(peer_, r.name(), v1::REPORT_FORMAT_HTML, &header, &bytes, &chunks).ok());
  EXPECT_EQ(crypto::Sha256Hex(bytes), r.html_sha256());
}

TEST_F(ReportApiTest, ACorrectionSupersedesThePublishedVersion) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report first = ToFactualCheck();
  ASSERT_TRUE(Change(&Stub::PublishReport, lead_peer_, first.name(), &first).ok());
  v1::Report second = ToFactualCheck();
  EXPECT_EQ(second.number(), 2);
  ASSERT_TRUE(Change(&Stub::PublishReport, lead_peer_, second.name(), &second).ok());
  ASSERT_TRUE(Get(contact_, first.name(), &first).ok());
  EXPECT_EQ(first.state(), v1::REPORT_STATE_SUPERSEDED);
  EXPECT_EQ(second.state(), v1::REPORT_STATE_PUBLISHED);
  v1::GetEngagementRequest get;
  get.set_name(engagement_);
  v1::Engagement e;
  ASSERT_TRUE(engagements_->GetEngagement(Lead().get(), get, &e).ok());
  EXPECT_EQ(e.stage(), v1::IMPROVEMENT_PLAN);
  // The superseded version is still there for the partnership, unchanged.
  v1::ReportFileHeader header;
  std::string bytes;
  std::vector<size_t> chunks;
  ASSERT_TRUE(Download(contact_, first.name(), v1::REPORT_FORMAT_PDF, &header, &bytes, &chunks).ok());
  EXPECT_EQ(header.sha256(), first.pdf_sha256());
}

TEST_F(ReportApiTest, DownloadStreamsChunksThatReassembleToTheAnnouncedBytes) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r = ToFactualCheck();
  v1::ReportFileHeader header;
  std::string bytes;
  std::vector<size_t> chunks;
  ASSERT_TRUE(Download(contact_, r.name(), v1::REPORT_FORMAT_PDF, &header, &bytes, &chunks).ok());
  EXPECT_EQ(header.content_type(), "application/pdf");
  EXPECT_EQ(header.file_name(), absl::StrCat("health-check-report-", Id(engagement_), "-v1.pdf"));
  EXPECT_GT(bytes.size(), 200u * 1024);
  EXPECT_GE(chunks.size(), 4u);
  for (size_t size : chunks) EXPECT_LE(size, 64u * 1024);
  EXPECT_EQ(static_cast<int64_t>(bytes.size()), header.size_bytes());
  EXPECT_EQ(static_cast<int64_t>(bytes.size()), r.pdf_size_bytes());
  EXPECT_EQ(crypto::Sha256Hex(bytes), header.sha256());
  EXPECT_EQ(header.sha256(), r.pdf_sha256());
  EXPECT_TRUE(absl::StartsWith(bytes, "%PDF-fake\n"));
  EXPECT_THAT(bytes, HasSubstr("DRAFT"));
  std::string html;
  chunks.clear();
  ASSERT_TRUE(Download(contact_, r.name(), v1::REPORT_FORMAT_HTML, &header, &html, &chunks).ok());
  EXPECT_EQ(crypto::Sha256Hex(html), r.html_sha256());
  EXPECT_THAT(Download(contact_, r.name(), v1::REPORT_FORMAT_UNSPECIFIED, &header, &html, &chunks),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(ReportApiTest, TheContactDownloadsOverHttp) {
  ASSERT_NO_FATAL_FAILURE(SeedToReport());
  v1::Report r;
  ASSERT_TRUE(Create(peer_, &r).ok());
  const std::string pdf_path = absl::StrCat("/", r.name(), ".pdf");
  const httplib::Headers bearer{{"Authorization", absl::StrCat("Bearer ", contact_)}};
  auto draft = web_->Get(pdf_path.c_str(), bearer);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->status, 404);  // a DRAFT is not the partnership's to see
  ASSERT_TRUE(Change(&Stub::SubmitReportForReview, peer_, r.name(), &r).ok());
  ASSERT_TRUE(Change(&Stub::SendReportForFactualCheck, lead_peer_, r.name(), &r).ok());

  auto pdf = web_->Get(pdf_path.c_str(), bearer);
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->get_header_value("Content-Disposition"),
            absl::StrCat("attachment; filename=\"health-check-report-", Id(engagement_),
                         "-v1.pdf\""));
  EXPECT_EQ(pdf->get_header_value("ETag"), absl::StrCat("\"", r.pdf_sha256(), "\""));
  EXPECT_EQ(crypto::Sha256Hex(pdf->body), r.pdf_sha256());

  auto html = web_->Get(absl::StrCat("/", r.name(), ".html").c_str(), bearer);
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  EXPECT_THAT(html->get_header_value("Content-Security-Policy"),
              HasSubstr("default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
  EXPECT_THAT(html->get_header_value("Content-Disposition"), HasSubstr("inline"));
  EXPECT_EQ(crypto::Sha256Hex(html->body), r.html_sha256());

  auto browser = web_->Get(pdf_path.c_str(), httplib::Headers{{"Accept", "text/html"}});
  ASSERT_TRUE(browser);
  EXPECT_EQ(browser->status, 303);
  EXPECT_THAT(browser->get_header_value("Location"), HasSubstr("/signin?next="));
  const httplib::Headers other{{"Authorization", absl::StrCat("Bearer ", other_contact_)}};
  auto foreign = web_->Get(pdf_path.c_str(), other);
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  auto unknown = web_->Get(absl::StrCat("/", engagement_, "/reports/9.pdf").c_str(), bearer);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

}  // namespace
}  // namespace hc::testing
