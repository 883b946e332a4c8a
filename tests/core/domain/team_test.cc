// Team rules of core/domain/team.h: conflicts of interest, accreditation,
// roles, and how far a team covers the partnership's sectors.

#include "core/domain/team.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr absl::CivilDay kToday(2024, 2, 1);
constexpr absl::CivilDay kDay1(2024, 4, 8);
constexpr absl::CivilDay kDay2(2024, 4, 9);
constexpr absl::CivilDay kDay3(2024, 4, 10);

Partnership MakePartnership() {
  Partnership p;
  p.meta.id = "p1";
  p.display_name = "Northshire Community Safety Partnership";
  p.kind = PartnershipKind::kCsp;
  p.members = {{"Northshire County Council", Sector::kLocalGovernment},
               {"Northshire Police", Sector::kPolice},
               {"Northshire NHS Trust", Sector::kHealth},
               {"Northshire District Council", Sector::kLocalGovernment}};
  return p;
}

Peer AccreditedPeer(std::string id, std::string organisation, Sector sector) {
  Peer peer;
  peer.meta.id = std::move(id);
  peer.display_name = absl::StrCat("Peer ", peer.meta.id);
  peer.email = absl::StrCat(peer.meta.id, "@example.org");
  peer.home_organisation = std::move(organisation);
  peer.home_sector = sector;
  peer.accredited_date = absl::CivilDay(2023, 1, 1);
  peer.accreditation_expiry_date = absl::CivilDay(2025, 12, 31);
  return peer;
}

Engagement MakeEngagement(bool with_fieldwork_dates) {
  Engagement e;
  e.meta.id = "e1";
  e.partnership_id = "p1";
  e.purpose = Purpose::kDevelopmental;
  e.stage = Stage::kScoping;
  if (with_fieldwork_dates) {
    e.key_dates.fieldwork_day1 = kDay1;
    e.key_dates.fieldwork_day2 = kDay2;
    e.key_dates.fieldwork_day3 = kDay3;
  }
  return e;
}

constexpr TeamRole kAllRoles[] = {TeamRole::kLeadPeer, TeamRole::kPeer, TeamRole::kShadow};
constexpr TeamRole kFullRoles[] = {TeamRole::kLeadPeer, TeamRole::kPeer};

std::string RoleParamName(const ::testing::TestParamInfo<TeamRole>& info) {
  return std::string(TeamRoleName(info.param));
}

// --- Conflict of interest -------------------------------------------------

class ConflictTest : public ::testing::TestWithParam<TeamRole> {};

TEST_P(ConflictTest, PeerFromMemberOrganisationIsFailedPreconditionNamingIt) {
  const Partnership partnership = MakePartnership();
  const Engagement engagement = MakeEngagement(true);
  // Same organisation, different case and spacing.
  const Peer peer = AccreditedPeer("p9", "  northshire   POLICE ", Sector::kPolice);
  absl::Status s = CheckCanJoinTeam(engagement, partnership, peer, GetParam(), kToday);
  EXPECT_THAT(s, StatusIsWith(absl::StatusCode::kFailedPrecondition, "conflict of interest"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"  northshire   POLICE \""));
  EXPECT_THAT(std::string(s.message()), HasSubstr("Northshire Community Safety Partnership"));
}

INSTANTIATE_TEST_SUITE_P(Team, ConflictTest, ::testing::ValuesIn(kAllRoles), RoleParamName);

