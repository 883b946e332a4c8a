#include "core/app/fieldwork_app_service.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/field_mask.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

using domain::Activity;
using domain::ActivityState;
using domain::Document;

constexpr std::array<FieldRule<Activity>, 8> kActivityFields{{
    HC_FIELD_RULE(Activity, "kind", kind),
    HC_FIELD_RULE(Activity, "title", title),
    HC_FIELD_RULE(Activity, "day", day),
    HC_FIELD_RULE(Activity, "start_time", start_minute),
    HC_FIELD_RULE(Activity, "end_time", end_minute),
    HC_FIELD_RULE(Activity, "place", place),
    HC_FIELD_RULE(Activity, "participants", participants),
    HC_FIELD_RULE(Activity, "peers", peer_ids),
}};

constexpr std::array<FieldRule<Document>, 4> kDocumentFields{{
    HC_FIELD_RULE(Document, "title", title),
    HC_FIELD_RULE(Document, "source", source),
    HC_FIELD_RULE(Document, "date", date),
    HC_FIELD_RULE(Document, "notes", notes),
}};

std::string ActivityName(absl::string_view engagement_id, absl::string_view id) {
  return absl::StrCat("engagements/", engagement_id, "/activities/", id);
}

std::string DocumentName(absl::string_view engagement_id, absl::string_view id) {
  return absl::StrCat("engagements/", engagement_id, "/documents/", id);
}

// A peer as people know them, "Lena Lead (Northshire Council)", or their
// resource name if they cannot be read.
std::string Describe(Repositories& repos, const std::string& peer_id) {
  absl::StatusOr<domain::Peer> peer = repos.peers().Get(peer_id);
  return peer.ok() ? domain::DescribePeer(*peer) : absl::StrCat("peers/", peer_id);
}

// Checks that every peer of the activity is on the team and that none is
// booked elsewhere at the time.
absl::Status CheckPeers(Repositories& repos, const domain::Engagement& e, const Activity& a) {
  for (const std::string& peer : a.peer_ids) {
    const bool on_team = std::any_of(e.team.begin(), e.team.end(),
                                     [&](const domain::TeamMember& m) { return m.peer_id == peer; });
    if (!on_team) {
      return absl::FailedPreconditionError(absl::StrCat(
          Describe(repos, peer), " is not on the team; add them to the team first"));
    }
  }
  // Only the same day's activities can clash.
  ActivityQuery same_day;
  same_day.day = a.day;
  HC_ASSIGN_OR_RETURN(Page<Activity> others,
                      repos.activities().List(e.meta.id, same_day,
                                              PageRequest{domain::kMaxActivities, std::nullopt}));
  const std::optional<domain::Clash> clash = domain::FindClash(a, others.items);
  if (!clash) return absl::OkStatus();
  const Activity& other = *clash->other;
  return absl::FailedPreconditionError(absl::StrCat(
      Describe(repos, clash->peer_id), " is already at \"", other.title, "\" on day ", other.day, " from ",
      domain::FormatMinute(other.start_minute), " to ", domain::FormatMinute(other.end_minute),
      "; a peer cannot be in two places at once"));
}

std::optional<absl::CivilDay> DateOfDay(const domain::KeyDates& dates, int day) {
  switch (day) {
    case 1: return dates.fieldwork_day1;
    case 2: return dates.fieldwork_day2;
    case 3: return dates.fieldwork_day3;
    default: return std::nullopt;
  }
}


}  // namespace

FieldworkAppService::FieldworkAppService(Store& store, Clock& clock, IdSource& ids)
    : store_(store), clock_(clock), ids_(ids) {}

absl::StatusOr<Activity> FieldworkAppService::CreateActivity(const domain::Principal& principal,
                                                             absl::string_view engagement_id,
                                                             const Activity& input,
                                                             const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateActivity";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  Activity result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e,
                        LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kContribute, kAction));
    HC_RETURN_IF_ERROR(domain::ValidateActivity(input));
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.activities().Get(engagement_id, *earlier));
      return absl::OkStatus();
    }
    HC_ASSIGN_OR_RETURN(const int64_t existing, repos.activities().Count(engagement_id));
    if (existing >= domain::kMaxActivities) {
      return absl::FailedPreconditionError(absl::StrCat(
          "engagements/", engagement_id, " already has ", domain::kMaxActivities, " activities"));
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    result.state = ActivityState::kPlanned;
    HC_RETURN_IF_ERROR(CheckPeers(repos, e, result));
    HC_RETURN_IF_ERROR(repos.activities().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, ActivityName(engagement_id, result.meta.id), now);
  }));
  return result;
}

