#include "core/domain/findings.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/enum_names.h"
#include "core/domain/evidence.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<FindingKind>, 2> kKindNames{{
    {FindingKind::kStrength, "STRENGTH"},
    {FindingKind::kAreaForDevelopment, "AREA_FOR_DEVELOPMENT"},
}};

constexpr std::array<EnumName<ReviewState>, 3> kStateNames{{
    {ReviewState::kDraft, "DRAFT"},
    {ReviewState::kAgreed, "AGREED"},
    {ReviewState::kWithdrawn, "WITHDRAWN"},
}};

constexpr std::array<EnumName<Priority>, 3> kPriorityNames{{
    {Priority::kHigh, "HIGH"},
    {Priority::kMedium, "MEDIUM"},
    {Priority::kLow, "LOW"},
}};

// A list of links: distinct, at most kMaxFindingLinks, at least `min`.
absl::Status CheckLinks(absl::string_view field, const std::vector<std::string>& values,
                        size_t min) {
  if (values.size() < min) {
    return absl::InvalidArgumentError(absl::StrCat(field, " needs at least ", min));
  }
  if (values.size() > kMaxFindingLinks) {
    return absl::InvalidArgumentError(absl::StrCat(field, " may hold at most ",
                                                   kMaxFindingLinks, ", not ", values.size()));
  }
  return CheckDistinct(field, values);
}

bool IsSection(const Framework& framework, absl::string_view code) {
  for (const Section& section : framework.sections) {
    if (section.code == code) return true;
  }
  return false;
}

absl::string_view SectionTerm(const Framework& framework) {
  if (framework.section_term.empty()) return "section";
  return framework.section_term;
}

}  // namespace

absl::string_view FindingKindName(FindingKind kind) {
  return NameIn<FindingKind>(kKindNames, kind);
}
std::optional<FindingKind> ParseFindingKind(absl::string_view name) {
  return ValueIn<FindingKind>(kKindNames, name);
}
absl::string_view ReviewStateName(ReviewState state) {
  return NameIn<ReviewState>(kStateNames, state);
}
std::optional<ReviewState> ParseReviewState(absl::string_view name) {
  return ValueIn<ReviewState>(kStateNames, name);
}
absl::string_view PriorityName(Priority priority) {
  return NameIn<Priority>(kPriorityNames, priority);
}
std::optional<Priority> ParsePriority(absl::string_view name) {
  return ValueIn<Priority>(kPriorityNames, name);
}

std::string FindingLabel(int number) { return absl::StrCat("F", number); }
std::string RecommendationLabel(int number) { return absl::StrCat("R", number); }

absl::Status ValidateFinding(const ReviewFinding& f) {
  if (f.kind != FindingKind::kStrength && f.kind != FindingKind::kAreaForDevelopment) {
    return absl::InvalidArgumentError("kind must be STRENGTH or AREA_FOR_DEVELOPMENT");
  }
  HC_RETURN_IF_ERROR(CheckText("title", f.title, 1, 200));
  HC_RETURN_IF_ERROR(CheckText("narrative", f.narrative, 1, 10000, true));
  HC_RETURN_IF_ERROR(CheckLinks("principles", f.principles, 1));
  HC_RETURN_IF_ERROR(CheckLinks("notes", f.note_ids, 0));
  return CheckLinks("questionnaire_results", f.questionnaire_results, 0);
}

absl::Status ValidateRecommendation(const Recommendation& r) {
  HC_RETURN_IF_ERROR(CheckText("text", r.text, 1, 2000, true));
  if (r.priority == Priority::kUnspecified) {
    return absl::InvalidArgumentError("priority must be HIGH, MEDIUM or LOW");
  }
  return CheckLinks("findings", r.finding_ids, 1);
}

absl::Status CheckFindingCodes(const Framework& framework, const ReviewFinding& f) {
  for (const std::string& code : f.principles) {
    if (!IsSection(framework, code)) {
      return absl::InvalidArgumentError(absl::StrCat("principles: \"", code.substr(0, 20),
                                                     "\" is not a ", SectionTerm(framework),
                                                     " of ", framework.display_name));
    }
  }
  for (const std::string& code : f.questionnaire_results) {
    if (TagsUnder(framework, code).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "questionnaire_results: \"", code.substr(0, 20), "\" is neither a ",
          SectionTerm(framework), " nor a statement of ", framework.display_name));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckEvidence(const ReviewFinding& f, bool results_released) {
  if (!f.note_ids.empty()) return absl::OkStatus();
  if (!f.questionnaire_results.empty() && results_released) return absl::OkStatus();
  const std::string label = FindingLabel(f.number);
  if (!f.questionnaire_results.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        label, " rests only on questionnaire results, and none are released (the questionnaire "
               "is open, or fewer than k answered); link a supporting note"));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      label, " has no evidence: link a supporting note or questionnaire results before agreeing "
             "it"));
}

absl::StatusOr<ReviewState> NextReviewState(ReviewState from, ReviewAction action,
                                            absl::string_view label) {
  const absl::string_view now = ReviewStateName(from);
  switch (action) {
    case ReviewAction::kAgree:
      if (from == ReviewState::kDraft) return ReviewState::kAgreed;
      return absl::FailedPreconditionError(
          absl::StrCat(label, " is ", now, "; only a draft can be agreed"));
    case ReviewAction::kReopen:
      if (from == ReviewState::kAgreed) return ReviewState::kDraft;
      return absl::FailedPreconditionError(
          absl::StrCat(label, " is ", now, "; only an agreed one can be reopened"));
    case ReviewAction::kWithdraw:
      if (from == ReviewState::kDraft) return ReviewState::kWithdrawn;
      return absl::FailedPreconditionError(absl::StrCat(
          label, " is ", now, "; only a draft can be withdrawn (reopen an agreed one first)"));
  }
  return absl::InternalError("unknown review action");
}

absl::Status CheckEditable(ReviewState state, absl::string_view label) {
  if (state == ReviewState::kDraft) return absl::OkStatus();
  if (state == ReviewState::kAgreed) {
    return absl::FailedPreconditionError(
        absl::StrCat(label, " is agreed; the lead peer reopens it before it is changed"));
  }
  return absl::FailedPreconditionError(absl::StrCat(label, " is withdrawn and cannot change"));
}

}  // namespace hc::domain
