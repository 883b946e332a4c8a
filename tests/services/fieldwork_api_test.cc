// FieldworkService: the three-day plan, its clashes and guards, the
// iCalendar timetable parsed back, and desk-research documents.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

v1::TimeOfDay At(int hours, int minutes = 0) {
  v1::TimeOfDay t;
  t.set_hours(hours);
  t.set_minutes(minutes);
  return t;
}

// One iCalendar component's properties: name (with parameters) -> values.
using Properties = std::multimap<std::string, std::string>;

// Unfolds RFC 5545 content lines and returns the VEVENTs' properties; fails
// the test on a line without CRLF or over 75 octets.
std::vector<Properties> ParseEvents(const std::string& calendar) {
  std::vector<Properties> events;
  EXPECT_TRUE(absl::EndsWith(calendar, "\r\n"));
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(calendar, "\r\n", absl::SkipEmpty())) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), absl::string_view::npos) << line;
    if (absl::StartsWith(line, " ")) {
      absl::StrAppend(&lines.back(), line.substr(1));
    } else {
      lines.emplace_back(line);
    }
  }
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  Properties* current = nullptr;
  for (const std::string& line : lines) {
    if (line == "BEGIN:VEVENT") {
      current = &events.emplace_back();
    } else if (line == "END:VEVENT") {
      current = nullptr;
    } else if (current != nullptr) {
      const size_t colon = line.find(':');
      // A parameter value is quoted, so the first colon outside quotes ends
      // the name; CN values here hold no colon.
      current->emplace(line.substr(0, colon), line.substr(colon + 1));
    }
  }
  return events;
}

std::string Get(const Properties& p, const std::string& name) {
  const auto it = p.find(name);
  return it == p.end() ? "" : it->second;
}

class FieldworkApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    fieldwork_ = v1::FieldworkService::NewStub(server_->InProcessChannel());
    partnership_ = MakePartnership(
        "Anytown Community Safety Partnership",
        {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT}, {"Shire Police", v1::SECTOR_POLICE}});
    day1_ = Today() - 1;
    engagement_ = MakeEngagement(partnership_.name(), day1_).name();
    lena_ = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
    hari_ = MakePeer("Hari Health", "Southshire NHS", v1::SECTOR_HEALTH, Today() + 400);
    AddMember(engagement_, lena_.name(), v1::TEAM_ROLE_LEAD_PEER);
    AddMember(engagement_, hari_.name(), v1::TEAM_ROLE_PEER);
    lena_token_ = TokenFor(v1::ROLE_PEER, lena_.name());
  }

  v1::Activity Interview(const std::string& title, int day, int from, int to,
                         const std::vector<std::string>& peers) {
    v1::Activity a;
    a.set_kind(v1::ACTIVITY_KIND_INTERVIEW);
    a.set_title(title);
    a.set_day(day);
    *a.mutable_start_time() = At(from);
    *a.mutable_end_time() = At(to);
    a.set_place("Town Hall, Room 2");
    v1::Participant* p = a.add_participants();
    p->set_role("Community safety manager");
    p->set_organisation("Anytown Council");
    p->set_sector(v1::SECTOR_LOCAL_GOVERNMENT);
    for (const std::string& peer : peers) a.add_peers(peer);
    return a;
  }

  grpc::Status Plan(const std::string& token, const v1::Activity& activity, v1::Activity* out,
                    const std::string& request_id = "") {
    v1::CreateActivityRequest request;
    request.set_parent(engagement_);
    *request.mutable_activity() = activity;
    request.set_request_id(request_id);
    return fieldwork_->CreateActivity(Ctx(token).get(), request, out);
  }

  // Takes the engagement through desk research and the questionnaire to
  // fieldwork (its day 1 was yesterday).
  void StartFieldwork() {
    v1::UpdateEngagementRequest scope;
    scope.mutable_engagement()->set_name(engagement_);
    scope.mutable_engagement()->mutable_scoping()->add_issues("Is the vision shared?");
    *scope.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_open() =
        ToDate(Today() - 30);
    *scope.mutable_engagement()->mutable_key_dates()->mutable_questionnaire_close() =
        ToDate(Today() - 10);
    scope.mutable_update_mask()->add_paths("scoping.issues");
    scope.mutable_update_mask()->add_paths("key_dates.questionnaire_open");
    scope.mutable_update_mask()->add_paths("key_dates.questionnaire_close");
    v1::Engagement e;
    ASSERT_TRUE(engagements_->UpdateEngagement(Lead().get(), scope, &e).ok());
    auto questionnaires = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    v1::CreateQuestionnaireRequest q;
    q.set_parent(engagement_);
    q.mutable_questionnaire()->set_framework("frameworks/partnership-assessment-tool/versions/1");
    q.mutable_questionnaire()->mutable_open_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
    q.mutable_questionnaire()->mutable_close_time()->set_seconds(
        absl::ToUnixSeconds(absl::Now() + absl::Hours(24)));
    v1::Questionnaire created;
    ASSERT_TRUE(questionnaires->CreateQuestionnaire(Lead().get(), q, &created).ok());
    v1::TransitionEngagementRequest t;
    t.set_name(engagement_);
    ASSERT_TRUE(engagements_->BeginDeskResearch(Lead().get(), t, &e).ok());
    ASSERT_TRUE(engagements_->OpenQuestionnaire(Lead().get(), t, &e).ok());
    grpc::Status started = engagements_->StartFieldwork(Lead().get(), t, &e);
    ASSERT_TRUE(started.ok()) << started.error_message();
  }

  std::unique_ptr<v1::FieldworkService::Stub> fieldwork_;
  v1::Partnership partnership_;
  absl::CivilDay day1_;
  std::string engagement_;
  v1::Peer lena_, hari_;
  std::string lena_token_;
};

