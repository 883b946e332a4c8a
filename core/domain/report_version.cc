#include "core/domain/report_version.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<ReportState>, 6> kStateNames{{
    {ReportState::kDraft, "DRAFT"},
    {ReportState::kTeamReview, "TEAM_REVIEW"},
    {ReportState::kFactualCheck, "FACTUAL_CHECK"},
    {ReportState::kPublished, "PUBLISHED"},
    {ReportState::kSuperseded, "SUPERSEDED"},
    {ReportState::kWithdrawn, "WITHDRAWN"},
}};

absl::Status NotIn(absl::string_view label, ReportState from, absl::string_view rule) {
  return absl::FailedPreconditionError(
      absl::StrCat(label, " is ", ReportStateName(from), "; ", rule));
}

}  // namespace

absl::string_view ReportStateName(ReportState state) {
  return NameIn<ReportState>(kStateNames, state);
}

std::optional<ReportState> ParseReportState(absl::string_view name) {
  return ValueIn<ReportState>(kStateNames, name);
}

std::string ReportVersionLabel(int number) { return absl::StrCat("version ", number); }

bool IsUnpublished(ReportState state) {
  return state == ReportState::kDraft || state == ReportState::kTeamReview ||
         state == ReportState::kFactualCheck;
}

bool VisibleToPartnership(ReportState state) {
  return state == ReportState::kFactualCheck || state == ReportState::kPublished ||
         state == ReportState::kSuperseded;
}

absl::StatusOr<ReportState> NextReportState(ReportState from, ReportAction action,
                                            absl::string_view label) {
  switch (action) {
    case ReportAction::kSubmitForReview:
      if (from == ReportState::kDraft) return ReportState::kTeamReview;
      return NotIn(label, from, "only a DRAFT can be submitted for team review");
    case ReportAction::kSendForFactualCheck:
      if (from == ReportState::kTeamReview) return ReportState::kFactualCheck;
      return NotIn(label, from,
                   "only a version in TEAM_REVIEW can be sent for the factual-accuracy check");
    case ReportAction::kPublish:
      if (from == ReportState::kFactualCheck) return ReportState::kPublished;
      return NotIn(label, from,
                   "only a version in FACTUAL_CHECK can be published");
    case ReportAction::kWithdraw:
      if (IsUnpublished(from)) return ReportState::kWithdrawn;
      return NotIn(label, from, "only an unpublished version can be withdrawn");
  }
  return absl::InternalError("unknown report action");
}

absl::Status CheckCommentable(ReportState state, Role author_role, absl::string_view label) {
  if (author_role == Role::kPartnershipContact) {
    if (state == ReportState::kFactualCheck) return absl::OkStatus();
    return NotIn(label, state,
                 "the partnership comments only during the factual-accuracy check");
  }
  if (state == ReportState::kTeamReview || state == ReportState::kFactualCheck) {
    return absl::OkStatus();
  }
  return NotIn(label, state, "the team comments in TEAM_REVIEW and FACTUAL_CHECK");
}

absl::Status ValidateReportComment(const ReportComment& comment) {
  if (comment.text.empty()) return absl::InvalidArgumentError("text is required");
  HC_RETURN_IF_ERROR(CheckText("text", comment.text, 1, kMaxReportCommentText, true));
  return CheckText("section", comment.section, 0, kMaxReportCommentSection);
}

}  // namespace hc::domain
