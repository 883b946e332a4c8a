// hcctl's offline note queue and its sync against the real server: notes
// written offline reach the server exactly once and in queue order even when
// a reply is lost mid-sync; stale edits are set aside without changing the
// note; edits whose reply was lost are not conflicts; the queue on disk
// survives being reopened and ignores half-written files.

#include "clients/cli/note_sync.h"

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/note_queue.h"
#include "clients/cli/request_id.h"
#include "healthcheck/v1/evidence.grpc.pb.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using ::hc::cli::NoteQueue;
using ::hc::cli::NoteUploader;
using ::hc::cli::QueuedNote;
using ::hc::cli::SyncNotes;
using ::hc::cli::SyncReport;

// The real EvidenceService as one peer, which can lose the reply of its
// n-th write: the call reaches the server and is applied, but the caller
// sees UNAVAILABLE, as after a dropped connection.
class LossyUploader : public NoteUploader {
 public:
  LossyUploader(v1::EvidenceService::Stub& stub, std::string token, int lose_write = 0)
      : stub_(stub), token_(std::move(token)), lose_write_(lose_write) {}

  absl::StatusOr<v1::Note> CreateNote(const v1::CreateNoteRequest& request) override {
    v1::Note note;
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + token_);
    return Reply(stub_.CreateNote(&context, request, &note), note);
  }
  absl::StatusOr<v1::Note> UpdateNote(const v1::UpdateNoteRequest& request) override {
    v1::Note note;
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + token_);
    return Reply(stub_.UpdateNote(&context, request, &note), note);
  }
  absl::StatusOr<v1::Note> GetNote(const std::string& name) override {
    v1::GetNoteRequest request;
    request.set_name(name);
    v1::Note note;
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + token_);
    const grpc::Status status = stub_.GetNote(&context, request, &note);
    if (!status.ok())
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    return note;
  }

  int writes() const { return writes_; }

 private:
  absl::StatusOr<v1::Note> Reply(const grpc::Status& status, const v1::Note& note) {
    if (++writes_ == lose_write_) return absl::UnavailableError("reply lost");
    if (!status.ok())
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    return note;
  }

  v1::EvidenceService::Stub& stub_;
  std::string token_;
  int lose_write_;
  int writes_ = 0;
};

class NoteSyncTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    evidence_ = v1::EvidenceService::NewStub(server_->InProcessChannel());
    const v1::Partnership partnership =
        MakePartnership("Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT}});
    engagement_ = MakeEngagement(partnership.name(), Today() + 20).name();
    const v1::Peer peer =
        MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
    AddMember(engagement_, peer.name(), v1::TEAM_ROLE_LEAD_PEER);
    token_ = TokenFor(v1::ROLE_PEER, peer.name());

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

    auto fieldwork = v1::FieldworkService::NewStub(server_->InProcessChannel());
    v1::CreateActivityRequest plan;
    plan.set_parent(engagement_);
    plan.mutable_activity()->set_kind(v1::ACTIVITY_KIND_INTERVIEW);
    plan.mutable_activity()->set_title("Chair of the board");
    plan.mutable_activity()->set_day(1);
    plan.mutable_activity()->mutable_start_time()->set_hours(9);
    plan.mutable_activity()->mutable_end_time()->set_hours(10);
    v1::Activity activity;
    ASSERT_TRUE(fieldwork->CreateActivity(Lead().get(), plan, &activity).ok());
    activity_ = activity.name();

    auto queue = NoteQueue::Open(QueueDir());
    ASSERT_TRUE(queue.ok()) << queue.status();
    queue_ = *std::move(queue);
  }

  std::string QueueDir() const { return dir_.File("queue"); }

  // A create as `hcctl notes add` queues it: with its request_id fixed.
  v1::CreateNoteRequest NewNote(const std::string& text) const {
    v1::CreateNoteRequest request;
    request.set_parent(engagement_);
    request.set_request_id(cli::NewRequestId());
    request.mutable_note()->set_text(text);
    request.mutable_note()->set_activity(activity_);
    request.mutable_note()->add_tags("1");
    request.mutable_note()->set_polarity(v1::POLARITY_POSITIVE);
    return request;
  }

  // An edit of `note`'s text from the etag it has now.
  static v1::UpdateNoteRequest EditOf(const v1::Note& note, const std::string& text) {
    v1::UpdateNoteRequest request;
    request.mutable_note()->set_name(note.name());
    request.mutable_note()->set_etag(note.etag());
    request.mutable_note()->set_text(text);
    request.mutable_update_mask()->add_paths("text");
    return request;
  }

  v1::Note CreateOnline(const std::string& text) {
    v1::Note note;
    const grpc::Status status = evidence_->CreateNote(Ctx(token_).get(), NewNote(text), &note);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return note;
  }

  v1::Note GetOnline(const std::string& name) {
    v1::GetNoteRequest request;
    request.set_name(name);
    v1::Note note;
    EXPECT_TRUE(evidence_->GetNote(Ctx(token_).get(), request, &note).ok());
    return note;
  }

  // Every note of the engagement, in the server's (creation) order, as texts.
  std::vector<std::string> ServerTexts() {
    std::vector<std::string> texts;
    std::string page_token;
    do {
      v1::ListNotesRequest request;
      request.set_parent(engagement_);
      request.set_page_size(5);
      request.set_page_token(page_token);
      v1::ListNotesResponse page;
      const grpc::Status status = evidence_->ListNotes(Ctx(token_).get(), request, &page);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      for (const v1::Note& note : page.notes()) texts.push_back(note.text());
      page_token = page.next_page_token();
    } while (!page_token.empty());
    return texts;
  }

  SyncReport Sync(int lose_write = 0) {
    LossyUploader uploader(*evidence_, token_, lose_write);
    absl::StatusOr<SyncReport> report = SyncNotes(*queue_, uploader);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : SyncReport{};
  }

  size_t Pending() const {
    absl::StatusOr<std::vector<QueuedNote>> pending = queue_->Pending();
    EXPECT_TRUE(pending.ok()) << pending.status();
    return pending.ok() ? pending->size() : 0;
  }

  std::unique_ptr<v1::EvidenceService::Stub> evidence_;
  std::string engagement_, activity_, token_;
  std::unique_ptr<NoteQueue> queue_;
};

