// Disclosure control of core/domain/disclosure.h: k, primary and
// complementary suppression, nested and crossed dimensions, and attackers
// who add and subtract every figure shown.

#include "core/domain/disclosure.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// ---------------------------------------------------------------------------
// Helpers.

// Groups "g0", "g1", ... with `counts`.
std::vector<GroupCount> Groups(const std::vector<int>& counts) {
  std::vector<GroupCount> groups;
  for (size_t i = 0; i < counts.size(); ++i) groups.push_back({absl::StrCat("g", i), counts[i]});
  return groups;
}

std::vector<std::string> ReleasedKeys(const std::vector<ReleaseDecision>& decisions) {
  std::vector<std::string> keys;
  for (const ReleaseDecision& d : decisions) {
    if (d.released) keys.push_back(d.key);
  }
  return keys;
}

std::vector<Withholding> Causes(const std::vector<ReleaseDecision>& decisions) {
  std::vector<Withholding> causes;
  for (const ReleaseDecision& d : decisions) causes.push_back(d.why);
  return causes;
}

int Total(const std::vector<GroupCount>& groups) {
  int total = 0;
  for (const GroupCount& g : groups) total += g.count;
  return total;
}

// What a reader works out as the total minus every shown group: the
// withheld groups' pool.
int Pool(const std::vector<GroupCount>& groups, const std::vector<ReleaseDecision>& decisions) {
  int pool = Total(groups);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (decisions[i].released) pool -= groups[i].count;
  }
  return pool;
}

int WithheldCount(const std::vector<ReleaseDecision>& decisions) {
  return static_cast<int>(
      std::count_if(decisions.begin(), decisions.end(),
                    [](const ReleaseDecision& d) { return !d.released; }));
}

constexpr Withholding kNone = Withholding::kNone;
constexpr Withholding kTooFew = Withholding::kTooFewRespondents;
constexpr Withholding kComplement = Withholding::kComplementary;

// The attacker of DOMAIN.md: adds and subtracts shown figures at will. The
// figures are additive, so the sets of respondents they can describe are
// those whose indicator vector (over the "atoms": groups, or cells) lies in
// the linear span of the shown sets' indicators. Rational span, so stronger
// than integer sums and differences. Kept in reduced row echelon form.
class Derivations {
 public:
  explicit Derivations(size_t atoms) : atoms_(atoms) {}

  void Show(uint32_t mask) {
    std::vector<double> v = Vector(mask);
    Reduce(v);
    size_t pivot = 0;
    while (pivot < atoms_ && std::fabs(v[pivot]) < kEps) ++pivot;
    if (pivot == atoms_) return;  // already derivable
    const double scale = v[pivot];
    for (double& x : v) x /= scale;
    for (std::vector<double>& row : rows_) {
      const double f = row[pivot];
      if (std::fabs(f) < kEps) continue;
      for (size_t j = 0; j < atoms_; ++j) row[j] -= f * v[j];
    }
    rows_.push_back(std::move(v));
    pivots_.push_back(pivot);
  }

  bool Derivable(uint32_t mask) const {
    std::vector<double> v = Vector(mask);
    Reduce(v);
    return std::all_of(v.begin(), v.end(), [](double x) { return std::fabs(x) < kEps; });
  }

 private:
  static constexpr double kEps = 1e-9;

  std::vector<double> Vector(uint32_t mask) const {
    std::vector<double> v(atoms_);
    for (size_t j = 0; j < atoms_; ++j) v[j] = (mask >> j) & 1u ? 1.0 : 0.0;
    return v;
  }

  void Reduce(std::vector<double>& v) const {
    for (size_t r = 0; r < rows_.size(); ++r) {
      const double f = v[pivots_[r]];
      if (std::fabs(f) < kEps) continue;
      for (size_t j = 0; j < atoms_; ++j) v[j] -= f * rows_[r][j];
    }
  }

  size_t atoms_;
  std::vector<std::vector<double>> rows_;
  std::vector<size_t> pivots_;
};

uint32_t Bit(size_t i) { return uint32_t{1} << i; }

// Every non-empty set of atoms a reader can derive from the `shown` sets
// that holds fewer than `k` respondents (counts per atom in `counts`).
std::vector<std::string> SmallDerivableSets(const std::vector<int>& counts,
                                            const std::vector<uint32_t>& shown, int k) {
  Derivations derivations(counts.size());
  for (uint32_t mask : shown) derivations.Show(mask);
  std::vector<std::string> small;
  const uint32_t all = Bit(counts.size()) - 1;
  for (uint32_t mask = 1; mask <= all; ++mask) {
    int respondents = 0;
    for (size_t j = 0; j < counts.size(); ++j) {
      if (mask & Bit(j)) respondents += counts[j];
    }
    if (respondents < k && derivations.Derivable(mask)) {
      small.push_back(absl::StrCat(std::bitset<32>(mask).to_string().substr(32 - counts.size()),
                                   " holds ", respondents));
    }
  }
  return small;
}

