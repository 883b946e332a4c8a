#include "core/app/questionnaire_app_service.h"

#include <array>
#include <map>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/app/access_policy.h"
#include "core/app/field_mask.h"
#include "core/app/framework_app_service.h"
#include "core/app/mutation.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"
#include "core/domain/disclosure.h"

namespace hc::app {
namespace {

using domain::Questionnaire;

constexpr std::array<FieldRule<Questionnaire>, 5> kUpdatable{{
    {"framework",
     [](const Questionnaire& f, Questionnaire& t) {
       t.framework_id = f.framework_id;
       t.framework_version = f.framework_version;
     },
     [](const Questionnaire& q) {
       return absl::StrCat("frameworks/", q.framework_id, "/versions/", q.framework_version);
     }},
    HC_FIELD_RULE(Questionnaire, "open_time", open_time),
    HC_FIELD_RULE(Questionnaire, "close_time", close_time),
    HC_FIELD_RULE(Questionnaire, "min_group_size", min_group_size),
    HC_FIELD_RULE(Questionnaire, "collect_comments", collect_comments),
}};

std::string NameOf(absl::string_view engagement_id) {
  return absl::StrCat("engagements/", engagement_id, "/questionnaire");
}

// Who may set up and run the questionnaire, or also import invitations and
// read rates (the partnership's contact).
absl::StatusOr<domain::Engagement> LoadFor(Repositories& repos, const domain::Principal& p,
                                           absl::string_view engagement_id,
                                           absl::string_view action, bool contact_too) {
  const bool contact = contact_too && p.role == domain::Role::kPartnershipContact;
  return LoadEngagement(repos, p, engagement_id,
                        contact ? EngagementAccess::kRead : EngagementAccess::kContribute, action);
}

absl::StatusOr<Questionnaire> LoadQuestionnaire(Repositories& repos,
                                                absl::string_view engagement_id) {
  absl::StatusOr<Questionnaire> q = repos.questionnaires().Get(engagement_id);
  if (absl::IsNotFound(q.status())) {
    return absl::NotFoundError(absl::StrCat("engagements/", engagement_id,
                                            " has no questionnaire yet; create one first"));
  }
  return q;
}

absl::Status CheckValid(Repositories& repos, const FrameworkCodec& codec, const Questionnaire& q) {
  absl::StatusOr<domain::Framework> framework =
      LoadFramework(repos, codec, q.framework_id, q.framework_version);
  if (!framework.ok()) return framework.status();
  return domain::ValidateQuestionnaire(q, *framework);
}

struct Totals {
  int invited = 0;
  int used = 0;
};

// A withheld group shows neither count: its invitations bound its responses
// (and equal them when everyone answered).
GroupRate RateOf(const domain::ReleaseDecision& d, const Totals& t) {
  return {d.key, d.released ? t.invited : 0, d.released, d.released ? t.used : 0, d.reason};
}

// Levels: one partition of the respondents.
std::vector<GroupRate> RatesByLevel(const std::vector<GroupTally>& tallies, int k) {
  std::map<std::string, Totals> totals;
  for (const GroupTally& t : tallies) {
    Totals& sum = totals[std::string(domain::RespondentLevelName(t.group.level))];
    sum.invited += t.invited;
    sum.used += t.used;
  }
  std::vector<domain::GroupCount> counts;
  for (const auto& [level, sum] : totals) counts.push_back({level, sum.used});
  std::vector<GroupRate> rates;
  for (const domain::ReleaseDecision& d : domain::DecideReleases(counts, k)) {
    rates.push_back(RateOf(d, totals[d.key]));
  }
  return rates;
}

// Organisations nest in sectors, so they are decided together: a sector's
// figure less its released organisations must not expose a small one.
void RatesByOrganisationAndSector(const std::vector<GroupTally>& tallies, int k,
                                  ResponseRates& rates) {
  std::map<std::string, Totals> organisations, sectors;
  std::map<std::string, std::string> sector_of;
  for (const GroupTally& t : tallies) {
    const std::string sector(domain::SectorName(t.group.sector));
    sector_of[t.group.organisation] = sector;
    for (Totals* sum : {&organisations[t.group.organisation], &sectors[sector]}) {
      sum->invited += t.invited;
      sum->used += t.used;
    }
  }
  std::vector<domain::NestedGroupCount> children;
  for (const auto& [organisation, sum] : organisations) {
    children.push_back({organisation, sector_of[organisation], sum.used});
  }
  const domain::NestedReleaseDecisions decisions = domain::DecideNestedReleases(children, k);
  for (const domain::ReleaseDecision& d : decisions.children) {
    rates.by_organisation.push_back(RateOf(d, organisations[d.key]));
  }
  for (const domain::ReleaseDecision& d : decisions.parents) {
    rates.by_sector.push_back(RateOf(d, sectors[d.key]));
  }
}

// FAILED_PRECONDITION if `groups` count an organisation in a sector other
// than the one its earlier invitations count it in: a sector's figure less
// its organisations' would then describe people of neither.
absl::Status CheckOneSectorEach(Repositories& repos, absl::string_view engagement_id,
                                const std::vector<domain::RespondentGroup>& groups) {
  HC_ASSIGN_OR_RETURN(std::vector<GroupTally> earlier, repos.invitations().Tally(engagement_id));
  std::map<std::string, domain::Sector> sector_of;
  for (const GroupTally& t : earlier) sector_of.emplace(t.group.organisation, t.group.sector);
  for (const domain::RespondentGroup& g : groups) {
    const auto it = sector_of.find(g.organisation);
    if (it != sector_of.end() && it->second != g.sector) {
      return absl::FailedPreconditionError(absl::StrCat(
          g.organisation, "'s earlier invitations count it in ", domain::SectorWords(it->second),
          ", but it is now in ", domain::SectorWords(g.sector),
          ": an organisation counts in one sector throughout a questionnaire. Put its sector "
          "back to ", domain::SectorWords(it->second), " to invite more people from it."));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<SmallGroup> SmallGroupsOf(const std::vector<GroupTally>& tallies, int k) {
  std::map<std::pair<std::string, domain::RespondentLevel>, int> cells;
  for (const GroupTally& t : tallies) cells[{t.group.organisation, t.group.level}] += t.invited;
  std::vector<SmallGroup> small;
  for (const auto& [cell, invited] : cells) {
    if (invited < k) small.push_back({cell.first, cell.second, invited});
  }
  return small;
}

GroupRate OverallRate(const std::vector<GroupTally>& tallies, int k) {
  int invited = 0, used = 0;
  for (const GroupTally& t : tallies) {
    invited += t.invited;
    used += t.used;
  }
  const bool released = domain::TotalReleasable(used, k);
  return {"overall", released ? invited : 0, released, released ? used : 0,
          released ? "" : domain::WithheldReason(k)};
}

QuestionnaireAppService::QuestionnaireAppService(Store& store, Clock& clock, IdSource& ids,
                                                 const FrameworkCodec& codec,
                                                 std::string link_prefix)
    : store_(store), clock_(clock), ids_(ids), codec_(codec), link_prefix_(std::move(link_prefix)) {}

absl::StatusOr<QuestionnaireView> QuestionnaireAppService::View(Repositories& repos,
                                                                Questionnaire q) {
  QuestionnaireView view;
  view.state = domain::StateAt(q, clock_.Now());
  HC_ASSIGN_OR_RETURN(view.invitation_count, repos.invitations().Count(q.meta.id));
  view.questionnaire = std::move(q);
  return view;
}

absl::StatusOr<QuestionnaireView> QuestionnaireAppService::Create(
    const domain::Principal& principal, absl::string_view engagement_id,
    const Questionnaire& input) {
  constexpr absl::string_view kAction = "CreateQuestionnaire";
  QuestionnaireView result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e,
                        LoadFor(repos, principal, engagement_id, kAction, false));
    if (domain::IsTerminal(e.stage)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "engagements/", engagement_id, " is ", domain::StageName(e.stage),
          "; it can no longer have a questionnaire"));
    }
    if (input.framework_id.empty()) {
      return absl::InvalidArgumentError("questionnaire.framework is required");
    }
    if (repos.questionnaires().Get(engagement_id).ok()) {
      return absl::AlreadyExistsError(absl::StrCat("engagements/", engagement_id,
                                                   " already has a questionnaire; update it"));
    }
    Questionnaire q = input;
    const absl::Time now = clock_.Now();
    q.meta = {std::string(engagement_id), now, now, 1};
    q.closed_time.reset();
    if (q.min_group_size == 0) q.min_group_size = domain::kDefaultMinGroupSize;
    HC_RETURN_IF_ERROR(CheckValid(repos, codec_, q));
    HC_RETURN_IF_ERROR(repos.questionnaires().Insert(q));
    HC_RETURN_IF_ERROR(Audit(repos, principal, kAction, NameOf(engagement_id), now));
    HC_ASSIGN_OR_RETURN(result, View(repos, std::move(q)));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<QuestionnaireView> QuestionnaireAppService::Get(const domain::Principal& principal,
                                                               absl::string_view engagement_id) {
  QuestionnaireView result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      "GetQuestionnaire")
                           .status());
    HC_ASSIGN_OR_RETURN(Questionnaire q, LoadQuestionnaire(repos, engagement_id));
    HC_ASSIGN_OR_RETURN(result, View(repos, std::move(q)));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<QuestionnaireView> QuestionnaireAppService::Update(
    const domain::Principal& principal, absl::string_view engagement_id, const Questionnaire& input,
    const std::vector<std::string>& paths, std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateQuestionnaire";
  QuestionnaireView result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadFor(repos, principal, engagement_id, kAction, false).status());
    HC_ASSIGN_OR_RETURN(Questionnaire q, LoadQuestionnaire(repos, engagement_id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(engagement_id), q.meta, expected_version));
    const absl::Time now = clock_.Now();
    if (domain::StateAt(q, now) != domain::QuestionnaireState::kScheduled) {
      return absl::FailedPreconditionError(absl::StrCat(
          NameOf(engagement_id), " has opened; its benchmark, times and k can no longer change"));
    }
    const Questionnaire before = q;
    HC_RETURN_IF_ERROR(ApplyFieldMask<Questionnaire>(kUpdatable, paths, input, q));
    HC_RETURN_IF_ERROR(CheckValid(repos, codec_, q));
    Touch(q.meta, now);
    HC_RETURN_IF_ERROR(repos.questionnaires().Update(q));
    HC_RETURN_IF_ERROR(Audit(repos, principal, kAction, NameOf(engagement_id), now,
                             DescribeChanges<Questionnaire>(kUpdatable, before, q)));
    HC_ASSIGN_OR_RETURN(result, View(repos, std::move(q)));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<QuestionnaireView> QuestionnaireAppService::Close(
    const domain::Principal& principal, absl::string_view engagement_id,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "CloseQuestionnaire";
  QuestionnaireView result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadFor(repos, principal, engagement_id, kAction, false).status());
    HC_ASSIGN_OR_RETURN(Questionnaire q, LoadQuestionnaire(repos, engagement_id));
    HC_RETURN_IF_ERROR(CheckVersion(NameOf(engagement_id), q.meta, expected_version));
    const absl::Time now = clock_.Now();
    if (domain::StateAt(q, now) == domain::QuestionnaireState::kClosed) {
      return absl::FailedPreconditionError(absl::StrCat(NameOf(engagement_id), " is already closed"));
    }
    q.closed_time = now;
    Touch(q.meta, now);
    HC_RETURN_IF_ERROR(repos.questionnaires().Update(q));
    HC_RETURN_IF_ERROR(Audit(repos, principal, kAction, NameOf(engagement_id), now));
    HC_ASSIGN_OR_RETURN(result, View(repos, std::move(q)));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<CreatedInvitations> QuestionnaireAppService::CreateInvitations(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view csv,
    const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateInvitations";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  CreatedInvitations result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(domain::Engagement e,
                        LoadFor(repos, principal, engagement_id, kAction, true));
    HC_ASSIGN_OR_RETURN(Questionnaire q, LoadQuestionnaire(repos, engagement_id));
    const absl::Time now = clock_.Now();
    const domain::QuestionnaireState state = domain::StateAt(q, now);
    HC_ASSIGN_OR_RETURN(const int64_t invited, repos.invitations().Count(engagement_id));
    // An open one with no invitations has no answers: its first import is
    // the list fixed at opening.
    if (state == domain::QuestionnaireState::kClosed ||
        (state == domain::QuestionnaireState::kOpen && invited > 0)) {
      return absl::FailedPreconditionError(absl::StrCat(
          NameOf(engagement_id),
          " has opened: who is invited was fixed when it opened, so it takes no more "
          "invitations"));
    }
    result = {};
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result.invitations, ReissueLinks(repos, engagement_id, *earlier));
      HC_ASSIGN_OR_RETURN(std::vector<GroupTally> tallies,
                          repos.invitations().Tally(engagement_id));
      result.small_groups = SmallGroupsOf(tallies, q.min_group_size);
      return Audit(repos, principal, "ReissueInvitationLinks", NameOf(engagement_id), now);
    }
    HC_ASSIGN_OR_RETURN(domain::Partnership partnership,
                        repos.partnerships().Get(e.partnership_id));
    HC_ASSIGN_OR_RETURN(std::vector<domain::RespondentGroup> groups,
                        domain::ParseInvitationCsv(csv, partnership));
    HC_RETURN_IF_ERROR(CheckOneSectorEach(repos, engagement_id, groups));
    HC_ASSIGN_OR_RETURN(const int64_t first, repos.invitations().NextPosition(engagement_id));
    int64_t position = first;
    for (const domain::RespondentGroup& group : groups) {
      HC_ASSIGN_OR_RETURN(std::string token, crypto::NewSecret());
      domain::Invitation invitation{ids_.NewId(), std::string(engagement_id), position++, group,
                                    crypto::Sha256Hex(token), false};
      HC_RETURN_IF_ERROR(repos.invitations().Insert(invitation));
      result.invitations.push_back({std::move(invitation), absl::StrCat(link_prefix_, token)});
    }
    HC_ASSIGN_OR_RETURN(std::vector<GroupTally> tallies, repos.invitations().Tally(engagement_id));
    result.small_groups = SmallGroupsOf(tallies, q.min_group_size);
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key,
                                     absl::StrCat(first, "+", groups.size()), now));
    return Audit(repos, principal, kAction, NameOf(engagement_id), now);
  }));
  return result;
}

