// A respondent answering through the web form, over real HTTP, and what the
// store keeps of it.

#include <httplib.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/storage/sqlite/database.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

class RespondentWebTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    questionnaires_ = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    const v1::Partnership p = MakePartnership(
        "Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT},
                        {"Anytown NHS Trust", v1::SECTOR_HEALTH}});
    engagement_ = MakeEngagement(p.name()).name();
    v1::CreateQuestionnaireRequest create;
    create.set_parent(engagement_);
    create.mutable_questionnaire()->set_framework(Benchmark());
    *create.mutable_questionnaire()->mutable_open_time() = At(absl::Now() + absl::Hours(1));
    *create.mutable_questionnaire()->mutable_close_time() = At(absl::Now() + absl::Hours(24));
    create.mutable_questionnaire()->set_collect_comments(true);
    if (MinGroupSize() != 0) create.mutable_questionnaire()->set_min_group_size(MinGroupSize());
    v1::Questionnaire q;
    ASSERT_TRUE(questionnaires_->CreateQuestionnaire(Lead().get(), create, &q).ok());
    v1::CreateInvitationsRequest invite;
    invite.set_parent(engagement_ + "/questionnaire");
    invite.set_csv(absl::StrCat("organisation,level,count\n", InvitationRows()));
    v1::CreateInvitationsResponse invitations;
    ASSERT_TRUE(questionnaires_->CreateInvitations(Lead().get(), invite, &invitations).ok());
    ASSERT_NO_FATAL_FAILURE(OpenQuestionnaireNow(engagement_));
    for (const auto& i : invitations.invitations()) {
      tokens_.push_back(i.link().substr(i.link().rfind('/') + 1));
    }
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
  }

  // The benchmark the questionnaire uses, and its k (0: the default).
  virtual std::string Benchmark() const {
    return "frameworks/partnership-assessment-tool/versions/1";
  }
  virtual int MinGroupSize() const { return 0; }
  // The invitations made before it opens (who is invited is fixed then).
  virtual std::string InvitationRows() const {
    return "Anytown Council,board,2\nAnytown NHS Trust,front_line,2\n";
  }

  // Closes the questionnaire and returns an access token of a lead peer on
  // the engagement's team.
  std::string CloseAndJoinTeam() {
    v1::CloseQuestionnaireRequest close;
    close.set_name(engagement_ + "/questionnaire");
    v1::Questionnaire q;
    EXPECT_TRUE(questionnaires_->CloseQuestionnaire(Lead().get(), close, &q).ok());
    const v1::Peer peer = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                                   Today() + 400);
    AddMember(engagement_, peer.name(), v1::TEAM_ROLE_LEAD_PEER);
    return TokenFor(v1::ROLE_PEER, peer.name());
  }

  // Posts a page's form and returns the response.
  httplib::Result Post(const std::string& path, const httplib::Params& form) {
    return client_->Post(path, form);
  }

  // Answers every page of token's questionnaire with `value` everywhere.
  void AnswerAll(const std::string& token, int value) {
    for (int principle = 1; principle <= 6; ++principle) {
      httplib::Params form;
      for (int s = 1; s <= 6; ++s) {
        form.emplace(absl::StrCat("a.", principle, ".", s), std::to_string(value));
      }
      auto res = Post(absl::StrCat("/q/", token, "/p/", principle), form);
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 303) << res->body;
    }
    httplib::Params last{{"a.overall.1", std::to_string(value)}, {"comment", "Frank words"}};
    for (int principle = 1; principle <= 6; ++principle) {
      last.emplace(absl::StrCat("s.", principle), "3");
    }
    auto res = Post(absl::StrCat("/q/", token, "/p/7"), last);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303) << res->body;
    EXPECT_EQ(res->get_header_value("Location"), absl::StrCat("/q/", token, "/review"));
  }

  std::unique_ptr<v1::QuestionnaireService::Stub> questionnaires_;
  std::string engagement_;
  std::vector<std::string> tokens_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(RespondentWebTest, AnUnknownLinkGetsAPlainNotFoundPage) {
  auto res = client_->Get("/q/hc_not-a-token");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_TRUE(absl::StrContains(res->body, "not recognised"));
}

