// Every SQLite repository through the Store port: round trips of every field,
// errors, keyset pagination and filters, on a real file in WAL mode.

#include "core/app/ports/repositories.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "tests/support/status_matchers.h"
#include "tests/support/temp_dir.h"

namespace hc::storage {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

using domain::Engagement;
using domain::Partnership;
using domain::Peer;
using domain::Sector;
using domain::Stage;
using domain::TeamRole;

const absl::Time kT0 = absl::FromUnixMicros(1'700'000'000'000'123);

absl::Time At(int seconds) { return kT0 + absl::Seconds(seconds); }

// Matches an OK absl::StatusOr whose value matches `inner` (a matcher or a
// value).
MATCHER_P(IsOkAndHolds, inner, "") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(inner, *arg, result_listener);
}

// --- Builders -----------------------------------------------------------------

Partnership MakePartnership(std::string id, absl::Time created) {
  Partnership p;
  p.meta = {std::move(id), created, created + absl::Microseconds(1500), 1};
  p.display_name = absl::StrCat("Northshire CSP ", p.meta.id);
  p.kind = domain::PartnershipKind::kCsp;
  p.area = "Northshire";
  p.lifecycle_stage = domain::PartnershipLifecycleStage::kFunctioning;
  p.members = {{"Northshire County Council", Sector::kLocalGovernment},
               {"Northshire Police", Sector::kPolice},
               {"Northshire Voluntary Action", Sector::kVoluntaryAndCommunity}};
  return p;
}

Peer MakePeer(std::string id, absl::Time created) {
  Peer peer;
  peer.meta = {std::move(id), created, created + absl::Seconds(2), 3};
  peer.display_name = absl::StrCat("Peer ", peer.meta.id);
  peer.email = absl::StrCat(peer.meta.id, "@southshire.gov.uk");
  peer.home_organisation = "Southshire Council";
  peer.home_sector = Sector::kLocalGovernment;
  peer.trained_date = absl::CivilDay(2022, 11, 1);
  peer.accredited_date = absl::CivilDay(2023, 1, 15);
  peer.accreditation_expiry_date = absl::CivilDay(2025, 12, 31);
  peer.skills = {"facilitation", "community safety",
                 "Gw\xC3\xAA"
                 "ithio yn Gymraeg"};
  return peer;
}

Engagement MakeEngagement(std::string id, std::string partnership_id, absl::Time created) {
  Engagement e;
  e.meta = {std::move(id), created, created, 1};
  e.partnership_id = std::move(partnership_id);
  e.purpose = domain::Purpose::kDevelopmental;
  e.stage = Stage::kScoping;
  return e;
}

// An engagement with every field set.
Engagement FullEngagement(std::string id, std::string partnership_id, std::string previous_id) {
  Engagement e = MakeEngagement(std::move(id), std::move(partnership_id), At(100));
  e.meta.update_time = At(200);
  e.meta.version = 7;
  e.purpose = domain::Purpose::kRemedial;
  e.stage = Stage::kReport;
  e.scoping.issues = {"Trust between partners", "Sharing data\nacross agencies"};
  e.scoping.desired_outcomes = {"A shared plan", "Clear roles", "Better scrutiny"};
  e.scoping.stakeholders.inform = {"Residents"};
  e.scoping.stakeholders.involve = {"Board members", "Senior managers"};
  e.scoping.stakeholders.be_aware = {"Regional office"};
  e.scoping.stakeholders.keep_on_board = {"Elected members", "Chief officers", "Unions"};
  e.scoping.arrangements = "Fieldwork at the civic centre;\nfocus groups in two wards.";
  e.key_dates.questionnaire_open = absl::CivilDay(2024, 3, 1);
  e.key_dates.questionnaire_close = absl::CivilDay(2024, 4, 1);
  e.key_dates.fieldwork_day1 = absl::CivilDay(2024, 4, 8);
  e.key_dates.fieldwork_day2 = absl::CivilDay(2024, 4, 9);
  e.key_dates.fieldwork_day3 = absl::CivilDay(2024, 4, 10);
  e.key_dates.feedback_date = absl::CivilDay(2024, 4, 11);
  e.key_dates.report_due = absl::CivilDay(2024, 5, 8);
  e.key_dates.plan_due = absl::CivilDay(2024, 7, 3);
  e.team = {
      {"shadow", TeamRole::kShadow}, {"lead", TeamRole::kLeadPeer}, {"peer", TeamRole::kPeer}};
  e.initial_feedback_summary = "Strong leadership;\nweak data sharing.";
  e.end_reason = "not ended";
  e.previous_engagement_id = std::move(previous_id);
  return e;
}

// --- Comparisons ------------------------------------------------------------

void ExpectSameMeta(const domain::ResourceMeta& got, const domain::ResourceMeta& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.create_time, want.create_time);
  EXPECT_EQ(got.update_time, want.update_time);
  EXPECT_EQ(got.version, want.version);
}

void ExpectSamePartnership(const Partnership& got, const Partnership& want) {
  ExpectSameMeta(got.meta, want.meta);
  EXPECT_EQ(got.display_name, want.display_name);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.area, want.area);
  EXPECT_EQ(got.lifecycle_stage, want.lifecycle_stage);
  ASSERT_EQ(got.members.size(), want.members.size());
  for (size_t i = 0; i < got.members.size(); ++i) {
    EXPECT_EQ(got.members[i].display_name, want.members[i].display_name) << i;
    EXPECT_EQ(got.members[i].sector, want.members[i].sector) << i;
  }
}

void ExpectSamePeer(const Peer& got, const Peer& want) {
  ExpectSameMeta(got.meta, want.meta);
  EXPECT_EQ(got.display_name, want.display_name);
  EXPECT_EQ(got.email, want.email);
  EXPECT_EQ(got.home_organisation, want.home_organisation);
  EXPECT_EQ(got.home_sector, want.home_sector);
  EXPECT_EQ(got.trained_date, want.trained_date);
  EXPECT_EQ(got.accredited_date, want.accredited_date);
  EXPECT_EQ(got.accreditation_expiry_date, want.accreditation_expiry_date);
  EXPECT_EQ(got.skills, want.skills);
}

void ExpectSameEngagement(const Engagement& got, const Engagement& want) {
  ExpectSameMeta(got.meta, want.meta);
  EXPECT_EQ(got.partnership_id, want.partnership_id);
  EXPECT_EQ(got.purpose, want.purpose);
  EXPECT_EQ(got.stage, want.stage);
  EXPECT_EQ(got.scoping.issues, want.scoping.issues);
  EXPECT_EQ(got.scoping.desired_outcomes, want.scoping.desired_outcomes);
  EXPECT_EQ(got.scoping.stakeholders.inform, want.scoping.stakeholders.inform);
  EXPECT_EQ(got.scoping.stakeholders.involve, want.scoping.stakeholders.involve);
  EXPECT_EQ(got.scoping.stakeholders.be_aware, want.scoping.stakeholders.be_aware);
  EXPECT_EQ(got.scoping.stakeholders.keep_on_board, want.scoping.stakeholders.keep_on_board);
  EXPECT_EQ(got.scoping.arrangements, want.scoping.arrangements);
  EXPECT_EQ(got.key_dates.questionnaire_open, want.key_dates.questionnaire_open);
  EXPECT_EQ(got.key_dates.questionnaire_close, want.key_dates.questionnaire_close);
  EXPECT_EQ(got.key_dates.fieldwork_day1, want.key_dates.fieldwork_day1);
  EXPECT_EQ(got.key_dates.fieldwork_day2, want.key_dates.fieldwork_day2);
  EXPECT_EQ(got.key_dates.fieldwork_day3, want.key_dates.fieldwork_day3);
  EXPECT_EQ(got.key_dates.feedback_date, want.key_dates.feedback_date);
  EXPECT_EQ(got.key_dates.report_due, want.key_dates.report_due);
  EXPECT_EQ(got.key_dates.plan_due, want.key_dates.plan_due);
  ASSERT_EQ(got.team.size(), want.team.size());
  for (size_t i = 0; i < got.team.size(); ++i) {
    EXPECT_EQ(got.team[i].peer_id, want.team[i].peer_id) << i;
    EXPECT_EQ(got.team[i].role, want.team[i].role) << i;
  }
  EXPECT_EQ(got.initial_feedback_summary, want.initial_feedback_summary);
  EXPECT_EQ(got.end_reason, want.end_reason);
  EXPECT_EQ(got.previous_engagement_id, want.previous_engagement_id);
}