TEST(Team, CheckNoConflictComparesNamesCaseAndSpaceInsensitively) {
  const Partnership partnership = MakePartnership();
  EXPECT_THAT(
      CheckNoConflict(partnership, AccreditedPeer("a", "NORTHSHIRE NHS TRUST", Sector::kHealth)),
      StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(
      CheckNoConflict(partnership, AccreditedPeer("b", "Northshire\tNHS  Trust", Sector::kHealth)),
      StatusIs(absl::StatusCode::kFailedPrecondition));
  // A similar but different organisation is no conflict.
  EXPECT_THAT(
      CheckNoConflict(partnership, AccreditedPeer("c", "Northshire NHS Trusts", Sector::kHealth)),
      IsOk());
  EXPECT_THAT(
      CheckNoConflict(partnership, AccreditedPeer("d", "Southshire Police", Sector::kPolice)),
      IsOk());
}

TEST(Team, CheckNoConflictSeesThroughUnicodeLookalikes) {
  const Partnership partnership = MakePartnership();
  for (const char* disguised : {"Northshire\xC2\xA0NHS Trust",        // no-break space
                                "Northshire NHS\xE2\x80\x8B Trust",    // zero-width space
                                "N\xD0\xBErthshire NHS Trust",          // Cyrillic o
                                "Northshire NHS Trust."}) {            // trailing full stop
    EXPECT_THAT(CheckNoConflict(partnership, AccreditedPeer("a", disguised, Sector::kHealth)),
                StatusIs(absl::StatusCode::kFailedPrecondition))
        << disguised;
  }
}

// --- Accreditation --------------------------------------------------------

struct AccreditationCase {
  const char* name;
  std::optional<absl::CivilDay> accredited;
  std::optional<absl::CivilDay> expiry;
  const char* why;  // the fragment of the message that says why
};

const AccreditationCase kUnaccredited[] = {
    {"ExpiredBeforeDay3", absl::CivilDay(2023, 1, 1), kDay2,
     "accreditation expires on 2024-04-09, before 2024-04-10"},
    {"NotYetAccreditedOnDay1", kDay2, absl::CivilDay(2026, 1, 1),
     "is accredited only from 2024-04-09, after 2024-04-08"},
    {"NeverAccredited", std::nullopt, std::nullopt, "is not accredited"},
};

struct RoleAndAccreditation {
  TeamRole role;
  AccreditationCase accreditation;
};

std::vector<RoleAndAccreditation> FullRoleAccreditationCases() {
  std::vector<RoleAndAccreditation> cases;
  for (TeamRole role : kFullRoles) {
    for (const AccreditationCase& c : kUnaccredited) cases.push_back({role, c});
  }
  return cases;
}

class UnaccreditedFullMemberTest : public ::testing::TestWithParam<RoleAndAccreditation> {};

TEST_P(UnaccreditedFullMemberTest, IsFailedPreconditionSayingWhyAndSuggestingShadow) {
  const RoleAndAccreditation& c = GetParam();
  Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  peer.accredited_date = c.accreditation.accredited;
  peer.accreditation_expiry_date = c.accreditation.expiry;
  absl::Status s = CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer, c.role, kToday);
  EXPECT_THAT(s, StatusIsWith(absl::StatusCode::kFailedPrecondition, c.accreditation.why));
  EXPECT_THAT(std::string(s.message()), HasSubstr("Peer p9 (Westshire Council)"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("add them as a shadow instead"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("fieldwork (2024-04-08 to 2024-04-10)"));
}

TEST_P(UnaccreditedFullMemberTest, SamePeerIsAcceptedAsShadow) {
  const RoleAndAccreditation& c = GetParam();
  Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  peer.accredited_date = c.accreditation.accredited;
  peer.accreditation_expiry_date = c.accreditation.expiry;
  EXPECT_THAT(
      CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer, TeamRole::kShadow, kToday),
      IsOk());
}

INSTANTIATE_TEST_SUITE_P(Team, UnaccreditedFullMemberTest,
                         ::testing::ValuesIn(FullRoleAccreditationCases()),
                         [](const ::testing::TestParamInfo<RoleAndAccreditation>& tp) {
                           return absl::StrCat(TeamRoleName(tp.param.role), "_",
                                               tp.param.accreditation.name);
                         });

class AccreditedFullMemberTest : public ::testing::TestWithParam<TeamRole> {};

TEST_P(AccreditedFullMemberTest, AccreditedThroughFieldworkIsAccepted) {
  Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  peer.accredited_date = kDay1;
  peer.accreditation_expiry_date = kDay3;  // exactly the three days
  EXPECT_THAT(CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer, GetParam(), kToday),
              IsOk());
}

INSTANTIATE_TEST_SUITE_P(Team, AccreditedFullMemberTest, ::testing::ValuesIn(kFullRoles),
                         RoleParamName);

