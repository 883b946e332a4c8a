#include "core/app/improvement_plan_app_service.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/engagement_transition.h"
#include "core/app/field_mask.h"
#include "core/app/questionnaire_outcome.h"
#include "core/common/status_macros.h"
#include "core/domain/questionnaire.h"

namespace hc::app {
namespace {

using domain::PlanAction;

constexpr std::array<FieldRule<PlanAction>, 6> kActionFields{{
    HC_FIELD_RULE(PlanAction, "title", title),
    HC_FIELD_RULE(PlanAction, "description", description),
    HC_FIELD_RULE(PlanAction, "recommendation", recommendation_id),
    HC_FIELD_RULE(PlanAction, "statement_code", statement_code),
    HC_FIELD_RULE(PlanAction, "owner_organisation", owner_organisation),
    HC_FIELD_RULE(PlanAction, "due_date", due_date),
}};

// At most this many respondents' entries are offered as suggestions.
constexpr int kMaxEntrySuggestions = 1000;

std::string PlanName(absl::string_view engagement_id) {
  return absl::StrCat("engagements/", engagement_id, "/improvementPlan");
}

std::string ActionName(absl::string_view engagement_id, absl::string_view id) {
  return absl::StrCat(PlanName(engagement_id), "/actions/", id);
}

// What a call does to the plan.
enum class PlanAccess {
  kRead,      // programme lead, team, the partnership's contact
  kDraft,     // the partnership's contact, the lead peer and peers
  kProgress,  // the partnership's contact
  kSteer,     // the lead peer, a programme lead
};

absl::Status CheckPlanStage(const domain::Engagement& e) {
  HC_RETURN_IF_ERROR(domain::CheckNotEnded(e));
  if (e.stage == domain::Stage::kImprovementPlan || e.stage == domain::Stage::kFollowUp) {
    return absl::OkStatus();
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "engagements/", e.meta.id, " is ", domain::StageName(e.stage),
      ": the report is not published yet, so its improvement plan cannot change"));
}

absl::Status OnlyContact(absl::string_view action, absl::string_view engagement_id) {
  return absl::PermissionDeniedError(absl::StrCat(
      action, " on engagements/", engagement_id,
      " is not allowed for this token: only the partnership's contact may"));
}

// Loads the engagement if the principal may do `access` to its plan; for a
// change, also checks the plan may change (CheckPlanStage).
absl::StatusOr<domain::Engagement> LoadForPlan(Repositories& repos,
                                               const domain::Principal& principal,
                                               absl::string_view engagement_id,
                                               PlanAccess access, absl::string_view action) {
  const bool contact = principal.role == domain::Role::kPartnershipContact;
  EngagementAccess needed = EngagementAccess::kRead;
  if (access == PlanAccess::kDraft && !contact) needed = EngagementAccess::kDraft;
  if (access == PlanAccess::kSteer) needed = EngagementAccess::kSteer;
  if (access == PlanAccess::kProgress && !contact) return OnlyContact(action, engagement_id);
  HC_ASSIGN_OR_RETURN(domain::Engagement e,
                      LoadEngagement(repos, principal, engagement_id, needed, action));
  // Before publication the plan's suggestions would show the partnership
  // the team's recommendations.
  if (contact && access == PlanAccess::kRead && !domain::ReportPublished(e.stage)) {
    return absl::PermissionDeniedError(absl::StrCat(
        action, " on engagements/", engagement_id,
        " is not allowed for this token yet: the partnership sees its improvement plan once "
        "the report is published"));
  }
  if (access != PlanAccess::kRead) HC_RETURN_IF_ERROR(CheckPlanStage(e));
  return e;
}

// The stored plan, or the draft every engagement has before it is stored.
absl::StatusOr<domain::ImprovementPlan> LoadPlan(Repositories& repos,
                                                 const domain::Engagement& e) {
  HC_ASSIGN_OR_RETURN(std::optional<domain::ImprovementPlan> stored,
                      repos.plans().GetPlan(e.meta.id));
  if (stored) return *std::move(stored);
  domain::ImprovementPlan draft;
  draft.meta = {e.meta.id, e.meta.create_time, e.meta.create_time, 1};
  return draft;
}

absl::StatusOr<PlanView> BuildPlanView(Repositories& repos, const domain::Engagement& e,
                                       absl::CivilDay today) {
  PlanView view;
  HC_ASSIGN_OR_RETURN(view.plan, LoadPlan(repos, e));
  HC_ASSIGN_OR_RETURN(std::vector<PlanAction> actions, repos.plans().ListAllActions(e.meta.id));
  view.summary = domain::Summarise(actions, today);
  view.plan_due = e.key_dates.plan_due;
  return view;
}

absl::StatusOr<std::vector<domain::Recommendation>> AgreedRecommendations(
    Repositories& repos, absl::string_view engagement_id) {
  RecommendationQuery query;
  query.state = domain::ReviewState::kAgreed;
  HC_ASSIGN_OR_RETURN(Page<domain::Recommendation> page,
                      repos.recommendations().List(engagement_id, query,
                                                   {domain::kMaxRecommendations, {}}));
  return std::move(page.items);
}

// The approval rule (domain::CheckApproval) on the stored plan, in stage
// IMPROVEMENT_PLAN only.
absl::Status CheckApprovable(Repositories& repos, const domain::Engagement& e) {
  if (e.stage != domain::Stage::kImprovementPlan) {
    return absl::FailedPreconditionError(
        absl::StrCat("engagements/", e.meta.id, " is ", domain::StageName(e.stage),
                     "; a plan is approved in stage IMPROVEMENT_PLAN"));
  }
  HC_ASSIGN_OR_RETURN(std::vector<PlanAction> actions, repos.plans().ListAllActions(e.meta.id));
  HC_ASSIGN_OR_RETURN(std::vector<domain::Recommendation> agreed,
                      AgreedRecommendations(repos, e.meta.id));
  std::vector<domain::AgreedRecommendation> must_answer;
  for (const domain::Recommendation& r : agreed) must_answer.push_back({r.meta.id, r.number});
  return domain::CheckApproval(actions, must_answer);
}

bool HasStatement(const domain::Framework& framework, absl::string_view code) {
  for (const domain::Section& section : framework.sections) {
    for (const domain::Statement& s : section.statements) {
      if (s.code == code) return true;
    }
  }
  return false;
}

std::vector<std::string> MemberNames(const domain::Partnership& partnership) {
  std::vector<std::string> names;
  for (const domain::MemberOrganisation& m : partnership.members) {
    names.push_back(m.display_name);
  }
  return names;
}

absl::Status CheckRecommendation(Repositories& repos, const PlanAction& action) {
  if (action.recommendation_id.empty()) return absl::OkStatus();
  absl::StatusOr<domain::Recommendation> r =
      repos.recommendations().Get(action.engagement_id, action.recommendation_id);
  if (absl::IsNotFound(r.status())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "recommendation: ", r.status().message(),
        " (an action answers a recommendation of its engagement)"));
  }
  HC_RETURN_IF_ERROR(r.status());
  if (r->state != domain::ReviewState::kAgreed) {
    return absl::FailedPreconditionError(absl::StrCat(
        domain::RecommendationLabel(r->number), " is ", domain::ReviewStateName(r->state),
        "; an action answers an agreed recommendation"));
  }
  return absl::OkStatus();
}

