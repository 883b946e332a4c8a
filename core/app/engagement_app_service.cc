#include "core/app/engagement_app_service.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/app/engagement_transition.h"
#include "core/app/feedback_composer.h"
#include "core/app/field_mask.h"
#include "core/common/status_macros.h"
#include "core/domain/team.h"

namespace hc::app {
namespace {

using domain::Engagement;
using domain::KeyDates;

// "scoping", "scoping.stakeholders" and "key_dates" replace groups of
// fields whose own rules show what changed.
constexpr std::array<FieldRule<Engagement>, 19> kUpdatable{{
    HC_FIELD_RULE(Engagement, "purpose", purpose),
    {"scoping", [](const Engagement& f, Engagement& t) { t.scoping = f.scoping; }},
    HC_FIELD_RULE(Engagement, "scoping.issues", scoping.issues),
    HC_FIELD_RULE(Engagement, "scoping.desired_outcomes", scoping.desired_outcomes),
    {"scoping.stakeholders",
     [](const Engagement& f, Engagement& t) { t.scoping.stakeholders = f.scoping.stakeholders; }},
    HC_FIELD_RULE(Engagement, "scoping.stakeholders.inform", scoping.stakeholders.inform),
    HC_FIELD_RULE(Engagement, "scoping.stakeholders.involve", scoping.stakeholders.involve),
    HC_FIELD_RULE(Engagement, "scoping.stakeholders.be_aware", scoping.stakeholders.be_aware),
    HC_FIELD_RULE(Engagement, "scoping.stakeholders.keep_on_board",
                  scoping.stakeholders.keep_on_board),
    HC_FIELD_RULE(Engagement, "scoping.arrangements", scoping.arrangements),
    {"key_dates", [](const Engagement& f, Engagement& t) { t.key_dates = f.key_dates; }},
    HC_FIELD_RULE(Engagement, "key_dates.questionnaire_open", key_dates.questionnaire_open),
    HC_FIELD_RULE(Engagement, "key_dates.questionnaire_close", key_dates.questionnaire_close),
    HC_FIELD_RULE(Engagement, "key_dates.fieldwork_day1", key_dates.fieldwork_day1),
    HC_FIELD_RULE(Engagement, "key_dates.fieldwork_day2", key_dates.fieldwork_day2),
    HC_FIELD_RULE(Engagement, "key_dates.fieldwork_day3", key_dates.fieldwork_day3),
    HC_FIELD_RULE(Engagement, "key_dates.feedback_date", key_dates.feedback_date),
    HC_FIELD_RULE(Engagement, "key_dates.report_due", key_dates.report_due),
    HC_FIELD_RULE(Engagement, "key_dates.plan_due", key_dates.plan_due),
}};

std::string NameOf(absl::string_view id) { return absl::StrCat("engagements/", id); }

absl::Status ValidateEditable(const Engagement& e) {
  HC_RETURN_IF_ERROR(domain::ValidateScoping(e.scoping));
  return domain::ValidateKeyDates(e.key_dates);
}

// Narrows `query` to what the principal may see; false if nothing can match.
bool RestrictToVisible(const domain::Principal& principal, EngagementQuery& query) {
  switch (principal.role) {
    case domain::Role::kProgrammeLead:
      return true;
    case domain::Role::kPeer:
      if (query.team_peer_id && *query.team_peer_id != principal.peer_id) return false;
      query.team_peer_id = principal.peer_id;
      return true;
    case domain::Role::kPartnershipContact:
      if (query.partnership_id && *query.partnership_id != principal.partnership_id) {
        return false;
      }
      query.partnership_id = principal.partnership_id;
      return true;
    case domain::Role::kUnspecified:
      return false;
  }
  return false;
}

}  // namespace

EngagementAppService::EngagementAppService(Store& store, Clock& clock, IdSource& ids,
                                           const FrameworkCodec& codec,
                                           domain::DueDateRules rules)
    : store_(store), clock_(clock), ids_(ids), codec_(codec), rules_(rules) {}

absl::StatusOr<EngagementView> EngagementAppService::Create(
    const domain::Principal& principal, const Engagement& input, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateEngagement";
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kAction));
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  if (domain::PurposeName(input.purpose) == "UNKNOWN") {
    return absl::InvalidArgumentError(
        "purpose is required: PURPOSE_DEVELOPMENTAL, PURPOSE_ROUTINE_AUDIT or PURPOSE_REMEDIAL");
  }
  HC_RETURN_IF_ERROR(ValidateEditable(input));
  EngagementView result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    const absl::CivilDay today = clock_.Today();
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(Engagement existing, repos.engagements().Get(*earlier));
      HC_ASSIGN_OR_RETURN(result, BuildEngagementView(repos, std::move(existing), today));
      return absl::OkStatus();
    }
    absl::StatusOr<domain::Partnership> partnership =
        repos.partnerships().Get(input.partnership_id);
    if (absl::IsNotFound(partnership.status())) {
      return absl::NotFoundError(
          absl::StrCat("partnerships/", input.partnership_id, " does not exist"));
    }
    HC_RETURN_IF_ERROR(partnership.status());
    if (!input.previous_engagement_id.empty()) {
      absl::StatusOr<Engagement> previous =
          repos.engagements().Get(input.previous_engagement_id);
      if (absl::IsNotFound(previous.status())) {
        return absl::NotFoundError(
            absl::StrCat(NameOf(input.previous_engagement_id), " does not exist"));
      }
      HC_RETURN_IF_ERROR(previous.status());
      if (previous->partnership_id != input.partnership_id) {
        return absl::InvalidArgumentError(absl::StrCat(
            "previous_engagement ", NameOf(previous->meta.id),
            " is of another partnership; a repeat health check follows the same partnership"));
      }
    }
    const absl::Time now = clock_.Now();
    Engagement e;
    e.meta = {ids_.NewId(), now, now, 1};
    e.partnership_id = input.partnership_id;
    e.purpose = input.purpose;
    e.stage = domain::Stage::kScoping;
    e.scoping = input.scoping;
    e.key_dates = input.key_dates;
    e.previous_engagement_id = input.previous_engagement_id;
    domain::ApplyKeyDateDefaults(e.key_dates, rules_);
    HC_RETURN_IF_ERROR(repos.engagements().Insert(e));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, e.meta.id, now));
    HC_RETURN_IF_ERROR(Audit(repos, principal, kAction, NameOf(e.meta.id), now));
    HC_ASSIGN_OR_RETURN(result, BuildEngagementView(repos, std::move(e), today));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<EngagementView> EngagementAppService::Get(const domain::Principal& principal,
                                                         absl::string_view id) {
  EngagementView result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Engagement e, LoadEngagement(repos, principal, id,
                                                     EngagementAccess::kRead, "GetEngagement"));
    HC_ASSIGN_OR_RETURN(result, BuildEngagementView(repos, std::move(e), clock_.Today()));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<EngagementView>> EngagementAppService::List(
    const domain::Principal& principal, EngagementQuery query, bool only_overdue,
    const PageRequest& page) {
  Page<EngagementView> result;
  if (!RestrictToVisible(principal, query)) return result;
  if (only_overdue) query.overdue_on = clock_.Today();
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Page<Engagement> found, repos.engagements().List(query, page));
    const absl::CivilDay today = clock_.Today();
    for (Engagement& e : found.items) {
      HC_ASSIGN_OR_RETURN(EngagementView view, BuildEngagementView(repos, std::move(e), today));
      result.items.push_back(std::move(view));
    }
    result.next = found.next;
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<EngagementView> EngagementAppService::Mutate(
    const domain::Principal& principal, absl::string_view id, absl::string_view action,
    EngagementAccess access, std::optional<int64_t> expected_version,
    absl::FunctionRef<absl::Status(Repositories&, Engagement&)> change) {
  EngagementView result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Engagement e, LoadEngagement(repos, principal, id, access, action));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(id), e.meta, expected_version));
    const Engagement before = e;
    HC_RETURN_IF_ERROR(change(repos, e));
    const std::vector<domain::KeyDateChange> moved =
        domain::DiffKeyDates(before.key_dates, e.key_dates);
    if (auto passed = domain::FirstChangeToAPassedDate(moved, clock_.Today())) {
      if (!CheckEngagementAccess(principal, e, EngagementAccess::kSteer, action).ok()) {
        return absl::PermissionDeniedError(absl::StrCat(
            "only the lead peer or a programme lead may change ", passed->field, " of ",
            NameOf(id), ": it has passed (", absl::FormatCivilTime(*passed->before), ")"));
      }
    }
    const absl::Time now = clock_.Now();
    Touch(e.meta, now);
    HC_RETURN_IF_ERROR(repos.engagements().Update(e));
    HC_RETURN_IF_ERROR(
        Audit(repos, principal, action, NameOf(id), now,
              DescribeChanges<Engagement>(kUpdatable, before, e)));
    HC_ASSIGN_OR_RETURN(result, BuildEngagementView(repos, std::move(e), clock_.Today()));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<EngagementView> EngagementAppService::Update(
    const domain::Principal& principal, absl::string_view id, const Engagement& input,
    const std::vector<std::string>& paths, std::optional<int64_t> expected_version) {
  return Mutate(principal, id, "UpdateEngagement", EngagementAccess::kContribute,
                expected_version, [&](Repositories&, Engagement& e) -> absl::Status {
                  HC_RETURN_IF_ERROR(domain::CheckNotEnded(e));
                  const domain::Purpose purpose_before = e.purpose;
                  HC_RETURN_IF_ERROR(ApplyFieldMask<Engagement>(kUpdatable, paths, input, e));
                  if (e.purpose != purpose_before) {
                    if (domain::PurposeName(e.purpose) == "UNKNOWN") {
                      return absl::InvalidArgumentError("purpose is required");
                    }
                    if (e.stage != domain::Stage::kScoping) {
                      return absl::FailedPreconditionError(absl::StrCat(
                          NameOf(id), " is past SCOPING; its purpose can no longer change"));
                    }
                  }
                  domain::ApplyKeyDateDefaults(e.key_dates, rules_);
                  return ValidateEditable(e);
                });
}

