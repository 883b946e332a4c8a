#include "core/app/finding_app_service.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/feedback_composer.h"
#include "core/app/field_mask.h"
#include "core/app/questionnaire_outcome.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

using domain::Recommendation;
using domain::ReviewAction;
using domain::ReviewFinding;
using domain::ReviewState;

constexpr std::array<FieldRule<ReviewFinding>, 6> kFindingFields{{
    HC_FIELD_RULE(ReviewFinding, "kind", kind),
    HC_FIELD_RULE(ReviewFinding, "title", title),
    HC_FIELD_RULE(ReviewFinding, "narrative", narrative),
    HC_FIELD_RULE(ReviewFinding, "principles", principles),
    HC_FIELD_RULE(ReviewFinding, "notes", note_ids),
    HC_FIELD_RULE(ReviewFinding, "questionnaire_results", questionnaire_results),
}};

constexpr std::array<FieldRule<Recommendation>, 3> kRecommendationFields{{
    HC_FIELD_RULE(Recommendation, "text", text),
    HC_FIELD_RULE(Recommendation, "priority", priority),
    HC_FIELD_RULE(Recommendation, "findings", finding_ids),
}};

std::string FindingName(absl::string_view engagement_id, absl::string_view id) {
  return absl::StrCat("engagements/", engagement_id, "/findings/", id);
}

std::string RecommendationName(absl::string_view engagement_id, absl::string_view id) {
  return absl::StrCat("engagements/", engagement_id, "/recommendations/", id);
}

// What of the findings and recommendations a reader may see.
enum class Visibility { kAll, kPublished };

// The team and the programme lead see everything; the partnership's
// contact sees what is agreed once the report is published.
absl::StatusOr<Visibility> CheckRead(Repositories& repos, const domain::Principal& principal,
                                     absl::string_view engagement_id, absl::string_view action) {
  if (principal.role == domain::Role::kPartnershipContact) {
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadEngagement(repos, principal, engagement_id,
                                                             EngagementAccess::kRead, action));
    if (!domain::ReportPublished(e.stage)) {
      return absl::PermissionDeniedError(absl::StrCat(
          action, " on engagements/", engagement_id,
          " is not allowed for this token yet: the partnership sees findings and "
          "recommendations once the report is published"));
    }
    return Visibility::kPublished;
  }
  const EngagementAccess access = principal.role == domain::Role::kProgrammeLead
                                      ? EngagementAccess::kManage
                                      : EngagementAccess::kTeam;
  HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, access, action).status());
  return Visibility::kAll;
}

// Agreed only, without the team's notes.
ReviewFinding AsPublished(ReviewFinding finding) {
  finding.note_ids.clear();
  return finding;
}

absl::Status CheckCapacity(int64_t last_number, int max, absl::string_view engagement_id,
                           absl::string_view what) {
  if (last_number < max) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("engagements/", engagement_id, " already has ", max, " ", what));
}

// Sets the agreement fields for the state a change leads to.
template <typename T>
void Record(T& item, ReviewState to, const domain::Principal& principal, absl::Time now) {
  item.state = to;
  if (to == ReviewState::kAgreed) {
    item.agreed_by_peer_id = principal.peer_id;
    item.agree_time = now;
  } else {
    item.agreed_by_peer_id.clear();
    item.agree_time.reset();
  }
}

absl::string_view ActionName(ReviewAction action, bool finding) {
  switch (action) {
    case ReviewAction::kAgree:
      return finding ? "AgreeFinding" : "AgreeRecommendation";
    case ReviewAction::kReopen:
      return finding ? "ReopenFinding" : "ReopenRecommendation";
    case ReviewAction::kWithdraw:
      return finding ? "WithdrawFinding" : "WithdrawRecommendation";
  }
  return "";
}

// Agreeing and reopening are the lead peer's; withdrawing, any drafter's.
EngagementAccess AccessFor(ReviewAction action) {
  return action == ReviewAction::kWithdraw ? EngagementAccess::kDraft
                                           : EngagementAccess::kLeadPeer;
}

}  // namespace

FindingAppService::FindingAppService(Store& store, Clock& clock, IdSource& ids,
                                     const FrameworkCodec& codec)
    : store_(store), clock_(clock), ids_(ids), codec_(codec) {}