template <typename T>
std::vector<std::string> Ids(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(item.meta.id);
  return ids;
}

// --- Fixture ----------------------------------------------------------------

class RepositoriesTest : public ::testing::Test {
 protected:
  using Work = absl::FunctionRef<absl::Status(app::Repositories&)>;

  void SetUp() override {
    HC_ASSERT_OK_AND_ASSIGN(store_, SqliteStore::Open(dir_.File("hc.db"), {}));
  }

  absl::Status Write(Work work) { return store_->Write(work); }

  // Runs `f` (returning an absl::StatusOr) in a read unit of work.
  template <typename F>
  auto Read(F f) {
    using R = decltype(f(std::declval<app::Repositories&>()));
    std::optional<R> result;
    absl::Status s = store_->Read([&](app::Repositories& r) -> absl::Status {
      result.emplace(f(r));
      return absl::OkStatus();
    });
    if (!s.ok()) return R(s);
    return *std::move(result);
  }

  // Walks every page of `list` with pages of `limit`, checking that only the
  // last page lacks a cursor. Returns the ids in order.
  template <typename ListFn>
  std::vector<std::string> AllPages(ListFn list, int limit, int* pages = nullptr) {
    std::vector<std::string> ids;
    app::PageRequest request{limit, std::nullopt};
    for (int page = 0; page < 100; ++page) {
      auto result = Read([&](app::Repositories& r) { return list(r, request); });
      EXPECT_TRUE(result.ok()) << result.status();
      if (!result.ok()) return ids;
      EXPECT_LE(static_cast<int>(result->items.size()), limit);
      for (const auto& item : result->items) ids.push_back(item.meta.id);
      if (pages != nullptr) *pages = page + 1;
      if (!result->next) return ids;
      EXPECT_EQ(static_cast<int>(result->items.size()), limit) << "short page with a cursor";
      request.after = result->next;
    }
    ADD_FAILURE() << "pagination did not end";
    return ids;
  }

  // Partnership p1 and p2, peers lead, peer and shadow.
  void InsertParties() {
    HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
      for (const char* id : {"p1", "p2"}) {
        if (absl::Status s = r.partnerships().Insert(MakePartnership(id, At(0))); !s.ok()) {
          return s;
        }
      }
      int n = 0;
      for (const char* id : {"lead", "peer", "shadow"}) {
        if (absl::Status s = r.peers().Insert(MakePeer(id, At(n++))); !s.ok()) return s;
      }
      return absl::OkStatus();
    }));
  }

  ::hc::testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

// --- Partnerships -------------------------------------------------------------

TEST_F(RepositoriesTest, PartnershipInsertGetRoundTripsEveryField) {
  const Partnership p = MakePartnership("p1", At(0));
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.partnerships().Insert(p); }));
  HC_ASSERT_OK_AND_ASSIGN(Partnership got,
                          Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }));
  ExpectSamePartnership(got, p);
}

TEST_F(RepositoriesTest, PartnershipWithUnspecifiedLifecycleStageRoundTrips) {
  Partnership p = MakePartnership("p1", At(0));
  p.lifecycle_stage = domain::PartnershipLifecycleStage::kUnspecified;
  p.members.clear();
  p.area = "";
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.partnerships().Insert(p); }));
  HC_ASSERT_OK_AND_ASSIGN(Partnership got,
                          Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }));
  ExpectSamePartnership(got, p);
}

TEST_F(RepositoriesTest, PartnershipUpdateReplacesFieldsAndMembers) {
  HC_ASSERT_OK(Write(
      [&](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p1", At(0))); }));
  Partnership changed = MakePartnership("p1", At(0));
  changed.meta.update_time = At(60);
  changed.meta.version = 2;
  changed.display_name = "Northshire Safer Communities";
  changed.kind = domain::PartnershipKind::kLsp;
  changed.area = "North and West";
  changed.lifecycle_stage = domain::PartnershipLifecycleStage::kFailing;
  changed.members = {{"Northshire Fire and Rescue", Sector::kFireAndRescue},
                     {"Northshire County Council", Sector::kLocalGovernment}};
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.partnerships().Update(changed); }));
  HC_ASSERT_OK_AND_ASSIGN(Partnership got,
                          Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }));
  ExpectSamePartnership(got, changed);
}

TEST_F(RepositoriesTest, PartnershipDeleteRemovesItAndItsMembers) {
  HC_ASSERT_OK(Write(
      [&](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p1", At(0))); }));
  HC_ASSERT_OK(Write([](app::Repositories& r) { return r.partnerships().Delete("p1"); }));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }),
              StatusIs(absl::StatusCode::kNotFound));
  // The same id again without members: the old members went with the row.
  Partnership again = MakePartnership("p1", At(5));
  again.members.clear();
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.partnerships().Insert(again); }));
  HC_ASSERT_OK_AND_ASSIGN(Partnership got,
                          Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }));
  EXPECT_THAT(got.members, IsEmpty());
}