absl::StatusOr<Activity> FieldworkAppService::GetActivity(const domain::Principal& principal,
                                                          absl::string_view engagement_id,
                                                          absl::string_view id) {
  Activity result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      "GetActivity")
                           .status());
    HC_ASSIGN_OR_RETURN(result, repos.activities().Get(engagement_id, id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<Activity>> FieldworkAppService::ListActivities(
    const domain::Principal& principal, absl::string_view engagement_id,
    const ActivityQuery& query, const PageRequest& page) {
  Page<Activity> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      "ListActivities")
                           .status());
    HC_ASSIGN_OR_RETURN(result, repos.activities().List(engagement_id, query, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Activity> FieldworkAppService::UpdateActivity(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    const Activity& input, const std::vector<std::string>& paths,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateActivity";
  Activity result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e,
                        LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kContribute, kAction));
    HC_ASSIGN_OR_RETURN(result, repos.activities().Get(engagement_id, id));
    const std::string name = ActivityName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    if (result.state != ActivityState::kPlanned) {
      return absl::FailedPreconditionError(absl::StrCat(
          name, " is ", domain::ActivityStateName(result.state), "; only a planned activity changes"));
    }
    const Activity before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<Activity>(kActivityFields, paths, input, result));
    HC_RETURN_IF_ERROR(domain::ValidateActivity(result));
    HC_RETURN_IF_ERROR(CheckPeers(repos, e, result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.activities().Update(result));
    return Audit(repos, principal, kAction, name, now,
                 DescribeChanges<Activity>(kActivityFields, before, result));
  }));
  return result;
}

absl::StatusOr<Activity> FieldworkAppService::ChangeState(const domain::Principal& principal,
                                                          absl::string_view engagement_id,
                                                          absl::string_view id,
                                                          std::optional<int64_t> expected_version,
                                                          absl::string_view action,
                                                          ActivityState to) {
  Activity result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e,
                        LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kContribute, action));
    HC_ASSIGN_OR_RETURN(result, repos.activities().Get(engagement_id, id));
    const std::string name = ActivityName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    if (result.state != ActivityState::kPlanned) {
      return absl::FailedPreconditionError(absl::StrCat(
          name, " is ", domain::ActivityStateName(result.state), ", not PLANNED"));
    }
    if (to == ActivityState::kHeld && e.stage < domain::Stage::kFieldwork) {
      return absl::FailedPreconditionError(absl::StrCat(
          "engagements/", engagement_id, " is in ", domain::StageName(e.stage),
          "; an activity can be held only once fieldwork has started (StartFieldwork)"));
    }
    const absl::Time now = clock_.Now();
    if (to == ActivityState::kHeld) {
      const std::optional<absl::CivilDay> date = DateOfDay(e.key_dates, result.day);
      const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
      if (date && *date > today) {
        return absl::FailedPreconditionError(absl::StrCat(
            name, " is on fieldwork day ", result.day, " (", absl::FormatCivilTime(*date),
            "), which has not come yet"));
      }
    }
    const std::string change = absl::StrCat("state: ", domain::ActivityStateName(result.state),
                                            " -> ", domain::ActivityStateName(to));
    result.state = to;
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.activities().Update(result));
    return Audit(repos, principal, action, name, now, change);
  }));
  return result;
}

absl::StatusOr<Activity> FieldworkAppService::MarkHeld(const domain::Principal& principal,
                                                       absl::string_view engagement_id,
                                                       absl::string_view id,
                                                       std::optional<int64_t> expected_version) {
  return ChangeState(principal, engagement_id, id, expected_version, "MarkActivityHeld",
                     ActivityState::kHeld);
}

