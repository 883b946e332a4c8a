// The invitation CSV a partnership contact uploads: any bytes parse or are
// refused with INVALID_ARGUMENT; no crash, no undefined behaviour, no
// invitation for an organisation that is not a member.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "core/domain/csv.h"
#include "core/domain/partnership.h"
#include "core/domain/questionnaire.h"

namespace {

const hc::domain::Partnership& Members() {
  static const hc::domain::Partnership* const partnership = [] {
    auto* p = new hc::domain::Partnership;
    p->display_name = "Anytown Community Safety Partnership";
    p->kind = hc::domain::PartnershipKind::kCsp;
    p->members = {{"Anytown Borough Council", hc::domain::Sector::kLocalGovernment},
                  {"Anytown NHS Trust", hc::domain::Sector::kHealth},
                  {"Shire Fire", hc::domain::Sector::kFireAndRescue}};
    return p;
  }();
  return *partnership;
}

void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const auto rows = hc::domain::ParseCsv(text);
  Require(rows.ok() || rows.status().code() == absl::StatusCode::kInvalidArgument);

  const auto groups = hc::domain::ParseInvitationCsv(text, Members());
  Require(groups.ok() || groups.status().code() == absl::StatusCode::kInvalidArgument);
  if (groups.ok()) {
    Require(groups->size() <= hc::domain::kMaxInvitationsPerImport);
    for (const auto& group : *groups) {
      Require(hc::domain::HasMember(Members(), group.organisation) &&
            group.level != hc::domain::RespondentLevel::kUnspecified);
    }
  }
  return 0;
}