TEST_F(RepositoriesTest, MissingPartnershipIsNotFound) {
  EXPECT_THAT(Read([](app::Repositories& r) { return r.partnerships().Get("nope"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "partnerships/nope does not exist"));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.partnerships().Update(MakePartnership("nope", At(0)));
              }),
              StatusIsWith(absl::StatusCode::kNotFound, "partnerships/nope"));
  EXPECT_THAT(Write([](app::Repositories& r) { return r.partnerships().Delete("nope"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "partnerships/nope"));
}

TEST_F(RepositoriesTest, DuplicatePartnershipIdIsAlreadyExists) {
  HC_ASSERT_OK(Write(
      [&](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p1", At(0))); }));
  EXPECT_THAT(Write([&](app::Repositories& r) {
                return r.partnerships().Insert(MakePartnership("p1", At(9)));
              }),
              StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(RepositoriesTest, PartnershipListPagesByCreationTimeThenIdWithoutGapsOrDuplicates) {
  // Several share a creation time, so the id must break ties.
  const std::vector<std::pair<std::string, int>> rows = {
      {"p-g", 2}, {"p-c", 0}, {"p-e", 1}, {"p-a", 0}, {"p-f", 3}, {"p-b", 1}, {"p-d", 1}};
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    for (const auto& [id, t] : rows) {
      if (absl::Status s = r.partnerships().Insert(MakePartnership(id, At(t))); !s.ok()) return s;
    }
    return absl::OkStatus();
  }));
  const std::vector<std::string> want = {"p-a", "p-c", "p-b", "p-d", "p-e", "p-g", "p-f"};
  auto list = [](app::Repositories& r, const app::PageRequest& page) {
    return r.partnerships().List({}, page);
  };
  for (int limit : {1, 2, 3, 7, 50}) {
    int pages = 0;
    EXPECT_EQ(AllPages(list, limit, &pages), want) << "limit " << limit;
    EXPECT_EQ(pages, (7 + limit - 1) / limit) << "limit " << limit;
  }
}

TEST_F(RepositoriesTest, LastFullPageHasNoNextCursor) {
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    for (int i = 0; i < 6; ++i) {
      if (absl::Status s = r.partnerships().Insert(MakePartnership(absl::StrCat("p", i), At(i)));
          !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }));
  HC_ASSERT_OK_AND_ASSIGN(auto first, Read([](app::Repositories& r) {
                            return r.partnerships().List({}, {3, std::nullopt});
                          }));
  ASSERT_TRUE(first.next.has_value());
  EXPECT_EQ(first.next->id, "p2");
  EXPECT_EQ(first.next->key, absl::ToUnixMicros(At(2)));
  HC_ASSERT_OK_AND_ASSIGN(auto second, Read([&](app::Repositories& r) {
                            return r.partnerships().List({}, {3, first.next});
                          }));
  EXPECT_THAT(Ids(second.items), ElementsAre("p3", "p4", "p5"));
  EXPECT_FALSE(second.next.has_value());
}

TEST_F(RepositoriesTest, PartnershipListFiltersByIdAndTeamPeer) {
  InsertParties();
  HC_ASSERT_OK(Write([](app::Repositories& r) {
    Engagement e = MakeEngagement("e1", "p2", At(10));
    e.team = {{"shadow", TeamRole::kShadow}};
    return r.engagements().Insert(e);
  }));
  HC_ASSERT_OK_AND_ASSIGN(auto by_id, Read([](app::Repositories& r) {
                            return r.partnerships().List({.id = "p2"}, {});
                          }));
  EXPECT_THAT(Ids(by_id.items), ElementsAre("p2"));
  HC_ASSERT_OK_AND_ASSIGN(auto by_peer, Read([](app::Repositories& r) {
                            return r.partnerships().List({.with_team_peer = "shadow"}, {});
                          }));
  EXPECT_THAT(Ids(by_peer.items), ElementsAre("p2"));
  HC_ASSERT_OK_AND_ASSIGN(auto none, Read([](app::Repositories& r) {
                            return r.partnerships().List({.with_team_peer = "lead"}, {});
                          }));
  EXPECT_THAT(none.items, IsEmpty());
  EXPECT_FALSE(none.next.has_value());
}

// --- Peers ------------------------------------------------------------------

TEST_F(RepositoriesTest, PeerInsertGetRoundTripsEveryField) {
  const Peer peer = MakePeer("ann", At(0));
  Peer trainee = MakePeer("bob", At(1));
  trainee.trained_date.reset();
  trainee.accredited_date.reset();
  trainee.accreditation_expiry_date.reset();
  trainee.skills.clear();
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    if (absl::Status s = r.peers().Insert(peer); !s.ok()) return s;
    return r.peers().Insert(trainee);
  }));
  HC_ASSERT_OK_AND_ASSIGN(Peer got,
                          Read([](app::Repositories& r) { return r.peers().Get("ann"); }));
  ExpectSamePeer(got, peer);
  HC_ASSERT_OK_AND_ASSIGN(Peer got_trainee,
                          Read([](app::Repositories& r) { return r.peers().Get("bob"); }));
  ExpectSamePeer(got_trainee, trainee);
}

TEST_F(RepositoriesTest, PeerUpdateReplacesFieldsSkillsAndDates) {
  HC_ASSERT_OK(
      Write([](app::Repositories& r) { return r.peers().Insert(MakePeer("ann", At(0))); }));
  Peer changed = MakePeer("ann", At(0));
  changed.meta.update_time = At(30);
  changed.meta.version = 4;
  changed.display_name = "Ann Jones";
  changed.email = "ann.jones@eastshire.nhs.uk";
  changed.home_organisation = "Eastshire NHS Trust";
  changed.home_sector = Sector::kHealth;
  changed.trained_date = absl::CivilDay(2021, 5, 5);
  changed.accredited_date.reset();
  changed.accreditation_expiry_date.reset();
  changed.skills = {"governance"};
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.peers().Update(changed); }));
  HC_ASSERT_OK_AND_ASSIGN(Peer got,
                          Read([](app::Repositories& r) { return r.peers().Get("ann"); }));
  ExpectSamePeer(got, changed);
}

TEST_F(RepositoriesTest, DuplicatePeerEmailIgnoringCaseIsAlreadyExistsAndKeepsNothing) {
  Peer ann = MakePeer("ann", At(0));
  ann.email = "Ann.Smith@Example.org";
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.peers().Insert(ann); }));
  Peer clash = MakePeer("ann2", At(1));
  clash.email = "ann.smith@EXAMPLE.ORG";
  EXPECT_THAT(Write([&](app::Repositories& r) { return r.peers().Insert(clash); }),
              StatusIsWith(absl::StatusCode::kAlreadyExists, "ann.smith@EXAMPLE.ORG"));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.peers().Get("ann2"); }),
              StatusIs(absl::StatusCode::kNotFound));

  // Changing another peer's email to the same address is refused too.
  HC_ASSERT_OK(
      Write([](app::Repositories& r) { return r.peers().Insert(MakePeer("bob", At(2))); }));
  Peer bob = MakePeer("bob", At(2));
  bob.email = "ANN.SMITH@example.org";
  EXPECT_THAT(Write([&](app::Repositories& r) { return r.peers().Update(bob); }),
              StatusIs(absl::StatusCode::kAlreadyExists));
  HC_ASSERT_OK_AND_ASSIGN(Peer got,
                          Read([](app::Repositories& r) { return r.peers().Get("bob"); }));
  EXPECT_EQ(got.email, "bob@southshire.gov.uk");
}

TEST_F(RepositoriesTest, PeerDeleteAndMissingPeerIsNotFound) {
  HC_ASSERT_OK(
      Write([](app::Repositories& r) { return r.peers().Insert(MakePeer("ann", At(0))); }));
  HC_ASSERT_OK(Write([](app::Repositories& r) { return r.peers().Delete("ann"); }));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.peers().Get("ann"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "peers/ann does not exist"));
  EXPECT_THAT(Write([](app::Repositories& r) { return r.peers().Delete("ann"); }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Write([](app::Repositories& r) { return r.peers().Update(MakePeer("zed", At(0))); }),
              StatusIs(absl::StatusCode::kNotFound));
  // The email is free again.
  HC_EXPECT_OK(
      Write([](app::Repositories& r) { return r.peers().Insert(MakePeer("ann", At(1))); }));
}

// Peers expiring on the given days, plus one never accredited.
void InsertExpiringPeers(app::Repositories& r, absl::Status& status) {
  const std::vector<std::pair<std::string, absl::CivilDay>> rows = {
      {"jun30", absl::CivilDay(2024, 6, 30)}, {"may31", absl::CivilDay(2024, 5, 31)},
      {"jun01", absl::CivilDay(2024, 6, 1)},  {"jul01", absl::CivilDay(2024, 7, 1)},
      {"jun15", absl::CivilDay(2024, 6, 15)},
  };
  int n = 0;
  for (const auto& [id, expiry] : rows) {
    Peer p = MakePeer(id, At(n++));
    p.home_sector = n % 2 ? Sector::kHealth : Sector::kPolice;
    p.accreditation_expiry_date = expiry;
    status.Update(r.peers().Insert(p));
  }
  Peer trainee = MakePeer("trainee", At(n++));
  trainee.home_sector = Sector::kHealth;
  trainee.accredited_date.reset();
  trainee.accreditation_expiry_date.reset();
  status.Update(r.peers().Insert(trainee));
}