absl::StatusOr<EngagementView> EngagementAppService::AddTeamMember(
    const domain::Principal& principal, absl::string_view id, absl::string_view peer_id,
    domain::TeamRole role, std::optional<int64_t> expected_version) {
  return Mutate(principal, id, "AddTeamMember", EngagementAccess::kManage, expected_version,
                [&](Repositories& repos, Engagement& e) -> absl::Status {
                  absl::StatusOr<domain::Peer> peer = repos.peers().Get(peer_id);
                  if (absl::IsNotFound(peer.status())) {
                    return absl::NotFoundError(absl::StrCat("peers/", peer_id, " does not exist"));
                  }
                  HC_RETURN_IF_ERROR(peer.status());
                  HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                                      repos.partnerships().Get(e.partnership_id));
                  HC_RETURN_IF_ERROR(
                      domain::CheckCanJoinTeam(e, partnership, *peer, role, clock_.Today()));
                  e.team.push_back({std::string(peer_id), role});
                  return absl::OkStatus();
                });
}

absl::StatusOr<EngagementView> EngagementAppService::RemoveTeamMember(
    const domain::Principal& principal, absl::string_view id, absl::string_view peer_id,
    std::optional<int64_t> expected_version) {
  return Mutate(principal, id, "RemoveTeamMember", EngagementAccess::kManage, expected_version,
                [&](Repositories&, Engagement& e) -> absl::Status {
                  HC_RETURN_IF_ERROR(domain::CheckNotEnded(e));
                  auto it = std::find_if(e.team.begin(), e.team.end(),
                                         [&](const auto& m) { return m.peer_id == peer_id; });
                  if (it == e.team.end()) {
                    return absl::NotFoundError(absl::StrCat("peers/", peer_id,
                                                            " is not on the team of ", NameOf(id)));
                  }
                  e.team.erase(it);
                  return absl::OkStatus();
                });
}