absl::Status FindingAppService::CheckFinding(Repositories& repos, const ReviewFinding& finding) {
  HC_RETURN_IF_ERROR(domain::ValidateFinding(finding));
  HC_ASSIGN_OR_RETURN(domain::Framework framework,
                      LoadBenchmark(repos, codec_, finding.engagement_id,
                                    "to link findings to"));
  HC_RETURN_IF_ERROR(domain::CheckFindingCodes(framework, finding));
  for (const std::string& note_id : finding.note_ids) {
    absl::StatusOr<domain::EvidenceNote> note = repos.notes().Get(finding.engagement_id, note_id);
    if (absl::IsNotFound(note.status())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "notes: ", note.status().message(), " (a finding's evidence must be notes of its "
          "engagement)"));
    }
    HC_RETURN_IF_ERROR(note.status());
  }
  return absl::OkStatus();
}

absl::Status FindingAppService::CheckRecommendation(Repositories& repos,
                                                    const Recommendation& recommendation) {
  HC_RETURN_IF_ERROR(domain::ValidateRecommendation(recommendation));
  for (const std::string& finding_id : recommendation.finding_ids) {
    absl::StatusOr<ReviewFinding> finding =
        repos.findings().Get(recommendation.engagement_id, finding_id);
    if (absl::IsNotFound(finding.status())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "findings: ", finding.status().message(), " (a recommendation answers findings of "
          "its engagement)"));
    }
    HC_RETURN_IF_ERROR(finding.status());
    if (finding->state == ReviewState::kWithdrawn) {
      return absl::FailedPreconditionError(absl::StrCat(
          domain::FindingLabel(finding->number), " was withdrawn; a recommendation cannot "
          "answer it"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ReviewFinding> FindingAppService::CreateFinding(
    const domain::Principal& principal, absl::string_view engagement_id,
    const ReviewFinding& input, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateFinding";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  ReviewFinding result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kDraft, kAction).status());
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.findings().Get(engagement_id, *earlier));
      return absl::OkStatus();
    }
    HC_ASSIGN_OR_RETURN(const int64_t last, repos.findings().LastNumber(engagement_id));
    HC_RETURN_IF_ERROR(CheckCapacity(last, domain::kMaxFindings, engagement_id, "findings"));
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    result.number = static_cast<int>(last) + 1;
    result.author_peer_id = principal.peer_id;
    Record(result, ReviewState::kDraft, principal, now);
    HC_RETURN_IF_ERROR(CheckFinding(repos, result));
    HC_RETURN_IF_ERROR(repos.findings().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, FindingName(engagement_id, result.meta.id), now);
  }));
  return result;
}

absl::StatusOr<ReviewFinding> FindingAppService::GetFinding(const domain::Principal& principal,
                                                            absl::string_view engagement_id,
                                                            absl::string_view id) {
  ReviewFinding result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Visibility visibility,
                        CheckRead(repos, principal, engagement_id, "GetFinding"));
    HC_ASSIGN_OR_RETURN(result, repos.findings().Get(engagement_id, id));
    if (visibility == Visibility::kPublished) {
      if (result.state != ReviewState::kAgreed) {
        return absl::NotFoundError(
            absl::StrCat(FindingName(engagement_id, id), " does not exist"));
      }
      result = AsPublished(std::move(result));
    }
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<ReviewFinding>> FindingAppService::ListFindings(
    const domain::Principal& principal, absl::string_view engagement_id,
    const FindingQuery& query, const PageRequest& page) {
  Page<ReviewFinding> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Visibility visibility,
                        CheckRead(repos, principal, engagement_id, "ListFindings"));
    FindingQuery narrowed = query;
    if (visibility == Visibility::kPublished) {
      if (query.state && *query.state != ReviewState::kAgreed) return absl::OkStatus();
      narrowed.state = ReviewState::kAgreed;
    }
    HC_ASSIGN_OR_RETURN(result, repos.findings().List(engagement_id, narrowed, page));
    if (visibility == Visibility::kPublished) {
      for (ReviewFinding& f : result.items) f = AsPublished(std::move(f));
    }
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<ReviewFinding> FindingAppService::UpdateFinding(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    const ReviewFinding& input, const std::vector<std::string>& paths,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateFinding";
  ReviewFinding result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kDraft, kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.findings().Get(engagement_id, id));
    const std::string name = FindingName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    HC_RETURN_IF_ERROR(domain::CheckEditable(result.state, domain::FindingLabel(result.number)));
    const ReviewFinding before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<ReviewFinding>(kFindingFields, paths, input, result));
    HC_RETURN_IF_ERROR(CheckFinding(repos, result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.findings().Update(result));
    return Audit(repos, principal, kAction, name, now,
                 DescribeChanges<ReviewFinding>(kFindingFields, before, result));
  }));
  return result;
}

