#include "clients/cli/activity_commands.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/cli/errors.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

// The command that prints activities' names, for usage errors.
constexpr char kLister[] = "hcctl activities list";

constexpr char kParticipantForm[] = "ROLE:ORG:SECTOR[:N]";
constexpr char kParticipantExample[] =
    "\"Community safety manager:Anytown Council:local_government:2\"";

// The fields bound to flags as they are; ApplyActivityFlags parses the day,
// the times, the participants and the peers itself.
std::vector<FieldFlag> ActivityFields() {
  return {
      {"kind", "kind", "kind", "What the team does."},
      {"title", "title", "title",
       "What it is, e.g. \"Community safety manager\" (1-200 characters)."},
      {"place", "place", "place",
       "Where it happens, e.g. \"Town hall, room 2\" (update: --place= "
       "clears it)."},
  };
}

std::unique_ptr<v1::FieldworkService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::FieldworkService::NewStub(invocation.connection.channel());
}

absl::StatusOr<std::string> ActivityName(absl::string_view text) {
  return EngagementChildName(kActivities, "ACTIVITY", kLister, text);
}

// The fieldwork day given to flag `flag`: 1, 2 or 3, else a usage error.
absl::StatusOr<int> ParseDay(absl::string_view flag, absl::string_view text) {
  if (text != "1" && text != "2" && text != "3") {
    return UsageError(absl::StrCat("invalid --", flag, " \"", text,
                                   "\": expected a fieldwork day, 1, 2 or 3"));
  }
  return text[0] - '0';
}

// "Community safety manager:Anytown Council:local_government:2" -> that
// participant. ROLE or ORG (the organisation) may be empty, not both;
// neither may hold a ':'. SECTOR may be empty (unknown). N, the count, a
// whole number 1 or more, defaults to 1. Spaces around a part are dropped.
// Returns a usage error for anything else.
absl::StatusOr<v1::Participant> ParseParticipant(absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, ':');
  if (parts.size() != 3 && parts.size() != 4) {
    return UsageError(absl::StrCat("invalid --participant \"", text,
                                   "\": expected ", kParticipantForm, ", e.g. ",
                                   kParticipantExample));
  }
  v1::Participant participant;
  participant.set_role(std::string(absl::StripAsciiWhitespace(parts[0])));
  participant.set_organisation(
      std::string(absl::StripAsciiWhitespace(parts[1])));
  if (participant.role().empty() && participant.organisation().empty()) {
    return UsageError(
        absl::StrCat("invalid --participant \"", text,
                     "\": give a ROLE, an ORG (organisation) or both, e.g. ",
                     kParticipantExample));
  }
  if (!absl::StripAsciiWhitespace(parts[2]).empty()) {
    absl::StatusOr<v1::Sector> sector =
        ParseEnum<v1::Sector>("participant", parts[2]);
    if (!sector.ok()) {
      return UsageError(absl::StrCat(
          "invalid sector in --participant \"", text, "\": expected one of ",
          EnumChoices(*v1::Sector_descriptor()), ", or nothing"));
    }
    participant.set_sector(*sector);
  }
  if (parts.size() == 4) {
    const absl::string_view count = absl::StripAsciiWhitespace(parts[3]);
    int number = 0;
    if (count.empty() || !absl::c_all_of(count, absl::ascii_isdigit) ||
        !absl::SimpleAtoi(count, &number) || number < 1) {
      return UsageError(absl::StrCat("invalid count in --participant \"", text,
                                     "\": expected a whole number, 1 or "
                                     "more"));
    }
    participant.set_count(number);
  }
  return participant;
}

int MinuteOfDay(const v1::TimeOfDay& time) {
  return time.hours() * 60 + time.minutes();
}