TEST_F(RepositoriesTest, ListExpiringIncludesBothBoundsSoonestFirst) {
  HC_ASSERT_OK(Write([](app::Repositories& r) {
    absl::Status s;
    InsertExpiringPeers(r, s);
    return s;
  }));
  HC_ASSERT_OK_AND_ASSIGN(std::vector<Peer> expiring, Read([](app::Repositories& r) {
                            return r.peers().ListExpiring(absl::CivilDay(2024, 6, 1),
                                                          absl::CivilDay(2024, 6, 30));
                          }));
  EXPECT_THAT(Ids(expiring), ElementsAre("jun01", "jun15", "jun30"));
  HC_ASSERT_OK_AND_ASSIGN(std::vector<Peer> one_day, Read([](app::Repositories& r) {
                            return r.peers().ListExpiring(absl::CivilDay(2024, 7, 1),
                                                          absl::CivilDay(2024, 7, 1));
                          }));
  EXPECT_THAT(Ids(one_day), ElementsAre("jul01"));
  HC_ASSERT_OK_AND_ASSIGN(std::vector<Peer> none, Read([](app::Repositories& r) {
                            return r.peers().ListExpiring(absl::CivilDay(2024, 6, 2),
                                                          absl::CivilDay(2024, 6, 14));
                          }));
  EXPECT_THAT(none, IsEmpty());
}

TEST_F(RepositoriesTest, PeerListFiltersBySectorAndExpiryAndPaginates) {
  HC_ASSERT_OK(Write([](app::Repositories& r) {
    absl::Status s;
    InsertExpiringPeers(r, s);
    return s;
  }));
  auto all = [](app::Repositories& r, const app::PageRequest& page) {
    return r.peers().List({}, page);
  };
  EXPECT_THAT(AllPages(all, 4),
              ElementsAre("jun30", "may31", "jun01", "jul01", "jun15", "trainee"));
  auto health = [](app::Repositories& r, const app::PageRequest& page) {
    return r.peers().List({.home_sector = Sector::kHealth}, page);
  };
  EXPECT_THAT(AllPages(health, 2), ElementsAre("jun30", "jun01", "jun15", "trainee"));
  auto expiring = [](app::Repositories& r, const app::PageRequest& page) {
    return r.peers().List({.expiring_before = absl::CivilDay(2024, 6, 15)}, page);
  };
  // Strictly before, and never the unaccredited trainee.
  EXPECT_THAT(AllPages(expiring, 1), ElementsAre("may31", "jun01"));
  auto both = [](app::Repositories& r, const app::PageRequest& page) {
    return r.peers().List(
        {.home_sector = Sector::kHealth, .expiring_before = absl::CivilDay(2024, 7, 1)}, page);
  };
  EXPECT_THAT(AllPages(both, 10), ElementsAre("jun30", "jun01", "jun15"));
}

// --- Engagements --------------------------------------------------------------

TEST_F(RepositoriesTest, EngagementInsertGetRoundTripsEveryField) {
  InsertParties();
  const Engagement previous = MakeEngagement("e0", "p1", At(1));
  const Engagement e = FullEngagement("e1", "p1", "e0");
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    if (absl::Status s = r.engagements().Insert(previous); !s.ok()) return s;
    return r.engagements().Insert(e);
  }));
  HC_ASSERT_OK_AND_ASSIGN(Engagement got,
                          Read([](app::Repositories& r) { return r.engagements().Get("e1"); }));
  ExpectSameEngagement(got, e);
  HC_ASSERT_OK_AND_ASSIGN(Engagement got_previous,
                          Read([](app::Repositories& r) { return r.engagements().Get("e0"); }));
  ExpectSameEngagement(got_previous, previous);
}

TEST_F(RepositoriesTest, EngagementUpdateReplacesScopingKeyDatesTeamAndStage) {
  InsertParties();
  HC_ASSERT_OK(Write(
      [](app::Repositories& r) { return r.engagements().Insert(FullEngagement("e1", "p1", "")); }));
  Engagement changed = FullEngagement("e1", "p1", "");
  changed.meta.update_time = At(500);
  changed.meta.version = 8;
  changed.purpose = domain::Purpose::kRoutineAudit;
  changed.stage = Stage::kCancelled;
  changed.scoping.issues = {"Only one issue now"};
  changed.scoping.desired_outcomes.clear();
  changed.scoping.stakeholders.inform = {"Residents", "Businesses"};
  changed.scoping.stakeholders.keep_on_board.clear();
  changed.scoping.arrangements = "";
  changed.key_dates.questionnaire_open.reset();
  changed.key_dates.fieldwork_day2 = absl::CivilDay(2024, 4, 9);
  changed.key_dates.plan_due.reset();
  changed.team = {{"peer", TeamRole::kLeadPeer}};
  changed.initial_feedback_summary = "";
  changed.end_reason = "The partnership was dissolved";
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.engagements().Update(changed); }));
  HC_ASSERT_OK_AND_ASSIGN(Engagement got,
                          Read([](app::Repositories& r) { return r.engagements().Get("e1"); }));
  ExpectSameEngagement(got, changed);
}

TEST_F(RepositoriesTest, MissingEngagementIsNotFound) {
  InsertParties();
  EXPECT_THAT(Read([](app::Repositories& r) { return r.engagements().Get("nope"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "engagements/nope does not exist"));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.engagements().Update(MakeEngagement("nope", "p1", At(0)));
              }),
              StatusIsWith(absl::StatusCode::kNotFound, "engagements/nope"));
}

TEST_F(RepositoriesTest, DuplicateEngagementIdIsAlreadyExists) {
  InsertParties();
  HC_ASSERT_OK(Write([](app::Repositories& r) {
    return r.engagements().Insert(MakeEngagement("e1", "p1", At(0)));
  }));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.engagements().Insert(MakeEngagement("e1", "p2", At(1)));
              }),
              StatusIs(absl::StatusCode::kAlreadyExists));
}

// e1: p1, SCOPING, lead "lead", peer "peer", questionnaire_open 2024-03-01.
// e2: p1, FIELDWORK, lead "peer", shadow "shadow", feedback_date 2024-04-10.
// e3: p2, CLOSED, lead "lead", every date past.
// e4: p2, SCOPING, no team, no dates.
class EngagementQueryTest : public RepositoriesTest {
 protected:
  void SetUp() override {
    RepositoriesTest::SetUp();
    InsertParties();
    Engagement e1 = MakeEngagement("e1", "p1", At(1));
    e1.team = {{"lead", TeamRole::kLeadPeer}, {"peer", TeamRole::kPeer}};
    e1.key_dates.questionnaire_open = absl::CivilDay(2024, 3, 1);
    e1.key_dates.fieldwork_day1 = absl::CivilDay(2024, 4, 8);
    Engagement e2 = MakeEngagement("e2", "p1", At(2));
    e2.stage = Stage::kFieldwork;
    e2.team = {{"peer", TeamRole::kLeadPeer}, {"shadow", TeamRole::kShadow}};
    e2.key_dates.fieldwork_day1 = absl::CivilDay(2024, 4, 8);
    e2.key_dates.feedback_date = absl::CivilDay(2024, 4, 10);
    Engagement e3 = FullEngagement("e3", "p2", "");
    e3.meta.create_time = At(3);
    e3.stage = Stage::kClosed;
    e3.team = {{"lead", TeamRole::kLeadPeer}};
    Engagement e4 = MakeEngagement("e4", "p2", At(4));
    HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
      for (const Engagement* e : {&e1, &e2, &e3, &e4}) {
        if (absl::Status s = r.engagements().Insert(*e); !s.ok()) return s;
      }
      return absl::OkStatus();
    }));
  }

  std::vector<std::string> Matching(const app::EngagementQuery& query, int limit = 2) {
    std::vector<std::string> paged =
        AllPages([&](app::Repositories& r,
                     const app::PageRequest& page) { return r.engagements().List(query, page); },
                 limit);
    auto all = Read([&](app::Repositories& r) { return r.engagements().ListAll(query); });
    EXPECT_TRUE(all.ok()) << all.status();
    if (all.ok()) {
      EXPECT_EQ(Ids(*all), paged) << "ListAll disagrees with List";
    }
    return paged;
  }
};