absl::StatusOr<EngagementView> EngagementAppService::Transition(
    const domain::Principal& principal, absl::string_view id, domain::Transition transition,
    absl::string_view reason, std::optional<int64_t> expected_version) {
  const EngagementAccess access = transition == domain::Transition::kCancel
                                      ? EngagementAccess::kManage
                                      : EngagementAccess::kSteer;
  const absl::string_view action = domain::TransitionName(transition);
  return Mutate(
      principal, id, action, access, expected_version,
      [&](Repositories& repos, Engagement& e) -> absl::Status {
        const absl::CivilDay today = clock_.Today();
        HC_RETURN_IF_ERROR(
            ApplyTransition(repos, principal, clock_.Now(), today, e, transition, reason, rules_)
                .status());
        if (transition != domain::Transition::kGiveInitialFeedback) return absl::OkStatus();
        HC_ASSIGN_OR_RETURN(domain::InitialFeedback feedback,
                            ComposeFeedback(repos, codec_, e, clock_.Now()));
        feedback.remarks = std::string(reason);
        feedback.given_on = today;
        HC_ASSIGN_OR_RETURN(std::vector<domain::Peer> peers, LoadTeamPeers(repos, e));
        const std::string lead = domain::LeadPeerId(e);
        for (const domain::Peer& peer : peers) {
          if (peer.meta.id == lead) feedback.given_by = peer.display_name;
        }
        e.initial_feedback_summary = domain::FeedbackSummary(feedback);
        return repos.feedback().Insert(e.meta.id, feedback);
      });
}

absl::StatusOr<Page<domain::StageChange>> EngagementAppService::ListTransitions(
    const domain::Principal& principal, absl::string_view id, const PageRequest& page) {
  Page<domain::StageChange> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, id, EngagementAccess::kRead,
                                      "ListEngagementTransitions")
                           .status());
    HC_ASSIGN_OR_RETURN(result, repos.engagements().ListStageChanges(id, page));
    return absl::OkStatus();
  }));
  return result;
}

}  // namespace hc::app
