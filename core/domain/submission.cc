#include "core/domain/submission.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/scoring.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

bool IsSectionStatement(const Framework& framework, const std::string& code) {
  for (const Section& section : framework.sections) {
    for (const Statement& s : section.statements) {
      if (s.code == code) return true;
    }
  }
  return false;
}

}  // namespace

absl::Status ValidateDraft(const Framework& framework, const Draft& draft, bool collect_comments) {
  Response as_response;
  as_response.answers = draft.answers;
  as_response.significance = draft.significance;
  HC_RETURN_IF_ERROR(ValidateResponse(framework, as_response));
  for (const auto& [code, entry] : draft.actions) {
    if (!framework.action_planning) {
      return absl::InvalidArgumentError("this questionnaire does not ask for actions");
    }
    if (!IsSectionStatement(framework, code)) {
      return absl::InvalidArgumentError(
          absl::StrCat("actions for \"", code, "\": not a statement of the questionnaire"));
    }
    if (entry.action.empty() && entry.by_whom.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("actions for statement ", code, ": both entries are empty"));
    }
    HC_RETURN_IF_ERROR(CheckText(absl::StrCat("action needed for statement ", code),
                                 entry.action, 0, kMaxActionChars, true));
    HC_RETURN_IF_ERROR(CheckText(absl::StrCat("by whom for statement ", code), entry.by_whom, 0,
                                 kMaxByWhomChars));
  }
  if (!collect_comments && !draft.comment.empty()) {
    return absl::InvalidArgumentError("this questionnaire does not collect comments");
  }
  return CheckText("comment", draft.comment, 0, kMaxCommentChars, true);
}

absl::Status CheckComplete(const Framework& framework, const std::map<std::string, int>& answers,
                           const std::map<std::string, int>& significance) {
  for (const Section& section : framework.sections) {
    for (const Statement& s : section.statements) {
      if (!answers.count(s.code)) {
        return absl::InvalidArgumentError(absl::StrCat("statement ", s.code, " is not answered"));
      }
    }
    if (framework.significance_scale && !significance.count(section.code)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the significance of ", framework.section_term.empty() ? "section" : framework.section_term,
          " ", section.code, " is not rated"));
    }
  }
  for (const Statement& s : framework.overall_statements) {
    if (!answers.count(s.code)) {
      return absl::InvalidArgumentError(absl::StrCat("statement ", s.code, " is not answered"));
    }
  }
  return absl::OkStatus();
}

}  // namespace hc::domain
