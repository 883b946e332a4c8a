#include "core/domain/report_wording.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/domain/response.h"

namespace hc::domain {
namespace {

constexpr std::array<absl::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string Capitalised(absl::string_view words) {
  std::string text(words);
  if (!text.empty()) text[0] = absl::ascii_toupper(text[0]);
  return text;
}

}  // namespace

std::string LongDate(absl::CivilDay day) {
  return absl::StrCat(day.day(), " ", kMonths[day.month() - 1], " ", day.year());
}

std::string SectorLabel(Sector sector) {
  if (sector == Sector::kUnspecified) return "";
  return Capitalised(SectorWords(sector));
}

std::string GroupLabel(absl::string_view stored_name) {
  if (stored_name == "UNKNOWN") return "Not given";
  if (std::optional<RespondentLevel> level = ParseRespondentLevel(stored_name)) {
    switch (*level) {
      case RespondentLevel::kBoard: return "Board or elected member";
      case RespondentLevel::kManagement: return "Senior and middle management";
      case RespondentLevel::kFrontLine: return "Front-line staff";
      case RespondentLevel::kUnspecified: return "Not given";
    }
  }
  if (std::optional<Sector> sector = ParseSector(stored_name)) return SectorLabel(*sector);
  return std::string(stored_name);
}

std::string ActivityKindLabel(ActivityKind kind) { return Capitalised(ActivityKindWords(kind)); }

std::string PurposeLabel(Purpose purpose) {
  switch (purpose) {
    case Purpose::kDevelopmental: return "Developmental";
    case Purpose::kRoutineAudit: return "Routine audit";
    case Purpose::kRemedial: return "Remedial";
    case Purpose::kUnspecified: break;
  }
  return "";
}

std::string TeamRoleLabel(TeamRole role) {
  switch (role) {
    case TeamRole::kLeadPeer: return "Lead peer";
    case TeamRole::kPeer: return "Peer";
    case TeamRole::kShadow: return "Shadow";
    case TeamRole::kUnspecified: break;
  }
  return "";
}

std::string ClockTime(int minute) { return absl::StrFormat("%02d:%02d", minute / 60, minute % 60); }

std::string ParticipantsLine(const std::vector<Participant>& participants) {
  int count = 0;
  std::vector<std::string> sectors;
  for (const Participant& p : participants) {
    count += p.count;
    const std::string label = SectorLabel(p.sector);
    if (!label.empty() && std::find(sectors.begin(), sectors.end(), label) == sectors.end()) {
      sectors.push_back(label);
    }
  }
  if (count == 0) return "";
  std::string line = absl::StrCat(count, count == 1 ? " participant" : " participants");
  if (!sectors.empty()) absl::StrAppend(&line, ": ", absl::StrJoin(sectors, ", "));
  return line;
}

std::optional<double> MeanAnswer(const ResponseScale& scale,
                                 const StatementDistribution& distribution) {
  int answers = 0;
  double sum = 0;
  for (size_t i = 0; i < distribution.counts.size() && i < scale.points.size(); ++i) {
    answers += distribution.counts[i];
    sum += static_cast<double>(distribution.counts[i]) * scale.points[i].value;
  }
  if (answers == 0) return std::nullopt;
  return sum / answers;
}

}  // namespace hc::domain