TEST_F(EngagementQueryTest, NoFilterListsEveryEngagementAcrossPages) {
  EXPECT_THAT(Matching({}, 1), ElementsAre("e1", "e2", "e3", "e4"));
  EXPECT_THAT(Matching({}, 3), ElementsAre("e1", "e2", "e3", "e4"));
}

TEST_F(EngagementQueryTest, FiltersByStage) {
  EXPECT_THAT(Matching({.stage = Stage::kScoping}), ElementsAre("e1", "e4"));
  EXPECT_THAT(Matching({.stage = Stage::kClosed}), ElementsAre("e3"));
  EXPECT_THAT(Matching({.stage = Stage::kReport}), IsEmpty());
}

TEST_F(EngagementQueryTest, FiltersByPartnership) {
  EXPECT_THAT(Matching({.partnership_id = "p1"}), ElementsAre("e1", "e2"));
  EXPECT_THAT(Matching({.partnership_id = "p2"}), ElementsAre("e3", "e4"));
  EXPECT_THAT(Matching({.partnership_id = "p3"}), IsEmpty());
}

TEST_F(EngagementQueryTest, FiltersByLeadPeerOnly) {
  EXPECT_THAT(Matching({.lead_peer_id = "lead"}), ElementsAre("e1", "e3"));
  // "peer" is a plain peer on e1 and lead on e2.
  EXPECT_THAT(Matching({.lead_peer_id = "peer"}), ElementsAre("e2"));
  EXPECT_THAT(Matching({.lead_peer_id = "shadow"}), IsEmpty());
}

TEST_F(EngagementQueryTest, FiltersByTeamPeerInAnyRole) {
  EXPECT_THAT(Matching({.team_peer_id = "peer"}), ElementsAre("e1", "e2"));
  EXPECT_THAT(Matching({.team_peer_id = "shadow"}), ElementsAre("e2"));
  EXPECT_THAT(Matching({.team_peer_id = "lead"}), ElementsAre("e1", "e3"));
}

TEST_F(EngagementQueryTest, FiltersByOverdueOnThroughNextDeadline) {
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2024, 3, 1)}), IsEmpty());
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2024, 3, 2)}), ElementsAre("e1"));
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2024, 4, 10)}), ElementsAre("e1"));
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2024, 4, 11)}), ElementsAre("e1", "e2"));
  // Closed e3 and dateless e4 are never overdue.
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2030, 1, 1)}), ElementsAre("e1", "e2"));
}

TEST_F(EngagementQueryTest, OverdueFilterFollowsStageChangesOnUpdate) {
  HC_ASSERT_OK_AND_ASSIGN(Engagement e1,
                          Read([](app::Repositories& r) { return r.engagements().Get("e1"); }));
  e1.stage = Stage::kQuestionnaire;  // reached questionnaire_open; next is fieldwork_day1
  HC_ASSERT_OK(Write([&](app::Repositories& r) { return r.engagements().Update(e1); }));
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2024, 4, 8)}), IsEmpty());
  EXPECT_THAT(Matching({.overdue_on = absl::CivilDay(2024, 4, 9)}), ElementsAre("e1"));
}

TEST_F(EngagementQueryTest, FiltersCombine) {
  EXPECT_THAT(Matching({.stage = Stage::kScoping, .partnership_id = "p2"}), ElementsAre("e4"));
  EXPECT_THAT(Matching({.partnership_id = "p1", .team_peer_id = "shadow"}), ElementsAre("e2"));
  EXPECT_THAT(Matching({.lead_peer_id = "lead", .overdue_on = absl::CivilDay(2030, 1, 1)}),
              ElementsAre("e1"));
}

TEST_F(EngagementQueryTest, CountByStageCountsEveryStored) {
  HC_ASSERT_OK_AND_ASSIGN(
      auto counts, Read([](app::Repositories& r) { return r.engagements().CountByStage(); }));
  EXPECT_THAT(counts, ElementsAre(Pair(Stage::kScoping, 2), Pair(Stage::kFieldwork, 1),
                                  Pair(Stage::kClosed, 1)));
}

TEST_F(EngagementQueryTest, AnyForPartnershipAndAnyWithTeamPeer) {
  HC_ASSERT_OK(Write(
      [](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p3", At(9))); }));
  HC_ASSERT_OK(
      Write([](app::Repositories& r) { return r.peers().Insert(MakePeer("idle", At(9))); }));
  auto any_for = [&](const char* id) {
    return Read([&](app::Repositories& r) { return r.engagements().AnyForPartnership(id); });
  };
  auto any_with = [&](const char* id) {
    return Read([&](app::Repositories& r) { return r.engagements().AnyWithTeamPeer(id); });
  };
  EXPECT_THAT(any_for("p1"), IsOkAndHolds(true));
  EXPECT_THAT(any_for("p3"), IsOkAndHolds(false));
  EXPECT_THAT(any_with("shadow"), IsOkAndHolds(true));
  EXPECT_THAT(any_with("idle"), IsOkAndHolds(false));
}

TEST_F(RepositoriesTest, StageChangesAreNumberedPerEngagementAndPaged) {
  InsertParties();
  HC_ASSERT_OK(Write([](app::Repositories& r) -> absl::Status {
    absl::Status s = r.engagements().Insert(MakeEngagement("e1", "p1", At(0)));
    s.Update(r.engagements().Insert(MakeEngagement("e2", "p1", At(1))));
    return s;
  }));
  const std::vector<std::pair<Stage, Stage>> e1_moves = {
      {Stage::kScoping, Stage::kDeskResearch},
      {Stage::kDeskResearch, Stage::kQuestionnaire},
      {Stage::kQuestionnaire, Stage::kCancelled}};
  // One change per write, interleaved with e2's, so numbering is per engagement.
  for (size_t i = 0; i < e1_moves.size(); ++i) {
    HC_ASSERT_OK(Write([&](app::Repositories& r) {
      return r.engagements().AppendStageChange(
          {"e1", e1_moves[i].first, e1_moves[i].second, "Ann (accessTokens/t1)",
           At(static_cast<int>(10 + i)), absl::StrCat("reason ", i), 0});
    }));
    if (i == 0) {
      HC_ASSERT_OK(Write([&](app::Repositories& r) {
        return r.engagements().AppendStageChange(
            {"e2", Stage::kScoping, Stage::kCancelled, "Bob (accessTokens/t2)", At(11), "", 99});
      }));
    }
  }
  HC_ASSERT_OK_AND_ASSIGN(auto first, Read([](app::Repositories& r) {
                            return r.engagements().ListStageChanges("e1", {2, std::nullopt});
                          }));
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_TRUE(first.next.has_value());
  HC_ASSERT_OK_AND_ASSIGN(auto second, Read([&](app::Repositories& r) {
                            return r.engagements().ListStageChanges("e1", {2, first.next});
                          }));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_FALSE(second.next.has_value());
  std::vector<domain::StageChange> all = first.items;
  all.push_back(second.items[0]);
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].engagement_id, "e1");
    EXPECT_EQ(all[i].sequence, static_cast<int64_t>(i + 1));
    EXPECT_EQ(all[i].from, e1_moves[i].first);
    EXPECT_EQ(all[i].to, e1_moves[i].second);
    EXPECT_EQ(all[i].actor, "Ann (accessTokens/t1)");
    EXPECT_EQ(all[i].time, At(static_cast<int>(10 + i)));
    EXPECT_EQ(all[i].reason, absl::StrCat("reason ", i));
  }
  HC_ASSERT_OK_AND_ASSIGN(auto e2, Read([](app::Repositories& r) {
                            return r.engagements().ListStageChanges("e2", {10, std::nullopt});
                          }));
  ASSERT_EQ(e2.items.size(), 1u);
  EXPECT_EQ(e2.items[0].sequence, 1);  // numbered by the store, not the caller
  EXPECT_EQ(e2.items[0].reason, "");
  EXPECT_FALSE(e2.next.has_value());
}

