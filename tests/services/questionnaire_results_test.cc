// GetQuestionnaireResults: respondents answer over the real web form, the
// questionnaire closes, and the team reads figures computed by hand, with
// small groups withheld so that they cannot be worked out.

#include <httplib.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/storage/sqlite/database.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;
using ::testing::DoubleNear;

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

// A respondent's answers: `value` on every statement of principles 1-6
// except those in `per_principle`; significance 3 everywhere.
struct Answers {
  int value = 3;
  std::map<int, int> per_principle;
};

class QuestionnaireResultsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    questionnaires_ = v1::QuestionnaireService::NewStub(server_->InProcessChannel());
    partnership_ = MakePartnership(
        "Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT},
                        {"Shire County Council", v1::SECTOR_LOCAL_GOVERNMENT},
                        {"Anytown NHS Trust", v1::SECTOR_HEALTH},
                        {"Shire CCG", v1::SECTOR_HEALTH},
                        {"Shire Police", v1::SECTOR_POLICE}});
    peer_ = MakePeer("Lena Lead", "Northshire Council", v1::SECTOR_LOCAL_GOVERNMENT,
                     Today() + 400);
    peer_token_ = TokenFor(v1::ROLE_PEER, peer_.name());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
  }

  // An engagement with the peer as lead and an open assessment-tool
  // questionnaire with k; returns the engagement's name.
  std::string SetUpQuestionnaire(int k, const std::string& previous = "") {
    v1::CreateEngagementRequest request;
    request.mutable_engagement()->set_partnership(partnership_.name());
    request.mutable_engagement()->set_purpose(v1::PURPOSE_DEVELOPMENTAL);
    request.mutable_engagement()->set_previous_engagement(previous);
    v1::Engagement e;
    EXPECT_TRUE(engagements_->CreateEngagement(Lead().get(), request, &e).ok());
    AddMember(e.name(), peer_.name(), v1::TEAM_ROLE_LEAD_PEER);
    v1::CreateQuestionnaireRequest create;
    create.set_parent(e.name());
    create.mutable_questionnaire()->set_framework(
        "frameworks/partnership-assessment-tool/versions/1");
    *create.mutable_questionnaire()->mutable_open_time() = At(absl::Now() + absl::Hours(1));
    *create.mutable_questionnaire()->mutable_close_time() = At(absl::Now() + absl::Hours(24));
    create.mutable_questionnaire()->set_min_group_size(k);
    v1::Questionnaire q;
    EXPECT_TRUE(questionnaires_->CreateQuestionnaire(Lead().get(), create, &q).ok());
    return e.name();
  }

  // Invites from CSV rows, opens the questionnaire and returns the tokens
  // in row order.
  std::vector<std::string> Invite(const std::string& engagement, const std::string& csv) {
    v1::CreateInvitationsRequest invite;
    invite.set_parent(engagement + "/questionnaire");
    invite.set_csv(csv);
    v1::CreateInvitationsResponse out;
    grpc::Status status = questionnaires_->CreateInvitations(Lead().get(), invite, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    OpenQuestionnaireNow(engagement);
    std::vector<std::string> tokens;
    for (const auto& i : out.invitations()) {
      tokens.push_back(i.link().substr(i.link().rfind('/') + 1));
    }
    return tokens;
  }

  // Answers every page of the web form and submits.
  void Respond(const std::string& token, const Answers& answers) {
    for (int principle = 1; principle <= 6; ++principle) {
      const auto it = answers.per_principle.find(principle);
      const int value = it == answers.per_principle.end() ? answers.value : it->second;
      httplib::Params form;
      for (int s = 1; s <= 6; ++s) {
        form.emplace(absl::StrCat("a.", principle, ".", s), std::to_string(value));
      }
      auto res = client_->Post(absl::StrCat("/q/", token, "/p/", principle), form);
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 303) << res->body;
    }
    httplib::Params last{{"a.overall.1", std::to_string(answers.value)}};
    for (int principle = 1; principle <= 6; ++principle) {
      last.emplace(absl::StrCat("s.", principle), "3");
    }
    auto page = client_->Post(absl::StrCat("/q/", token, "/p/7"), last);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 303) << page->body;
    auto submit = client_->Post(absl::StrCat("/q/", token, "/submit"), httplib::Params{});
    ASSERT_TRUE(submit);
    ASSERT_EQ(submit->status, 303) << submit->body;
  }

  grpc::Status Close(const std::string& engagement) {
    v1::CloseQuestionnaireRequest close;
    close.set_name(engagement + "/questionnaire");
    v1::Questionnaire q;
    return questionnaires_->CloseQuestionnaire(Lead().get(), close, &q);
  }

  grpc::Status Results(const std::string& token, const std::string& engagement,
                       v1::QuestionnaireResults* out) {
    v1::GetQuestionnaireResultsRequest request;
    request.set_name(engagement + "/questionnaire");
    return questionnaires_->GetQuestionnaireResults(Ctx(token).get(), request, out);
  }

  std::unique_ptr<v1::QuestionnaireService::Stub> questionnaires_;
  v1::Partnership partnership_;
  v1::Peer peer_;
  std::string peer_token_;
  std::unique_ptr<httplib::Client> client_;
};