absl::Status SuggestRecommendations(Repositories& repos, absl::string_view engagement_id,
                                    std::vector<ActionSuggestion>& out) {
  HC_ASSIGN_OR_RETURN(std::vector<domain::Recommendation> agreed,
                      AgreedRecommendations(repos, engagement_id));
  HC_ASSIGN_OR_RETURN(std::vector<PlanAction> actions,
                      repos.plans().ListAllActions(engagement_id));
  for (const domain::Recommendation& r : agreed) {
    bool answered = false;
    for (const PlanAction& a : actions) answered = answered || a.recommendation_id == r.meta.id;
    if (answered) continue;
    ActionSuggestion s;
    s.source = SuggestionSource::kRecommendation;
    s.text = r.text;
    s.recommendation_id = r.meta.id;
    s.recommendation_number = r.number;
    out.push_back(std::move(s));
  }
  return absl::OkStatus();
}

// The benchmark's "possible actions" (Digging Deeper); none without a
// questionnaire, whose benchmark they come from.
absl::Status SuggestPossibleActions(Repositories& repos, const FrameworkCodec& codec,
                                    absl::string_view engagement_id,
                                    std::vector<ActionSuggestion>& out) {
  absl::StatusOr<domain::Framework> framework =
      LoadBenchmark(repos, codec, engagement_id, "to suggest actions from");
  if (absl::IsFailedPrecondition(framework.status())) return absl::OkStatus();
  HC_RETURN_IF_ERROR(framework.status());
  for (const domain::Section& section : framework->sections) {
    for (const domain::Statement& statement : section.statements) {
      for (const std::string& text : statement.possible_actions) {
        ActionSuggestion s;
        s.source = SuggestionSource::kPossibleAction;
        s.text = text;
        s.statement_code = statement.code;
        out.push_back(std::move(s));
      }
    }
  }
  return absl::OkStatus();
}