// --- Access tokens ----------------------------------------------------------

domain::AccessToken MakeToken(std::string id, int created, std::string hash) {
  domain::AccessToken t;
  t.id = std::move(id);
  t.display_name = absl::StrCat("Laptop ", t.id);
  t.user_id = "ann";
  t.secret_hash = std::move(hash);
  t.create_time = At(created);
  return t;
}

void ExpectSameToken(const domain::AccessToken& got, const domain::AccessToken& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.display_name, want.display_name);
  EXPECT_EQ(got.user_id, want.user_id);
  EXPECT_EQ(got.secret_hash, want.secret_hash);
  EXPECT_EQ(got.create_time, want.create_time);
  EXPECT_EQ(got.revoke_time, want.revoke_time);
}

TEST_F(RepositoriesTest, AccessTokenRoundTripsByIdAndSecretHashAndRevokes) {
  domain::AccessToken contact = MakeToken("t1", 0, std::string(64, 'a'));
  contact.user_id = "bob";
  domain::AccessToken revoked = MakeToken("t2", 1, std::string(64, 'b'));
  revoked.revoke_time = At(5);
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    absl::Status s = r.access_tokens().Insert(contact);
    s.Update(r.access_tokens().Insert(revoked));
    return s;
  }));
  HC_ASSERT_OK_AND_ASSIGN(auto got,
                          Read([](app::Repositories& r) { return r.access_tokens().Get("t1"); }));
  ExpectSameToken(got, contact);
  HC_ASSERT_OK_AND_ASSIGN(auto by_hash, Read([](app::Repositories& r) {
                            return r.access_tokens().FindBySecretHash(std::string(64, 'b'));
                          }));
  ExpectSameToken(by_hash, revoked);

  HC_ASSERT_OK(
      Write([](app::Repositories& r) { return r.access_tokens().SetRevoked("t1", At(9)); }));
  HC_ASSERT_OK_AND_ASSIGN(got,
                          Read([](app::Repositories& r) { return r.access_tokens().Get("t1"); }));
  EXPECT_EQ(got.revoke_time, At(9));
  // A revoked token is still found by its hash (the caller refuses it).
  HC_ASSERT_OK_AND_ASSIGN(by_hash, Read([](app::Repositories& r) {
                            return r.access_tokens().FindBySecretHash(std::string(64, 'a'));
                          }));
  EXPECT_EQ(by_hash.revoke_time, At(9));
}

TEST_F(RepositoriesTest, AccessTokenErrors) {
  HC_ASSERT_OK(Write(
      [](app::Repositories& r) { return r.access_tokens().Insert(MakeToken("t1", 0, "hash-1")); }));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.access_tokens().Get("t9"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "accessTokens/t9 does not exist"));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.access_tokens().FindBySecretHash("x"); }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Write([](app::Repositories& r) { return r.access_tokens().SetRevoked("t9", At(1)); }),
              StatusIsWith(absl::StatusCode::kNotFound, "accessTokens/t9"));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.access_tokens().Insert(MakeToken("t2", 1, "hash-1"));
              }),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.access_tokens().Insert(MakeToken("t1", 1, "hash-2"));
              }),
              StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(RepositoriesTest, AccessTokenListPagesEveryonesOrOnePersons) {
  HC_ASSERT_OK(Write([](app::Repositories& r) -> absl::Status {
    absl::Status s;
    for (int i = 0; i < 5; ++i) {
      s.Update(r.access_tokens().Insert(
          MakeToken(absl::StrCat("t", 4 - i), i / 2, absl::StrCat("hash-", i))));
    }
    domain::AccessToken other = MakeToken("t9", 0, "hash-9");
    other.user_id = "bob";
    s.Update(r.access_tokens().Insert(other));
    return s;
  }));
  // Times: t4 0, t3 0, t2 1, t1 1, t0 2.
  std::vector<std::string> ids;
  app::PageRequest request{2, std::nullopt};
  for (int page = 0; page < 10; ++page) {
    HC_ASSERT_OK_AND_ASSIGN(auto result, Read([&](app::Repositories& r) {
                              return r.access_tokens().List("ann", request);
                            }));
    for (const auto& t : result.items) ids.push_back(t.id);
    if (!result.next) break;
    request.after = result.next;
  }
  EXPECT_THAT(ids, ElementsAre("t3", "t4", "t1", "t2", "t0"));
  HC_ASSERT_OK_AND_ASSIGN(auto everyone, Read([](app::Repositories& r) {
                            return r.access_tokens().List("", app::PageRequest{50, std::nullopt});
                          }));
  EXPECT_EQ(everyone.items.size(), 6u);
}

// --- People, their links and sessions -------------------------------------------

domain::User MakeUser(std::string id, std::string email, int created) {
  domain::User u;
  u.meta = {id, At(created), At(created), 1};
  u.display_name = absl::StrCat("Person ", id);
  u.email = std::move(email);
  u.role = domain::Role::kPeer;
  u.peer_id = "p1";
  u.password_hash = "$argon2id$stored";
  return u;
}

TEST_F(RepositoriesTest, UsersRoundTripAndEmailsAreUniqueWhateverTheirCase) {
  HC_ASSERT_OK(Write([](app::Repositories& r) -> absl::Status {
    absl::Status s = r.users().Insert(MakeUser("u1", "Ann@Example.org", 0));
    s.Update(r.users().Insert(MakeUser("u2", "", 1)));
    s.Update(r.users().Insert(MakeUser("u3", "", 2)));  // several without an email
    return s;
  }));
  HC_ASSERT_OK_AND_ASSIGN(domain::User got, Read([](app::Repositories& r) {
                            return r.users().FindByEmail("ann@EXAMPLE.org");
                          }));
  EXPECT_EQ(got.meta.id, "u1");
  EXPECT_EQ(got.email, "Ann@Example.org");
  EXPECT_EQ(got.role, domain::Role::kPeer);
  EXPECT_EQ(got.peer_id, "p1");
  EXPECT_EQ(got.state, domain::UserState::kActive);
  EXPECT_EQ(got.password_hash, "$argon2id$stored");
  EXPECT_THAT(Read([](app::Repositories& r) { return r.users().FindByEmail(""); }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.users().Insert(MakeUser("u4", "ANN@example.org", 3));
              }),
              StatusIsWith(absl::StatusCode::kAlreadyExists, "already has an account"));
  domain::User renamed = got;
  renamed.meta.id = "u2";
  EXPECT_THAT(Write([&](app::Repositories& r) { return r.users().Update(renamed); }),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.users().Get("u9"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "users/u9 does not exist"));
  HC_ASSERT_OK_AND_ASSIGN(auto everyone, Read([](app::Repositories& r) {
                            return r.users().List(app::PageRequest{50, std::nullopt});
                          }));
  EXPECT_EQ(everyone.items.size(), 3u);
}

