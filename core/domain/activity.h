#ifndef HC_CORE_DOMAIN_ACTIVITY_H_
#define HC_CORE_DOMAIN_ACTIVITY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/domain/resource.h"
#include "core/domain/sector.h"

// The fieldwork plan: what the review team does on days 1-3 on site
// (DOMAIN.md: Fieldwork, evidence and findings).
namespace hc::domain {

// Values equal the API's and are stable: they are stored.
enum class ActivityKind {
  kUnspecified = 0,
  kInterview = 1,
  kFocusGroup = 2,
  kMeetingObservation = 3,
  kSiteVisit = 4,
  kDocumentReview = 5,
};
absl::string_view ActivityKindName(ActivityKind kind);
std::optional<ActivityKind> ParseActivityKind(absl::string_view name);
// "interview", "focus group", ...: for people to read.
absl::string_view ActivityKindWords(ActivityKind kind);

enum class ActivityState {
  kUnspecified = 0,
  kPlanned = 1,
  kHeld = 2,
  kCancelled = 3,
};
absl::string_view ActivityStateName(ActivityState state);
std::optional<ActivityState> ParseActivityState(absl::string_view name);

// Who takes part, by role, organisation and sector; names only if the team
// chooses to record them.
struct Participant {
  std::string role;
  std::string organisation;
  Sector sector = Sector::kUnspecified;
  int count = 1;
  std::vector<std::string> names;

  bool operator==(const Participant&) const = default;
};

inline constexpr int kMinutesPerDay = 24 * 60;
inline constexpr int kMaxActivities = 500;  // per engagement

struct Activity {
  ResourceMeta meta;
  std::string engagement_id;
  ActivityKind kind = ActivityKind::kUnspecified;
  std::string title;
  int day = 0;           // fieldwork day 1, 2 or 3
  int start_minute = 0;  // minutes after midnight, local time
  int end_minute = 0;    // after start_minute, at most 24:00
  std::string place;
  std::vector<Participant> participants;
  std::vector<std::string> peer_ids;  // the peers attending: on the team
  ActivityState state = ActivityState::kPlanned;
};

// Checks the client-supplied fields: kind, title, day 1-3, times on the
// day with end after start, place, participants (role or organisation,
// count 1-500, names), distinct peers. INVALID_ARGUMENT naming the first bad
// field.
absl::Status ValidateActivity(const Activity& activity);

// The first activity of `others` (another id, not cancelled, the same day,
// overlapping in time) that shares a peer with `activity`, and that peer;
// nullopt if there is none. A cancelled `activity` clashes with nothing.
struct Clash {
  const Activity* other = nullptr;
  std::string peer_id;
};
std::optional<Clash> FindClash(const Activity& activity, const std::vector<Activity>& others);

// "09:30".
std::string FormatMinute(int minute_of_day);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_ACTIVITY_H_