// The sets one dimension shows: the total (if it may be shown) and each
// released group, over the groups as atoms.
std::vector<uint32_t> ShownSets(const std::vector<GroupCount>& groups,
                                const std::vector<ReleaseDecision>& decisions, int k) {
  std::vector<uint32_t> shown;
  if (TotalReleasable(Total(groups), k)) shown.push_back(Bit(groups.size()) - 1);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (decisions[i].released) shown.push_back(Bit(i));
  }
  return shown;
}

constexpr int kKs[] = {3, 4, 5, 6, 10};

// Random counts, half the time from 0 to 2k so that small groups are common.
int RandomCount(std::mt19937& rng, int k, int max) {
  if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) {
    return std::uniform_int_distribution<int>(0, 2 * k)(rng);
  }
  return std::uniform_int_distribution<int>(0, max)(rng);
}

int RandomK(std::mt19937& rng) {
  return kKs[std::uniform_int_distribution<size_t>(0, std::size(kKs) - 1)(rng)];
}

// ---------------------------------------------------------------------------
// k.

TEST(DisclosureMinGroupSize, TwoIsInvalidArgument) {
  EXPECT_THAT(ValidateMinGroupSize(2), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                                    "min_group_size 2 is below 3"));
  EXPECT_THAT(ValidateMinGroupSize(0), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateMinGroupSize(-5), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(DisclosureMinGroupSize, ThreeFiveAndAThousandAreAccepted) {
  EXPECT_THAT(ValidateMinGroupSize(3), IsOk());
  EXPECT_THAT(ValidateMinGroupSize(5), IsOk());
  EXPECT_THAT(ValidateMinGroupSize(1000), IsOk());
}

TEST(DisclosureMinGroupSize, AboveAThousandIsInvalidArgument) {
  EXPECT_THAT(ValidateMinGroupSize(1001), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                                       "min_group_size 1001 is above 1000"));
}

TEST(DisclosureMinGroupSize, DefaultIsFiveAndFloorIsThree) {
  EXPECT_EQ(kDefaultMinGroupSize, 5);
  EXPECT_EQ(kLowestMinGroupSize, 3);
  EXPECT_THAT(ValidateMinGroupSize(kDefaultMinGroupSize), IsOk());
}

TEST(DisclosureMinGroupSize, KBelowTheFloorIsReadAsThree) {
  EXPECT_FALSE(TotalReleasable(2, 2));
  EXPECT_TRUE(TotalReleasable(3, 2));
  const std::vector<ReleaseDecision> d = DecideReleases(Groups({2, 2, 9}), 2);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kTooFew, kNone));
  EXPECT_THAT(d[0].reason, HasSubstr("fewer than 3 respondents"));
}

// ---------------------------------------------------------------------------
// The total.

TEST(DisclosureTotal, TotalIsShownFromKRespondents) {
  for (int k : {3, 5}) {
    SCOPED_TRACE(absl::StrCat("k = ", k));
    EXPECT_FALSE(TotalReleasable(k - 1, k));
    EXPECT_TRUE(TotalReleasable(k, k));
    EXPECT_FALSE(TotalReleasable(0, k));
  }
}

TEST(DisclosureTotal, TotalBelowKWithholdsEveryGroupAndTheTotal) {
  const std::vector<GroupCount> groups = Groups({1, 2, 1});
  EXPECT_FALSE(TotalReleasable(Total(groups), 5));
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kTooFew, kTooFew));
  EXPECT_THAT(ReleasedKeys(d), IsEmpty());
}

TEST(DisclosureTotal, SingleGroupThatIsTheWholeTotalIsShownExactlyWithTheTotal) {
  EXPECT_THAT(Causes(DecideReleases(Groups({7}), 5)), ElementsAre(kNone));
  EXPECT_TRUE(TotalReleasable(7, 5));
  EXPECT_THAT(Causes(DecideReleases(Groups({4}), 5)), ElementsAre(kTooFew));
  EXPECT_FALSE(TotalReleasable(4, 5));
}

TEST(DisclosureTotal, SmallGroupsAddingUpToKAreAllWithheldUnderAShownTotal) {
  const std::vector<GroupCount> groups = Groups({2, 2, 2});
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  EXPECT_TRUE(TotalReleasable(Total(groups), 5));
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kTooFew, kTooFew));
  EXPECT_EQ(Pool(groups, d), 6);
}

// ---------------------------------------------------------------------------
// Primary suppression.