TEST_F(RespondentWebTest, PagesAreAccessibleFormsWithSafeHeaders) {
  auto start = client_->Get(absl::StrCat("/q/", tokens_[0]));
  ASSERT_TRUE(start);
  EXPECT_EQ(start->status, 303);
  auto page = client_->Get(absl::StrCat("/q/", tokens_[0], "/p/1"));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string& html = page->body;
  EXPECT_TRUE(absl::StrContains(html, "<fieldset>"));
  EXPECT_TRUE(absl::StrContains(html, "<legend>1.1 There have been substantial past achievements"));
  EXPECT_TRUE(absl::StrContains(html, "<label class=\"choice\" for=\"a-1_2e1-4\">"));
  EXPECT_TRUE(absl::StrContains(html, "Page 1 of 7"));
  EXPECT_FALSE(absl::StrContains(html, "<script"));
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
  // The link holds the respondent's token: no other site is ever told it.
  EXPECT_EQ(page->get_header_value("Referrer-Policy"), "same-origin");
  EXPECT_TRUE(absl::StrContains(page->get_header_value("Content-Security-Policy"),
                                "default-src 'none'"));
}

TEST_F(RespondentWebTest, AnswersAreSavedAsYouGoAndResumable) {
  auto res = Post(absl::StrCat("/q/", tokens_[1], "/p/1"), {{"a.1.1", "4"}, {"a.1.2", "2"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  auto again = client_->Get(absl::StrCat("/q/", tokens_[1], "/p/1"));
  ASSERT_TRUE(again);
  EXPECT_TRUE(absl::StrContains(again->body, "id=\"a-1_2e1-4\" name=\"a.1.1\" value=\"4\" checked"));
  EXPECT_TRUE(absl::StrContains(again->body, "id=\"a-1_2e2-2\" name=\"a.1.2\" value=\"2\" checked"));
  auto bad = Post(absl::StrCat("/q/", tokens_[1], "/p/2"), {{"a.2.1", "9"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(absl::StrContains(bad->body, "There is a problem"));
  auto early = Post(absl::StrCat("/q/", tokens_[1], "/submit"), {});
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 400);
  EXPECT_TRUE(absl::StrContains(early->body, "is not answered"));
}

TEST_F(RespondentWebTest, ASubmittedResponseCannotBeLinkedToItsInvitation) {
  AnswerAll(tokens_[2], 3);
  auto submit = Post(absl::StrCat("/q/", tokens_[2], "/submit"), {});
  ASSERT_TRUE(submit);
  EXPECT_EQ(submit->status, 303);
  // The log of recent transactions, where the response and its invitation's
  // flag were written together, has been emptied.
  EXPECT_EQ(std::filesystem::file_size(dir_.File("store.db-wal")), 0u);
  auto reuse = client_->Get(absl::StrCat("/q/", tokens_[2]));
  ASSERT_TRUE(reuse);
  EXPECT_EQ(reuse->status, 410);
  EXPECT_TRUE(absl::StrContains(reuse->body, "already been submitted"));
  auto twice = Post(absl::StrCat("/q/", tokens_[2], "/submit"), {});
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 410);

  auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status();
  // The response row: a random key, the group, the answers; nothing else.
  auto columns = (*db)->Prepare("SELECT name FROM pragma_table_info('responses') ORDER BY cid");
  ASSERT_TRUE(columns.ok());
  std::vector<std::string> names;
  while (*columns->Step()) names.push_back(columns->Text(0));
  EXPECT_EQ(names, (std::vector<std::string>{"key", "engagement_id", "organisation", "level",
                                             "sector", "answers", "significance"}));
  auto response = (*db)->Prepare("SELECT key, organisation, level, answers FROM responses");
  ASSERT_TRUE(response.ok());
  ASSERT_TRUE(*response->Step());
  EXPECT_EQ(response->Text(1), "Anytown NHS Trust");
  EXPECT_EQ(response->Text(2), "FRONT_LINE");
  EXPECT_TRUE(absl::StrContains(response->Text(3), "1.1\t3\n"));
  const std::string key = response->Text(0);
  EXPECT_FALSE(*response->Step());
  auto invitations = (*db)->Prepare("SELECT id, token_hash FROM invitations ORDER BY position");
  ASSERT_TRUE(invitations.ok());
  while (*invitations->Step()) {
    EXPECT_NE(invitations->Text(0), key);
    EXPECT_FALSE(absl::StrContains(key, invitations->Text(0)));
  }
  auto used = (*db)->Prepare("SELECT COUNT(*) FROM invitations WHERE used = 1");
  ASSERT_TRUE(used.ok() && *used->Step());
  EXPECT_EQ(used->Int(0), 1);
  auto drafts = (*db)->Prepare("SELECT COUNT(*) FROM drafts");
  ASSERT_TRUE(drafts.ok() && *drafts->Step());
  EXPECT_EQ(drafts->Int(0), 0);
  auto comments = (*db)->Prepare("SELECT text FROM comments");
  ASSERT_TRUE(comments.ok() && *comments->Step());
  EXPECT_EQ(comments->Text(0), "Frank words");
  auto audit = (*db)->Prepare(
      "SELECT actor, resource FROM audit_log WHERE action = 'SubmitResponse'");
  ASSERT_TRUE(audit.ok() && *audit->Step());
  EXPECT_EQ(audit->Text(0), "a respondent");
  EXPECT_EQ(audit->Text(1), engagement_ + "/questionnaire");
}

TEST_F(RespondentWebTest, AClosedQuestionnaireTakesNoMoreAnswers) {
  v1::CloseQuestionnaireRequest close;
  close.set_name(engagement_ + "/questionnaire");
  v1::Questionnaire q;
  ASSERT_TRUE(questionnaires_->CloseQuestionnaire(Lead().get(), close, &q).ok());
  auto res = client_->Get(absl::StrCat("/q/", tokens_[3], "/p/1"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 410);
  EXPECT_TRUE(absl::StrContains(res->body, "has closed"));
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

// Below k nothing of the answers reaches the team, words no more than
// figures: two of k = 5 answered.
TEST_F(RespondentWebTest, BelowKTheCommentsAndActionEntriesAreNotShown) {
  for (int i : {0, 1}) {
    AnswerAll(tokens_[i], 4);
    ASSERT_EQ(Post(absl::StrCat("/q/", tokens_[i], "/submit"), {})->status, 303);
  }
  const v1::Peer peer = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                                 Today() + 400);
  AddMember(engagement_, peer.name(), v1::TEAM_ROLE_LEAD_PEER);
  const std::string team = TokenFor(v1::ROLE_PEER, peer.name());
  v1::CloseQuestionnaireRequest close;
  close.set_name(engagement_ + "/questionnaire");
  v1::Questionnaire q;
  ASSERT_TRUE(questionnaires_->CloseQuestionnaire(Lead().get(), close, &q).ok());
  v1::ListCommentsRequest list;
  list.set_parent(engagement_ + "/questionnaire");
  v1::ListCommentsResponse comments;
  EXPECT_THAT(questionnaires_->ListComments(Ctx(team).get(), list, &comments),
              GrpcIsWith(grpc::StatusCode::FAILED_PRECONDITION,
                         "no group of fewer than 5 respondents"));
  v1::ListActionEntriesRequest entries;
  entries.set_parent(engagement_ + "/questionnaire");
  v1::ListActionEntriesResponse listed;
  EXPECT_THAT(questionnaires_->ListActionEntries(Ctx(team).get(), entries, &listed),
              GrpcIs(grpc::StatusCode::FAILED_PRECONDITION));
  v1::SetCommentQuotableRequest quote;
  quote.set_name(engagement_ + "/questionnaire/comments/00ff");
  quote.set_quotable(true);
  v1::Comment marked;
  EXPECT_THAT(questionnaires_->SetCommentQuotable(Ctx(team).get(), quote, &marked),
              GrpcIs(grpc::StatusCode::FAILED_PRECONDITION));
}

// k = 5: one more invitation than the usual four, and all five answer.
class FiveRespondentsWebTest : public RespondentWebTest {
 protected:
  std::string InvitationRows() const override {
    return RespondentWebTest::InvitationRows() + "Anytown Council,front_line,1\n";
  }
};

TEST_F(FiveRespondentsWebTest, CommentsReachTheTeamOnlyUnattributedAndCanBeMarkedQuotable) {
  ASSERT_EQ(tokens_.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    AnswerAll(tokens_[i], 2 + i % 2);
    ASSERT_EQ(Post(absl::StrCat("/q/", tokens_[i], "/submit"), {})->status, 303);
  }
  const v1::Peer peer = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                                 Today() + 400);
  AddMember(engagement_, peer.name(), v1::TEAM_ROLE_LEAD_PEER);
  const std::string team = TokenFor(v1::ROLE_PEER, peer.name());
  v1::ListCommentsRequest list;
  list.set_parent(engagement_ + "/questionnaire");
  v1::ListCommentsResponse comments;
  EXPECT_THAT(questionnaires_->ListComments(Ctx(team).get(), list, &comments),
              GrpcIs(grpc::StatusCode::FAILED_PRECONDITION));  // still open
  v1::CloseQuestionnaireRequest close;
  close.set_name(engagement_ + "/questionnaire");
  v1::Questionnaire q;
  ASSERT_TRUE(questionnaires_->CloseQuestionnaire(Lead().get(), close, &q).ok());
  EXPECT_THAT(questionnaires_->ListComments(Lead().get(), list, &comments),
              GrpcIs(grpc::StatusCode::PERMISSION_DENIED));  // the programme lead reads none
  ASSERT_TRUE(questionnaires_->ListComments(Ctx(team).get(), list, &comments).ok());
  ASSERT_EQ(comments.comments_size(), 5);
  for (const auto& c : comments.comments()) {
    EXPECT_EQ(c.text(), "Frank words");
    EXPECT_FALSE(c.quotable());
    EXPECT_EQ(c.name().rfind(engagement_ + "/questionnaire/comments/", 0), 0u);
  }
  v1::SetCommentQuotableRequest quote;
  quote.set_name(comments.comments(0).name());
  quote.set_quotable(true);
  v1::Comment marked;
  ASSERT_TRUE(questionnaires_->SetCommentQuotable(Ctx(team).get(), quote, &marked).ok());
  EXPECT_TRUE(marked.quotable());
  quote.set_name(engagement_ + "/questionnaire/comments/00ff");
  EXPECT_THAT(questionnaires_->SetCommentQuotable(Ctx(team).get(), quote, &marked),
              GrpcIs(grpc::StatusCode::NOT_FOUND));
  quote.set_name(engagement_ + "/questionnaire/comments/NOT-HEX");
  EXPECT_THAT(questionnaires_->SetCommentQuotable(Ctx(team).get(), quote, &marked),
              GrpcIs(grpc::StatusCode::INVALID_ARGUMENT));
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

TEST_F(RespondentWebTest, StoredRowsAreInRandomKeyOrderNotSubmissionOrder) {
  for (int i = 0; i < 3; ++i) {
    AnswerAll(tokens_[i], 1 + i);
    ASSERT_EQ(Post(absl::StrCat("/q/", tokens_[i], "/submit"), {})->status, 303);
  }
  auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status();
  // Both tables keep rows by their random key: no rowid records the order of
  // insertion, and a scan returns the rows in key order.
  for (const char* table : {"responses", "comments"}) {
    auto schema = (*db)->Prepare("SELECT sql FROM sqlite_schema WHERE name = ?");
    ASSERT_TRUE(schema.ok());
    schema->Bind(1, table);
    ASSERT_TRUE(*schema->Step());
    EXPECT_TRUE(absl::StrContains(schema->Text(0), "WITHOUT ROWID")) << table;
  }
  auto scan = (*db)->Prepare("SELECT key FROM responses");
  ASSERT_TRUE(scan.ok());
  std::vector<std::string> keys;
  while (*scan->Step()) keys.push_back(scan->Text(0));
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  for (const std::string& key : keys) EXPECT_GE(key.size(), 40u);  // 256 random bits
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

// Digging Deeper asks "Action needed" and "By whom?" for each statement.
class ActionEntriesWebTest : public RespondentWebTest {
 protected:
  std::string Benchmark() const override { return "frameworks/digging-deeper/versions/1"; }
  int MinGroupSize() const override { return 3; }

  // Answers every statement of the four areas with 3, and submits.
  void AnswerAndSubmit(const std::string& token, const httplib::Params& actions_on_page_2) {
    const std::vector<std::vector<std::string>> areas = {
        {"1.1", "1.2", "1.3", "1.4", "1.5"},
        {"2.1", "2.2", "2.3", "2.4", "2.5", "2.6"},
        {"3.1", "3.2", "3.3", "3.4", "3.5"},
        {"4.1", "4.2", "4.3", "4.4", "4.5"}};
    for (size_t area = 0; area < areas.size(); ++area) {
      httplib::Params form = area == 1 ? actions_on_page_2 : httplib::Params{};
      for (const std::string& code : areas[area]) form.emplace("a." + code, "3");
      auto res = Post(absl::StrCat("/q/", token, "/p/", area + 1), form);
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 303) << res->body;
    }
    auto res = Post(absl::StrCat("/q/", token, "/submit"), {});
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303) << res->body;
  }

  absl::StatusOr<v1::ListActionEntriesResponse> List(const std::string& token, int page_size = 0,
                                                     const std::string& page_token = "") {
    v1::ListActionEntriesRequest request;
    request.set_parent(engagement_ + "/questionnaire");
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    v1::ListActionEntriesResponse response;
    const grpc::Status status =
        questionnaires_->ListActionEntries(Ctx(token).get(), request, &response);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return response;
  }
};

TEST_F(ActionEntriesWebTest, TheFormAsksForActionsWithTheBenchmarksSuggestionsAndKeepsThem) {
  auto page = client_->Get(absl::StrCat("/q/", tokens_[0], "/p/2"));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(absl::StrContains(page->body, "<label for=\"n-2_2e3-0\">Action needed (optional)"));
  EXPECT_TRUE(absl::StrContains(page->body, "<label for=\"w-2_2e3-0\">By whom? (optional)"));
  EXPECT_TRUE(absl::StrContains(page->body, "<summary>Possible actions you might take</summary>"));

  auto saved = Post(absl::StrCat("/q/", tokens_[0], "/p/2"),
                    {{"a.2.3", "1"}, {"n.2.3", "  Agree a data-sharing protocol  "},
                     {"w.2.3", "Chief officers"}, {"n.2.4", "   "}, {"w.2.4", ""}});
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 303) << saved->body;
  auto again = client_->Get(absl::StrCat("/q/", tokens_[0], "/p/2"));
  ASSERT_TRUE(again);
  EXPECT_TRUE(absl::StrContains(again->body, ">Agree a data-sharing protocol</textarea>"));
  EXPECT_TRUE(absl::StrContains(again->body, "value=\"Chief officers\""));

  // Too long, or about a statement that is not on the benchmark: refused,
  // and the draft keeps what it had.
  auto too_long = Post(absl::StrCat("/q/", tokens_[0], "/p/2"),
                       {{"n.2.3", "x"}, {"w.2.3", std::string(201, 'w')}});
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->status, 400);
  EXPECT_TRUE(absl::StrContains(too_long->body, "by whom for statement 2.3"));
  auto foreign = Post(absl::StrCat("/q/", tokens_[0], "/p/2"), {{"n.9.9", "x"}});
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 303);  // not a field of page 2: ignored
  again = client_->Get(absl::StrCat("/q/", tokens_[0], "/p/2"));
  ASSERT_TRUE(again);
  EXPECT_FALSE(absl::StrContains(again->body, ">Agree a data-sharing protocol</textarea>"));
}

TEST_F(ActionEntriesWebTest, TheTeamGetsEachEntryAloneInStatementOrderOnceClosed) {
  AnswerAndSubmit(tokens_[0], {{"n.2.3", "Agree a data-sharing protocol"},
                               {"w.2.3", "Chief officers"},
                               {"n.2.1", "Name a lead for each theme"}});
  AnswerAndSubmit(tokens_[1], {{"w.2.6", "Board"}, {"n.2.3", "Pool the analysts"}});
  AnswerAndSubmit(tokens_[2], {});

  auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status();
  auto columns = (*db)->Prepare("SELECT name FROM pragma_table_info('actions') ORDER BY cid");
  ASSERT_TRUE(columns.ok());
  std::vector<std::string> names;
  while (*columns->Step()) names.push_back(columns->Text(0));
  EXPECT_EQ(names, (std::vector<std::string>{"key", "engagement_id", "statement_code",
                                             "statement_position", "action", "by_whom"}));
  auto schema = (*db)->Prepare("SELECT sql FROM sqlite_schema WHERE name = 'actions'");
  ASSERT_TRUE(schema.ok() && *schema->Step());
  EXPECT_TRUE(absl::StrContains(schema->Text(0), "WITHOUT ROWID"));
  auto drafts = (*db)->Prepare("SELECT COUNT(*) FROM draft_actions");
  ASSERT_TRUE(drafts.ok() && *drafts->Step());
  EXPECT_EQ(drafts->Int(0), 0);

  const std::string lead_peer = CloseAndJoinTeam();
  const std::string outsider = TokenFor(
      v1::ROLE_PEER, MakePeer("Pat Early", "Eastshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                              Today() + 400)
                         .name());
  EXPECT_EQ(List(outsider).status().code(), absl::StatusCode::kPermissionDenied);
  // The programme lead sees no answers, so no entries either.
  EXPECT_EQ(List(lead_token_).status().code(), absl::StatusCode::kPermissionDenied);
  absl::StatusOr<v1::ListActionEntriesResponse> all = List(lead_peer);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->action_entries_size(), 4);
  EXPECT_EQ(all->action_entries(0).statement_code(), "2.1");
  EXPECT_EQ(all->action_entries(0).action_needed(), "Name a lead for each theme");
  EXPECT_EQ(all->action_entries(0).by_whom(), "");
  EXPECT_EQ(all->action_entries(1).statement_code(), "2.3");
  EXPECT_EQ(all->action_entries(2).statement_code(), "2.3");
  std::set<std::string> actions_on_2_3 = {all->action_entries(1).action_needed(),
                                          all->action_entries(2).action_needed()};
  EXPECT_EQ(actions_on_2_3,
            (std::set<std::string>{"Agree a data-sharing protocol", "Pool the analysts"}));
  EXPECT_EQ(all->action_entries(3).statement_code(), "2.6");
  EXPECT_EQ(all->action_entries(3).action_needed(), "");
  EXPECT_EQ(all->action_entries(3).by_whom(), "Board");
  for (const auto& entry : all->action_entries()) {
    EXPECT_EQ(entry.name().rfind(engagement_ + "/questionnaire/actionEntries/", 0), 0u);
  }

  // Paged one at a time, the same entries in the same order.
  std::vector<std::string> paged;
  std::string page_token;
  do {
    absl::StatusOr<v1::ListActionEntriesResponse> page = List(lead_peer, 1, page_token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& entry : page->action_entries()) paged.push_back(entry.name());
    page_token = page->next_page_token();
  } while (!page_token.empty());
  std::vector<std::string> whole;
  for (const auto& entry : all->action_entries()) whole.push_back(entry.name());
  EXPECT_EQ(paged, whole);
}

TEST_F(ActionEntriesWebTest, EntriesCannotBeListedBeforeClose) {
  AnswerAndSubmit(tokens_[0], {{"n.2.3", "Agree a protocol"}});
  const v1::Peer peer = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                                 Today() + 400);
  AddMember(engagement_, peer.name(), v1::TEAM_ROLE_LEAD_PEER);
  EXPECT_EQ(List(TokenFor(v1::ROLE_PEER, peer.name())).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

// Two entries from two of k = 3: closed, but not shown.
TEST_F(ActionEntriesWebTest, EntriesOfFewerThanKRespondentsAreNotShown) {
  AnswerAndSubmit(tokens_[0], {{"n.2.3", "Agree a protocol"}});
  AnswerAndSubmit(tokens_[1], {{"n.2.1", "Name a lead"}});
  const std::string team = CloseAndJoinTeam();
  EXPECT_EQ(List(team).status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace hc::testing
