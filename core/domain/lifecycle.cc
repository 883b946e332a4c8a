#include "core/domain/lifecycle.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "core/domain/team.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

using Guard = absl::Status (*)(const TransitionInput&);

struct Rule {
  Transition transition;
  absl::string_view name;
  std::array<Stage, 2> from;  // kUnspecified pads an unused slot
  Stage to;
  bool reason_required;
  Guard guard;
};

std::string Subject(const TransitionInput& in) {
  return absl::StrCat("engagements/", in.engagement.meta.id);
}

absl::Status Refuse(const TransitionInput& in, absl::string_view what) {
  return absl::FailedPreconditionError(absl::StrCat(Subject(in), " ", what));
}

absl::Status GuardDeskResearch(const TransitionInput& in) {
  const Engagement& e = in.engagement;
  if (e.scoping.issues.empty()) {
    return Refuse(in, "has no scoping issues; agree the issues with the partnership first");
  }
  if (!e.key_dates.fieldwork_day1 || !e.key_dates.fieldwork_day2 ||
      !e.key_dates.fieldwork_day3) {
    return Refuse(in, "needs its three fieldwork dates set at scoping");
  }
  if (LeadPeerId(e).empty()) return Refuse(in, "has no lead peer; add one to the team");
  return absl::OkStatus();
}

absl::Status GuardQuestionnaire(const TransitionInput& in) {
  if (!in.facts.questionnaire_set_up) {
    return Refuse(in, "has no questionnaire; set one up before opening the questionnaire stage");
  }
  const KeyDates& d = in.engagement.key_dates;
  if (!d.questionnaire_open || !d.questionnaire_close) {
    return Refuse(in, "needs questionnaire_open and questionnaire_close dates");
  }
  if (d.fieldwork_day1 && *d.questionnaire_close > *d.fieldwork_day1) {
    return Refuse(in, absl::StrCat("questionnaire closes on ",
                                   absl::FormatCivilTime(*d.questionnaire_close),
                                   ", after fieldwork day 1 (",
                                   absl::FormatCivilTime(*d.fieldwork_day1), ")"));
  }
  return absl::OkStatus();
}

absl::Status GuardFieldwork(const TransitionInput& in) {
  const Engagement& e = in.engagement;
  if (!e.key_dates.fieldwork_day1 || !e.key_dates.fieldwork_day3) {
    return Refuse(in, "needs its fieldwork dates");
  }
  if (LeadPeerId(e).empty()) return Refuse(in, "has no lead peer; add one to the team");
  int full_members = 0;
  std::vector<std::string> problems;
  for (const TeamMember& m : e.team) {
    if (m.role == TeamRole::kShadow) continue;
    ++full_members;
    const Peer* peer = FindPeer(in.team_peers, m.peer_id);
    if (peer == nullptr) {
      problems.push_back(absl::StrCat("peers/", m.peer_id, " no longer exists"));
      continue;
    }
    if (absl::Status s = CheckNoConflict(in.partnership, *peer); !s.ok()) {
      problems.push_back(std::string(s.message()));
    }
    if (absl::Status s = CheckAccreditedThrough(*peer, *e.key_dates.fieldwork_day1,
                                                *e.key_dates.fieldwork_day3);
        !s.ok()) {
      problems.push_back(std::string(s.message()));
    }
  }
  if (!problems.empty()) {
    return Refuse(in, absl::StrCat("cannot start fieldwork: ", absl::StrJoin(problems, "; ")));
  }
  if (full_members < kMinFieldworkTeam) {
    return Refuse(in, absl::StrCat("needs at least ", kMinFieldworkTeam,
                                   " accredited, non-conflicted full members (lead peer "
                                   "included) to start fieldwork; it has ",
                                   full_members));
  }
  return absl::OkStatus();
}

absl::Status GuardInitialFeedback(const TransitionInput& in) {
  const auto& day3 = in.engagement.key_dates.fieldwork_day3;
  if (day3 && in.today < *day3) {
    return Refuse(in, absl::StrCat("gives initial feedback at the end of fieldwork day 3 (",
                                   absl::FormatCivilTime(*day3), "), not before"));
  }
  if (in.facts.agreed_findings == 0) {
    return Refuse(in, "has no agreed findings to give as initial feedback");
  }
  return absl::OkStatus();
}