TEST_F(RepositoriesTest, SuspendingThoseBoundToAPeerEndsTheirSessions) {
  domain::Session open;
  open.id = "s1";
  open.user_id = "u1";
  open.secret_hash = "session-hash";
  open.create_time = At(1);
  open.last_active_time = At(1);
  open.client = "Firefox";
  domain::PasswordLink link{"l1", "u1", "link-hash", At(1), At(100), std::nullopt};
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    absl::Status s = r.users().Insert(MakeUser("u1", "ann@example.org", 0));
    s.Update(r.users().InsertSession(open));
    s.Update(r.users().InsertLink(link));
    return s;
  }));
  HC_ASSERT_OK_AND_ASSIGN(domain::Session found, Read([](app::Repositories& r) {
                            return r.users().FindSessionBySecretHash("session-hash");
                          }));
  EXPECT_EQ(found.client, "Firefox");
  EXPECT_FALSE(found.end_time.has_value());
  HC_ASSERT_OK_AND_ASSIGN(domain::PasswordLink got_link, Read([](app::Repositories& r) {
                            return r.users().FindLinkBySecretHash("link-hash");
                          }));
  EXPECT_EQ(got_link.expire_time, At(100));
  int suspended_count = 0;
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    HC_ASSIGN_OR_RETURN(suspended_count, r.users().SuspendAllBoundTo("p1", "", At(5)));
    return absl::OkStatus();
  }));
  EXPECT_EQ(suspended_count, 1);
  HC_ASSERT_OK_AND_ASSIGN(found, Read([](app::Repositories& r) {
                            return r.users().GetSession("s1");
                          }));
  EXPECT_EQ(found.end_time, At(5));
  HC_ASSERT_OK_AND_ASSIGN(domain::User suspended,
                          Read([](app::Repositories& r) { return r.users().Get("u1"); }));
  EXPECT_EQ(suspended.state, domain::UserState::kSuspended);
  HC_ASSERT_OK(Write([](app::Repositories& r) { return r.users().UseLinksOf("u1", At(6)); }));
  HC_ASSERT_OK_AND_ASSIGN(got_link, Read([](app::Repositories& r) {
                            return r.users().FindLinkBySecretHash("link-hash");
                          }));
  EXPECT_EQ(got_link.use_time, At(6));
}

TEST_F(RepositoriesTest, OnlyLiveSessionsAreListedWithIsLivesBounds) {
  const absl::Time now = At(100000);
  const absl::Duration tick = absl::Microseconds(1);
  struct Case {
    const char* id;
    absl::Time create, last_active;
    std::optional<absl::Time> end;
  };
  const std::vector<Case> cases = {
      {"idle-just-over", now - absl::Hours(1), now - domain::kSessionIdle, std::nullopt},
      {"idle-just-under", now - absl::Hours(1), now - domain::kSessionIdle + tick, std::nullopt},
      {"too-old", now - domain::kSessionLifetime, now, std::nullopt},
      {"nearly-too-old", now - domain::kSessionLifetime + tick, now, std::nullopt},
      {"ended", now - absl::Hours(1), now, now - absl::Seconds(1)},
  };
  HC_ASSERT_OK(Write([](app::Repositories& r) {
    return r.users().Insert(MakeUser("u1", "ann@example.org", 0));
  }));
  std::vector<std::string> live;
  for (const Case& c : cases) {
    domain::Session session;
    session.id = c.id;
    session.user_id = "u1";
    session.secret_hash = absl::StrCat("hash-", c.id);
    session.create_time = c.create;
    session.last_active_time = c.last_active;
    HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
      HC_RETURN_IF_ERROR(r.users().InsertSession(session));
      return c.end ? r.users().EndSession(c.id, *c.end) : absl::OkStatus();
    }));
    session.end_time = c.end;
    if (domain::IsLive(session, now)) live.push_back(c.id);
  }
  HC_ASSERT_OK_AND_ASSIGN(auto listed, Read([&](app::Repositories& r) {
                            return r.users().ListLiveSessions("u1", now,
                                                              app::PageRequest{50, std::nullopt});
                          }));
  std::vector<std::string> ids;
  for (const domain::Session& s : listed.items) ids.push_back(s.id);
  EXPECT_THAT(live, ElementsAre("idle-just-under", "nearly-too-old"));
  EXPECT_THAT(ids, UnorderedElementsAreArray(live));
}

// --- Audit and request logs ---------------------------------------------------

TEST_F(RepositoriesTest, AuditLogKeepsRecordsOldestFirstAcrossPages) {
  for (int i = 0; i < 5; ++i) {
    HC_ASSERT_OK(Write([&](app::Repositories& r) {
      return r.audit_log().Append({absl::StrCat("Ann (accessTokens/t", i, ")"), "UpdatePeer",
                                   absl::StrCat("peers/p", i), At(100 - i)});
    }));
  }
  std::vector<domain::AuditRecord> all;
  app::PageRequest request{2, std::nullopt};
  int pages = 0;
  for (; pages < 10; ++pages) {
    HC_ASSERT_OK_AND_ASSIGN(
        auto result, Read([&](app::Repositories& r) { return r.audit_log().List(request); }));
    all.insert(all.end(), result.items.begin(), result.items.end());
    if (!result.next) break;
    request.after = result.next;
  }
  EXPECT_EQ(pages + 1, 3);
  ASSERT_EQ(all.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(all[i].actor, absl::StrCat("Ann (accessTokens/t", i, ")"));
    EXPECT_EQ(all[i].action, "UpdatePeer");
    EXPECT_EQ(all[i].resource, absl::StrCat("peers/p", i));
    EXPECT_EQ(all[i].time, At(100 - i));  // appended order, not time order
  }
}

