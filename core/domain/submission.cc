#include "core/domain/submission.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/scoring.h"
#include "core/domain/validation.h"

namespace hc::domain {

absl::Status ValidateDraft(const Framework& framework, const Draft& draft, bool collect_comments) {
  Response as_response;
  as_response.answers = draft.answers;
  as_response.significance = draft.significance;
  HC_RETURN_IF_ERROR(ValidateResponse(framework, as_response));
  if (!collect_comments && !draft.comment.empty()) {
    return absl::InvalidArgumentError("this questionnaire does not collect comments");
  }
  return CheckText("comment", draft.comment, 0, kMaxCommentChars, true);
}

absl::Status CheckComplete(const Framework& framework, const Draft& draft) {
  for (const Section& section : framework.sections) {
    for (const Statement& s : section.statements) {
      if (!draft.answers.count(s.code)) {
        return absl::InvalidArgumentError(absl::StrCat("statement ", s.code, " is not answered"));
      }
    }
    if (framework.significance_scale && !draft.significance.count(section.code)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the significance of ", framework.section_term.empty() ? "section" : framework.section_term,
          " ", section.code, " is not rated"));
    }
  }
  for (const Statement& s : framework.overall_statements) {
    if (!draft.answers.count(s.code)) {
      return absl::InvalidArgumentError(absl::StrCat("statement ", s.code, " is not answered"));
    }
  }
  return absl::OkStatus();
}

}  // namespace hc::domain