absl::Status GuardReport(const TransitionInput& in) {
  if (!in.engagement.key_dates.report_due) return Refuse(in, "needs a report_due date");
  return absl::OkStatus();
}

absl::Status GuardPublish(const TransitionInput& in) {
  if (in.facts.agreed_findings == 0) {
    return Refuse(in, "has no agreed findings; the report cannot be published");
  }
  if (!in.facts.report_ready) {
    return Refuse(in, "has no report signed off by the lead peer to publish");
  }
  return absl::OkStatus();
}

absl::Status GuardFollowUp(const TransitionInput& in) {
  if (!in.facts.plan_approved) {
    return Refuse(in, "has no approved improvement plan");
  }
  return absl::OkStatus();
}

absl::Status GuardClose(const TransitionInput& in) {
  if (in.engagement.stage == Stage::kImprovementPlan && !in.facts.plan_approved &&
      absl::StripAsciiWhitespace(in.reason).empty()) {
    return Refuse(in, "cannot close without an approved plan or a recorded reason");
  }
  return absl::OkStatus();
}

absl::Status NoGuard(const TransitionInput&) { return absl::OkStatus(); }

constexpr Stage kNone = Stage::kUnspecified;

constexpr std::array<Rule, 9> kRules{{
    {Transition::kBeginDeskResearch, "BeginDeskResearch", {Stage::kScoping, kNone},
     Stage::kDeskResearch, false, GuardDeskResearch},
    {Transition::kOpenQuestionnaire, "OpenQuestionnaire", {Stage::kDeskResearch, kNone},
     Stage::kQuestionnaire, false, GuardQuestionnaire},
    {Transition::kStartFieldwork, "StartFieldwork", {Stage::kQuestionnaire, kNone},
     Stage::kFieldwork, false, GuardFieldwork},
    {Transition::kGiveInitialFeedback, "GiveInitialFeedback", {Stage::kFieldwork, kNone},
     Stage::kInitialFeedback, false, GuardInitialFeedback},
    {Transition::kBeginReport, "BeginReport", {Stage::kInitialFeedback, kNone},
     Stage::kReport, false, GuardReport},
    {Transition::kPublishReport, "PublishReport", {Stage::kReport, kNone},
     Stage::kImprovementPlan, false, GuardPublish},
    {Transition::kBeginFollowUp, "BeginFollowUp", {Stage::kImprovementPlan, kNone},
     Stage::kFollowUp, false, GuardFollowUp},
    {Transition::kClose, "CloseEngagement", {Stage::kFollowUp, Stage::kImprovementPlan},
     Stage::kClosed, false, GuardClose},
    {Transition::kCancel, "CancelEngagement", {kNone, kNone}, Stage::kCancelled, true,
     NoGuard},
}};

const Rule& RuleFor(Transition t) {
  for (const Rule& r : kRules) {
    if (r.transition == t) return r;
  }
  return kRules.back();  // unreachable: every Transition has a rule
}

bool AllowedFrom(const Rule& rule, Stage stage) {
  if (rule.transition == Transition::kCancel) return !IsTerminal(stage);
  return stage == rule.from[0] || (rule.from[1] != kNone && stage == rule.from[1]);
}

}  // namespace

absl::string_view TransitionName(Transition transition) {
  return RuleFor(transition).name;
}

absl::StatusOr<Stage> CheckTransition(Transition transition,
                                      const TransitionInput& input) {
  const Rule& rule = RuleFor(transition);
  if (absl::Status s = CheckText("reason", input.reason, rule.reason_required ? 1 : 0,
                                 4000, true);
      !s.ok()) {
    if (rule.reason_required && input.reason.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(rule.name, " needs a reason (the summary or why)"));
    }
    return s;
  }
  const Stage stage = input.engagement.stage;
  if (!AllowedFrom(rule, stage)) {
    std::string needs =
        rule.transition == Transition::kCancel
            ? std::string("a stage before CLOSED")
            : absl::StrCat(StageName(rule.from[0]),
                           rule.from[1] != kNone ? absl::StrCat(" or ", StageName(rule.from[1]))
                                                 : "");
    return Refuse(input, absl::StrCat("is ", StageName(stage), "; ", rule.name,
                                      " needs ", needs));
  }
  if (absl::Status s = rule.guard(input); !s.ok()) return s;
  return rule.to;
}

}  // namespace hc::domain
