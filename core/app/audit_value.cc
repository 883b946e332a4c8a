#include "core/app/audit_value.h"

namespace hc::app {
namespace {

constexpr size_t kShownBytes = 80;

// The length of the longest prefix of `text` of at most `limit` bytes that
// ends between two UTF-8 characters.
size_t WholeCharacters(absl::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

std::string AuditValue(absl::string_view text) {
  const size_t shown = WholeCharacters(text, kShownBytes);
  std::string quoted = "\"";
  for (const char c : text.substr(0, shown)) {
    switch (c) {
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      case '\t': quoted += "\\t"; break;
      default: quoted += c;
    }
  }
  if (shown < text.size()) absl::StrAppend(&quoted, "...\" (", text.size(), " bytes)");
  else quoted += "\"";
  return quoted;
}

std::string AuditValue(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}
std::string AuditValue(absl::CivilDay day) { return absl::FormatCivilTime(day); }
std::string AuditValue(domain::Sector sector) { return std::string(domain::SectorName(sector)); }
std::string AuditValue(domain::Purpose purpose) {
  return std::string(domain::PurposeName(purpose));
}
std::string AuditValue(domain::PartnershipKind kind) {
  return std::string(domain::PartnershipKindName(kind));
}
std::string AuditValue(domain::PartnershipLifecycleStage stage) {
  return std::string(domain::LifecycleStageName(stage));
}
std::string AuditValue(domain::ActivityKind kind) {
  return std::string(domain::ActivityKindName(kind));
}
std::string AuditValue(domain::Polarity polarity) {
  return std::string(domain::PolarityName(polarity));
}
std::string AuditValue(domain::FindingKind kind) {
  return std::string(domain::FindingKindName(kind));
}
std::string AuditValue(domain::Priority priority) {
  return std::string(domain::PriorityName(priority));
}
std::string AuditValue(const domain::MemberOrganisation& member) {
  return absl::StrCat(AuditValue(member.display_name), " (", domain::SectorName(member.sector),
                      ")");
}
std::string AuditValue(const std::vector<domain::Participant>& participants) {
  int people = 0;
  for (const domain::Participant& p : participants) people += p.count;
  return absl::StrCat(participants.size(), participants.size() == 1 ? " group, " : " groups, ",
                      people, people == 1 ? " person" : " people");
}

}  // namespace hc::app
