#ifndef HC_CORE_APP_AUDIT_VALUE_H_
#define HC_CORE_APP_AUDIT_VALUE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/domain/activity.h"
#include "core/domain/engagement.h"
#include "core/domain/evidence.h"
#include "core/domain/findings.h"
#include "core/domain/partnership.h"
#include "core/domain/sector.h"

// A field's value as an audit record shows it, before and after a change
// (domain::AuditRecord::details). One line each; text is quoted and long
// text shortened to its start and its length, so that the record says what
// changed without becoming a second copy of the data. Who took part in
// fieldwork is never shown, only how many people in how many groups.
namespace hc::app {

std::string AuditValue(absl::string_view text);
inline std::string AuditValue(const std::string& text) {
  return AuditValue(absl::string_view(text));
}
inline std::string AuditValue(bool value) { return value ? "true" : "false"; }
inline std::string AuditValue(int value) { return absl::StrCat(value); }
std::string AuditValue(absl::Time time);
std::string AuditValue(absl::CivilDay day);
std::string AuditValue(domain::Sector sector);
std::string AuditValue(domain::Purpose purpose);
std::string AuditValue(domain::PartnershipKind kind);
std::string AuditValue(domain::PartnershipLifecycleStage stage);
std::string AuditValue(domain::ActivityKind kind);
std::string AuditValue(domain::Polarity polarity);
std::string AuditValue(domain::FindingKind kind);
std::string AuditValue(domain::Priority priority);
std::string AuditValue(const domain::MemberOrganisation& member);
std::string AuditValue(const std::vector<domain::Participant>& participants);

// Only the size of a value kept out of the log (HC_UNLOGGED_FIELD_RULE).
inline std::string AuditSize(const std::string& text) {
  return absl::StrCat("(", text.size(), " bytes, not logged)");
}

template <typename T>
std::string AuditValue(const std::optional<T>& value) {
  return value ? AuditValue(*value) : std::string("none");
}

// "[a, b, c]", at most the first ten items and then how many more.
template <typename T>
std::string AuditValue(const std::vector<T>& items) {
  constexpr size_t kShown = 10;
  std::string text = "[";
  for (size_t i = 0; i < items.size() && i < kShown; ++i) {
    absl::StrAppend(&text, i == 0 ? "" : ", ", AuditValue(items[i]));
  }
  if (items.size() > kShown) absl::StrAppend(&text, ", and ", items.size() - kShown, " more");
  return text + "]";
}

}  // namespace hc::app

#endif  // HC_CORE_APP_AUDIT_VALUE_H_