// By level: board answers 4 everywhere, management 3, front line 2 but 1 on
// principle 6; everyone answers 3 on principle 2. So per respondent:
//   board       principle totals 24 (2: 18), aggregate 24*5 + 18 = 138
//   management  18 everywhere, aggregate 108
//   front line  12 (2: 18, 6: 6), aggregate 12*4 + 18 + 6 = 72
// Counts: board 5, management 8, front line 10 (n = 23). Organisations:
// Anytown Council 5, Shire County Council 5, Anytown NHS Trust 3, Shire CCG
// 5, Shire Police 5; sectors LOCAL_GOVERNMENT 10, HEALTH 8, POLICE 5.
constexpr char kCsv[] =
    "organisation,level,count\n"
    "Anytown Council,board,1\nAnytown Council,management,2\nAnytown Council,front_line,2\n"
    "Shire County Council,board,1\nShire County Council,management,2\n"
    "Shire County Council,front_line,2\n"
    "Anytown NHS Trust,board,1\nAnytown NHS Trust,management,1\n"
    "Anytown NHS Trust,front_line,1\n"
    "Shire CCG,board,1\nShire CCG,management,2\nShire CCG,front_line,2\n"
    "Shire Police,board,1\nShire Police,management,1\nShire Police,front_line,3\n";
// The level of each invitation, in CSV order.
constexpr char kLevels[] = "BMMFF" "BMMFF" "BMF" "BMMFF" "BMFFF";

const std::map<std::string, std::string>& SectorOf() {
  static const auto* sectors = new std::map<std::string, std::string>{
      {"Anytown Council", "LOCAL_GOVERNMENT"}, {"Shire County Council", "LOCAL_GOVERNMENT"},
      {"Anytown NHS Trust", "HEALTH"},         {"Shire CCG", "HEALTH"},
      {"Shire Police", "POLICE"}};
  return *sectors;
}

Answers AnswersFor(char level) {
  if (level == 'B') return {4, {{2, 3}}};
  if (level == 'M') return {3, {}};
  return {2, {{2, 3}, {6, 1}}};
}

// Asserts no withheld group can be worked out: the total less the released
// groups is 0 or at least k over at least two withheld groups.
void ExpectPoolSafe(int total, const std::vector<const v1::GroupResults*>& groups, int k,
                    const std::string& what) {
  int released = 0, withheld = 0;
  for (const v1::GroupResults* g : groups) {
    if (g->released()) {
      released += g->n();
    } else {
      ++withheld;
    }
  }
  const int pool = total - released;
  EXPECT_TRUE(pool == 0 || (pool >= k && withheld >= 2))
      << what << ": pool " << pool << " over " << withheld << " withheld groups";
}

std::vector<const v1::GroupResults*> All(
    const google::protobuf::RepeatedPtrField<v1::GroupResults>& groups) {
  std::vector<const v1::GroupResults*> out;
  for (const auto& g : groups) out.push_back(&g);
  return out;
}