absl::StatusOr<std::vector<IssuedInvitation>> QuestionnaireAppService::ReissueLinks(
    Repositories& repos, absl::string_view engagement_id, absl::string_view batch) {
  int64_t first = 0, count = 0;
  const std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(batch, '+');
  if (!absl::SimpleAtoi(parts.first, &first) || !absl::SimpleAtoi(parts.second, &count)) {
    return absl::DataLossError(absl::StrCat("a recorded invitation batch reads \"", batch, "\""));
  }
  PageRequest range;
  range.limit = static_cast<int>(count);
  range.after = Cursor{first - 1, ""};
  HC_ASSIGN_OR_RETURN(Page<domain::Invitation> batch_invitations,
                      repos.invitations().List(engagement_id, range));
  std::vector<IssuedInvitation> reissued;
  for (domain::Invitation& invitation : batch_invitations.items) {
    if (invitation.position >= first + count) break;
    HC_ASSIGN_OR_RETURN(std::string token, crypto::NewSecret());
    invitation.token_hash = crypto::Sha256Hex(token);
    HC_RETURN_IF_ERROR(repos.invitations().ReplaceTokenHash(invitation.id, invitation.token_hash));
    reissued.push_back({std::move(invitation), absl::StrCat(link_prefix_, token)});
  }
  return reissued;
}

