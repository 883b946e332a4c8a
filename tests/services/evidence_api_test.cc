// EvidenceService: notes logged by several peers at once and retried without
// duplicates, edit conflicts, full-text search with filters, and who may
// see them.

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class EvidenceApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    evidence_ = v1::EvidenceService::NewStub(server_->InProcessChannel());
    fieldwork_ = v1::FieldworkService::NewStub(server_->InProcessChannel());
    partnership_ = MakePartnership("Anytown CSP", {{"Anytown Council",
                                                    v1::SECTOR_LOCAL_GOVERNMENT}});
    engagement_ = MakeEngagement(partnership_.name(), Today() + 20).name();
    for (const char* name : {"Lena Lead", "Pete Peer", "Sam Shadow"}) {
      peers_.push_back(MakePeer(name, "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                                Today() + 400));
    }
    AddMember(engagement_, peers_[0].name(), v1::TEAM_ROLE_LEAD_PEER);
    AddMember(engagement_, peers_[1].name(), v1::TEAM_ROLE_PEER);
    AddMember(engagement_, peers_[2].name(), v1::TEAM_ROLE_SHADOW);
    for (const v1::Peer& p : peers_) tokens_.push_back(TokenFor(v1::ROLE_PEER, p.name()));

    auto questionnaires = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    v1::CreateQuestionnaireRequest q;
    q.set_parent(engagement_);
    q.mutable_questionnaire()->set_framework("frameworks/partnership-assessment-tool/versions/1");
    q.mutable_questionnaire()->mutable_open_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(1)));
    q.mutable_questionnaire()->mutable_close_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(48)));
    v1::Questionnaire created;
    ASSERT_TRUE(questionnaires->CreateQuestionnaire(Lead().get(), q, &created).ok());

    interview_ = Plan(v1::ACTIVITY_KIND_INTERVIEW, "Chair of the board", 1);
    focus_group_ = Plan(v1::ACTIVITY_KIND_FOCUS_GROUP, "Front-line staff", 2);
    v1::CreateDocumentRequest doc;
    doc.set_parent(engagement_);
    doc.mutable_document()->set_title("Community safety strategy");
    v1::Document d;
    ASSERT_TRUE(fieldwork_->CreateDocument(Lead().get(), doc, &d).ok());
    document_ = d.name();
  }

  std::string Plan(v1::ActivityKind kind, const std::string& title, int day) {
    v1::CreateActivityRequest request;
    request.set_parent(engagement_);
    request.mutable_activity()->set_kind(kind);
    request.mutable_activity()->set_title(title);
    request.mutable_activity()->set_day(day);
    request.mutable_activity()->mutable_start_time()->set_hours(9);
    request.mutable_activity()->mutable_end_time()->set_hours(10);
    v1::Activity a;
    EXPECT_TRUE(fieldwork_->CreateActivity(Lead().get(), request, &a).ok());
    return a.name();
  }

  static v1::Note NoteOf(const std::string& text, const std::string& activity,
                         const std::vector<std::string>& tags, v1::Polarity polarity) {
    v1::Note note;
    note.set_text(text);
    note.set_activity(activity);
    for (const std::string& tag : tags) note.add_tags(tag);
    note.set_polarity(polarity);
    return note;
  }

  grpc::Status Log(const std::string& token, const v1::Note& note, v1::Note* out,
                   const std::string& request_id = "") {
    v1::CreateNoteRequest request;
    request.set_parent(engagement_);
    *request.mutable_note() = note;
    request.set_request_id(request_id);
    return evidence_->CreateNote(Ctx(token).get(), request, out);
  }

  // Every note matching, across pages, as texts.
  std::vector<std::string> Search(const std::string& filter, const std::string& query = "") {
    std::vector<std::string> texts;
    std::string page_token;
    do {
      v1::ListNotesRequest request;
      request.set_parent(engagement_);
      request.set_filter(filter);
      request.set_query(query);
      request.set_page_size(7);
      request.set_page_token(page_token);
      v1::ListNotesResponse page;
      const grpc::Status status = evidence_->ListNotes(Ctx(tokens_[0]).get(), request, &page);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      for (const v1::Note& n : page.notes()) texts.push_back(n.text());
      page_token = page.next_page_token();
    } while (!page_token.empty());
    return texts;
  }

  std::unique_ptr<v1::EvidenceService::Stub> evidence_;
  std::unique_ptr<v1::FieldworkService::Stub> fieldwork_;
  v1::Partnership partnership_;
  std::string engagement_;
  std::vector<v1::Peer> peers_;
  std::vector<std::string> tokens_;
  std::string interview_, focus_group_, document_;
};