TEST(DisclosurePrimary, GroupOfKIsShown) {
  for (int k : {3, 5}) {
    SCOPED_TRACE(absl::StrCat("k = ", k));
    const std::vector<ReleaseDecision> d = DecideReleases(Groups({k, k, k + 1}), k);
    EXPECT_THAT(Causes(d), ElementsAre(kNone, kNone, kNone));
    EXPECT_THAT(ReleasedKeys(d), ElementsAre("g0", "g1", "g2"));
  }
}

TEST(DisclosurePrimary, GroupOfKMinusOneIsWithheld) {
  for (int k : {3, 5}) {
    SCOPED_TRACE(absl::StrCat("k = ", k));
    const std::vector<GroupCount> groups = Groups({k - 1, k - 1, 3 * k});
    const std::vector<ReleaseDecision> d = DecideReleases(groups, k);
    EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kTooFew, kNone));
    EXPECT_EQ(Pool(groups, d), 2 * k - 2);  // two groups, >= k together: no complement
  }
}

TEST(DisclosurePrimary, GroupWithNoRespondentsIsWithheldAndCovered) {
  const std::vector<GroupCount> groups = {{"none", 0}, {"b", 10}, {"c", 12}};
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kComplement, kNone));
  EXPECT_EQ(Pool(groups, d), 10);  // "none" cannot be seen to be empty
}

TEST(DisclosurePrimary, NegativeCountIsReadAsZero) {
  EXPECT_THAT(Causes(DecideReleases(Groups({-3, 10, 12}), 5)),
              ElementsAre(kTooFew, kComplement, kNone));
}

TEST(DisclosurePrimary, EmptyDimensionGivesNoDecisions) {
  EXPECT_THAT(DecideReleases({}, 5), IsEmpty());
}

TEST(DisclosurePrimary, DecisionsKeepInputOrderAndKeys) {
  const std::vector<GroupCount> groups = {{"zeta", 9}, {"alpha", 1}, {"mid", 2}, {"beta", 30}};
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].key, "zeta");
  EXPECT_EQ(d[1].key, "alpha");
  EXPECT_EQ(d[2].key, "mid");
  EXPECT_EQ(d[3].key, "beta");
}

TEST(DisclosurePrimary, EveryWithheldGroupCarriesTheSameReasonAndShownOnesNone) {
  const std::vector<ReleaseDecision> d = DecideReleases(Groups({3, 6, 9}), 5);
  ASSERT_THAT(Causes(d), ElementsAre(kTooFew, kComplement, kNone));
  EXPECT_EQ(d[0].reason, WithheldReason(5));
  EXPECT_EQ(d[1].reason, d[0].reason);  // not telling which one is small
  EXPECT_THAT(d[0].reason, HasSubstr("fewer than 5 respondents"));
  EXPECT_THAT(d[2].reason, IsEmpty());
}

// ---------------------------------------------------------------------------
// Complementary suppression.

TEST(DisclosureComplement, IssueCaseOrganisationOfThreeIsWithheldWithAnotherOne) {
  const std::vector<GroupCount> organisations = {
      {"council", 12}, {"police", 3}, {"health", 8}, {"fire", 20}, {"college", 6}};
  const std::vector<ReleaseDecision> d = DecideReleases(organisations, 5);
  EXPECT_THAT(Causes(d), ElementsAre(kNone, kTooFew, kNone, kNone, kComplement));
  EXPECT_THAT(ReleasedKeys(d), ElementsAre("council", "health", "fire"));
  EXPECT_EQ(WithheldCount(d), 2);
  EXPECT_GE(Pool(organisations, d), 5);
  EXPECT_EQ(Pool(organisations, d), 9);
}

TEST(DisclosureComplement, LoneWithheldGroupWithholdsTheSmallestShownGroup) {
  const std::vector<GroupCount> groups = Groups({2, 30, 4, 7});
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 3);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kNone, kComplement, kNone));
  EXPECT_EQ(Pool(groups, d), 6);
}

TEST(DisclosureComplement, TieForSmallestWithholdsTheEarliest) {
  EXPECT_THAT(Causes(DecideReleases(Groups({9, 1, 6, 6}), 5)),
              ElementsAre(kNone, kTooFew, kComplement, kNone));
}

TEST(DisclosureComplement, SmallGroupsHoldingKTogetherNeedNoComplement) {
  EXPECT_THAT(Causes(DecideReleases(Groups({3, 4, 10}), 5)), ElementsAre(kTooFew, kTooFew, kNone));
}

TEST(DisclosureComplement, SmallGroupsHoldingFewerThanKTogetherNeedOneComplement) {
  const std::vector<GroupCount> groups = Groups({1, 2, 10, 7});
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kTooFew, kNone, kComplement));
  EXPECT_EQ(Pool(groups, d), 10);
}