// The respondents' entries, unattributed, in the order the store lists them
// (by statement, then random key).
absl::Status SuggestEntries(Repositories& repos, absl::string_view engagement_id,
                            std::vector<ActionSuggestion>& out) {
  PageRequest page{500, std::nullopt};
  int taken = 0;
  while (taken < kMaxEntrySuggestions) {
    HC_ASSIGN_OR_RETURN(Page<domain::GatheredAction> entries,
                        repos.responses().ListActions(engagement_id, page));
    for (const domain::GatheredAction& entry : entries.items) {
      if (taken == kMaxEntrySuggestions) break;
      ++taken;
      ActionSuggestion s;
      s.source = SuggestionSource::kRespondentEntry;
      s.text = entry.entry.action;
      s.by_whom = entry.entry.by_whom;
      s.statement_code = entry.statement_code;
      s.action_entry_id = entry.id;
      out.push_back(std::move(s));
    }
    if (!entries.next) break;
    page.after = entries.next;
  }
  return absl::OkStatus();
}

}  // namespace

ImprovementPlanAppService::ImprovementPlanAppService(Store& store, Clock& clock, IdSource& ids,
                                                     const FrameworkCodec& codec,
                                                     ImprovementPlanOptions options)
    : store_(store), clock_(clock), ids_(ids), codec_(codec), options_(std::move(options)) {}

ActionView ImprovementPlanAppService::ViewOf(PlanAction action) {
  const bool overdue = domain::IsOverdue(action, clock_.Today());
  return {std::move(action), overdue};
}

absl::Status ImprovementPlanAppService::CheckAction(Repositories& repos,
                                                    const domain::Engagement& engagement,
                                                    PlanAction& action) {
  HC_RETURN_IF_ERROR(domain::ValidateAction(action));
  HC_RETURN_IF_ERROR(CheckRecommendation(repos, action));
  if (!action.statement_code.empty()) {
    HC_ASSIGN_OR_RETURN(domain::Framework framework,
                        LoadBenchmark(repos, codec_, engagement.meta.id,
                                      "to link actions to its statements"));
    if (!HasStatement(framework, action.statement_code)) {
      return absl::InvalidArgumentError(absl::StrCat("statement_code: \"", action.statement_code,
                                                     "\" is not a statement of ",
                                                     framework.display_name));
    }
  }
  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                      repos.partnerships().Get(engagement.partnership_id));
  HC_ASSIGN_OR_RETURN(action.owner_organisation,
                      domain::MatchOwner(action.owner_organisation, MemberNames(partnership)));
  return absl::OkStatus();
}

absl::StatusOr<bool> ImprovementPlanAppService::EntriesReadable(
    Repositories& repos, const domain::Principal& principal,
    const domain::Engagement& engagement) {
  if (!CheckEngagementAccess(principal, engagement, EngagementAccess::kTeam, "").ok()) {
    return false;
  }
  absl::StatusOr<domain::Questionnaire> q = repos.questionnaires().Get(engagement.meta.id);
  if (absl::IsNotFound(q.status())) return false;
  HC_RETURN_IF_ERROR(q.status());
  return AnswersReleasable(repos, engagement.meta.id, *q, clock_.Now());
}