TEST_F(QuestionnaireResultsTest, TheTeamReadsHandComputedResultsWithSmallGroupsWithheld) {
  const std::string engagement = SetUpQuestionnaire(5);
  const std::vector<std::string> tokens = Invite(engagement, kCsv);
  ASSERT_EQ(tokens.size(), 23u);
  for (size_t i = 0; i < tokens.size(); ++i) {
    ASSERT_NO_FATAL_FAILURE(Respond(tokens[i], AnswersFor(kLevels[i])));
  }
  v1::QuestionnaireResults r;
  EXPECT_THAT(Results(peer_token_, engagement, &r),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "not closed"));
  ASSERT_TRUE(Close(engagement).ok());

  // Not the programme lead, not the contact, not a peer off the team.
  EXPECT_THAT(Results(lead_token_, engagement, &r), GrpcIs(StatusCode::PERMISSION_DENIED));
  const std::string contact =
      TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  EXPECT_THAT(Results(contact, engagement, &r), GrpcIs(StatusCode::PERMISSION_DENIED));
  const v1::Peer other = MakePeer("Otto Other", "Westshire Council",
                                  v1::SECTOR_LOCAL_GOVERNMENT, Today() + 400);
  EXPECT_THAT(Results(TokenFor(v1::ROLE_PEER, other.name()), engagement, &r),
              GrpcIs(StatusCode::PERMISSION_DENIED));

  grpc::Status status = Results(peer_token_, engagement, &r);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(r.released());
  EXPECT_EQ(r.name(), engagement + "/questionnaire");
  EXPECT_EQ(r.min_group_size(), 5);
  EXPECT_EQ(r.respondents(), 23);

  // Distributions: 6 x 6 section statements and the overall one, each
  // summing to n. Statement 1.1: 5 strongly agree, 8 agree, 10 disagree.
  ASSERT_EQ(r.statements_size(), 37);
  for (const auto& d : r.statements()) {
    int sum = d.unanswered();
    for (const auto& c : d.counts()) sum += c.count();
    EXPECT_EQ(sum, 23) << d.statement();
  }
  const auto& s11 = r.statements(0);
  EXPECT_EQ(s11.statement(), "1.1");
  ASSERT_EQ(s11.counts_size(), 4);
  EXPECT_EQ(s11.counts(0).label(), "Strongly agree");
  EXPECT_EQ(s11.counts(0).count(), 5);
  EXPECT_EQ(s11.counts(1).count(), 8);
  EXPECT_EQ(s11.counts(2).count(), 10);
  EXPECT_EQ(s11.counts(3).count(), 0);
  const auto& s61 = r.statements(30);
  EXPECT_EQ(s61.statement(), "6.1");
  EXPECT_EQ(s61.counts(3).count(), 10);  // strongly disagree

  // Principle 1: totals 12 x10, 18 x8, 24 x5. Mean 384/23; the 12th of 23
  // is 18; q1 = x[5.5] = 12, q3 = x[16.5] = 18; consensus 1 - 6/18.
  ASSERT_EQ(r.sections_size(), 6);
  const v1::SectionResult& p1 = r.sections(0);
  EXPECT_EQ(p1.section(), "1");
  EXPECT_FALSE(p1.title().empty());
  EXPECT_EQ(p1.statistics().n(), 23);
  EXPECT_THAT(p1.statistics().mean(), DoubleNear(384.0 / 23, 1e-9));
  EXPECT_EQ(p1.statistics().median(), 18);
  EXPECT_EQ(p1.statistics().min(), 12);
  EXPECT_EQ(p1.statistics().max(), 24);
  EXPECT_EQ(p1.statistics().q1(), 12);
  EXPECT_EQ(p1.statistics().q3(), 18);
  EXPECT_EQ(p1.statistics().iqr(), 6);
  EXPECT_THAT(p1.statistics().consensus(), DoubleNear(2.0 / 3, 1e-9));
  EXPECT_EQ(p1.band_label(), "present");
  // Principle 2: everyone 18, full consensus.
  EXPECT_EQ(r.sections(1).statistics().iqr(), 0);
  EXPECT_EQ(r.sections(1).statistics().consensus(), 1);
  EXPECT_EQ(r.sections(1).band_label(), "present");
  // Principle 6: 6 x10, 18 x8, 24 x5: mean 324/23, q1 6, iqr 12.
  const v1::SectionResult& p6 = r.sections(5);
  EXPECT_THAT(p6.statistics().mean(), DoubleNear(324.0 / 23, 1e-9));
  EXPECT_EQ(p6.statistics().median(), 18);
  EXPECT_EQ(p6.statistics().q1(), 6);
  EXPECT_EQ(p6.statistics().iqr(), 12);
  EXPECT_THAT(p6.statistics().consensus(), DoubleNear(1.0 / 3, 1e-9));
  EXPECT_EQ(p6.band_label(), "present");
  // Aggregate: 72 x10, 108 x8, 138 x5: mean 2274/23, median 108, iqr 36.
  const v1::SectionResult& agg = r.aggregate();
  EXPECT_THAT(agg.statistics().mean(), DoubleNear(2274.0 / 23, 1e-9));
  EXPECT_EQ(agg.statistics().median(), 108);
  EXPECT_EQ(agg.statistics().min(), 72);
  EXPECT_EQ(agg.statistics().max(), 138);
  EXPECT_EQ(agg.statistics().iqr(), 36);
  EXPECT_THAT(agg.statistics().consensus(), DoubleNear(1 - 36.0 / 108, 1e-9));
  EXPECT_EQ(agg.band_label(), "working well overall");
  // Not the top aggregate band, no section in its lowest band: B.
  EXPECT_EQ(r.proposed_finding().code(), "B");
  // Equal significance everywhere: the weighted aggregate is the aggregate.
  ASSERT_EQ(r.weighted().sections_size(), 6);
  EXPECT_EQ(r.weighted().sections(0).n(), 23);
  EXPECT_EQ(r.weighted().sections(0).mean(), 3);
  EXPECT_THAT(r.weighted().weighted_aggregate().median(), DoubleNear(108, 1e-9));

  // Levels all released (5, 8, 10), in level order.
  ASSERT_EQ(r.by_level_size(), 3);
  EXPECT_EQ(r.by_level(0).group(), "BOARD");
  EXPECT_EQ(r.by_level(0).n(), 5);
  EXPECT_EQ(r.by_level(0).sections(0).median(), 24);
  EXPECT_EQ(r.by_level(0).sections(0).band_label(), "very high");
  EXPECT_EQ(r.by_level(2).group(), "FRONT_LINE");
  EXPECT_EQ(r.by_level(2).sections(5).median(), 6);
  EXPECT_EQ(r.by_level(2).sections(5).band_label(), "minimal");
  EXPECT_EQ(r.by_level(2).aggregate().mean(), 72);
  EXPECT_EQ(r.by_level(2).aggregate().band_label(), "concerns outweigh");

  // Spread: principle 1 board 24 vs front line 12, a difference of 12, at
  // least the band width of 6: highlighted. Principle 2: none.
  ASSERT_EQ(r.level_spread().sections_size(), 6);
  const v1::LevelSpreadRow& spread1 = r.level_spread().sections(0);
  EXPECT_EQ(spread1.levels_size(), 3);
  EXPECT_EQ(spread1.largest_difference(), 12);
  EXPECT_EQ(spread1.highest(), v1::RESPONDENT_LEVEL_BOARD);
  EXPECT_EQ(spread1.lowest(), v1::RESPONDENT_LEVEL_FRONT_LINE);
  EXPECT_EQ(spread1.threshold(), 6);
  EXPECT_TRUE(spread1.highlighted());
  EXPECT_EQ(r.level_spread().sections(1).largest_difference(), 0);
  EXPECT_FALSE(r.level_spread().sections(1).highlighted());
  EXPECT_EQ(r.level_spread().aggregate().largest_difference(), 138 - 72);
  EXPECT_EQ(r.level_spread().aggregate().threshold(), 36);
  EXPECT_TRUE(r.level_spread().aggregate().highlighted());

  // Organisations: Anytown NHS Trust (3) withheld, and Shire CCG (5) with it,
  // or HEALTH (8) less Shire CCG would expose it.
  std::map<std::string, const v1::GroupResults*> organisations;
  for (const auto& g : r.by_organisation()) organisations[g.group()] = &g;
  ASSERT_EQ(organisations.size(), 5u);
  EXPECT_FALSE(organisations["Anytown NHS Trust"]->released());
  EXPECT_FALSE(organisations["Shire CCG"]->released());
  EXPECT_TRUE(organisations["Anytown Council"]->released());
  EXPECT_EQ(organisations["Anytown Council"]->n(), 5);
  // Anytown Council principle 1: 24, 18, 18, 12, 12.
  EXPECT_THAT(organisations["Anytown Council"]->sections(0).mean(), DoubleNear(16.8, 1e-9));
  EXPECT_EQ(organisations["Anytown Council"]->sections(0).median(), 18);
  std::map<std::string, const v1::GroupResults*> sectors;
  for (const auto& g : r.by_sector()) sectors[g.group()] = &g;
  ASSERT_EQ(sectors.size(), 3u);
  EXPECT_TRUE(sectors["HEALTH"]->released());
  EXPECT_EQ(sectors["HEALTH"]->n(), 8);
  // POLICE principle 1: 24, 18, 12, 12, 12.
  EXPECT_THAT(sectors["POLICE"]->sections(0).mean(), DoubleNear(15.6, 1e-9));
  EXPECT_EQ(sectors["POLICE"]->sections(0).band_label(), "limited");

  // Withheld groups carry no figure and the same reason.
  for (const auto* dimension : {&r.by_level(), &r.by_sector(), &r.by_organisation()}) {
    for (const v1::GroupResults& g : *dimension) {
      if (g.released()) continue;
      EXPECT_EQ(g.n(), 0) << g.group();
      EXPECT_EQ(g.sections_size(), 0) << g.group();
      EXPECT_FALSE(g.has_aggregate()) << g.group();
      EXPECT_EQ(g.withheld_reason(), organisations["Anytown NHS Trust"]->withheld_reason());
    }
  }
  EXPECT_FALSE(organisations["Anytown NHS Trust"]->withheld_reason().empty());

  // Nothing withheld can be worked out: per dimension against n, and each
  // released sector against its released organisations.
  ExpectPoolSafe(23, All(r.by_level()), 5, "levels");
  ExpectPoolSafe(23, All(r.by_sector()), 5, "sectors");
  ExpectPoolSafe(23, All(r.by_organisation()), 5, "organisations");
  for (const auto& [sector, group] : sectors) {
    if (!group->released()) continue;
    std::vector<const v1::GroupResults*> children;
    for (const auto& [organisation, g] : organisations) {
      if (SectorOf().at(organisation) == sector) children.push_back(g);
    }
    ExpectPoolSafe(group->n(), children, 5, sector);
  }
  // No previous health check.
  EXPECT_FALSE(r.has_change_since_previous());
  EXPECT_EQ(r.previous_comparison_note(), "the engagement has no previous_engagement");
}