// Sets the fields whose flags were given and returns their update-mask
// paths. --participant and --peer replace the whole list; given once with
// an empty value, they empty it. Returns a usage error for a malformed
// value, or for an --end not after --start when both are given.
absl::StatusOr<std::vector<std::string>> ApplyActivityFlags(
    const FlagValues& flags, v1::Activity& activity) {
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(ActivityFields(), flags, activity);
  if (!paths.ok()) return paths;
  if (flags.Has("day")) {
    absl::StatusOr<int> day = ParseDay("day", flags.Get("day"));
    if (!day.ok()) return day.status();
    activity.set_day(*day);
    paths->push_back("day");
  }
  if (flags.Has("start")) {
    absl::StatusOr<v1::TimeOfDay> start =
        ParseTimeOfDay("start", flags.Get("start"), /*end_of_day=*/false);
    if (!start.ok()) return start.status();
    *activity.mutable_start_time() = *start;
    paths->push_back("start_time");
  }
  if (flags.Has("end")) {
    absl::StatusOr<v1::TimeOfDay> end =
        ParseTimeOfDay("end", flags.Get("end"), /*end_of_day=*/true);
    if (!end.ok()) return end.status();
    *activity.mutable_end_time() = *end;
    paths->push_back("end_time");
  }
  if (flags.Has("start") && flags.Has("end") &&
      MinuteOfDay(activity.end_time()) <= MinuteOfDay(activity.start_time())) {
    return UsageError(absl::StrCat("invalid --end \"", flags.Get("end"),
                                   "\": expected a time after --start \"",
                                   flags.Get("start"), "\""));
  }
  if (flags.Has("participant")) {
    activity.clear_participants();
    for (const std::string& text : flags.GetAll("participant")) {
      if (text.empty()) continue;
      absl::StatusOr<v1::Participant> participant = ParseParticipant(text);
      if (!participant.ok()) return participant.status();
      *activity.add_participants() = *std::move(participant);
    }
    paths->push_back("participants");
  }
  if (flags.Has("peer")) {
    activity.clear_peers();
    for (const std::string& text : flags.GetAll("peer")) {
      if (text.empty()) continue;
      absl::StatusOr<std::string> peer = ResourceName(kPeers, "--peer", text);
      if (!peer.ok()) return peer.status();
      activity.add_peers(*std::move(peer));
    }
    paths->push_back("peers");
  }
  return paths;
}

// The AIP-160 filter of `activities list`: its terms joined by AND.
absl::StatusOr<std::string> ActivityFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("day")) {
    absl::StatusOr<int> day = ParseDay("day", flags.Get("day"));
    if (!day.ok()) return day.status();
    terms.push_back(absl::StrCat("day = ", *day));
  }
  if (flags.Has("peer")) {
    absl::StatusOr<std::string> peer =
        ResourceName(kPeers, "--peer", flags.Get("peer"));
    if (!peer.ok()) return peer.status();
    terms.push_back(absl::StrCat("peer = \"", *peer, "\""));
  }
  if (flags.Has("state")) {
    absl::StatusOr<v1::ActivityState> state =
        ParseEnum<v1::ActivityState>("state", flags.Get("state"));
    if (!state.ok()) return state.status();
    terms.push_back(
        absl::StrCat("state = ", absl::AsciiStrToUpper(EnumLabel(*state))));
  }
  return absl::StrJoin(terms, " AND ");
}

absl::Status ShowActivity(const Invocation& invocation,
                          const v1::Activity& activity) {
  return Show(invocation, activity, ActivityText(activity));
}