absl::Status ImprovementPlanAppService::ApplyEntry(Repositories& repos,
                                                   const domain::Principal& principal,
                                                   const domain::Engagement& engagement,
                                                   absl::string_view entry_id,
                                                   PlanAction& action) {
  if (!CheckEngagementAccess(principal, engagement, EngagementAccess::kTeam, "").ok()) {
    return absl::PermissionDeniedError(
        "source_action_entry is not allowed for this token: only the review team sees the "
        "respondents' action entries");
  }
  HC_ASSIGN_OR_RETURN(const bool readable, EntriesReadable(repos, principal, engagement));
  if (!readable) {
    return absl::FailedPreconditionError(absl::StrCat(
        "source_action_entry: engagements/", engagement.meta.id,
        " has no questionnaire closed with at least k respondents, so no action entries may "
        "be used"));
  }
  PageRequest page{500, std::nullopt};
  for (;;) {
    HC_ASSIGN_OR_RETURN(Page<domain::GatheredAction> entries,
                        repos.responses().ListActions(engagement.meta.id, page));
    for (const domain::GatheredAction& entry : entries.items) {
      if (entry.id != entry_id) continue;
      if (action.title.empty()) action.title = entry.entry.action;
      if (action.statement_code.empty()) action.statement_code = entry.statement_code;
      return absl::OkStatus();
    }
    if (!entries.next) break;
    page.after = entries.next;
  }
  return absl::InvalidArgumentError(absl::StrCat("source_action_entry: engagements/",
                                                 engagement.meta.id,
                                                 "/questionnaire/actionEntries/", entry_id,
                                                 " does not exist"));
}

absl::StatusOr<PlanView> ImprovementPlanAppService::GetPlan(const domain::Principal& principal,
                                                            absl::string_view engagement_id) {
  PlanView view;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadForPlan(repos, principal, engagement_id,
                                                          PlanAccess::kRead,
                                                          "GetImprovementPlan"));
    HC_ASSIGN_OR_RETURN(view, BuildPlanView(repos, e, clock_.Today()));
    return absl::OkStatus();
  }));
  return view;
}

absl::StatusOr<PlanView> ImprovementPlanAppService::ApprovePlan(
    const domain::Principal& principal, absl::string_view engagement_id,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "ApproveImprovementPlan";
  PlanView view;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadForPlan(repos, principal, engagement_id,
                                                          PlanAccess::kSteer, kAction));
    HC_ASSIGN_OR_RETURN(domain::ImprovementPlan plan, LoadPlan(repos, e));
    HC_RETURN_IF_ERROR(CheckVersion(PlanName(engagement_id), plan.meta, expected_version));
    HC_RETURN_IF_ERROR(CheckApprovable(repos, e));
    const absl::Time now = clock_.Now();
    const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
    plan.state = domain::PlanState::kApproved;
    plan.approve_time = now;
    plan.approved_by = principal.display_name;
    Touch(plan.meta, now);
    // Stored first: the transition's guard reads the approval from the store.
    HC_RETURN_IF_ERROR(repos.plans().PutPlan(plan));
    HC_RETURN_IF_ERROR(ApplyTransition(repos, principal, now, today, e,
                                       domain::Transition::kBeginFollowUp,
                                       "improvement plan approved", options_.due_date_rules)
                           .status());
    Touch(e.meta, now);
    HC_RETURN_IF_ERROR(repos.engagements().Update(e));
    for (domain::CheckIn& c :
         domain::ScheduleCheckIns(engagement_id, today, options_.check_in_months)) {
      c.meta = {"", now, now, 1};
      HC_RETURN_IF_ERROR(repos.plans().InsertCheckIn(c));
    }
    HC_RETURN_IF_ERROR(Audit(repos, principal, kAction, PlanName(engagement_id), now));
    HC_ASSIGN_OR_RETURN(view, BuildPlanView(repos, e, today));
    return absl::OkStatus();
  }));
  return view;
}