// The poll-over-time attack: someone reads the rates after every answer.
// While it is open they see only the overall count, and only once it has
// reached k, so no two polls differ in any group's figure; the breakdowns
// appear once, at close, when the counts can no longer change.
TEST_F(QuestionnaireResultsTest, WhileOpenEachPollReleasesOnlyTheOverallCount) {
  const std::string engagement = SetUpQuestionnaire(5);
  std::vector<std::string> tokens = Invite(engagement, kCsv);
  ASSERT_EQ(tokens.size(), 23u);
  std::vector<size_t> order(tokens.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(20261207));
  const std::string contact = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", partnership_.name());
  v1::GetResponseRatesRequest request;
  request.set_name(engagement + "/questionnaire");
  const auto poll = [&](const std::string& token) {
    v1::ResponseRates rates;
    const grpc::Status status =
        questionnaires_->GetResponseRates(Ctx(token).get(), request, &rates);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return rates;
  };
  for (size_t answered = 1; answered <= order.size(); ++answered) {
    ASSERT_NO_FATAL_FAILURE(Respond(tokens[order[answered - 1]],
                                    AnswersFor(kLevels[order[answered - 1]])));
    for (const std::string& token : {contact, peer_token_, lead_token_}) {
      const v1::ResponseRates rates = poll(token);
      EXPECT_EQ(rates.by_organisation_size() + rates.by_level_size() + rates.by_sector_size(), 0)
          << "after " << answered << " answers";
      EXPECT_EQ(rates.overall().released(), answered >= 5);
      EXPECT_EQ(rates.overall().responses(), answered >= 5 ? static_cast<int>(answered) : 0);
      EXPECT_EQ(rates.overall().invitations(), answered >= 5 ? 23 : 0);
    }
  }
  ASSERT_TRUE(Close(engagement).ok());
  const v1::ResponseRates closed = poll(contact);
  EXPECT_EQ(closed.overall().responses(), 23);
  EXPECT_EQ(closed.by_level_size(), 3);
  EXPECT_EQ(closed.by_organisation_size(), 5);
  EXPECT_EQ(closed.by_sector_size(), 3);
}