TEST(DisclosureComplement, OneComplementSufficesForManyTinyGroups) {
  const std::vector<ReleaseDecision> d = DecideReleases(Groups({0, 0, 0, 1, 60, 50}), 5);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kTooFew, kTooFew, kTooFew, kNone, kComplement));
}

TEST(DisclosureComplement, TwoGroupsOneSmallAreBothWithheldUnderTheTotal) {
  const std::vector<GroupCount> groups = Groups({2, 40});
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  EXPECT_THAT(Causes(d), ElementsAre(kTooFew, kComplement));
  EXPECT_TRUE(TotalReleasable(42, 5));
  EXPECT_EQ(Pool(groups, d), 42);
}

// ---------------------------------------------------------------------------
// Attackers.

const std::vector<std::vector<int>> kHandCases = {
    {12, 3, 8, 20, 6}, {2, 30, 4, 7}, {0, 10, 12}, {1, 2, 10, 7}, {3, 4, 10}, {2, 40},
    {5, 5, 4},         {4, 5, 5},     {2, 2, 2},   {7},           {1, 1, 1, 1, 1, 5, 6},
    {0, 0, 5},         {0, 5, 5, 5},  {4, 4},      {9, 1, 6, 6}};

// A reader subtracts any set of shown groups from the total: each result is
// the figure of the withheld groups plus the shown groups not subtracted.
void ExpectSubtractionIsolatesNothing(const std::vector<GroupCount>& groups, int k) {
  const std::vector<ReleaseDecision> d = DecideReleases(groups, k);
  if (!TotalReleasable(Total(groups), k)) {
    EXPECT_THAT(ReleasedKeys(d), IsEmpty());  // nothing to subtract from
    return;
  }
  std::vector<int> shown;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (d[i].released) shown.push_back(groups[i].count);
  }
  const int withheld_groups = WithheldCount(d);
  for (uint32_t subset = 0; subset < Bit(shown.size()); ++subset) {
    int derived = Total(groups);
    for (size_t j = 0; j < shown.size(); ++j) {
      if (subset & Bit(j)) derived -= shown[j];
    }
    // Either nothing of the withheld groups is in it, or it holds >= k.
    EXPECT_TRUE(derived == 0 || derived >= k) << "subset " << subset << " gives " << derived;
  }
  const int remainder = Pool(groups, d);
  EXPECT_TRUE(remainder == 0 || remainder >= k) << remainder;
  EXPECT_TRUE(withheld_groups == 0 || withheld_groups >= 2) << withheld_groups;
  EXPECT_EQ(remainder == 0, withheld_groups == 0);
}

TEST(DisclosureAttack, SubtractingShownGroupsFromTheTotalNeverIsolatesAWithheldGroup) {
  for (int k : kKs) {
    for (const std::vector<int>& counts : kHandCases) {
      SCOPED_TRACE(absl::StrCat("k = ", k, ", counts ", absl::StrJoin(counts, " ")));
      ExpectSubtractionIsolatesNothing(Groups(counts), k);
    }
  }
  std::mt19937 rng(20240611);
  for (int c = 0; c < 1000; ++c) {
    const int k = RandomK(rng);
    std::vector<int> counts(std::uniform_int_distribution<int>(1, 12)(rng));
    for (int& n : counts) n = RandomCount(rng, k, 40);
    SCOPED_TRACE(absl::StrCat("k = ", k, ", counts ", absl::StrJoin(counts, " ")));
    ExpectSubtractionIsolatesNothing(Groups(counts), k);
  }
}

TEST(DisclosureAttack, NoSumOrDifferenceOfShownCountsDescribesFewerThanK) {
  for (int k : kKs) {
    for (const std::vector<int>& counts : kHandCases) {
      SCOPED_TRACE(absl::StrCat("k = ", k, ", counts ", absl::StrJoin(counts, " ")));
      const std::vector<GroupCount> groups = Groups(counts);
      const std::vector<ReleaseDecision> d = DecideReleases(groups, k);
      EXPECT_THAT(SmallDerivableSets(counts, ShownSets(groups, d, k), k), IsEmpty());
    }
  }
}

// The attacker above can fail: without the complement, total minus the
// shown groups is the lone small group.
TEST(DisclosureAttack, PrimarySuppressionAloneLetsTheLoneSmallGroupBeWorkedOut) {
  const std::vector<int> counts = {12, 3, 8, 20, 6};
  std::vector<uint32_t> primary_only = {Bit(5) - 1};
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] >= 5) primary_only.push_back(Bit(i));
  }
  EXPECT_THAT(SmallDerivableSets(counts, primary_only, 5), ElementsAre("00010 holds 3"));
}