absl::StatusOr<ActionView> ImprovementPlanAppService::CreateAction(
    const domain::Principal& principal, absl::string_view engagement_id, const PlanAction& input,
    absl::string_view source_entry_id, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateAction";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  PlanAction result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadForPlan(repos, principal, engagement_id,
                                                          PlanAccess::kDraft, kAction));
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.plans().GetAction(engagement_id, *earlier));
      return absl::OkStatus();
    }
    HC_ASSIGN_OR_RETURN(const int64_t last, repos.plans().LastActionNumber(engagement_id));
    if (last >= domain::kMaxPlanActions) {
      return absl::FailedPreconditionError(absl::StrCat(
          PlanName(engagement_id), " already has ", domain::kMaxPlanActions, " actions"));
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    result.number = static_cast<int>(last) + 1;
    if (result.status == domain::ActionStatus::kUnspecified) {
      result.status = domain::ActionStatus::kActionNeeded;
    }
    result.verify_time.reset();
    result.verified_by.clear();
    if (!source_entry_id.empty()) {
      HC_RETURN_IF_ERROR(ApplyEntry(repos, principal, e, source_entry_id, result));
    }
    HC_RETURN_IF_ERROR(CheckAction(repos, e, result));
    HC_RETURN_IF_ERROR(repos.plans().InsertAction(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, ActionName(engagement_id, result.meta.id), now);
  }));
  return ViewOf(std::move(result));
}

absl::StatusOr<ActionView> ImprovementPlanAppService::GetAction(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id) {
  PlanAction result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadForPlan(repos, principal, engagement_id, PlanAccess::kRead, "GetAction").status());
    HC_ASSIGN_OR_RETURN(result, repos.plans().GetAction(engagement_id, id));
    return absl::OkStatus();
  }));
  return ViewOf(std::move(result));
}

absl::StatusOr<Page<ActionView>> ImprovementPlanAppService::ListActions(
    const domain::Principal& principal, absl::string_view engagement_id, PlanActionQuery query,
    bool overdue_only, const PageRequest& page) {
  Page<PlanAction> found;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadForPlan(repos, principal, engagement_id, PlanAccess::kRead, "ListActions").status());
    if (overdue_only) query.overdue_on = clock_.Today();
    HC_ASSIGN_OR_RETURN(found, repos.plans().ListActions(engagement_id, query, page));
    return absl::OkStatus();
  }));
  Page<ActionView> result;
  result.next = found.next;
  for (PlanAction& a : found.items) result.items.push_back(ViewOf(std::move(a)));
  return result;
}

absl::StatusOr<ActionView> ImprovementPlanAppService::UpdateAction(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    const PlanAction& input, const std::vector<std::string>& paths,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateAction";
  PlanAction result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadForPlan(repos, principal, engagement_id,
                                                          PlanAccess::kDraft, kAction));
    HC_ASSIGN_OR_RETURN(result, repos.plans().GetAction(engagement_id, id));
    const std::string name = ActionName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    const PlanAction before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<PlanAction>(kActionFields, paths, input, result));
    HC_RETURN_IF_ERROR(CheckAction(repos, e, result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.plans().UpdateAction(result));
    return Audit(repos, principal, kAction, name, now,
                 DescribeChanges<PlanAction>(kActionFields, before, result));
  }));
  return ViewOf(std::move(result));
}

absl::StatusOr<ActionView> ImprovementPlanAppService::VerifyAction(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "VerifyAction";
  PlanAction result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadForPlan(repos, principal, engagement_id, PlanAccess::kSteer, kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.plans().GetAction(engagement_id, id));
    const std::string name = ActionName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    HC_RETURN_IF_ERROR(domain::CheckVerifiable(result));
    const absl::Time now = clock_.Now();
    result.verify_time = now;
    result.verified_by = principal.display_name;
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.plans().UpdateAction(result));
    return Audit(repos, principal, kAction, name, now);
  }));
  return ViewOf(std::move(result));
}

