#ifndef HC_CORE_APP_QUESTIONNAIRE_APP_SERVICE_H_
#define HC_CORE_APP_QUESTIONNAIRE_APP_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/principal.h"
#include "core/domain/questionnaire.h"

namespace hc::app {

struct QuestionnaireView {
  domain::Questionnaire questionnaire;
  domain::QuestionnaireState state = domain::QuestionnaireState::kUnspecified;
  int64_t invitation_count = 0;
};

// An invitation as created: with the link that exists nowhere else.
struct IssuedInvitation {
  domain::Invitation invitation;
  std::string link;
};

// An organisation and level with fewer than k invitations.
struct SmallGroup {
  std::string organisation;
  domain::RespondentLevel level = domain::RespondentLevel::kUnspecified;
  int invitations = 0;
};

// What CreateInvitations made: the invitations with their links, and the
// questionnaire's organisation and level groups left with fewer than k
// invitations (see SmallGroupsOf).
struct CreatedInvitations {
  std::vector<IssuedInvitation> invitations;
  std::vector<SmallGroup> small_groups;
};

// The organisation and level groups of `tallies` with fewer than k
// invitations, by organisation then level. Pure.
std::vector<SmallGroup> SmallGroupsOf(const std::vector<GroupTally>& tallies, int k);

// One group's response rate; both counts are 0 when withheld.
struct GroupRate {
  std::string group;
  int invitations = 0;
  bool released = false;
  int responses = 0;
  std::string withheld_reason;
};

struct ResponseRates {
  GroupRate overall;
  std::vector<GroupRate> by_organisation;
  std::vector<GroupRate> by_level;
  std::vector<GroupRate> by_sector;
  int min_group_size = 0;
};

// The whole questionnaire's rate from its invitations' tallies under the
// confidentiality rule: released only when at least k (never below
// domain::kLowestMinGroupSize) responded, else no figure and the reason.
// What GetResponseRates shows as `overall`, and the programme dashboard too.
GroupRate OverallRate(const std::vector<GroupTally>& tallies, int k);

// The response rates of an engagement's invitations `tallies` under the
// disclosure rules with k = `k`: nothing below the overall total when it is
// withheld; levels, organisations and sectors decided as the results', and
// only once its counts are final (`final_counts`, domain::IsFinalAt). Until then, group
// figures polled as answers arrive would differ from poll to poll (and so
// would the groups complementary suppression picks), and a few polls could
// be solved for a group under k; the overall figure alone cannot. Once
// final, the counts never change again, so the decisions never do. Pure.
ResponseRates ResponseRatesFrom(const std::vector<GroupTally>& tallies, int k,
                                bool final_counts);

// Use cases of an engagement's questionnaire and its invitations. Access:
// the programme lead and the team's lead peer and peers set it up; the
// partnership's contact may also import invitations (to receive the links)
// and read rates. Thread-safe.
class QuestionnaireAppService {
 public:
  // Links are `link_prefix` followed by the invitation's secret token.
  QuestionnaireAppService(Store& store, Clock& clock, IdSource& ids, const FrameworkCodec& codec,
                          std::string link_prefix);

  // ALREADY_EXISTS if the engagement has one; NOT_FOUND for an unknown
  // benchmark version; FAILED_PRECONDITION on an ended engagement;
  // INVALID_ARGUMENT for bad times, k or a benchmark without statements.
  // Reads framework_id, framework_version, times, min_group_size (0 means
  // the default) and collect_comments of `input`.
  absl::StatusOr<QuestionnaireView> Create(const domain::Principal& principal,
                                           absl::string_view engagement_id,
                                           const domain::Questionnaire& input);
  absl::StatusOr<QuestionnaireView> Get(const domain::Principal& principal,
                                        absl::string_view engagement_id);
  // Copies the fields named in `paths`; FAILED_PRECONDITION once open.
  absl::StatusOr<QuestionnaireView> Update(const domain::Principal& principal,
                                           absl::string_view engagement_id,
                                           const domain::Questionnaire& input,
                                           const std::vector<std::string>& paths,
                                           std::optional<int64_t> expected_version);
  // FAILED_PRECONDITION if already closed.
  absl::StatusOr<QuestionnaireView> Close(const domain::Principal& principal,
                                          absl::string_view engagement_id,
                                          std::optional<int64_t> expected_version);
  // FAILED_PRECONDITION once it has opened (who is invited in which group is
  // fixed then, so that no group grows after people have answered; one that
  // opened with none takes its first import, which is then fixed) and when
  // an organisation's earlier invitations count it in another sector (its
  // sector changed in between: organisations must nest in sectors for the
  // disclosure rules); INVALID_ARGUMENT for bad CSV. With a
  // request_id, a retry of the same request creates nothing: it issues new
  // links for the invitations the first attempt created (whose links were
  // lost with its response, so the old ones stop working; as nobody answers
  // before it opens, none can be in use); ALREADY_EXISTS if the id came with
  // another request.
  absl::StatusOr<CreatedInvitations> CreateInvitations(
      const domain::Principal& principal, absl::string_view engagement_id, absl::string_view csv,
      const RequestKey& key);
  absl::StatusOr<Page<domain::Invitation>> ListInvitations(const domain::Principal& principal,
                                                           absl::string_view engagement_id,
                                                           const PageRequest& page);
  absl::StatusOr<ResponseRates> GetResponseRates(const domain::Principal& principal,
                                                 absl::string_view engagement_id);

 private:
  absl::StatusOr<QuestionnaireView> View(Repositories& repos, domain::Questionnaire q);
  // New links for the invitations of an earlier CreateInvitations, recorded
  // as `batch` ("{first position}+{count}"); see CreateInvitations.
  absl::StatusOr<std::vector<IssuedInvitation>> ReissueLinks(Repositories& repos,
                                                             absl::string_view engagement_id,
                                                             absl::string_view batch);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  const FrameworkCodec& codec_;
  std::string link_prefix_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_QUESTIONNAIRE_APP_SERVICE_H_