absl::StatusOr<ReviewFinding> FindingAppService::ChangeFindingState(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    ReviewAction action, std::optional<int64_t> expected_version) {
  const absl::string_view kAction = ActionName(action, true);
  ReviewFinding result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                AccessFor(action), kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.findings().Get(engagement_id, id));
    const std::string name = FindingName(engagement_id, id);
    const std::string label = domain::FindingLabel(result.number);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    HC_ASSIGN_OR_RETURN(ReviewState to, domain::NextReviewState(result.state, action, label));
    const absl::Time now = clock_.Now();
    if (action == ReviewAction::kAgree) {
      // Scoring the responses is needed only when results are the sole evidence.
      bool released = false;
      if (result.note_ids.empty() && !result.questionnaire_results.empty()) {
        HC_ASSIGN_OR_RETURN(domain::Framework framework,
                            LoadBenchmark(repos, codec_, engagement_id, "to link findings to"));
        HC_ASSIGN_OR_RETURN(domain::QuestionnaireOutcome outcome,
                            LoadQuestionnaireOutcome(repos, framework, engagement_id, now));
        released = outcome.results.has_value();
      }
      HC_RETURN_IF_ERROR(domain::CheckEvidence(result, released));
    }
    if (action == ReviewAction::kWithdraw) {
      RecommendationQuery answering;
      answering.finding_id = std::string(id);
      HC_ASSIGN_OR_RETURN(Page<Recommendation> answers,
                          repos.recommendations().List(engagement_id, answering,
                                                       {domain::kMaxRecommendations, {}}));
      for (const Recommendation& r : answers.items) {
        if (r.state == ReviewState::kWithdrawn) continue;
        return absl::FailedPreconditionError(absl::StrCat(
            label, " is answered by ", domain::RecommendationLabel(r.number),
            "; withdraw that recommendation or change its findings first"));
      }
    }
    const std::string change = absl::StrCat("state: ", domain::ReviewStateName(result.state),
                                            " -> ", domain::ReviewStateName(to));
    Record(result, to, principal, now);
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.findings().Update(result));
    return Audit(repos, principal, kAction, name, now, change);
  }));
  return result;
}

absl::StatusOr<Recommendation> FindingAppService::CreateRecommendation(
    const domain::Principal& principal, absl::string_view engagement_id,
    const Recommendation& input, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateRecommendation";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  Recommendation result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kDraft, kAction).status());
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.recommendations().Get(engagement_id, *earlier));
      return absl::OkStatus();
    }
    HC_ASSIGN_OR_RETURN(const int64_t last, repos.recommendations().LastNumber(engagement_id));
    HC_RETURN_IF_ERROR(
        CheckCapacity(last, domain::kMaxRecommendations, engagement_id, "recommendations"));
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    result.number = static_cast<int>(last) + 1;
    result.author_peer_id = principal.peer_id;
    Record(result, ReviewState::kDraft, principal, now);
    HC_RETURN_IF_ERROR(CheckRecommendation(repos, result));
    HC_RETURN_IF_ERROR(repos.recommendations().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, RecommendationName(engagement_id, result.meta.id),
                 now);
  }));
  return result;
}