absl::StatusOr<domain::ProgressUpdate> ImprovementPlanAppService::CreateProgressUpdate(
    const domain::Principal& principal, absl::string_view engagement_id,
    absl::string_view action_id, const domain::ProgressUpdate& input, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateProgressUpdate";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  domain::ProgressUpdate result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadForPlan(repos, principal, engagement_id, PlanAccess::kProgress, kAction).status());
    HC_ASSIGN_OR_RETURN(PlanAction action, repos.plans().GetAction(engagement_id, action_id));
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.plans().GetProgressUpdate(engagement_id, *earlier));
      return absl::OkStatus();
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.id = ids_.NewId();
    result.engagement_id = std::string(engagement_id);
    result.action_id = std::string(action_id);
    result.author = principal.display_name;
    result.create_time = now;
    HC_RETURN_IF_ERROR(domain::ValidateProgressUpdate(result));
    HC_RETURN_IF_ERROR(repos.plans().InsertProgressUpdate(result));
    domain::ApplyStatus(action, result.status);
    Touch(action.meta, now);
    HC_RETURN_IF_ERROR(repos.plans().UpdateAction(action));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.id, now));
    return Audit(repos, principal, kAction,
                 absl::StrCat(ActionName(engagement_id, action_id), "/progressUpdates/",
                              result.id),
                 now);
  }));
  return result;
}

absl::StatusOr<Page<domain::ProgressUpdate>> ImprovementPlanAppService::ListProgressUpdates(
    const domain::Principal& principal, absl::string_view engagement_id,
    absl::string_view action_id, const PageRequest& page) {
  Page<domain::ProgressUpdate> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadForPlan(repos, principal, engagement_id, PlanAccess::kRead,
                                   "ListProgressUpdates")
                           .status());
    HC_RETURN_IF_ERROR(repos.plans().GetAction(engagement_id, action_id).status());
    HC_ASSIGN_OR_RETURN(result,
                        repos.plans().ListProgressUpdates(engagement_id, action_id, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<CheckInView>> ImprovementPlanAppService::ListCheckIns(
    const domain::Principal& principal, absl::string_view engagement_id,
    const PageRequest& page) {
  Page<domain::CheckIn> found;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadForPlan(repos, principal, engagement_id, PlanAccess::kRead, "ListCheckIns").status());
    HC_ASSIGN_OR_RETURN(found, repos.plans().ListCheckIns(engagement_id, page));
    return absl::OkStatus();
  }));
  Page<CheckInView> result;
  result.next = found.next;
  const absl::CivilDay today = clock_.Today();
  for (domain::CheckIn& c : found.items) {
    const bool overdue = domain::IsOverdue(c, today);
    result.items.push_back({std::move(c), overdue});
  }
  return result;
}

absl::StatusOr<CheckInView> ImprovementPlanAppService::RecordCheckIn(
    const domain::Principal& principal, absl::string_view engagement_id, int number,
    absl::string_view notes, std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "RecordCheckIn";
  domain::CheckIn result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadForPlan(repos, principal, engagement_id, PlanAccess::kSteer, kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.plans().GetCheckIn(engagement_id, number));
    const std::string name = absl::StrCat(PlanName(engagement_id), "/checkIns/", number);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    HC_RETURN_IF_ERROR(domain::CheckRecordable(result, notes));
    const absl::Time now = clock_.Now();
    result.state = domain::CheckInState::kHeld;
    result.held_date = clock_.Today();
    result.notes = std::string(notes);
    result.held_by = principal.display_name;
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.plans().UpdateCheckIn(result));
    return Audit(repos, principal, kAction, name, now);
  }));
  return CheckInView{std::move(result), false};
}

absl::StatusOr<std::vector<ActionSuggestion>> ImprovementPlanAppService::ListSuggestions(
    const domain::Principal& principal, absl::string_view engagement_id) {
  std::vector<ActionSuggestion> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadForPlan(repos, principal, engagement_id,
                                                          PlanAccess::kRead,
                                                          "ListActionSuggestions"));
    HC_RETURN_IF_ERROR(SuggestRecommendations(repos, engagement_id, result));
    HC_RETURN_IF_ERROR(SuggestPossibleActions(repos, codec_, engagement_id, result));
    HC_ASSIGN_OR_RETURN(const bool entries, EntriesReadable(repos, principal, e));
    if (entries) HC_RETURN_IF_ERROR(SuggestEntries(repos, engagement_id, result));
    return absl::OkStatus();
  }));
  return result;
}

}  // namespace hc::app