// Scores (e.g. aggregate totals, 36-144) behind the means: the reader sees
// the overall sum and each shown group's sum (and every count shown).
struct Scored {
  std::vector<GroupCount> groups;
  std::vector<std::vector<int>> scores;  // per group, per respondent
};

Scored RandomScored(std::mt19937& rng, int k) {
  Scored s;
  const int n = std::uniform_int_distribution<int>(1, 12)(rng);
  std::uniform_int_distribution<int> score(36, 144);
  for (int i = 0; i < n; ++i) {
    const int count = RandomCount(rng, k, 40);
    s.groups.push_back({absl::StrCat("g", i), count});
    s.scores.emplace_back();
    for (int r = 0; r < count; ++r) s.scores.back().push_back(score(rng));
  }
  return s;
}

int Sum(const std::vector<int>& v) {
  int sum = 0;
  for (int x : v) sum += x;
  return sum;
}

// Everything a reader sees: the overall sum, then each shown group's sum.
std::vector<int> ShownSums(const Scored& s, const std::vector<ReleaseDecision>& d) {
  std::vector<int> shown = {0};
  for (size_t i = 0; i < s.groups.size(); ++i) {
    shown[0] += Sum(s.scores[i]);
    if (d[i].released) shown.push_back(Sum(s.scores[i]));
  }
  return shown;
}

// Moves one point between an answer in `from` and one in `to`, keeping both
// on the 36-144 scale. False if all answers sit at the same end of the scale.
bool MovePoint(std::vector<int>& from, std::vector<int>& to) {
  for (int& a : from) {
    for (int& b : to) {
      if (a < 144 && b > 36) {
        ++a, --b;
        return true;
      }
      if (a > 36 && b < 144) {
        --a, ++b;
        return true;
      }
    }
  }
  return false;
}

// For each small withheld group g with respondents, builds another world: one
// answer in g one point higher (or lower) and one in another withheld group h
// one point lower (or higher). The counts, hence the decisions, and every
// shown sum are the same, but g's sum differs: it cannot be worked out. The
// pool always has such an h, since it holds >= k > |g| respondents.
TEST(DisclosureAttack, SumsBehindMeansNeverRevealAWithheldGroupsSum) {
  std::mt19937 rng(20240612);
  int worlds = 0;
  for (int c = 0; c < 2000; ++c) {
    const int k = RandomK(rng);
    const Scored s = RandomScored(rng, k);
    const std::vector<ReleaseDecision> d = DecideReleases(s.groups, k);
    if (!TotalReleasable(Total(s.groups), k)) continue;  // no sum is shown at all
    for (size_t g = 0; g < s.groups.size(); ++g) {
      if (d[g].why != kTooFew || s.groups[g].count == 0) continue;
      SCOPED_TRACE(absl::StrCat("case ", c, ", group ", g));
      bool found = false;
      for (size_t h = 0; h < s.groups.size() && !found; ++h) {
        if (h == g || d[h].released || s.groups[h].count == 0) continue;
        Scored other = s;
        if (!MovePoint(other.scores[g], other.scores[h])) continue;
        EXPECT_EQ(ShownSums(other, DecideReleases(other.groups, k)), ShownSums(s, d));
        EXPECT_NE(Sum(other.scores[g]), Sum(s.scores[g]));
        found = true;
        ++worlds;
      }
      EXPECT_TRUE(found) << "no other withheld group with respondents";
    }
  }
  EXPECT_GT(worlds, 1000);  // the property was exercised
}

TEST(DisclosureAttack, IssueCaseSumsShowOnlyThePoolOfTwoOrganisations) {
  // council 12, police 3, health 8, fire 20, college 6; k = 5.
  const std::vector<GroupCount> groups = {
      {"council", 12}, {"police", 3}, {"health", 8}, {"fire", 20}, {"college", 6}};
  const std::vector<int> sums = {1200, 210, 700, 1500, 500};  // police's mean is 70
  const std::vector<ReleaseDecision> d = DecideReleases(groups, 5);
  int derived = Sum(sums);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (d[i].released) derived -= sums[i];
  }
  EXPECT_EQ(derived, 210 + 500);  // police and college together
  EXPECT_EQ(Pool(groups, d), 9);  // over 9 respondents: a mean of 78.9, not 70
}

// ---------------------------------------------------------------------------
// Property: thousands of random partitions.

// The fewest groups and fewest respondents any valid pattern that withholds
// every group under k can withhold, by brute force over all patterns.
struct Optimum {
  int groups;
  int respondents;
};