TEST_F(QuestionnaireResultsTest, ChangeSincePreviousAndNothingBelowK) {
  const std::string csv = "organisation,level,count\nShire Police,management,3\n";
  // The first health check: three respondents answer 2 everywhere.
  const std::string first = SetUpQuestionnaire(3);
  for (const std::string& token : Invite(first, csv)) {
    ASSERT_NO_FATAL_FAILURE(Respond(token, {2, {}}));
  }
  // The repeat: three answer 3 everywhere.
  const std::string second = SetUpQuestionnaire(3, first);
  for (const std::string& token : Invite(second, csv)) {
    ASSERT_NO_FATAL_FAILURE(Respond(token, {3, {}}));
  }
  ASSERT_TRUE(Close(second).ok());
  v1::QuestionnaireResults r;
  ASSERT_TRUE(Results(peer_token_, second, &r).ok());
  // The first is still open: no comparison.
  EXPECT_FALSE(r.has_change_since_previous());
  EXPECT_EQ(r.previous_comparison_note(), first + "/questionnaire is not closed");

  ASSERT_TRUE(Close(first).ok());
  ASSERT_TRUE(Results(peer_token_, second, &r).ok());
  ASSERT_TRUE(r.has_change_since_previous()) << r.previous_comparison_note();
  const v1::ResultsChange& change = r.change_since_previous();
  EXPECT_EQ(change.previous_engagement(), first);
  EXPECT_EQ(change.previous_respondents(), 3);
  ASSERT_EQ(change.sections_size(), 6);
  EXPECT_EQ(change.sections(0).previous_median(), 12);
  EXPECT_EQ(change.sections(0).current_median(), 18);
  EXPECT_EQ(change.sections(0).median_change(), 6);
  EXPECT_EQ(change.sections(0).previous_band(), "limited");
  EXPECT_EQ(change.sections(0).current_band(), "present");
  EXPECT_EQ(change.aggregate().previous_median(), 72);
  EXPECT_EQ(change.aggregate().current_median(), 108);
  EXPECT_EQ(change.aggregate().median_change(), 36);
  EXPECT_EQ(change.aggregate().previous_band(), "concerns outweigh");
  EXPECT_EQ(change.aggregate().current_band(), "working well overall");
  // Per statement: every answer moved from 2 to 3.
  ASSERT_EQ(change.statements_size(), r.statements_size());
  EXPECT_EQ(change.statements(0).statement(), "1.1");
  EXPECT_EQ(change.statements(0).previous_mean(), 2);
  EXPECT_EQ(change.statements(0).current_mean(), 3);
  EXPECT_EQ(change.statements(0).mean_change(), 1);
  EXPECT_EQ(change.statements(35).statement(), "6.6");
  EXPECT_EQ(change.statements(35).mean_change(), 1);

  // A third health check with two respondents (k = 3): nothing at all, and
  // the fourth, following it, has no comparison.
  const std::string third = SetUpQuestionnaire(3, second);
  const std::vector<std::string> tokens = Invite(third, csv);
  for (int i = 0; i < 2; ++i) ASSERT_NO_FATAL_FAILURE(Respond(tokens[i], {4, {}}));
  ASSERT_TRUE(Close(third).ok());
  ASSERT_TRUE(Results(peer_token_, third, &r).ok());
  EXPECT_FALSE(r.released());
  EXPECT_EQ(r.min_group_size(), 3);
  EXPECT_EQ(r.respondents(), 0);
  EXPECT_FALSE(r.withheld_reason().empty());
  EXPECT_EQ(r.statements_size(), 0);
  EXPECT_EQ(r.sections_size(), 0);
  EXPECT_FALSE(r.has_aggregate());
  EXPECT_FALSE(r.has_proposed_finding());
  EXPECT_EQ(r.by_level_size() + r.by_sector_size() + r.by_organisation_size(), 0);
  EXPECT_FALSE(r.has_change_since_previous());

  const std::string fourth = SetUpQuestionnaire(3, third);
  for (const std::string& token : Invite(fourth, csv)) {
    ASSERT_NO_FATAL_FAILURE(Respond(token, {3, {}}));
  }
  ASSERT_TRUE(Close(fourth).ok());
  ASSERT_TRUE(Results(peer_token_, fourth, &r).ok());
  EXPECT_TRUE(r.released());
  EXPECT_FALSE(r.has_change_since_previous());
  EXPECT_EQ(r.previous_comparison_note(),
            third + "/questionnaire had fewer than its k respondents");
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

TEST_F(QuestionnaireResultsTest, AnInvitedGroupWithNoAnswersIsWithheldAndCoveredLikeAnySmallGroup) {
  // Four council board members answer; the police's one invitation is unused.
  const std::string engagement = SetUpQuestionnaire(3);
  const std::vector<std::string> tokens =
      Invite(engagement, "organisation,level,count\nAnytown Council,board,4\n"
                         "Shire Police,management,1\n");
  for (int i = 0; i < 4; ++i) ASSERT_NO_FATAL_FAILURE(Respond(tokens[i], {3, {}}));
  ASSERT_TRUE(Close(engagement).ok());
  v1::QuestionnaireResults r;
  ASSERT_TRUE(Results(peer_token_, engagement, &r).ok());
  // Showing the council's 4 of 4 would show that the police gave none, so
  // the empty police group is withheld and, as the only one, the council too.
  ASSERT_EQ(r.by_organisation_size(), 2);
  for (const auto& g : r.by_organisation()) EXPECT_FALSE(g.released()) << g.group();
  ASSERT_EQ(r.by_level_size(), 2);
  for (const auto& g : r.by_level()) EXPECT_FALSE(g.released()) << g.group();
}

}  // namespace
}  // namespace hc::testing