TEST_F(RepositoriesTest, RequestLogRecordsOncePerScopeAndRequestId) {
  HC_ASSERT_OK_AND_ASSIGN(
      auto missing, Read([](app::Repositories& r) { return r.requests().Find("peers", "req-1"); }));
  EXPECT_FALSE(missing.has_value());
  HC_ASSERT_OK(Write([](app::Repositories& r) {
    return r.requests().Record("peers", "req-1", {"fp-1", "ann"}, At(0));
  }));
  HC_ASSERT_OK_AND_ASSIGN(
      auto found, Read([](app::Repositories& r) { return r.requests().Find("peers", "req-1"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->fingerprint, "fp-1");
  EXPECT_EQ(found->resource_id, "ann");
  // Same id in another scope is a different request.
  HC_ASSERT_OK_AND_ASSIGN(auto other, Read([](app::Repositories& r) {
                            return r.requests().Find("partnerships", "req-1");
                          }));
  EXPECT_FALSE(other.has_value());
  HC_EXPECT_OK(Write([](app::Repositories& r) {
    return r.requests().Record("partnerships", "req-1", {"fp-2", "p1"}, At(1));
  }));
  EXPECT_THAT(Write([](app::Repositories& r) {
                return r.requests().Record("peers", "req-1", {"fp-3", "bob"}, At(2));
              }),
              StatusIs(absl::StatusCode::kAlreadyExists));
  HC_ASSERT_OK_AND_ASSIGN(
      found, Read([](app::Repositories& r) { return r.requests().Find("peers", "req-1"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->resource_id, "ann");
}

// --- Units of work ----------------------------------------------------------

TEST_F(RepositoriesTest, WritesInsideReadFailAndChangeNothing) {
  HC_ASSERT_OK(Write(
      [](app::Repositories& r) { return r.partnerships().Insert(MakePartnership("p1", At(0))); }));
  absl::Status insert, update, remove, audit;
  HC_ASSERT_OK(store_->Read([&](app::Repositories& r) {
    insert = r.partnerships().Insert(MakePartnership("p2", At(1)));
    Partnership changed = MakePartnership("p1", At(0));
    changed.display_name = "Changed";
    update = r.partnerships().Update(changed);
    remove = r.partnerships().Delete("p1");
    audit = r.audit_log().Append({"a", "b", "c", At(0)});
    return absl::OkStatus();
  }));
  // A write through a read-only connection is a bug in the caller: INTERNAL.
  EXPECT_THAT(insert, StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(update, StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(remove, StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(audit, StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.partnerships().Get("p2"); }),
              StatusIs(absl::StatusCode::kNotFound));
  HC_ASSERT_OK_AND_ASSIGN(Partnership p1,
                          Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }));
  ExpectSamePartnership(p1, MakePartnership("p1", At(0)));
  HC_ASSERT_OK_AND_ASSIGN(auto log, Read([](app::Repositories& r) {
                            return r.audit_log().List({10, std::nullopt});
                          }));
  EXPECT_THAT(log.items, IsEmpty());
}

TEST_F(RepositoriesTest, ReadReturnsTheErrorOfItsWork) {
  EXPECT_THAT(store_->Read([](app::Repositories&) { return absl::NotFoundError("gone"); }),
              StatusIsWith(absl::StatusCode::kNotFound, "gone"));
}

TEST_F(RepositoriesTest, FailedWriteKeepsNoneOfItsChanges) {
  EXPECT_THAT(Write([](app::Repositories& r) -> absl::Status {
                absl::Status s = r.partnerships().Insert(MakePartnership("p1", At(0)));
                s.Update(r.peers().Insert(MakePeer("ann", At(0))));
                if (!s.ok()) return s;
                return absl::AbortedError("changed my mind");
              }),
              StatusIsWith(absl::StatusCode::kAborted, "changed my mind"));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.partnerships().Get("p1"); }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.peers().Get("ann"); }),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace hc::storage

namespace hc::storage {
namespace {

domain::ReportVersion MakeReport(int number, domain::ReportState state) {
  domain::ReportVersion v;
  v.meta = {absl::StrCat(number), At(number), At(number), 1};
  v.engagement_id = "e1";
  v.number = number;
  v.state = state;
  v.created_by = "Pete Peer";
  v.created_by_peer_id = "p1";
  v.content_fingerprint = absl::StrCat("fp", number);
  v.html = {std::string("<html>\0x</html>", 15), "h", 15};
  v.pdf = {absl::StrCat("%PDF-", number), "p", 6};
  return v;
}

class ReportRepositoryTest : public RepositoriesTest {
 protected:
  void SetUp() override {
    RepositoriesTest::SetUp();
    HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
      HC_RETURN_IF_ERROR(r.partnerships().Insert(MakePartnership("pa", At(0))));
      return r.engagements().Insert(MakeEngagement("e1", "pa", At(0)));
    }));
  }
};

TEST_F(ReportRepositoryTest, KeepsBothRenderingsAsBytesAndListsWithoutThem) {
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    HC_RETURN_IF_ERROR(r.reports().Insert(MakeReport(1, domain::ReportState::kPublished)));
    return r.reports().Insert(MakeReport(2, domain::ReportState::kDraft));
  }));
  auto one = Read([](app::Repositories& r) { return r.reports().Get("e1", 1); });
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->html.bytes, std::string("<html>\0x</html>", 15));  // a BLOB, NUL and all
  EXPECT_EQ(one->pdf.bytes, "%PDF-1");
  EXPECT_EQ(one->state, domain::ReportState::kPublished);
  auto all = Read([](app::Repositories& r) { return r.reports().ListAll("e1"); });
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_TRUE((*all)[0].pdf.bytes.empty());
  EXPECT_EQ((*all)[1].pdf.size, 6);
  EXPECT_THAT(Read([](app::Repositories& r) { return r.reports().LastNumber("e1"); }),
              IsOkAndHolds(2));
  EXPECT_THAT(AllPages([](app::Repositories& r,
                          const app::PageRequest& p) { return r.reports().List("e1", p); },
                       1),
              ElementsAre("1", "2"));
  EXPECT_THAT(Read([](app::Repositories& r) { return r.reports().Get("e1", 3); }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Write([&](app::Repositories& r) {
                return r.reports().Insert(MakeReport(2, domain::ReportState::kDraft));
              }),
              StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(ReportRepositoryTest, APublishedVersionOnlyMovesToSuperseded) {
  HC_ASSERT_OK(Write([&](app::Repositories& r) {
    return r.reports().Insert(MakeReport(1, domain::ReportState::kPublished));
  }));
  // The trigger's refusal: the app never asks for it, so it is a defect.
  const auto kRefused = StatusIsWith(absl::StatusCode::kInternal, "kept as published");
  domain::ReportVersion changed = MakeReport(1, domain::ReportState::kPublished);
  changed.pdf.bytes = "%PDF-forged";
  EXPECT_THAT(Write([&](app::Repositories& r) { return r.reports().Update(changed); }),
              kRefused);
  changed = MakeReport(1, domain::ReportState::kDraft);
  EXPECT_THAT(Write([&](app::Repositories& r) { return r.reports().Update(changed); }),
              kRefused);
  changed = MakeReport(1, domain::ReportState::kSuperseded);
  changed.meta.version = 2;
  HC_EXPECT_OK(Write([&](app::Repositories& r) { return r.reports().Update(changed); }));
  changed.state = domain::ReportState::kPublished;
  EXPECT_THAT(Write([&](app::Repositories& r) { return r.reports().Update(changed); }),
              kRefused);
  auto kept = Read([](app::Repositories& r) { return r.reports().Get("e1", 1); });
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->pdf.bytes, "%PDF-1");
  EXPECT_EQ(kept->state, domain::ReportState::kSuperseded);
}

TEST_F(ReportRepositoryTest, CommentsAreListedInTimeOrderAndCounted) {
  HC_ASSERT_OK(Write([&](app::Repositories& r) -> absl::Status {
    HC_RETURN_IF_ERROR(r.reports().Insert(MakeReport(1, domain::ReportState::kTeamReview)));
    for (int i : {3, 1, 2}) {
      domain::ReportComment c{absl::StrCat("c", i), "e1", 1, absl::StrCat("text ", i),
                              "4 Findings", "Pete Peer", "Peer", i == 2, At(i)};
      HC_RETURN_IF_ERROR(r.reports().InsertComment(c));
    }
    return absl::OkStatus();
  }));
  std::vector<std::string> ids;
  app::PageRequest page{2, std::nullopt};
  for (;;) {
    auto listed =
        Read([&](app::Repositories& r) { return r.reports().ListComments("e1", 1, false, page); });
    ASSERT_TRUE(listed.ok());
    for (const auto& c : listed->items) ids.push_back(c.id);
    if (!listed->next) break;
    page.after = listed->next;
  }
  EXPECT_THAT(ids, ElementsAre("c1", "c2", "c3"));
  auto partnership = Read([](app::Repositories& r) {
    return r.reports().ListComments("e1", 1, true, {10, std::nullopt});
  });
  ASSERT_TRUE(partnership.ok());
  ASSERT_EQ(partnership->items.size(), 1u);
  EXPECT_EQ(partnership->items[0].id, "c2");
  auto version = Read([](app::Repositories& r) { return r.reports().Get("e1", 1); });
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->comment_count, 3);
  EXPECT_EQ(version->partnership_comment_count, 1);
  EXPECT_THAT(Read([](app::Repositories& r) { return r.reports().GetComment("e1", 1, "c9"); }),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace hc::storage
