#ifndef HC_CORE_DOMAIN_REPORT_WORDING_H_
#define HC_CORE_DOMAIN_REPORT_WORDING_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "core/domain/activity.h"
#include "core/domain/engagement.h"
#include "core/domain/framework.h"
#include "core/domain/scoring.h"

// How the written report words the stored values: dates, enum values and
// participants as a reader expects them. Pure.
namespace hc::domain {

// "3 March 2026".
std::string LongDate(absl::CivilDay day);

// "Local government"; "Board or elected member", "Senior and middle
// management", "Front-line staff", "Level not given"; "Focus group";
// "Developmental"; "Lead peer". A stored name that is not a level or sector
// is returned as it is (an organisation's name).
std::string SectorLabel(Sector sector);
std::string GroupLabel(absl::string_view stored_name);
std::string ActivityKindLabel(ActivityKind kind);
std::string PurposeLabel(Purpose purpose);
std::string TeamRoleLabel(TeamRole role);

// "09:30" from minutes after midnight.
std::string ClockTime(int minute);

// "3 participants: Health, Police" (sectors in first-seen order; none
// listed when no sector was recorded), or "" without participants.
std::string ParticipantsLine(const std::vector<Participant>& participants);

// The mean answer value of one statement over its answers (each scale
// point's value weighted by its count), or nullopt without answers.
std::optional<double> MeanAnswer(const ResponseScale& scale,
                                 const StatementDistribution& distribution);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_REPORT_WORDING_H_