absl::Status Plan(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::CreateActivityRequest request;
  request.set_parent(*engagement);
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyActivityFlags(invocation.flags, *request.mutable_activity());
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Activity response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateActivity(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowActivity(invocation, response);
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ActivityName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetActivityRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Activity response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetActivity(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowActivity(invocation, response);
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  absl::StatusOr<std::string> filter = ActivityFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListActivitiesResponse>(
      invocation,
      [&](const Paging& paging, v1::ListActivitiesResponse& page) {
        v1::ListActivitiesRequest request;
        request.set_parent(*engagement);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListActivities(&context, request, &page);
            });
      },
      ActivitiesTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ActivityName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateActivityRequest request;
  v1::Activity& activity = *request.mutable_activity();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyActivityFlags(invocation.flags, activity);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  activity.set_name(*name);
  activity.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Activity response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdateActivity(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowActivity(invocation, response);
}

using StateMethod = grpc::Status (v1::FieldworkService::StubInterface::*)(
    grpc::ClientContext*, const v1::ActivityStateRequest&, v1::Activity*);

// Moves a planned activity on with `method` (MarkActivityHeld or
// CancelActivity); not retried.
absl::Status ChangeState(const Invocation& invocation, StateMethod method) {
  absl::StatusOr<std::string> name = ActivityName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::ActivityStateRequest request;
  request.set_name(*name);
  request.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  v1::Activity response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return (stub.get()->*method)(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowActivity(invocation, response);
}

absl::Status Held(const Invocation& invocation) {
  return ChangeState(invocation,
                     &v1::FieldworkService::StubInterface::MarkActivityHeld);
}

absl::Status Cancel(const Invocation& invocation) {
  return ChangeState(invocation,
                     &v1::FieldworkService::StubInterface::CancelActivity);
}

// Where --out asks the calendar to go: `path` itself, or, when `path` is an
// existing directory, the file name the server suggests in it.
struct OutPath {
  std::filesystem::path path;
  bool directory = false;
};

// Checks --out before any call: a usage error "PATH: cannot write: ..."
// unless it is an existing directory or a file whose directory exists.
absl::StatusOr<OutPath> CheckOut(const std::string& out) {
  if (out.empty()) {
    return UsageError("invalid --out \"\": expected a file or directory");
  }
  std::error_code error;
  const std::filesystem::path path(out);
  if (std::filesystem::is_directory(path, error)) return OutPath{path, true};
  const std::filesystem::path parent =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent, error)) {
    return UsageError(absl::StrCat(out, ": cannot write: ", parent.string(),
                                   " is not a directory"));
  }
  return OutPath{path, false};
}

// The file to write: out.path, or the server's `filename` in that
// directory. INTERNAL if the server suggests a name that is not a plain
// file name (it could otherwise place the file elsewhere).
absl::StatusOr<std::filesystem::path> ResolveOut(const OutPath& out,
                                                 const std::string& filename) {
  if (!out.directory) return out.path;
  if (filename.empty() || absl::StrContains(filename, '/') ||
      absl::StartsWith(filename, ".")) {
    return absl::InternalError(
        absl::StrCat("the server suggested no usable file name (\"", filename,
                     "\"); give --out=FILE"));
  }
  return out.path / filename;
}

// Writes `contents` to `path` as they are, replacing the file. A usage
// error "PATH: cannot write: reason" if it cannot.
absl::Status WriteFile(const std::filesystem::path& path,
                       const std::string& contents) {
  errno = 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (file.is_open()) file << contents;
  if (file.is_open()) file.close();
  if (!file) {
    return UsageError(absl::StrCat(
        path.string(),
        ": cannot write: ", errno != 0 ? std::strerror(errno) : "I/O error"));
  }
  return absl::OkStatus();
}

// The number of VEVENTs in iCalendar `calendar`.
int EventCount(absl::string_view calendar) {
  int count = 0;
  for (absl::string_view line : absl::StrSplit(calendar, '\n')) {
    if (absl::StripTrailingAsciiWhitespace(line) == "BEGIN:VEVENT") ++count;
  }
  return count;
}

absl::Status Timetable(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::ExportTimetableRequest request;
  request.set_parent(*engagement);
  if (invocation.flags.Has("peer")) {
    absl::StatusOr<std::string> peer =
        ResourceName(kPeers, "--peer", invocation.flags.Get("peer"));
    if (!peer.ok()) return peer.status();
    request.set_peer(*peer);
  }
  std::optional<OutPath> out;
  if (invocation.flags.Has("out")) {
    absl::StatusOr<OutPath> checked = CheckOut(invocation.flags.Get("out"));
    if (!checked.ok()) return checked.status();
    out = *std::move(checked);
  }
  auto stub = NewStub(invocation);
  v1::Timetable response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->ExportTimetable(&context, request, &response);
      });
  if (!status.ok()) return status;
  if (!out.has_value()) return Show(invocation, response, response.calendar());
  absl::StatusOr<std::filesystem::path> path =
      ResolveOut(*out, response.filename());
  if (!path.ok()) return path.status();
  if (absl::Status written = WriteFile(*path, response.calendar());
      !written.ok()) {
    return written;
  }
  return Show(invocation, response,
              absl::StrCat("wrote ", path->string(), " (",
                           EventCount(response.calendar()), " event(s))\n"));
}

std::vector<FlagSpec> ActivityFlags(bool create) {
  std::vector<FlagSpec> flags =
      FieldFlagSpecs(*v1::Activity::descriptor(), ActivityFields(),
                     create ? std::vector<std::string>{"kind", "title"}
                            : std::vector<std::string>{});
  const std::vector<FlagSpec> more = {
      {"day", "N", "The fieldwork day: 1, 2 or 3.", false,
       /*required=*/create},
      {"start", "HH:MM", "When it starts, local time on the day (00:00-23:59).",
       false,
       /*required=*/create},
      {"end", "HH:MM", "When it ends, after --start; 24:00 at the latest.",
       false, /*required=*/create},
      {"participant", kParticipantForm,
       absl::StrCat(
           "Who takes part: a role, an organisation (ORG) or both, without "
           "':'; their sector, or nothing (one of ",
           EnumChoices(*v1::Sector_descriptor()),
           "); how many (N, default 1). E.g. ", kParticipantExample, ".",
           create ? "" : " Replaces the list, and any names recorded in it."),
       /*repeated=*/true},
      {"peer", "PEER",
       "A peer attending, peers/{id} or a bare id: a member of the "
       "engagement's team.",
       /*repeated=*/true},
  };
  flags.insert(flags.end(), more.begin(), more.end());
  if (!create) flags.push_back(EtagFlag("activity"));
  return flags;
}