TEST_F(FieldworkApiTest, APeerBookedInTwoPlacesAtOnceIsRefusedNamingTheClash) {
  v1::Activity first, out;
  ASSERT_TRUE(Plan(lena_token_, Interview("Community safety manager", 1, 9, 10, {lena_.name()}),
                   &first)
                  .ok());
  EXPECT_EQ(first.state(), v1::ACTIVITY_STATE_PLANNED);
  EXPECT_EQ(first.name().rfind(engagement_ + "/activities/", 0), 0u);
  EXPECT_THAT(
      Plan(lena_token_, Interview("Police inspector", 1, 9, 11, {hari_.name(), lena_.name()}),
           &out),
      GrpcIsWith(StatusCode::FAILED_PRECONDITION,
                 absl::StrCat("Lena Lead (", lena_.home_organisation(),
                              ") is already at \"Community safety manager\" on day 1 from "
                              "09:00 to 10:00; a peer cannot be in two places at once")));
  // Back to back, another day, or another peer: no clash.
  EXPECT_TRUE(Plan(lena_token_, Interview("Police inspector", 1, 10, 11, {lena_.name()}), &out).ok());
  EXPECT_TRUE(Plan(lena_token_, Interview("Fire officer", 2, 9, 10, {lena_.name()}), &out).ok());
  EXPECT_TRUE(Plan(lena_token_, Interview("Housing officer", 1, 9, 10, {hari_.name()}), &out).ok());
  // A cancelled activity frees its peers.
  v1::ActivityStateRequest cancel;
  cancel.set_name(first.name());
  ASSERT_TRUE(fieldwork_->CancelActivity(Ctx(lena_token_).get(), cancel, &out).ok());
  EXPECT_EQ(out.state(), v1::ACTIVITY_STATE_CANCELLED);
  EXPECT_TRUE(Plan(lena_token_, Interview("Youth worker", 1, 9, 10, {lena_.name()}), &out).ok());
  // Moving an activity into a clash is refused the same way.
  v1::UpdateActivityRequest move;
  *move.mutable_activity() = out;
  move.mutable_activity()->set_day(2);
  move.mutable_update_mask()->add_paths("day");
  EXPECT_THAT(fieldwork_->UpdateActivity(Ctx(lena_token_).get(), move, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "\"Fire officer\""));
}