absl::StatusOr<Activity> FieldworkAppService::Cancel(const domain::Principal& principal,
                                                     absl::string_view engagement_id,
                                                     absl::string_view id,
                                                     std::optional<int64_t> expected_version) {
  return ChangeState(principal, engagement_id, id, expected_version, "CancelActivity",
                     ActivityState::kCancelled);
}

absl::StatusOr<TimetableView> FieldworkAppService::Timetable(const domain::Principal& principal,
                                                             absl::string_view engagement_id,
                                                             absl::string_view peer_id) {
  TimetableView view;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(view.engagement,
                        LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                       "ExportTimetable"));
    const domain::KeyDates& dates = view.engagement.key_dates;
    if (!dates.fieldwork_day1 || !dates.fieldwork_day2 || !dates.fieldwork_day3) {
      return absl::FailedPreconditionError(absl::StrCat(
          "engagements/", engagement_id,
          " has no fieldwork dates yet; set key_dates.fieldwork_day1-3 first"));
    }
    HC_ASSIGN_OR_RETURN(view.partnership,
                        repos.partnerships().Get(view.engagement.partnership_id));
    view.with_emails = CheckEngagementAccess(principal, view.engagement,
                                             EngagementAccess::kContribute, "ExportTimetable")
                           .ok() ||
                       CheckEngagementAccess(principal, view.engagement, EngagementAccess::kTeam,
                                             "ExportTimetable")
                           .ok();
    HC_ASSIGN_OR_RETURN(std::vector<Activity> all, repos.activities().ListAll(engagement_id));
    for (Activity& a : all) {
      if (!peer_id.empty() &&
          std::find(a.peer_ids.begin(), a.peer_ids.end(), peer_id) == a.peer_ids.end()) {
        continue;
      }
      for (const std::string& peer : a.peer_ids) {
        if (view.peers.count(peer) > 0) continue;
        HC_ASSIGN_OR_RETURN(view.peers[peer], repos.peers().Get(peer));
      }
      view.activities.push_back(std::move(a));
    }
    return absl::OkStatus();
  }));
  return view;
}

absl::StatusOr<Document> FieldworkAppService::CreateDocument(const domain::Principal& principal,
                                                             absl::string_view engagement_id,
                                                             const Document& input,
                                                             const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateDocument";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  Document result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kContribute, kAction).status());
    HC_RETURN_IF_ERROR(domain::ValidateDocument(input));
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.documents().Get(engagement_id, *earlier));
      return absl::OkStatus();
    }
    HC_ASSIGN_OR_RETURN(const int64_t existing, repos.documents().Count(engagement_id));
    if (existing >= domain::kMaxDocuments) {
      return absl::FailedPreconditionError(absl::StrCat(
          "engagements/", engagement_id, " already has ", domain::kMaxDocuments, " documents"));
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    HC_RETURN_IF_ERROR(repos.documents().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, DocumentName(engagement_id, result.meta.id), now);
  }));
  return result;
}

absl::StatusOr<Document> FieldworkAppService::GetDocument(const domain::Principal& principal,
                                                          absl::string_view engagement_id,
                                                          absl::string_view id) {
  Document result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      "GetDocument")
                           .status());
    HC_ASSIGN_OR_RETURN(result, repos.documents().Get(engagement_id, id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<Document>> FieldworkAppService::ListDocuments(
    const domain::Principal& principal, absl::string_view engagement_id,
    const PageRequest& page) {
  Page<Document> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      "ListDocuments")
                           .status());
    HC_ASSIGN_OR_RETURN(result, repos.documents().List(engagement_id, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Document> FieldworkAppService::UpdateDocument(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    const Document& input, const std::vector<std::string>& paths,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateDocument";
  Document result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kContribute, kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.documents().Get(engagement_id, id));
    const std::string name = DocumentName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    const Document before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<Document>(kDocumentFields, paths, input, result));
    HC_RETURN_IF_ERROR(domain::ValidateDocument(result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.documents().Update(result));
    return Audit(repos, principal, kAction, name, now,
                 DescribeChanges<Document>(kDocumentFields, before, result));
  }));
  return result;
}

}  // namespace hc::app