std::vector<FlagSpec> ListFlags() {
  std::vector<FlagSpec> flags = {
      {"day", "N", "Only the activities of fieldwork day 1, 2 or 3."},
      {"peer", "PEER", "Only the activities this peer attends."},
      {"state", "STATE",
       absl::StrCat("Only activities in this state. One of: ",
                    EnumChoices(*v1::ActivityState_descriptor()), ".")},
  };
  for (FlagSpec& spec : PagingFlags()) flags.push_back(std::move(spec));
  return flags;
}

constexpr char kActivityArg[] =
    "ACTIVITY is the full name hcctl activities list prints, "
    "engagements/{id}/activities/{id}. ";

constexpr char kClashes[] =
    "FAILED_PRECONDITION, naming the other activity, if one of its peers is "
    "already at another activity at an overlapping time that day, or is not "
    "on the engagement's team.";

}  // namespace

CommandGroup ActivityCommands() {
  return {
      "activities",
      "The review team's plan for the three fieldwork days: interviews, "
      "focus groups, observations and visits, and their timetable.",
      {
          {"plan",
           {"ENGAGEMENT"},
           "Plan an activity on a fieldwork day.",
           absl::StrCat(kClashes, " Times are local on the day. ",
                        kCreateDetails),
           ActivityFlags(/*create=*/true),
           Plan},
          {"list",
           {"ENGAGEMENT"},
           "List the engagement's activities in timetable order.",
           "By day, start time, then name; cancelled ones too unless "
           "--state says otherwise. The filters are joined by AND. PEERS "
           "counts the peers attending (hcctl activities get names them).",
           ListFlags(),
           List},
          {"get",
           {"ACTIVITY"},
           "Show an activity: times, place, participants, peers, state.",
           kActivityArg,
           {},
           Get},
          {"update",
           {"ACTIVITY"},
           "Change the fields given of a planned activity.",
           absl::StrCat(kActivityArg, kUpdateDetails,
                        " A held or cancelled activity no longer changes "
                        "(FAILED_PRECONDITION). ",
                        kClashes,
                        " Not retried automatically: after UNAVAILABLE or "
                        "DEADLINE_EXCEEDED, check with hcctl activities get."),
           ActivityFlags(/*create=*/false),
           Update},
          {"held",
           {"ACTIVITY"},
           "Mark a planned activity held, once fieldwork has started.",
           absl::StrCat(
               kActivityArg,
               "FAILED_PRECONDITION before the engagement reaches fieldwork, "
               "after it has ended, or unless the activity is planned. Not "
               "retried automatically: after UNAVAILABLE or "
               "DEADLINE_EXCEEDED, check with hcctl activities get."),
           {EtagFlag("activity")},
           Held},
          {"cancel",
           {"ACTIVITY"},
           "Cancel a planned activity; it stays in the timetable as "
           "cancelled.",
           absl::StrCat(
               kActivityArg,
               "A held activity cannot be cancelled (FAILED_PRECONDITION). "
               "Its peers are free again at its time. Not retried "
               "automatically: after UNAVAILABLE or DEADLINE_EXCEEDED, check "
               "with hcctl activities get."),
           {EtagFlag("activity")},
           Cancel},
          {"timetable",
           {"ENGAGEMENT"},
           "Export the timetable as an iCalendar (.ics) file, for the team "
           "or one peer.",
           "Prints the calendar, or with --out writes it to FILE (replacing "
           "it) or, if --out names a directory, to the file name the server "
           "suggests there, e.g. anytown-csp-fieldwork.ics; --json prints "
           "the calendar and that name. One event per activity at floating "
           "local times on the fieldwork dates, cancelled ones marked so. "
           "FAILED_PRECONDITION until the engagement's three fieldwork dates "
           "are set.",
           {{"peer", "PEER", "Only the activities this peer attends."},
            {"out", "FILE",
             "Write the calendar to FILE, or into the directory FILE under "
             "the server's file name."}},
           Timetable},
      }};
}

}  // namespace hc::cli
