#include "core/domain/activity.h"

#include <algorithm>
#include <array>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/common/status_macros.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<ActivityKind>, 5> kKindNames{{
    {ActivityKind::kInterview, "INTERVIEW"},
    {ActivityKind::kFocusGroup, "FOCUS_GROUP"},
    {ActivityKind::kMeetingObservation, "MEETING_OBSERVATION"},
    {ActivityKind::kSiteVisit, "SITE_VISIT"},
    {ActivityKind::kDocumentReview, "DOCUMENT_REVIEW"},
}};

constexpr std::array<EnumName<ActivityKind>, 5> kKindWords{{
    {ActivityKind::kInterview, "interview"},
    {ActivityKind::kFocusGroup, "focus group"},
    {ActivityKind::kMeetingObservation, "meeting observation"},
    {ActivityKind::kSiteVisit, "site visit"},
    {ActivityKind::kDocumentReview, "document review"},
}};

constexpr std::array<EnumName<ActivityState>, 3> kStateNames{{
    {ActivityState::kPlanned, "PLANNED"},
    {ActivityState::kHeld, "HELD"},
    {ActivityState::kCancelled, "CANCELLED"},
}};

constexpr int kMaxParticipants = 50;
constexpr int kMaxParticipantCount = 500;
constexpr int kMaxPeers = 20;

absl::Status ValidateParticipant(const Participant& p, size_t i) {
  const std::string field = absl::StrCat("participants[", i, "]");
  HC_RETURN_IF_ERROR(CheckText(field + ".role", p.role, 0, 200));
  HC_RETURN_IF_ERROR(CheckText(field + ".organisation", p.organisation, 0, 200));
  if (p.role.empty() && p.organisation.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " needs a role or an organisation (names alone are not enough)"));
  }
  if (p.count < 1 || p.count > kMaxParticipantCount) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".count must be 1-", kMaxParticipantCount, ", not ", p.count));
  }
  if (static_cast<int>(p.names.size()) > p.count) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " names ", p.names.size(), " people but counts ", p.count));
  }
  return CheckTextList(field + ".names", p.names, kMaxParticipantCount, 200);
}

bool Overlap(const Activity& a, const Activity& b) {
  return a.day == b.day && a.start_minute < b.end_minute && b.start_minute < a.end_minute;
}

}  // namespace

absl::string_view ActivityKindName(ActivityKind kind) {
  return NameIn<ActivityKind>(kKindNames, kind);
}
std::optional<ActivityKind> ParseActivityKind(absl::string_view name) {
  return ValueIn<ActivityKind>(kKindNames, name);
}
absl::string_view ActivityKindWords(ActivityKind kind) {
  return NameIn<ActivityKind>(kKindWords, kind);
}
absl::string_view ActivityStateName(ActivityState state) {
  return NameIn<ActivityState>(kStateNames, state);
}
std::optional<ActivityState> ParseActivityState(absl::string_view name) {
  return ValueIn<ActivityState>(kStateNames, name);
}

absl::Status ValidateActivity(const Activity& a) {
  if (a.kind == ActivityKind::kUnspecified || ActivityKindName(a.kind) == "UNKNOWN") {
    return absl::InvalidArgumentError("kind is required");
  }
  HC_RETURN_IF_ERROR(CheckText("title", a.title, 1, 200));
  if (a.day < 1 || a.day > 3) {
    return absl::InvalidArgumentError(absl::StrCat("day must be 1, 2 or 3, not ", a.day));
  }
  if (a.start_minute < 0 || a.start_minute >= kMinutesPerDay) {
    return absl::InvalidArgumentError("start_time must be a time of day (00:00-23:59)");
  }
  if (a.end_minute <= a.start_minute || a.end_minute > kMinutesPerDay) {
    return absl::InvalidArgumentError(absl::StrCat(
        "end_time must be after start_time (", FormatMinute(a.start_minute),
        ") and no later than 24:00"));
  }
  HC_RETURN_IF_ERROR(CheckText("place", a.place, 0, 200));
  if (a.participants.size() > kMaxParticipants) {
    return absl::InvalidArgumentError(
        absl::StrCat("participants may hold at most ", kMaxParticipants, " entries"));
  }
  for (size_t i = 0; i < a.participants.size(); ++i) {
    HC_RETURN_IF_ERROR(ValidateParticipant(a.participants[i], i));
  }
  if (a.peer_ids.size() > kMaxPeers) {
    return absl::InvalidArgumentError(absl::StrCat("peers may hold at most ", kMaxPeers));
  }
  std::set<std::string> seen;
  for (const std::string& peer : a.peer_ids) {
    if (!seen.insert(peer).second) {
      return absl::InvalidArgumentError(absl::StrCat("peers lists peers/", peer, " twice"));
    }
  }
  return absl::OkStatus();
}

std::optional<Clash> FindClash(const Activity& activity, const std::vector<Activity>& others) {
  if (activity.state == ActivityState::kCancelled) return std::nullopt;
  for (const Activity& other : others) {
    if (other.meta.id == activity.meta.id || other.state == ActivityState::kCancelled ||
        !Overlap(activity, other)) {
      continue;
    }
    for (const std::string& peer : activity.peer_ids) {
      if (std::find(other.peer_ids.begin(), other.peer_ids.end(), peer) != other.peer_ids.end()) {
        return Clash{&other, peer};
      }
    }
  }
  return std::nullopt;
}

std::string FormatMinute(int minute_of_day) {
  return absl::StrFormat("%02d:%02d", minute_of_day / 60, minute_of_day % 60);
}

}  // namespace hc::domain