namespace hc::testing {
namespace {

// Every stored response is complete (Submit takes no other), which is what
// lets one release decision per group cover each of its sections. A row that
// breaks this is a damaged store, not something to score around.
TEST_F(QuestionnaireResultsTest, AnIncompleteStoredResponseIsReportedAsDataLoss) {
  const std::string engagement = SetUpQuestionnaire(3);
  const std::vector<std::string> tokens =
      Invite(engagement, "organisation,level,count\nAnytown Council,board,3\n");
  for (const std::string& token : tokens) ASSERT_NO_FATAL_FAILURE(Respond(token, {3, {}}));
  ASSERT_TRUE(Close(engagement).ok());
  v1::QuestionnaireResults r;
  ASSERT_TRUE(Results(peer_token_, engagement, &r).ok());

  auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status();
  auto insert = (*db)->Prepare(
      "INSERT INTO responses (key, engagement_id, organisation, level, sector, answers, "
      "significance) VALUES ('ff', ?, 'Anytown Council', 'BOARD', 'LOCAL_GOVERNMENT', "
      "'1.1\t3\n', '')");
  ASSERT_TRUE(insert.ok()) << insert.status();
  insert->Bind(1, engagement.substr(engagement.rfind('/') + 1));
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_THAT(Results(peer_token_, engagement, &r), GrpcIs(StatusCode::DATA_LOSS));
}

}  // namespace
}  // namespace hc::testing