TEST_F(NoteSyncTest, AReplyLostMidSyncStillUploadsEveryNoteExactlyOnceInQueueOrder) {
  constexpr int kNotes = 12;
  std::vector<std::string> written;
  for (int i = 1; i <= kNotes; ++i) {
    written.push_back(absl::StrCat("Offline note ", i));
    ASSERT_TRUE(queue_->Append(NewNote(written.back())).ok());
  }

  const SyncReport stopped = Sync(/*lose_write=*/5);
  EXPECT_EQ(stopped.uploaded.size(), 4u);
  EXPECT_EQ(stopped.remaining, kNotes - 4);
  EXPECT_EQ(stopped.stopped_by.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(Pending(), static_cast<size_t>(kNotes - 4));
  // The lost reply's note is on the server already.
  EXPECT_EQ(ServerTexts().size(), 5u);

  const SyncReport finished = Sync();
  EXPECT_EQ(finished.uploaded.size(), static_cast<size_t>(kNotes - 4));
  EXPECT_EQ(finished.remaining, 0);
  EXPECT_TRUE(finished.stopped_by.ok());
  EXPECT_TRUE(finished.set_aside.empty());
  EXPECT_EQ(ServerTexts(), written);
  EXPECT_EQ(Pending(), 0u);
  EXPECT_EQ(Sync().uploaded.size(), 0u);
  EXPECT_EQ(ServerTexts().size(), static_cast<size_t>(kNotes));
}

TEST_F(NoteSyncTest, AnEditQueuedFromAStaleEtagIsSetAsideAndChangesNothing) {
  const v1::Note original = CreateOnline("Board shares a vision");
  v1::Note changed;
  ASSERT_TRUE(
      evidence_
          ->UpdateNote(Ctx(token_).get(), EditOf(original, "Board shares a clear vision"), &changed)
          .ok());
  ASSERT_TRUE(queue_->Append(EditOf(original, "Board has no vision")).ok());
  ASSERT_TRUE(queue_->Append(NewNote("Written after the stale edit")).ok());

  const SyncReport report = Sync();
  ASSERT_EQ(report.set_aside.size(), 1u);
  EXPECT_THAT(report.set_aside[0].problem, ::testing::StartsWith("ABORTED:"));
  // The sync went on past the conflict.
  EXPECT_EQ(report.uploaded.size(), 1u);
  EXPECT_EQ(GetOnline(original.name()).text(), "Board shares a clear vision");
  EXPECT_EQ(Pending(), 0u);
  absl::StatusOr<std::vector<QueuedNote>> conflicts = queue_->Conflicts();
  ASSERT_TRUE(conflicts.ok()) << conflicts.status();
  ASSERT_EQ(conflicts->size(), 1u);
  EXPECT_EQ(std::get<v1::UpdateNoteRequest>(conflicts->front().write).note().text(),
            "Board has no vision");
  EXPECT_EQ(conflicts->front().problem, report.set_aside[0].problem);
}

TEST_F(NoteSyncTest, AnEditWhoseReplyWasLostIsDoneNotAConflict) {
  const v1::Note original = CreateOnline("Board shares a vision");
  ASSERT_TRUE(queue_->Append(EditOf(original, "Board shares a clear vision")).ok());

  const SyncReport lost = Sync(/*lose_write=*/1);
  EXPECT_EQ(lost.stopped_by.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(lost.remaining, 1);

  // Resent, the edit's etag is stale (it changed it itself): ABORTED, but
  // the note already says what the edit says.
  const SyncReport resent = Sync();
  EXPECT_TRUE(resent.set_aside.empty());
  ASSERT_EQ(resent.uploaded.size(), 1u);
  EXPECT_EQ(resent.uploaded[0].second.text(), "Board shares a clear vision");
  EXPECT_EQ(GetOnline(original.name()).text(), "Board shares a clear vision");
  EXPECT_EQ(Pending(), 0u);
}

TEST_F(NoteSyncTest, AQueuedNoteEditedOfflineIsUploadedOnceWithTheEditedText) {
  absl::StatusOr<QueuedNote> first = queue_->Append(NewNote("Staff unsure"));
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(queue_->Append(NewNote("Second note")).ok());
  absl::StatusOr<QueuedNote> entry = queue_->Get(first->sequence);
  ASSERT_TRUE(entry.ok()) << entry.status();
  std::get<v1::CreateNoteRequest>(entry->write)
      .mutable_note()
      ->set_text("Staff unsure of the partnership's goals");
  ASSERT_TRUE(queue_->Replace(*entry).ok());

  EXPECT_EQ(Sync().uploaded.size(), 2u);
  EXPECT_EQ(ServerTexts(),
            (std::vector<std::string>{"Staff unsure of the partnership's goals", "Second note"}));
}

TEST_F(NoteSyncTest, TheQueueSurvivesReopeningInOrderIgnoresHalfWrittenFilesAndNeverReusesANumber) {
  for (const char* text : {"One", "Two", "Three"}) ASSERT_TRUE(queue_->Append(NewNote(text)).ok());
  // Another process cannot use the queue while it is open.
  EXPECT_EQ(NoteQueue::Open(QueueDir(), absl::ZeroDuration()).status().code(),
            absl::StatusCode::kUnavailable);
  queue_.reset();
  // What a crash mid-write leaves: a temporary file, never renamed.
  std::ofstream(dir_.File("queue/00000004.note.tmp")) << "hcctl note queue entry 1\nkind: cre";

  auto reopened = NoteQueue::Open(QueueDir());
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  queue_ = *std::move(reopened);
  absl::StatusOr<std::vector<QueuedNote>> pending = queue_->Pending();
  ASSERT_TRUE(pending.ok()) << pending.status();
  std::vector<std::string> texts;
  for (const QueuedNote& entry : *pending) {
    texts.push_back(std::get<v1::CreateNoteRequest>(entry.write).note().text());
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"One", "Two", "Three"}));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("queue/00000004.note.tmp")));
  absl::StatusOr<QueuedNote> fourth = queue_->Append(NewNote("Four"));
  ASSERT_TRUE(fourth.ok()) << fourth.status();
  EXPECT_EQ(fourth->sequence, 4);

  EXPECT_EQ(Sync().uploaded.size(), 4u);
  EXPECT_EQ(ServerTexts(), (std::vector<std::string>{"One", "Two", "Three", "Four"}));
  // Emptied, the queue still never hands out a number twice.
  absl::StatusOr<QueuedNote> fifth = queue_->Append(NewNote("Five"));
  ASSERT_TRUE(fifth.ok()) << fifth.status();
  EXPECT_EQ(fifth->sequence, 5);
}

TEST_F(NoteSyncTest, ACorruptEntryStopsTheSyncAsDataLossAndSendsNothing) {
  ASSERT_TRUE(queue_->Append(NewNote("Kept")).ok());
  std::ofstream(dir_.File("queue/00000001.note"), std::ios::trunc)
      << "hcctl note queue entry 1\nkind: create\nsent: no\nbytes: 99\n\ntruncated";
  LossyUploader uploader(*evidence_, token_);
  EXPECT_EQ(SyncNotes(*queue_, uploader).status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(uploader.writes(), 0);
}

}  // namespace
}  // namespace hc::testing
