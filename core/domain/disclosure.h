#ifndef HC_CORE_DOMAIN_DISCLOSURE_H_
#define HC_CORE_DOMAIN_DISCLOSURE_H_

// Disclosure control of questionnaire results and response rates
// (DOMAIN.md: Confidentiality): which groups' figures may be shown.
//
// Figures. A group's figures are its respondent count, the sums behind its
// means, its answer distributions (a count per answer) and its response rate
// (response count over invitations). All but the rate are additive: the
// figure of a union of disjoint groups is the sum of theirs, so adding and
// subtracting shown figures yields the figure of any set of respondents whose
// indicator is a linear combination of the shown groups' indicators. Such a
// set is "derivable". The rule below guarantees:
//
//   (G) every non-empty derivable set holds at least k' respondents (k'
//       below: k, never under 3); in particular no withheld group is
//       derivable on its own.
//
// A group's means, distributions, medians and rate are shown exactly when its
// count is shown (released), and never otherwise; a withheld group's
// invitation count is withheld with it (see "Limits" below).
//
// One dimension (DecideReleases). The dimension's groups partition the
// respondents, and the overall total (the sum of all groups) is shown when
// TotalReleasable. Let k' = max(k, kLowestMinGroupSize).
//   1. Primary: every group with fewer than k' respondents, 0 included, is
//      withheld. Showing "0" is itself a count below k', and a group that can
//      be seen to be empty stops covering the others.
//   2. Complementary: the withheld groups' pool (total minus the shown
//      groups) is derivable. If it is one group, or holds fewer than k'
//      respondents, the smallest shown group (the earliest in input order
//      among equals) is withheld too.
// Afterwards the pool is empty, or it holds >= k' respondents in >= 2
// groups. One complement always suffices, since a shown group alone holds
// >= k'. The release is optimal: no valid pattern that withholds the small
// groups withholds fewer groups or fewer respondents. If the total is below
// k', every group is below k' and all are withheld (and the total too).
// Proof of (G): a combination of the shown indicators (each shown group, and
// the all-ones total) is constant over the withheld groups, so a derivable set
// contains all of the pool or none of it; it is a union of shown groups
// (each >= k') and possibly the pool (>= k'). A single group that is the
// whole total is shown iff the total is.
//
// Nested dimensions (DecideNestedReleases). A member organisation belongs to
// one sector, so sectors are unions of organisations; deciding the two
// dimensions apart is unsafe: sector 12 shown, its organisation A 9 shown,
// so its organisation B = 3 (withheld) is worked out. The nested rule:
//   1. the parents (sectors, each the sum of its children) are decided by
//      DecideReleases;
//   2. the children of each shown parent are decided by DecideReleases as a
//      partition of that parent (whose count is shown);
//   3. every child of a withheld parent is withheld.
// Proof of (G): a combination of the shown indicators (total, shown parents,
// shown children) is constant over the children of all withheld parents
// together (only the total covers them) and constant over the withheld
// children of each shown parent (only the total and that parent cover them).
// So a derivable set is a union of shown children (>= k'), withheld-parent
// pools (>= k', by step 1) and withheld-children pools (>= k', step 2).
//
// Crossed dimensions side by side (level with organisation/sector). Only the
// marginals are shown, never a cross-tabulation. Take the cells (level l,
// organisation o). A derivable set's indicator is f(l, o) = u(l) + v(o), u a
// combination of level indicators, v of organisation/sector indicators (the
// total may go into either). Suppose u(l2) - u(l1) = d != 0 and
// v(o2) - v(o1) = e != 0. f is 0 or 1 on every cell, so d = +-1 and e = +-1
// (compare cells (l1, o1) and (l2, o1), then (l1, o1) and (l1, o2)); but then
// f(l2, o2) - f(l1, o1) = d + e or f(l2, o1) - f(l1, o2) = d - e is +-2,
// impossible. So u or v is constant: the set is derivable from one dimension
// alone, and (G) for each dimension gives (G) for all of them together. This
// assumes a reader knows of no empty cell (say, an organisation with no board
// invitees); known empty cells can nest one dimension in the other, which
// only the nested rule above handles.
//
// Limits (the caller's part):
// - Show `reason`, never `why`: naming which withheld group is the small one
//   lets a reader who knows this rule bound the complement between k' and the
//   smallest shown count, and so pin counts (k = 5: A 3, B 5, C 5, D 8 withholds
//   A and B; told that B is the complement, B = 5 and A = 3).
// - Invitation counts of withheld groups must be withheld: known invitations
//   bound a group's count and, at full response, pin it.
// - A statement that not everyone answers has its own base: decide its
//   figures on the answer counts, not on the respondent counts.
// - Even so, a reader who knows this rule and the input order can sometimes
//   narrow a withheld group's count (never its answers: sums and
//   distributions of the pool cannot be split between its groups).
//
// All functions are pure and thread-safe.

#include <string>
#include <vector>

#include "absl/status/status.h"

namespace hc::domain {

inline constexpr int kDefaultMinGroupSize = 5;     // k, per engagement
inline constexpr int kLowestMinGroupSize = 3;      // never below
inline constexpr int kHighestMinGroupSize = 1000;  // above is a typo

// Checks a per-engagement k. INVALID_ARGUMENT below kLowestMinGroupSize or
// above kHighestMinGroupSize.
absl::Status ValidateMinGroupSize(int k);

// Whether the overall figures (of `total` respondents) may be shown: total >=
// max(k, kLowestMinGroupSize). A breakdown is never shown without its total.
bool TotalReleasable(int total, int k);

// One group of a dimension and its respondent (or response) count. A negative
// count is read as 0.
struct GroupCount {
  std::string key;
  int count = 0;
};

// Why a group is withheld. For audits and tests only: never show it (above).
enum class Withholding {
  kNone = 0,               // released
  kTooFewRespondents = 1,  // primary: fewer than k' respondents
  kComplementary = 2,      // k' or more, withheld so no small group is exposed
};

struct ReleaseDecision {
  std::string key;
  bool released = false;
  Withholding why = Withholding::kNone;
  std::string reason;  // empty when released; the same text for both causes
};

// The text every withheld group carries, e.g. for k = 5 "withheld: no group
// of fewer than 5 respondents may be shown or worked out".
std::string WithheldReason(int k);

// Decides which groups of one dimension may be shown (rule above). `groups`
// must partition the respondents: every respondent in exactly one group,
// a "not stated" group included, for else the uncovered rest is a derivable
// group too. Returns one decision per group, in input order, keys copied.
// A `k` below kLowestMinGroupSize is read as kLowestMinGroupSize.
std::vector<ReleaseDecision> DecideReleases(const std::vector<GroupCount>& groups, int k);

// A child group (an organisation) and the parent group (its sector) that
// contains it; a parent is the union of its children.
struct NestedGroupCount {
  std::string key;
  std::string parent;
  int count = 0;
};

struct NestedReleaseDecisions {
  std::vector<ReleaseDecision> parents;   // in order of first appearance
  std::vector<ReleaseDecision> children;  // in input order
};

// Decides two nested dimensions together (rule above). `children` must
// partition the respondents and name each child once with one parent.
NestedReleaseDecisions DecideNestedReleases(const std::vector<NestedGroupCount>& children,
                                            int k);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_DISCLOSURE_H_