Optimum BruteForceOptimum(const std::vector<int>& counts, int k) {
  uint32_t primary = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] < k) primary |= Bit(i);
  }
  Optimum best{1 << 30, 1 << 30};
  const uint32_t all = Bit(counts.size()) - 1;
  for (uint32_t pattern = 0; pattern <= all; ++pattern) {
    if ((pattern & primary) != primary) continue;
    int groups = 0, respondents = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
      if (pattern & Bit(i)) {
        ++groups;
        respondents += counts[i];
      }
    }
    const bool valid = pattern == 0 || (groups >= 2 && respondents >= k) || pattern == all;
    if (!valid) continue;
    best.groups = std::min(best.groups, groups);
    best.respondents = std::min(best.respondents, respondents);
  }
  return best;
}

void ExpectGuarantees(const std::vector<int>& counts, int k) {
  const std::vector<GroupCount> groups = Groups(counts);
  const std::vector<ReleaseDecision> d = DecideReleases(groups, k);
  ASSERT_EQ(d.size(), groups.size());
  int primary = 0, primary_count = 0, complements = 0, complement_count = 0, withheld_count = 0;
  int smallest_shown_candidate = 1 << 30;  // smallest group of k or more
  for (size_t i = 0; i < groups.size(); ++i) {
    EXPECT_EQ(d[i].key, groups[i].key);
    EXPECT_EQ(d[i].released, d[i].why == kNone);
    EXPECT_EQ(d[i].reason.empty(), d[i].released);
    // No released group under k; exactly the groups under k are primary.
    EXPECT_EQ(d[i].why == kTooFew, counts[i] < k) << i;
    if (counts[i] >= k) smallest_shown_candidate = std::min(smallest_shown_candidate, counts[i]);
    if (d[i].why == kTooFew) {
      ++primary;
      primary_count += counts[i];
    }
    if (d[i].why == kComplement) {
      ++complements;
      complement_count = counts[i];
    }
    if (!d[i].released) withheld_count += counts[i];
  }
  const int withheld = WithheldCount(d);
  const bool total_shown = TotalReleasable(Total(groups), k);
  // The pool is empty, or >= k in >= 2 groups; or nothing is shown at all.
  if (total_shown) {
    EXPECT_TRUE(withheld_count == 0 || withheld_count >= k) << withheld_count;
    EXPECT_TRUE(withheld == 0 || withheld >= 2) << withheld;
    EXPECT_EQ(withheld_count, Pool(groups, d));
  } else {
    EXPECT_EQ(withheld, static_cast<int>(groups.size()));
  }
  // At most one complement, only when needed, and the smallest candidate.
  const bool needed = primary > 0 && (primary == 1 || primary_count < k) &&
                      smallest_shown_candidate < (1 << 30);
  EXPECT_EQ(complements, needed ? 1 : 0);
  if (complements == 1) {
    EXPECT_EQ(complement_count, smallest_shown_candidate);
  }
  // Optimal: no valid pattern withholds fewer groups or fewer respondents.
  const Optimum optimum = BruteForceOptimum(counts, k);
  EXPECT_EQ(withheld, optimum.groups);
  EXPECT_EQ(withheld_count, optimum.respondents);
}

