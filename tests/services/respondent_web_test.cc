// A respondent answering through the web form, over real HTTP, and what the
// store keeps of it.

#include <httplib.h>

#include <algorithm>
#include <filesystem>

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
    create.mutable_questionnaire()->set_framework(
        "frameworks/partnership-assessment-tool/versions/1");
    *create.mutable_questionnaire()->mutable_open_time() = At(absl::Now() - absl::Minutes(1));
    *create.mutable_questionnaire()->mutable_close_time() = At(absl::Now() + absl::Hours(24));
    create.mutable_questionnaire()->set_collect_comments(true);
    v1::Questionnaire q;
    ASSERT_TRUE(questionnaires_->CreateQuestionnaire(Lead().get(), create, &q).ok());
    v1::CreateInvitationsRequest invite;
    invite.set_parent(engagement_ + "/questionnaire");
    invite.set_csv("organisation,level,count\nAnytown Council,board,2\nAnytown NHS Trust,front_line,2\n");
    v1::CreateInvitationsResponse invitations;
    ASSERT_TRUE(questionnaires_->CreateInvitations(Lead().get(), invite, &invitations).ok());
    for (const auto& i : invitations.invitations()) {
      tokens_.push_back(i.link().substr(i.link().rfind('/') + 1));
    }
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
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
  EXPECT_TRUE(absl::StrContains(html, "<label class=\"choice\" for=\"a-1_1-4\">"));
  EXPECT_TRUE(absl::StrContains(html, "Page 1 of 7"));
  EXPECT_FALSE(absl::StrContains(html, "<script"));
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(page->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_TRUE(absl::StrContains(page->get_header_value("Content-Security-Policy"),
                                "default-src 'none'"));
}

TEST_F(RespondentWebTest, AnswersAreSavedAsYouGoAndResumable) {
  auto res = Post(absl::StrCat("/q/", tokens_[1], "/p/1"), {{"a.1.1", "4"}, {"a.1.2", "2"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  auto again = client_->Get(absl::StrCat("/q/", tokens_[1], "/p/1"));
  ASSERT_TRUE(again);
  EXPECT_TRUE(absl::StrContains(again->body, "id=\"a-1_1-4\" name=\"a.1.1\" value=\"4\" checked"));
  EXPECT_TRUE(absl::StrContains(again->body, "id=\"a-1_2-2\" name=\"a.1.2\" value=\"2\" checked"));
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

TEST_F(RespondentWebTest, CommentsReachTheTeamOnlyUnattributedAndCanBeMarkedQuotable) {
  AnswerAll(tokens_[0], 4);
  ASSERT_EQ(Post(absl::StrCat("/q/", tokens_[0], "/submit"), {})->status, 303);
  AnswerAll(tokens_[1], 2);
  ASSERT_EQ(Post(absl::StrCat("/q/", tokens_[1], "/submit"), {})->status, 303);
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
  ASSERT_EQ(comments.comments_size(), 2);
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