absl::StatusOr<Recommendation> FindingAppService::GetRecommendation(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id) {
  Recommendation result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Visibility visibility,
                        CheckRead(repos, principal, engagement_id, "GetRecommendation"));
    HC_ASSIGN_OR_RETURN(result, repos.recommendations().Get(engagement_id, id));
    if (visibility == Visibility::kPublished && result.state != ReviewState::kAgreed) {
      return absl::NotFoundError(
          absl::StrCat(RecommendationName(engagement_id, id), " does not exist"));
    }
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<Recommendation>> FindingAppService::ListRecommendations(
    const domain::Principal& principal, absl::string_view engagement_id,
    const RecommendationQuery& query, const PageRequest& page) {
  Page<Recommendation> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Visibility visibility,
                        CheckRead(repos, principal, engagement_id, "ListRecommendations"));
    RecommendationQuery narrowed = query;
    if (visibility == Visibility::kPublished) {
      if (query.state && *query.state != ReviewState::kAgreed) return absl::OkStatus();
      narrowed.state = ReviewState::kAgreed;
    }
    HC_ASSIGN_OR_RETURN(result, repos.recommendations().List(engagement_id, narrowed, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Recommendation> FindingAppService::UpdateRecommendation(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    const Recommendation& input, const std::vector<std::string>& paths,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateRecommendation";
  Recommendation result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kDraft, kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.recommendations().Get(engagement_id, id));
    const std::string name = RecommendationName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    HC_RETURN_IF_ERROR(
        domain::CheckEditable(result.state, domain::RecommendationLabel(result.number)));
    const Recommendation before = result;
    HC_RETURN_IF_ERROR(
        ApplyFieldMask<Recommendation>(kRecommendationFields, paths, input, result));
    HC_RETURN_IF_ERROR(CheckRecommendation(repos, result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.recommendations().Update(result));
    return Audit(repos, principal, kAction, name, now,
                 DescribeChanges<Recommendation>(kRecommendationFields, before, result));
  }));
  return result;
}

absl::StatusOr<Recommendation> FindingAppService::ChangeRecommendationState(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    ReviewAction action, std::optional<int64_t> expected_version) {
  const absl::string_view kAction = ActionName(action, false);
  Recommendation result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                AccessFor(action), kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.recommendations().Get(engagement_id, id));
    const std::string name = RecommendationName(engagement_id, id);
    const std::string label = domain::RecommendationLabel(result.number);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    HC_ASSIGN_OR_RETURN(ReviewState to, domain::NextReviewState(result.state, action, label));
    if (action == ReviewAction::kAgree) {
      for (const std::string& finding_id : result.finding_ids) {
        HC_ASSIGN_OR_RETURN(ReviewFinding finding, repos.findings().Get(engagement_id, finding_id));
        if (finding.state != ReviewState::kAgreed) {
          return absl::FailedPreconditionError(absl::StrCat(
              label, " answers ", domain::FindingLabel(finding.number),
              ", which is not agreed; agree the finding first"));
        }
      }
    }
    const absl::Time now = clock_.Now();
    const std::string change = absl::StrCat("state: ", domain::ReviewStateName(result.state),
                                            " -> ", domain::ReviewStateName(to));
    Record(result, to, principal, now);
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.recommendations().Update(result));
    return Audit(repos, principal, kAction, name, now, change);
  }));
  return result;
}

absl::StatusOr<FeedbackView> FindingAppService::GetInitialFeedback(
    const domain::Principal& principal, absl::string_view engagement_id) {
  constexpr absl::string_view kAction = "GetInitialFeedback";
  FeedbackView view;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement engagement,
                        LoadEngagement(repos, principal, engagement_id,
                                       EngagementAccess::kRead, kAction));
    HC_ASSIGN_OR_RETURN(std::optional<domain::InitialFeedback> given,
                        repos.feedback().Get(engagement_id));
    if (given) {
      view = {*std::move(given), true};
      return absl::OkStatus();
    }
    if (CheckEngagementAccess(principal, engagement, EngagementAccess::kTeam, kAction).ok()) {
      HC_ASSIGN_OR_RETURN(view.feedback,
                          ComposeFeedback(repos, codec_, engagement, clock_.Now()));
      return absl::OkStatus();
    }
    return absl::FailedPreconditionError(absl::StrCat(
        "the initial feedback of engagements/", engagement_id,
        " has not been given yet; until then only the review team sees its draft"));
  }));
  return view;
}

}  // namespace hc::app