TEST_F(FieldworkApiTest, BadActivitiesAreRefusedAndChangeNothing) {
  v1::Activity out;
  const v1::Peer outsider =
      MakePeer("Olly Outside", "Eastshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
  EXPECT_THAT(Plan(lena_token_, Interview("x", 4, 9, 10, {}), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "day must be 1, 2 or 3"));
  EXPECT_THAT(Plan(lena_token_, Interview("x", 1, 10, 9, {}), &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "end_time must be after start_time"));
  v1::Activity late = Interview("x", 1, 23, 24, {});
  *late.mutable_end_time() = At(24, 30);
  EXPECT_THAT(Plan(lena_token_, late, &out), GrpcIsWith(StatusCode::INVALID_ARGUMENT, "end_time"));
  v1::Activity nameless = Interview("x", 1, 9, 10, {});
  nameless.mutable_participants(0)->clear_role();
  nameless.mutable_participants(0)->clear_organisation();
  nameless.mutable_participants(0)->add_names("A. Person");
  EXPECT_THAT(Plan(lena_token_, nameless, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "needs a role or an organisation"));
  EXPECT_THAT(Plan(lena_token_, Interview("x", 1, 9, 10, {outsider.name()}), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION,
                         "Olly Outside (Eastshire Council) is not on the team; add them to "
                         "the team first"));
  EXPECT_THAT(Plan(lena_token_, Interview("x", 1, 9, 10, {"people/1"}), &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  v1::ListActivitiesRequest list;
  list.set_parent(engagement_);
  v1::ListActivitiesResponse listed;
  ASSERT_TRUE(fieldwork_->ListActivities(Lead().get(), list, &listed).ok());
  EXPECT_EQ(listed.activities_size(), 0);
}

TEST_F(FieldworkApiTest, ARetriedCreateMakesOneActivityAndStaleEditsAreAborted) {
  const v1::Activity input = Interview("Chair of the board", 3, 14, 15, {lena_.name()});
  v1::Activity first, again;
  ASSERT_TRUE(Plan(lena_token_, input, &first, "plan-1").ok());
  ASSERT_TRUE(Plan(lena_token_, input, &again, "plan-1").ok());
  EXPECT_EQ(first.name(), again.name());

  v1::UpdateActivityRequest update;
  *update.mutable_activity() = first;
  update.mutable_activity()->set_place("Police HQ");
  update.mutable_update_mask()->add_paths("place");
  v1::Activity moved;
  ASSERT_TRUE(fieldwork_->UpdateActivity(Ctx(lena_token_).get(), update, &moved).ok());
  EXPECT_EQ(moved.place(), "Police HQ");
  EXPECT_NE(moved.etag(), first.etag());
  update.mutable_activity()->set_place("Fire station");  // still the first etag
  EXPECT_THAT(fieldwork_->UpdateActivity(Ctx(lena_token_).get(), update, &moved),
              GrpcIs(StatusCode::ABORTED));
  v1::GetActivityRequest get;
  get.set_name(first.name());
  ASSERT_TRUE(fieldwork_->GetActivity(Ctx(lena_token_).get(), get, &moved).ok());
  EXPECT_EQ(moved.place(), "Police HQ");

  v1::ListActivitiesRequest list;
  list.set_parent(engagement_);
  v1::ListActivitiesResponse listed;
  ASSERT_TRUE(fieldwork_->ListActivities(Lead().get(), list, &listed).ok());
  EXPECT_EQ(listed.activities_size(), 1);
}

TEST_F(FieldworkApiTest, ActivitiesAreHeldOnlyOnceFieldworkHasStarted) {
  v1::Activity planned, out;
  ASSERT_TRUE(Plan(lena_token_, Interview("Chair", 1, 9, 10, {lena_.name()}), &planned).ok());
  v1::ActivityStateRequest held;
  held.set_name(planned.name());
  EXPECT_THAT(fieldwork_->MarkActivityHeld(Ctx(lena_token_).get(), held, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "only once fieldwork has started"));
  ASSERT_NO_FATAL_FAILURE(StartFieldwork());
  // Day 3 is tomorrow: not yet.
  v1::Activity tomorrow;
  ASSERT_TRUE(Plan(lena_token_, Interview("Fire chief", 3, 9, 10, {lena_.name()}), &tomorrow).ok());
  v1::ActivityStateRequest early;
  early.set_name(tomorrow.name());
  EXPECT_THAT(fieldwork_->MarkActivityHeld(Ctx(lena_token_).get(), early, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "which has not come yet"));
  ASSERT_TRUE(fieldwork_->MarkActivityHeld(Ctx(lena_token_).get(), held, &out).ok());
  EXPECT_EQ(out.state(), v1::ACTIVITY_STATE_HELD);
  EXPECT_THAT(AuditDetails("MarkActivityHeld"), ::testing::ElementsAre("state: PLANNED -> HELD"));
  // A held activity is a record: it is neither cancelled nor edited.
  EXPECT_THAT(fieldwork_->CancelActivity(Ctx(lena_token_).get(), held, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "HELD"));
  v1::UpdateActivityRequest update;
  *update.mutable_activity() = out;
  update.mutable_activity()->set_title("Changed");
  update.mutable_update_mask()->add_paths("title");
  EXPECT_THAT(fieldwork_->UpdateActivity(Ctx(lena_token_).get(), update, &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "only a planned activity changes"));
  v1::ListActivitiesRequest list;
  list.set_parent(engagement_);
  list.set_filter("state = HELD");
  v1::ListActivitiesResponse listed;
  ASSERT_TRUE(fieldwork_->ListActivities(Lead().get(), list, &listed).ok());
  ASSERT_EQ(listed.activities_size(), 1);
  EXPECT_EQ(listed.activities(0).name(), planned.name());
}

TEST_F(FieldworkApiTest, TheTimetableListsAndExportsAsICalendarThatParsesBack) {
  v1::Activity a, b, c;
  ASSERT_TRUE(Plan(lena_token_, Interview("Chair; board, \"vision\"", 2, 14, 15, {lena_.name()}),
                   &a)
                  .ok());
  ASSERT_TRUE(Plan(lena_token_, Interview("Night patrol", 1, 22, 24,
                                          {lena_.name(), hari_.name()}),
                   &b)
                  .ok());
  v1::Activity group = Interview("Front-line staff", 1, 9, 11, {hari_.name()});
  group.set_kind(v1::ACTIVITY_KIND_FOCUS_GROUP);
  group.mutable_participants(0)->set_count(8);
  ASSERT_TRUE(Plan(lena_token_, group, &c).ok());

  // In timetable order, paged, and filtered.
  std::vector<std::string> order;
  std::string token;
  do {
    v1::ListActivitiesRequest list;
    list.set_parent(engagement_);
    list.set_page_size(1);
    list.set_page_token(token);
    v1::ListActivitiesResponse page;
    ASSERT_TRUE(fieldwork_->ListActivities(Lead().get(), list, &page).ok());
    for (const auto& activity : page.activities()) order.push_back(activity.name());
    token = page.next_page_token();
  } while (!token.empty());
  EXPECT_EQ(order, (std::vector<std::string>{c.name(), b.name(), a.name()}));
  v1::ListActivitiesRequest filtered;
  filtered.set_parent(engagement_);
  filtered.set_filter(absl::StrCat("day = 1 AND peer = \"", lena_.name(), "\""));
  v1::ListActivitiesResponse lena_day1;
  ASSERT_TRUE(fieldwork_->ListActivities(Lead().get(), filtered, &lena_day1).ok());
  ASSERT_EQ(lena_day1.activities_size(), 1);
  EXPECT_EQ(lena_day1.activities(0).name(), b.name());
  filtered.set_filter("colour = red");
  EXPECT_THAT(fieldwork_->ListActivities(Lead().get(), filtered, &lena_day1),
              GrpcIs(StatusCode::INVALID_ARGUMENT));

  v1::ExportTimetableRequest request;
  request.set_parent(engagement_);
  v1::Timetable team;
  ASSERT_TRUE(fieldwork_->ExportTimetable(Ctx(lena_token_).get(), request, &team).ok());
  EXPECT_EQ(team.filename(), "anytown-community-safety-partnership-fieldwork.ics");
  const std::vector<Properties> events = ParseEvents(team.calendar());
  ASSERT_EQ(events.size(), 3u);
  const auto stamp = [](absl::CivilDay day, int hour) {
    return absl::StrFormat("%04d%02d%02dT%02d0000", day.year(), day.month(), day.day(), hour);
  };
  // Timetable order: day 1 09:00, day 1 22:00 (to midnight), day 2 14:00.
  EXPECT_EQ(Get(events[0], "SUMMARY"), "Focus group: Front-line staff");
  EXPECT_EQ(Get(events[0], "DTSTART"), stamp(day1_, 9));
  EXPECT_TRUE(absl::StrContains(Get(events[0], "DESCRIPTION"),
                                "Community safety manager\\, Anytown Council (8)"));
  EXPECT_EQ(Get(events[1], "DTEND"), stamp(day1_ + 1, 0));
  EXPECT_EQ(events[1].count("ATTENDEE;CN=\"Lena Lead\";ROLE=REQ-PARTICIPANT"), 1u);
  EXPECT_EQ(events[1].count("ATTENDEE;CN=\"Hari Health\";ROLE=REQ-PARTICIPANT"), 1u);
  EXPECT_EQ(Get(events[2], "SUMMARY"), "Interview: Chair\\; board\\, \"vision\"");
  EXPECT_EQ(Get(events[2], "DTSTART"), stamp(day1_ + 1, 14));
  EXPECT_EQ(Get(events[2], "LOCATION"), "Town Hall\\, Room 2");
  EXPECT_EQ(Get(events[2], "STATUS"), "CONFIRMED");
  EXPECT_EQ(Get(events[2], "UID"), absl::StrCat(a.name().substr(a.name().rfind('/') + 1), "-",
                                                 engagement_.substr(engagement_.rfind('/') + 1),
                                                 "@healthcheck"));

  request.set_peer(hari_.name());
  v1::Timetable hari;
  ASSERT_TRUE(fieldwork_->ExportTimetable(Ctx(lena_token_).get(), request, &hari).ok());
  EXPECT_EQ(hari.filename(), "anytown-community-safety-partnership-fieldwork-hari-health.ics");
  EXPECT_EQ(ParseEvents(hari.calendar()).size(), 2u);
  // The partnership's contact gets Hari's timetable without the peers' emails.
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  v1::Timetable theirs;
  ASSERT_TRUE(fieldwork_->ExportTimetable(Ctx(contact).get(), request, &theirs).ok());
  EXPECT_FALSE(absl::StrContains(theirs.calendar(), "ATTENDEE"));
  EXPECT_FALSE(absl::StrContains(theirs.calendar(), "mailto:"));
  const std::vector<Properties> their_events = ParseEvents(theirs.calendar());
  ASSERT_EQ(their_events.size(), 2u);
  EXPECT_TRUE(absl::StrContains(Get(their_events[1], "DESCRIPTION"),
                                "Peers: Lena Lead\\, Hari Health."));

  // Without fieldwork dates there is no calendar to give.
  const std::string undated = MakeEngagement(partnership_.name()).name();
  request.set_parent(undated);
  request.clear_peer();
  EXPECT_THAT(fieldwork_->ExportTimetable(Lead().get(), request, &team),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "no fieldwork dates"));
}

TEST_F(FieldworkApiTest, DocumentsOfDeskResearchAreKeptNewestFirst) {
  v1::CreateDocumentRequest create;
  create.set_parent(engagement_);
  create.mutable_document()->set_title("Community safety strategy 2025-28");
  create.mutable_document()->set_source("Anytown Council");
  *create.mutable_document()->mutable_date() = ToDate(absl::CivilDay(2025, 4, 1));
  create.set_request_id("doc-1");
  v1::Document first, again, second;
  ASSERT_TRUE(fieldwork_->CreateDocument(Ctx(lena_token_).get(), create, &first).ok());
  ASSERT_TRUE(fieldwork_->CreateDocument(Ctx(lena_token_).get(), create, &again).ok());
  EXPECT_EQ(first.name(), again.name());
  create.mutable_document()->set_title("Board minutes, March");
  create.set_request_id("doc-2");
  ASSERT_TRUE(fieldwork_->CreateDocument(Ctx(lena_token_).get(), create, &second).ok());
  create.mutable_document()->clear_title();
  create.set_request_id("doc-3");
  EXPECT_THAT(fieldwork_->CreateDocument(Ctx(lena_token_).get(), create, &again),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "title"));

  v1::ListDocumentsRequest list;
  list.set_parent(engagement_);
  v1::ListDocumentsResponse listed;
  ASSERT_TRUE(fieldwork_->ListDocuments(Lead().get(), list, &listed).ok());
  ASSERT_EQ(listed.documents_size(), 2);
  EXPECT_EQ(listed.documents(0).name(), second.name());
  EXPECT_EQ(listed.documents(1).name(), first.name());
  EXPECT_EQ(listed.documents(1).date().year(), 2025);

  // Paged one at a time, still newest first.
  std::vector<std::string> paged;
  std::string token;
  do {
    list.set_page_size(1);
    list.set_page_token(token);
    ASSERT_TRUE(fieldwork_->ListDocuments(Lead().get(), list, &listed).ok());
    for (const auto& d : listed.documents()) paged.push_back(d.name());
    token = listed.next_page_token();
  } while (!token.empty());
  EXPECT_EQ(paged, (std::vector<std::string>{second.name(), first.name()}));

  v1::UpdateDocumentRequest update;
  *update.mutable_document() = first;
  update.mutable_document()->set_notes("Vision section is thin on outcomes.");
  update.mutable_update_mask()->add_paths("notes");
  v1::Document updated;
  ASSERT_TRUE(fieldwork_->UpdateDocument(Ctx(lena_token_).get(), update, &updated).ok());
  EXPECT_EQ(updated.notes(), "Vision section is thin on outcomes.");
  EXPECT_THAT(fieldwork_->UpdateDocument(Ctx(lena_token_).get(), update, &updated),
              GrpcIs(StatusCode::ABORTED));
}

TEST_F(FieldworkApiTest, ThePartnershipReadsThePlanButOnlyTheTeamAndProgrammeLeadChangeIt) {
  v1::Activity planned, out;
  ASSERT_TRUE(Plan(lena_token_, Interview("Chair", 1, 9, 10, {lena_.name()}), &planned).ok());
  const std::string contact =
      TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  v1::GetActivityRequest get;
  get.set_name(planned.name());
  EXPECT_TRUE(fieldwork_->GetActivity(Ctx(contact).get(), get, &out).ok());
  EXPECT_THAT(Plan(contact, Interview("Mine", 2, 9, 10, {}), &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  const v1::Peer outsider =
      MakePeer("Olly Outside", "Eastshire Council", v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
  const std::string outsider_token = TokenFor(v1::ROLE_PEER, outsider.name());
  EXPECT_THAT(fieldwork_->GetActivity(Ctx(outsider_token).get(), get, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(Plan(lead_token_, Interview("Programme lead's", 2, 9, 10, {}), &out).ok());
  get.set_name(absl::StrCat(engagement_, "/activities/nosuch"));
  EXPECT_THAT(fieldwork_->GetActivity(Lead().get(), get, &out), GrpcIs(StatusCode::NOT_FOUND));
  get.set_name("engagements/x/meetings/y");
  EXPECT_THAT(fieldwork_->GetActivity(Lead().get(), get, &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

TEST_F(FieldworkApiTest, AnEndedEngagementsPlanAndDocumentsNoLongerChange) {
  v1::Activity planned, out;
  ASSERT_TRUE(Plan(lena_token_, Interview("Chair", 1, 9, 10, {lena_.name()}), &planned).ok());
  v1::TransitionEngagementRequest cancel;
  cancel.set_name(engagement_);
  cancel.set_reason("Partnership dissolved");
  v1::Engagement e;
  ASSERT_TRUE(engagements_->CancelEngagement(Lead().get(), cancel, &e).ok());
  EXPECT_THAT(Plan(lena_token_, Interview("Late", 2, 9, 10, {}), &out),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "CANCELLED and can no longer change"));
  v1::ActivityStateRequest held;
  held.set_name(planned.name());
  EXPECT_THAT(fieldwork_->CancelActivity(Ctx(lena_token_).get(), held, &out),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  v1::CreateDocumentRequest doc;
  doc.set_parent(engagement_);
  doc.mutable_document()->set_title("Minutes");
  v1::Document d;
  EXPECT_THAT(fieldwork_->CreateDocument(Lead().get(), doc, &d),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  // Still readable.
  v1::GetActivityRequest get;
  get.set_name(planned.name());
  ASSERT_TRUE(fieldwork_->GetActivity(Ctx(lena_token_).get(), get, &out).ok());
  EXPECT_EQ(out.state(), v1::ACTIVITY_STATE_PLANNED);
}

}  // namespace
}  // namespace hc::testing
