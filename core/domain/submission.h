#ifndef HC_CORE_DOMAIN_SUBMISSION_H_
#define HC_CORE_DOMAIN_SUBMISSION_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "core/domain/framework.h"
#include "core/domain/response.h"

// What a respondent must have entered before a questionnaire response can be
// submitted.
namespace hc::domain {

inline constexpr size_t kMaxCommentChars = 4000;
inline constexpr size_t kMaxActionChars = 1000;
inline constexpr size_t kMaxByWhomChars = 200;

// Checks a draft as it is saved: every value on its scale (see
// ValidateResponse); action entries only on an action-planning benchmark,
// each for a section statement, with a non-empty action or by whom within
// their lengths; the comment's length (and that there is none when comments
// are not collected). INVALID_ARGUMENT otherwise.
absl::Status ValidateDraft(const Framework& framework, const Draft& draft, bool collect_comments);

// Checks that answers (a draft's or a response's) are complete: every
// statement of every section and every overall statement answered, and
// (with a significance scale) every section rated. INVALID_ARGUMENT naming
// the first gap, e.g. "statement 2.3 is not answered".
absl::Status CheckComplete(const Framework& framework, const std::map<std::string, int>& answers,
                           const std::map<std::string, int>& significance);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_SUBMISSION_H_