TEST_F(EvidenceApiTest, ThreePeersLoggingAtOnceWithRetriesGetEveryNoteExactlyOnce) {
  constexpr int kPerPeer = 20;
  std::vector<std::thread> threads;
  for (int p = 0; p < 3; ++p) {
    threads.emplace_back([&, p] {
      for (int i = 0; i < kPerPeer; ++i) {
        const v1::Note note = NoteOf(absl::StrCat("Peer ", p, " note ", i), interview_, {"1"},
                                     v1::POLARITY_POSITIVE);
        const std::string id = absl::StrCat("p", p, "-n", i);
        v1::Note first, retry;
        EXPECT_TRUE(Log(tokens_[p], note, &first, id).ok());
        // The response was "lost": the client sends the same request again.
        EXPECT_TRUE(Log(tokens_[p], note, &retry, id).ok());
        EXPECT_EQ(first.name(), retry.name());
        EXPECT_EQ(first.author(), peers_[p].name());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const std::vector<std::string> all = Search("");
  EXPECT_EQ(all.size(), 3u * kPerPeer);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 3u * kPerPeer);
  EXPECT_EQ(Search(absl::StrCat("author = \"", peers_[2].name(), "\"")).size(),
            static_cast<size_t>(kPerPeer));
  // The same request id with another note is a client bug, not a retry.
  v1::Note other;
  EXPECT_THAT(Log(tokens_[0], NoteOf("Different", interview_, {}, v1::POLARITY_NEGATIVE), &other,
                  "p0-n0"),
              GrpcIs(StatusCode::ALREADY_EXISTS));
}

TEST_F(EvidenceApiTest, AConflictingEditIsAbortedAndNeverOverwrites) {
  v1::Note note;
  ASSERT_TRUE(Log(tokens_[0], NoteOf("Board shares a vision", interview_, {"1.1"},
                                     v1::POLARITY_POSITIVE),
                  &note)
                  .ok());
  v1::UpdateNoteRequest lena;
  *lena.mutable_note() = note;
  lena.mutable_note()->set_text("Board shares a clear vision");
  lena.mutable_update_mask()->add_paths("text");
  v1::UpdateNoteRequest pete = lena;
  pete.mutable_note()->set_text("Board partly shares a vision");
  v1::Note after;
  ASSERT_TRUE(evidence_->UpdateNote(Ctx(tokens_[0]).get(), lena, &after).ok());
  EXPECT_THAT(evidence_->UpdateNote(Ctx(tokens_[1]).get(), pete, &after),
              GrpcIsWith(StatusCode::ABORTED, "has changed since it was read"));
  v1::GetNoteRequest get;
  get.set_name(note.name());
  ASSERT_TRUE(evidence_->GetNote(Ctx(tokens_[1]).get(), get, &after).ok());
  EXPECT_EQ(after.text(), "Board shares a clear vision");
  EXPECT_EQ(after.author(), peers_[0].name());
  // Re-read, Pete's edit goes through on the current etag; the author stays.
  *pete.mutable_note()->mutable_etag() = after.etag();
  ASSERT_TRUE(evidence_->UpdateNote(Ctx(tokens_[1]).get(), pete, &after).ok());
  EXPECT_EQ(after.text(), "Board partly shares a vision");
  EXPECT_EQ(after.author(), peers_[0].name());
}

TEST_F(EvidenceApiTest, FullTextSearchWithFiltersByTagPolaritySourceAuthorAndDay) {
  v1::Note out;
  ASSERT_TRUE(Log(tokens_[0], NoteOf("The board meetings are well chaired", interview_, {"1.2"},
                                     v1::POLARITY_POSITIVE),
                  &out)
                  .ok());
  ASSERT_TRUE(Log(tokens_[1], NoteOf("Staff never hear what the board decided", focus_group_,
                                     {"2"}, v1::POLARITY_NEGATIVE),
                  &out)
                  .ok());
  v1::Note from_document = NoteOf("Strategy names no outcome measures", "", {"4.3"},
                                   v1::POLARITY_NEGATIVE);
  from_document.set_document(document_);
  ASSERT_TRUE(Log(tokens_[2], from_document, &out).ok());

  using Texts = std::vector<std::string>;
  EXPECT_EQ(Search("", "meeting"), Texts{"The board meetings are well chaired"});
  EXPECT_EQ(Search("", "board"),
            (Texts{"The board meetings are well chaired", "Staff never hear what the board decided"}));
  EXPECT_EQ(Search("", "board staff"), Texts{"Staff never hear what the board decided"});
  EXPECT_EQ(Search("", "outc*"), Texts{"Strategy names no outcome measures"});
  // Query syntax typed by a user is just words.
  EXPECT_EQ(Search("", "board OR \"strategy NEAR("), Texts{});
  EXPECT_EQ(Search("", "\" - * ("), Texts{});  // punctuation alone finds nothing, fails nothing
  EXPECT_EQ(Search("tag = \"1\""), Texts{"The board meetings are well chaired"});
  EXPECT_EQ(Search("tag = \"1.2\""), Texts{"The board meetings are well chaired"});
  EXPECT_EQ(Search("tag = \"1.1\""), Texts{});
  EXPECT_EQ(Search("polarity = NEGATIVE AND source = DOCUMENT"),
            Texts{"Strategy names no outcome measures"});
  EXPECT_EQ(Search("source = FOCUS_GROUP"), Texts{"Staff never hear what the board decided"});
  EXPECT_EQ(Search("day = 1"), Texts{"The board meetings are well chaired"});
  EXPECT_EQ(Search(absl::StrCat("author = \"", peers_[1].name(), "\""), "board"),
            Texts{"Staff never hear what the board decided"});

  v1::ListNotesRequest bad;
  bad.set_parent(engagement_);
  v1::ListNotesResponse listed;
  for (const char* filter : {"tag = \"9\"", "source = PHONE", "day = 4", "mood = grumpy"}) {
    bad.set_filter(filter);
    EXPECT_THAT(evidence_->ListNotes(Ctx(tokens_[0]).get(), bad, &listed),
                GrpcIs(StatusCode::INVALID_ARGUMENT))
        << filter;
  }
}

TEST_F(EvidenceApiTest, BadNotesAreRefusedAndLogNothing) {
  v1::Note out;
  EXPECT_THAT(Log(tokens_[0], NoteOf("", interview_, {}, v1::POLARITY_POSITIVE), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "text"));
  EXPECT_THAT(Log(tokens_[0], NoteOf("No source", "", {}, v1::POLARITY_POSITIVE), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "exactly one source"));
  v1::Note both = NoteOf("Both", interview_, {}, v1::POLARITY_POSITIVE);
  both.set_document(document_);
  EXPECT_THAT(Log(tokens_[0], both, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "exactly one source"));
  EXPECT_THAT(Log(tokens_[0], NoteOf("No polarity", interview_, {}, v1::POLARITY_UNSPECIFIED),
                  &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "polarity"));
  EXPECT_THAT(Log(tokens_[0], NoteOf("Bad tag", interview_, {"7.1"}, v1::POLARITY_POSITIVE),
                  &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "tag \"7.1\" is neither a principle"));
  EXPECT_THAT(Log(tokens_[0], NoteOf("Gone", engagement_ + "/activities/nosuch", {},
                                     v1::POLARITY_POSITIVE),
                  &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "does not exist"));
  const std::string other = MakeEngagement(partnership_.name()).name();
  EXPECT_THAT(Log(tokens_[0], NoteOf("Elsewhere", other + "/activities/a1", {},
                                     v1::POLARITY_POSITIVE),
                  &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "the note's own engagement"));
  v1::ActivityStateRequest cancel;
  cancel.set_name(focus_group_);
  v1::Activity cancelled;
  ASSERT_TRUE(fieldwork_->CancelActivity(Lead().get(), cancel, &cancelled).ok());
  EXPECT_THAT(Log(tokens_[0], NoteOf("Never held", focus_group_, {}, v1::POLARITY_POSITIVE),
                  &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "was cancelled"));
  EXPECT_TRUE(Search("").empty());
}

TEST_F(EvidenceApiTest, NotesAreTheTeamsAloneShadowsIncluded) {
  v1::Note note;
  ASSERT_TRUE(Log(tokens_[2], NoteOf("Shadow's note", interview_, {}, v1::POLARITY_POSITIVE),
                  &note)
                  .ok());
  EXPECT_EQ(note.author(), peers_[2].name());
  v1::GetNoteRequest get;
  get.set_name(note.name());
  v1::Note out;
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  const v1::Peer outsider =
      MakePeer("Olly Outside", "Eastshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
  for (const std::string& token :
       {lead_token_, contact, TokenFor(v1::ROLE_PEER, outsider.name())}) {
    EXPECT_THAT(evidence_->GetNote(Ctx(token).get(), get, &out),
                GrpcIs(StatusCode::PERMISSION_DENIED));
    EXPECT_THAT(Log(token, NoteOf("x", interview_, {}, v1::POLARITY_POSITIVE), &out),
                GrpcIs(StatusCode::PERMISSION_DENIED));
  }
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

TEST_F(EvidenceApiTest, TriangulationCountsForTheTeamAndTheProgrammeLeadButNotThePartnership) {
  v1::Note out;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(Log(tokens_[i], NoteOf(absl::StrCat("Vision ", i), interview_, {"1.1"},
                                       v1::POLARITY_POSITIVE),
                    &out)
                    .ok());
  }
  ASSERT_TRUE(Log(tokens_[1], NoteOf("Staff unsure", focus_group_, {"2"}, v1::POLARITY_NEGATIVE),
                  &out)
                  .ok());
  v1::GetTriangulationRequest request;
  request.set_name(engagement_ + "/triangulation");
  for (const std::string& token : {tokens_[2], lead_token_}) {
    v1::Triangulation t;
    ASSERT_TRUE(evidence_->GetTriangulation(Ctx(token).get(), request, &t).ok());
    ASSERT_EQ(t.principles_size(), 6);
    EXPECT_EQ(t.thin_threshold(), 3);
    const v1::PrincipleEvidence& one = t.principles(0);
    EXPECT_EQ(one.section_code(), "1");
    EXPECT_EQ(one.notes(), 3);
    ASSERT_EQ(one.by_source_size(), 1);
    EXPECT_EQ(one.by_source(0).source(), "INTERVIEW");
    EXPECT_EQ(one.by_source(0).positive(), 3);
    EXPECT_FALSE(one.thin());
    EXPECT_TRUE(one.one_sided());
    EXPECT_EQ(t.principles(1).notes(), 1);
    EXPECT_TRUE(t.principles(1).thin());
    EXPECT_TRUE(t.principles(5).thin());
    EXPECT_FALSE(t.principles(5).questionnaire_only());  // still open: no reading
  }
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  v1::Triangulation t;
  EXPECT_THAT(evidence_->GetTriangulation(Ctx(contact).get(), request, &t),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  request.set_name(engagement_);
  EXPECT_THAT(evidence_->GetTriangulation(Ctx(tokens_[0]).get(), request, &t),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(EvidenceApiTest, AnEndedEngagementsNotesNoLongerChangeButStayReadable) {
  v1::Note note, out;
  ASSERT_TRUE(Log(tokens_[0], NoteOf("Kept", interview_, {}, v1::POLARITY_POSITIVE), &note).ok());
  v1::TransitionEngagementRequest cancel;
  cancel.set_name(engagement_);
  cancel.set_reason("Partnership dissolved");
  v1::Engagement e;
  ASSERT_TRUE(engagements_->CancelEngagement(Lead().get(), cancel, &e).ok());
  EXPECT_THAT(Log(tokens_[0], NoteOf("Late", interview_, {}, v1::POLARITY_POSITIVE), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "CANCELLED and can no longer change"));
  v1::UpdateNoteRequest edit;
  *edit.mutable_note() = note;
  edit.mutable_note()->set_text("Changed");
  edit.mutable_update_mask()->add_paths("text");
  EXPECT_THAT(evidence_->UpdateNote(Ctx(tokens_[0]).get(), edit, &out),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(Search(""), std::vector<std::string>{"Kept"});
}

}  // namespace
}  // namespace hc::testing