absl::StatusOr<Page<domain::Invitation>> QuestionnaireAppService::ListInvitations(
    const domain::Principal& principal, absl::string_view engagement_id, const PageRequest& page) {
  Page<domain::Invitation> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadFor(repos, principal, engagement_id, "ListInvitations", true).status());
    HC_RETURN_IF_ERROR(LoadQuestionnaire(repos, engagement_id).status());
    HC_ASSIGN_OR_RETURN(result, repos.invitations().List(engagement_id, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<ResponseRates> QuestionnaireAppService::GetResponseRates(
    const domain::Principal& principal, absl::string_view engagement_id) {
  std::vector<GroupTally> tallies;
  Questionnaire q;
  // Before the read: counts final at this moment are all in what it reads.
  const absl::Time now = clock_.Now();
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      "GetResponseRates")
                           .status());
    HC_ASSIGN_OR_RETURN(q, LoadQuestionnaire(repos, engagement_id));
    HC_ASSIGN_OR_RETURN(tallies, repos.invitations().Tally(engagement_id));
    return absl::OkStatus();
  }));
  return ResponseRatesFrom(tallies, q.min_group_size, domain::IsFinalAt(q, now));
}

ResponseRates ResponseRatesFrom(const std::vector<GroupTally>& tallies, int k,
                                bool final_counts) {
  ResponseRates rates;
  rates.min_group_size = k;
  rates.overall = OverallRate(tallies, k);
  if (!final_counts) return rates;
  if (!rates.overall.released) return rates;  // no breakdown can be safer than its total
  rates.by_level = RatesByLevel(tallies, k);
  RatesByOrganisationAndSector(tallies, k, rates);
  return rates;
}

}  // namespace hc::app
