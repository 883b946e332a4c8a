#ifndef HC_CORE_DOMAIN_QUESTIONNAIRE_H_
#define HC_CORE_DOMAIN_QUESTIONNAIRE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/domain/framework.h"
#include "core/domain/partnership.h"
#include "core/domain/resource.h"
#include "core/domain/response.h"

// An engagement's individual, confidential questionnaire and its single-use
// invitations (DOMAIN.md: Confidentiality).
namespace hc::domain {

// Values equal the API's.
enum class QuestionnaireState { kUnspecified = 0, kScheduled = 1, kOpen = 2, kClosed = 3 };

// One per engagement: meta.id is the engagement's id.
struct Questionnaire {
  ResourceMeta meta;
  std::string framework_id;
  int framework_version = 0;
  absl::Time open_time = absl::UnixEpoch();
  absl::Time close_time = absl::UnixEpoch();
  std::optional<absl::Time> closed_time;  // set when closed by hand
  int min_group_size = 0;                 // k
  bool collect_comments = false;
};

// SCHEDULED before open_time, CLOSED from close_time or once closed by hand,
// OPEN in between.
QuestionnaireState StateAt(const Questionnaire& questionnaire, absl::Time now);

// Whether its answers and counts can no longer change at `now`, so that
// figures drawn from them may be released: closed by hand (the close is
// written after every submission accepted before it), or kClosingSettle past
// its close time, since a submission accepted just before the close time may
// still be committing, and two different sets of "final" figures could be
// subtracted.
inline constexpr absl::Duration kClosingSettle = absl::Minutes(1);
bool IsFinalAt(const Questionnaire& questionnaire, absl::Time now);

// Checks the times (close after open), k, and that the benchmark can be
// asked: it has statements in every section. INVALID_ARGUMENT otherwise.
absl::Status ValidateQuestionnaire(const Questionnaire& questionnaire, const Framework& framework);

// The group an invitation (and so its response) belongs to: never a person.
struct RespondentGroup {
  std::string organisation;
  RespondentLevel level = RespondentLevel::kUnspecified;
  Sector sector = Sector::kUnspecified;
};

// An invitation. Only the hash of its secret token is kept; `used` records
// that it was used, never when.
struct Invitation {
  std::string id;
  std::string engagement_id;
  int64_t position = 0;  // creation order within the questionnaire
  RespondentGroup group;
  std::string token_hash;
  bool used = false;
};

inline constexpr int kMaxInvitationsPerImport = 2000;

// Parses the invitation CSV (see CreateInvitationsRequest in the API): a
// header naming organisation and level, optionally sector and count; one
// group per row. Organisations must be members of `partnership` (compared
// with NormaliseName); the sector defaults to the member's and, if given,
// must be its. Returns one RespondentGroup per invitation, in row order, or
// INVALID_ARGUMENT naming the line and the reason.
absl::StatusOr<std::vector<RespondentGroup>> ParseInvitationCsv(absl::string_view csv,
                                                                const Partnership& partnership);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_QUESTIONNAIRE_H_