TEST(Team, AccreditationIsCheckedAgainstFieldworkDaysNotTodayWhenSet) {
  Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  // Valid today, expired by day 3.
  peer.accredited_date = absl::CivilDay(2023, 1, 1);
  peer.accreditation_expiry_date = kToday + 10;
  EXPECT_THAT(
      CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer, TeamRole::kPeer, kToday),
      StatusIsWith(absl::StatusCode::kFailedPrecondition, "expires on 2024-02-11"));
  // Not yet accredited today, accredited through fieldwork.
  peer.accredited_date = kToday + 10;
  peer.accreditation_expiry_date = absl::CivilDay(2025, 1, 1);
  EXPECT_THAT(
      CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer, TeamRole::kPeer, kToday),
      IsOk());
}

TEST(Team, AccreditationIsCheckedAgainstTodayWhenNoFieldworkDates) {
  Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  peer.accredited_date = absl::CivilDay(2023, 1, 1);
  peer.accreditation_expiry_date = kToday - 1;
  absl::Status s =
      CheckCanJoinTeam(MakeEngagement(false), MakePartnership(), peer, TeamRole::kLeadPeer, kToday);
  EXPECT_THAT(s, StatusIsWith(absl::StatusCode::kFailedPrecondition,
                              "expires on 2024-01-31, before 2024-02-01"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("today (no fieldwork dates are set yet)"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("shadow"));

  peer.accreditation_expiry_date = kToday;
  EXPECT_THAT(
      CheckCanJoinTeam(MakeEngagement(false), MakePartnership(), peer, TeamRole::kLeadPeer, kToday),
      IsOk());
}

// --- Roles and membership -----------------------------------------------------

TEST(Team, SecondLeadPeerIsFailedPrecondition) {
  Engagement engagement = MakeEngagement(true);
  engagement.team = {{"lead", TeamRole::kLeadPeer}};
  const Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  EXPECT_THAT(CheckCanJoinTeam(engagement, MakePartnership(), peer, TeamRole::kLeadPeer, kToday),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "the team already has a lead peer"));
  // As a peer they may join.
  EXPECT_THAT(CheckCanJoinTeam(engagement, MakePartnership(), peer, TeamRole::kPeer, kToday),
              IsOk());
}

class AlreadyOnTeamTest : public ::testing::TestWithParam<TeamRole> {};

TEST_P(AlreadyOnTeamTest, PeerAlreadyOnTeamIsAlreadyExistsWhateverTheRole) {
  Engagement engagement = MakeEngagement(true);
  engagement.team = {{"p9", TeamRole::kShadow}};
  const Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  EXPECT_THAT(CheckCanJoinTeam(engagement, MakePartnership(), peer, GetParam(), kToday),
              StatusIsWith(absl::StatusCode::kAlreadyExists,
                           "Peer p9 (Westshire Council) is already on the team"));
}

INSTANTIATE_TEST_SUITE_P(Team, AlreadyOnTeamTest, ::testing::ValuesIn(kAllRoles), RoleParamName);

TEST(Team, UnspecifiedRoleIsInvalidArgument) {
  const Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  EXPECT_THAT(CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer,
                               TeamRole::kUnspecified, kToday),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "role is required"));
  EXPECT_THAT(CheckCanJoinTeam(MakeEngagement(true), MakePartnership(), peer,
                               static_cast<TeamRole>(42), kToday),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

class EndedEngagementTest : public ::testing::TestWithParam<Stage> {};

TEST_P(EndedEngagementTest, TeamChangeIsFailedPrecondition) {
  Engagement engagement = MakeEngagement(true);
  engagement.stage = GetParam();
  const Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  for (TeamRole role : kAllRoles) {
    EXPECT_THAT(CheckCanJoinTeam(engagement, MakePartnership(), peer, role, kToday),
                StatusIsWith(absl::StatusCode::kFailedPrecondition,
                             absl::StrCat("engagements/e1 is ", StageName(GetParam()),
                                          " and its team can no longer change")))
        << TeamRoleName(role);
  }
}

INSTANTIATE_TEST_SUITE_P(Team, EndedEngagementTest,
                         ::testing::Values(Stage::kClosed, Stage::kCancelled),
                         [](const ::testing::TestParamInfo<Stage>& tp) {
                           return std::string(StageName(tp.param));
                         });

TEST(Team, TeamCanChangeInEveryStageBeforeClosed) {
  const Peer peer = AccreditedPeer("p9", "Westshire Council", Sector::kLocalGovernment);
  for (Stage stage :
       {Stage::kScoping, Stage::kDeskResearch, Stage::kQuestionnaire, Stage::kFieldwork,
        Stage::kInitialFeedback, Stage::kReport, Stage::kImprovementPlan, Stage::kFollowUp}) {
    Engagement engagement = MakeEngagement(true);
    engagement.stage = stage;
    EXPECT_THAT(CheckCanJoinTeam(engagement, MakePartnership(), peer, TeamRole::kPeer, kToday),
                IsOk())
        << StageName(stage);
  }
}

// --- Coverage -----------------------------------------------------------------

TEST(Team, CoverageReportsCoveredAndMissingSectorsWithOneWarningEach) {
  const Partnership partnership = MakePartnership();  // local government, police, health
  Engagement engagement = MakeEngagement(true);
  engagement.team = {{"lead", TeamRole::kLeadPeer}, {"shadow", TeamRole::kShadow}};
  const std::vector<Peer> peers = {
      AccreditedPeer("shadow", "Westshire Police", Sector::kPolice),
      AccreditedPeer("lead", "Westshire Council", Sector::kLocalGovernment),
  };
  TeamCoverage coverage = ComputeTeamCoverage(partnership, engagement, peers);
  EXPECT_THAT(coverage.partnership_sectors,
              ElementsAre(Sector::kLocalGovernment, Sector::kHealth, Sector::kPolice));
  EXPECT_THAT(coverage.covered_sectors, ElementsAre(Sector::kLocalGovernment));
  // The shadow's police sector does not count.
  EXPECT_THAT(coverage.missing_sectors, ElementsAre(Sector::kHealth, Sector::kPolice));
  ASSERT_EQ(coverage.warnings.size(), 2u);
  EXPECT_THAT(coverage.warnings[0], HasSubstr("health sector"));
  EXPECT_THAT(coverage.warnings[1], HasSubstr("police sector"));
}

TEST(Team, FullCoverageHasNoWarnings) {
  Engagement engagement = MakeEngagement(true);
  engagement.team = {{"a", TeamRole::kLeadPeer}, {"b", TeamRole::kPeer}, {"c", TeamRole::kPeer}};
  const std::vector<Peer> peers = {
      AccreditedPeer("a", "Westshire Council", Sector::kLocalGovernment),
      AccreditedPeer("b", "Westshire Police", Sector::kPolice),
      AccreditedPeer("c", "Westshire NHS Trust", Sector::kHealth),
      AccreditedPeer("unused", "Westshire Fire", Sector::kFireAndRescue),
  };
  TeamCoverage coverage = ComputeTeamCoverage(MakePartnership(), engagement, peers);
  EXPECT_THAT(coverage.covered_sectors,
              ElementsAre(Sector::kLocalGovernment, Sector::kHealth, Sector::kPolice));
  EXPECT_THAT(coverage.missing_sectors, IsEmpty());
  EXPECT_THAT(coverage.warnings, IsEmpty());
}

TEST(Team, EmptyTeamMissesEverySectorAndPeersNotOnTeamDoNotCount) {
  const Engagement engagement = MakeEngagement(true);
  const std::vector<Peer> peers = {
      AccreditedPeer("a", "Westshire Council", Sector::kLocalGovernment)};
  TeamCoverage coverage = ComputeTeamCoverage(MakePartnership(), engagement, peers);
  EXPECT_THAT(coverage.covered_sectors, IsEmpty());
  EXPECT_THAT(coverage.missing_sectors,
              ElementsAre(Sector::kLocalGovernment, Sector::kHealth, Sector::kPolice));
  EXPECT_EQ(coverage.warnings.size(), 3u);
}

TEST(Team, FindPeerFindsByIdOrReturnsNull) {
  const std::vector<Peer> peers = {AccreditedPeer("a", "X", Sector::kHealth),
                                   AccreditedPeer("b", "Y", Sector::kPolice)};
  ASSERT_NE(FindPeer(peers, "b"), nullptr);
  EXPECT_EQ(FindPeer(peers, "b")->home_organisation, "Y");
  EXPECT_EQ(FindPeer(peers, "c"), nullptr);
}

}  // namespace
}  // namespace hc::domain
