#ifndef HC_CORE_APP_FIELDWORK_APP_SERVICE_H_
#define HC_CORE_APP_FIELDWORK_APP_SERVICE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/activity.h"
#include "core/domain/document.h"
#include "core/domain/engagement.h"
#include "core/domain/partnership.h"
#include "core/domain/peer.h"
#include "core/domain/principal.h"

namespace hc::app {

// Everything a timetable shows: the engagement (for its fieldwork dates),
// its partnership, the activities in timetable order and the peers they
// name.
struct TimetableView {
  domain::Engagement engagement;
  domain::Partnership partnership;
  std::vector<domain::Activity> activities;
  std::map<std::string, domain::Peer> peers;  // by id
  // Whether the caller may see the peers' email addresses: the team and the
  // programme lead, not the partnership.
  bool with_emails = false;
};

// Use cases of the fieldwork plan and desk research. Thread-safe.
// Anyone who may read the engagement reads them; the programme lead and the
// engagement's lead peer and peers change them (PERMISSION_DENIED
// otherwise). NOT_FOUND for an unknown activity or document of a readable
// engagement; INVALID_ARGUMENT for bad fields; ABORTED for a stale etag;
// FAILED_PRECONDITION when the engagement has ended (closed or cancelled),
// or a rule below refuses.
class FieldworkAppService {
 public:
  FieldworkAppService(Store& store, Clock& clock, IdSource& ids);

  // Plans an activity (state PLANNED). Its peers must be on the team;
  // FAILED_PRECONDITION naming the clash if one of them is already at
  // another activity at an overlapping time that day, or when the
  // engagement has kMaxActivities.
  absl::StatusOr<domain::Activity> CreateActivity(const domain::Principal& principal,
                                                  absl::string_view engagement_id,
                                                  const domain::Activity& input,
                                                  const RequestKey& key);
  absl::StatusOr<domain::Activity> GetActivity(const domain::Principal& principal,
                                               absl::string_view engagement_id,
                                               absl::string_view id);
  // In timetable order; cursor = (day * 1440 + start minute, id).
  absl::StatusOr<Page<domain::Activity>> ListActivities(const domain::Principal& principal,
                                                        absl::string_view engagement_id,
                                                        const ActivityQuery& query,
                                                        const PageRequest& page);
  // Copies the fields named in `paths` (kind, title, day, start_time,
  // end_time, place, participants, peers). Only a PLANNED activity changes.
  absl::StatusOr<domain::Activity> UpdateActivity(const domain::Principal& principal,
                                                  absl::string_view engagement_id,
                                                  absl::string_view id,
                                                  const domain::Activity& input,
                                                  const std::vector<std::string>& paths,
                                                  std::optional<int64_t> expected_version);
  // PLANNED -> HELD, once the engagement's fieldwork has started.
  absl::StatusOr<domain::Activity> MarkHeld(const domain::Principal& principal,
                                            absl::string_view engagement_id,
                                            absl::string_view id,
                                            std::optional<int64_t> expected_version);
  // PLANNED -> CANCELLED.
  absl::StatusOr<domain::Activity> Cancel(const domain::Principal& principal,
                                          absl::string_view engagement_id, absl::string_view id,
                                          std::optional<int64_t> expected_version);
  // The activities (of `peer_id` only, when not empty) with what a calendar
  // needs. FAILED_PRECONDITION unless the three fieldwork days are set.
  absl::StatusOr<TimetableView> Timetable(const domain::Principal& principal,
                                          absl::string_view engagement_id,
                                          absl::string_view peer_id);

  absl::StatusOr<domain::Document> CreateDocument(const domain::Principal& principal,
                                                  absl::string_view engagement_id,
                                                  const domain::Document& input,
                                                  const RequestKey& key);
  absl::StatusOr<domain::Document> GetDocument(const domain::Principal& principal,
                                               absl::string_view engagement_id,
                                               absl::string_view id);
  // Newest first; cursor = (creation time, id).
  absl::StatusOr<Page<domain::Document>> ListDocuments(const domain::Principal& principal,
                                                       absl::string_view engagement_id,
                                                       const PageRequest& page);
  // Copies the fields named in `paths` (title, source, date, notes).
  absl::StatusOr<domain::Document> UpdateDocument(const domain::Principal& principal,
                                                  absl::string_view engagement_id,
                                                  absl::string_view id,
                                                  const domain::Document& input,
                                                  const std::vector<std::string>& paths,
                                                  std::optional<int64_t> expected_version);

 private:
  // Loads the activity for a state change and applies `change` to it.
  absl::StatusOr<domain::Activity> ChangeState(const domain::Principal& principal,
                                               absl::string_view engagement_id,
                                               absl::string_view id,
                                               std::optional<int64_t> expected_version,
                                               absl::string_view action,
                                               domain::ActivityState to);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_FIELDWORK_APP_SERVICE_H_