TEST(DisclosureProperty, RandomPartitionsMeetEveryGuarantee) {
  std::mt19937 rng(20240613);
  for (int c = 0; c < 5000; ++c) {
    const int k = RandomK(rng);
    std::vector<int> counts(std::uniform_int_distribution<int>(1, 12)(rng));
    for (int& n : counts) n = RandomCount(rng, k, 40);
    SCOPED_TRACE(absl::StrCat("case ", c, ": k = ", k, ", counts ", absl::StrJoin(counts, " ")));
    ExpectGuarantees(counts, k);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(DisclosureProperty, RandomPartitionsLetNoSetOfFewerThanKBeDerived) {
  std::mt19937 rng(20240614);
  for (int c = 0; c < 1500; ++c) {
    const int k = RandomK(rng);
    std::vector<int> counts(std::uniform_int_distribution<int>(1, 10)(rng));
    for (int& n : counts) n = RandomCount(rng, k, 40);
    SCOPED_TRACE(absl::StrCat("case ", c, ": k = ", k, ", counts ", absl::StrJoin(counts, " ")));
    const std::vector<GroupCount> groups = Groups(counts);
    const std::vector<ReleaseDecision> d = DecideReleases(groups, k);
    ASSERT_THAT(SmallDerivableSets(counts, ShownSets(groups, d, k), k), IsEmpty());
  }
}

// ---------------------------------------------------------------------------
// Nested dimensions: organisations within sectors.

// Over the organisations as atoms: the total, shown sectors, shown
// organisations.
std::vector<uint32_t> NestedShownSets(const std::vector<NestedGroupCount>& children,
                                      const NestedReleaseDecisions& d, int k) {
  std::vector<uint32_t> shown;
  int total = 0;
  for (const NestedGroupCount& c : children) total += c.count;
  if (TotalReleasable(total, k)) shown.push_back(Bit(children.size()) - 1);
  for (const ReleaseDecision& parent : d.parents) {
    if (!parent.released) continue;
    uint32_t mask = 0;
    for (size_t i = 0; i < children.size(); ++i) {
      if (children[i].parent == parent.key) mask |= Bit(i);
    }
    shown.push_back(mask);
  }
  for (size_t i = 0; i < children.size(); ++i) {
    if (d.children[i].released) shown.push_back(Bit(i));
  }
  return shown;
}

std::vector<int> Counts(const std::vector<NestedGroupCount>& children) {
  std::vector<int> counts;
  for (const NestedGroupCount& c : children) counts.push_back(c.count);
  return counts;
}

const std::vector<NestedGroupCount> kHazard = {{"police-a", "police", 9},
                                               {"police-b", "police", 3},
                                               {"health-a", "health", 6},
                                               {"health-b", "health", 20},
                                               {"council", "local government", 15}};

TEST(DisclosureNested, DecidingSectorsAndOrganisationsApartLetsAnOrganisationBeWorkedOut) {
  std::vector<GroupCount> organisations;
  for (const NestedGroupCount& c : kHazard) organisations.push_back({c.key, c.count});
  const std::vector<GroupCount> sectors = {
      {"police", 12}, {"health", 26}, {"local government", 15}};
  NestedReleaseDecisions apart;
  apart.children = DecideReleases(organisations, 5);
  apart.parents = DecideReleases(sectors, 5);
  ASSERT_THAT(ReleasedKeys(apart.parents), ElementsAre("police", "health", "local government"));
  ASSERT_THAT(ReleasedKeys(apart.children), ElementsAre("police-a", "health-b", "council"));
  // police 12 - police-a 9 = police-b 3.
  EXPECT_THAT(SmallDerivableSets(Counts(kHazard), NestedShownSets(kHazard, apart, 5), 5),
              ElementsAre("00010 holds 3"));
}

TEST(DisclosureNested, SmallOrganisationOfAShownSectorIsWithheldWithASibling) {
  const NestedReleaseDecisions d = DecideNestedReleases(kHazard, 5);
  EXPECT_THAT(ReleasedKeys(d.parents), ElementsAre("police", "health", "local government"));
  EXPECT_THAT(Causes(d.children), ElementsAre(kComplement, kTooFew, kNone, kNone, kNone));
  EXPECT_THAT(SmallDerivableSets(Counts(kHazard), NestedShownSets(kHazard, d, 5), 5), IsEmpty());
}

TEST(DisclosureNested, OrganisationsOfAWithheldSectorAreAllWithheld) {
  const std::vector<NestedGroupCount> children = {{"police-a", "police", 2},
                                                  {"fire-a", "fire", 7},
                                                  {"health-a", "health", 30},
                                                  {"health-b", "health", 9}};
  const NestedReleaseDecisions d = DecideNestedReleases(children, 5);
  EXPECT_THAT(Causes(d.parents), ElementsAre(kTooFew, kComplement, kNone));
  EXPECT_THAT(Causes(d.children), ElementsAre(kTooFew, kComplement, kNone, kNone));
  EXPECT_EQ(d.children[1].reason, WithheldReason(5));
  EXPECT_THAT(SmallDerivableSets(Counts(children), NestedShownSets(children, d, 5), 5), IsEmpty());
}

TEST(DisclosureNested, SectorWithOneOrganisationShowsItExactlyWhenTheSectorIsShown) {
  const std::vector<NestedGroupCount> children = {
      {"police-a", "police", 8}, {"fire-a", "fire", 3}, {"health-a", "health", 40}};
  const NestedReleaseDecisions d = DecideNestedReleases(children, 5);
  for (size_t i = 0; i < children.size(); ++i) {
    EXPECT_EQ(d.children[i].released, d.parents[i].released) << children[i].key;
  }
  EXPECT_THAT(ReleasedKeys(d.children), ElementsAre("health-a"));
}

TEST(DisclosureNested, ParentsComeInOrderOfFirstAppearanceAndChildrenInInputOrder) {
  const std::vector<NestedGroupCount> children = {
      {"x", "health", 10}, {"y", "police", 10}, {"z", "health", 10}};
  const NestedReleaseDecisions d = DecideNestedReleases(children, 5);
  ASSERT_EQ(d.parents.size(), 2u);
  EXPECT_EQ(d.parents[0].key, "health");
  EXPECT_EQ(d.parents[1].key, "police");
  ASSERT_EQ(d.children.size(), 3u);
  EXPECT_EQ(d.children[0].key, "x");
  EXPECT_EQ(d.children[1].key, "y");
  EXPECT_EQ(d.children[2].key, "z");
  EXPECT_THAT(ReleasedKeys(d.children), ElementsAre("x", "y", "z"));
}

TEST(DisclosureNested, EmptyInputGivesNoDecisions) {
  const NestedReleaseDecisions d = DecideNestedReleases({}, 5);
  EXPECT_THAT(d.parents, IsEmpty());
  EXPECT_THAT(d.children, IsEmpty());
}

std::vector<NestedGroupCount> RandomHierarchy(std::mt19937& rng, int k, size_t max_children) {
  std::vector<NestedGroupCount> children;
  const int parents = std::uniform_int_distribution<int>(1, 4)(rng);
  for (int p = 0; p < parents && children.size() < max_children; ++p) {
    const int n = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int c = 0; c < n && children.size() < max_children; ++c) {
      children.push_back({absl::StrCat("o", children.size()), absl::StrCat("s", p),
                          RandomCount(rng, k, 30)});
    }
  }
  std::shuffle(children.begin(), children.end(), rng);
  return children;
}

TEST(DisclosureProperty, RandomHierarchiesLetNoSetOfFewerThanKBeDerived) {
  std::mt19937 rng(20240615);
  for (int c = 0; c < 1500; ++c) {
    const int k = RandomK(rng);
    const std::vector<NestedGroupCount> children = RandomHierarchy(rng, k, 12);
    SCOPED_TRACE(absl::StrCat("case ", c, ": k = ", k, ", counts ",
                              absl::StrJoin(Counts(children), " ")));
    const NestedReleaseDecisions d = DecideNestedReleases(children, k);
    for (size_t i = 0; i < children.size(); ++i) {
      ASSERT_FALSE(d.children[i].released && children[i].count < k);
    }
    ASSERT_THAT(SmallDerivableSets(Counts(children), NestedShownSets(children, d, k), k),
                IsEmpty());
  }
}

// ---------------------------------------------------------------------------
// Crossed dimensions: level beside organisation (within sector). Only
// marginals are shown; the atoms are the cells a reader cannot see.

TEST(DisclosureProperty, LevelAndOrganisationMarginalsTogetherLetNoSetOfFewerThanKBeDerived) {
  std::mt19937 rng(20240616);
  constexpr size_t kLevels = 3;
  for (int c = 0; c < 600; ++c) {
    const int k = RandomK(rng);
    const size_t organisations = std::uniform_int_distribution<size_t>(2, 4)(rng);
    std::vector<int> cells(kLevels * organisations);  // cell (l, o) at l * organisations + o
    for (int& n : cells) n = std::uniform_int_distribution<int>(0, k + 2)(rng);
    std::vector<NestedGroupCount> by_organisation;
    for (size_t o = 0; o < organisations; ++o) {
      const int sector = std::uniform_int_distribution<int>(0, 2)(rng);
      by_organisation.push_back({absl::StrCat("o", o), absl::StrCat("s", sector), 0});
      for (size_t l = 0; l < kLevels; ++l) by_organisation[o].count += cells[l * organisations + o];
    }
    std::vector<GroupCount> by_level;
    for (size_t l = 0; l < kLevels; ++l) {
      by_level.push_back({absl::StrCat("l", l), 0});
      for (size_t o = 0; o < organisations; ++o) by_level[l].count += cells[l * organisations + o];
    }
    SCOPED_TRACE(absl::StrCat("case ", c, ": k = ", k, ", cells ", absl::StrJoin(cells, " ")));
    const std::vector<ReleaseDecision> levels = DecideReleases(by_level, k);
    const NestedReleaseDecisions nested = DecideNestedReleases(by_organisation, k);
    // Lift each dimension's shown sets from its groups to the cells.
    std::vector<uint32_t> shown;
    for (uint32_t mask : ShownSets(by_level, levels, k)) {
      uint32_t cells_mask = 0;
      for (size_t l = 0; l < kLevels; ++l) {
        if (mask & Bit(l)) cells_mask |= ((Bit(organisations) - 1) << (l * organisations));
      }
      shown.push_back(cells_mask);
    }
    for (uint32_t mask : NestedShownSets(by_organisation, nested, k)) {
      uint32_t cells_mask = 0;
      for (size_t o = 0; o < organisations; ++o) {
        if (!(mask & Bit(o))) continue;
        for (size_t l = 0; l < kLevels; ++l) cells_mask |= Bit(l * organisations + o);
      }
      shown.push_back(cells_mask);
    }
    ASSERT_THAT(SmallDerivableSets(cells, shown, k), IsEmpty());
  }
}

}  // namespace
}  // namespace hc::domain
