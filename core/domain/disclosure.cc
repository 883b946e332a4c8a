#include "core/domain/disclosure.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace hc::domain {
namespace {

// The threshold actually applied: a k below the floor is read as the floor,
// so a caller that skipped validation can only get more suppression, not less.
int EffectiveMinGroupSize(int k) { return std::max(k, kLowestMinGroupSize); }

ReleaseDecision Released(const std::string& key) {
  return ReleaseDecision{key, true, Withholding::kNone, ""};
}

ReleaseDecision Withheld(const std::string& key, Withholding why, int k) {
  return ReleaseDecision{key, false, why, WithheldReason(k)};
}

// The smallest released group, the earliest among equals; nullopt if none.
std::optional<size_t> SmallestReleased(const std::vector<GroupCount>& groups,
                                       const std::vector<ReleaseDecision>& decisions) {
  std::optional<size_t> smallest;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (!decisions[i].released) continue;
    if (!smallest || groups[i].count < groups[*smallest].count) smallest = i;
  }
  return smallest;
}

// Decides the children (indices `members` of `children`) of one parent;
// returns one decision per member, in the same order.
std::vector<ReleaseDecision> DecideChildren(const std::vector<NestedGroupCount>& children,
                                            const std::vector<size_t>& members,
                                            bool parent_released, int k) {
  const int min_size = EffectiveMinGroupSize(k);
  std::vector<GroupCount> counts;
  counts.reserve(members.size());
  for (size_t i : members) counts.push_back({children[i].key, std::max(children[i].count, 0)});
  if (parent_released) {
    // The parent's count is shown, so its children partition a shown total:
    // the one-dimension rule applies within it.
    return DecideReleases(counts, k);
  }
  // A shown child of a withheld parent could rebuild that parent (or, with
  // its siblings, split the parents' pool): withhold them all.
  std::vector<ReleaseDecision> decisions;
  decisions.reserve(counts.size());
  for (const GroupCount& child : counts) {
    decisions.push_back(Withheld(child.key,
                                 child.count < min_size ? Withholding::kTooFewRespondents
                                                        : Withholding::kComplementary,
                                 min_size));
  }
  return decisions;
}

}  // namespace

absl::Status ValidateMinGroupSize(int k) {
  if (k < kLowestMinGroupSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_group_size ", k, " is below ", kLowestMinGroupSize,
                     ": no figure may be shown for fewer than ", kLowestMinGroupSize,
                     " respondents; use ", kLowestMinGroupSize, " or more (default ",
                     kDefaultMinGroupSize, ")"));
  }
  if (k > kHighestMinGroupSize) {
    return absl::InvalidArgumentError(absl::StrCat("min_group_size ", k, " is above ",
                                                   kHighestMinGroupSize, "; use ",
                                                   kLowestMinGroupSize, " to ",
                                                   kHighestMinGroupSize));
  }
  return absl::OkStatus();
}

bool TotalReleasable(int total, int k) { return total >= EffectiveMinGroupSize(k); }

std::string WithheldReason(int k) {
  return absl::StrCat("withheld: no group of fewer than ", EffectiveMinGroupSize(k),
                      " respondents may be shown or worked out");
}

std::vector<ReleaseDecision> DecideReleases(const std::vector<GroupCount>& groups, int k) {
  const int min_size = EffectiveMinGroupSize(k);
  std::vector<ReleaseDecision> decisions;
  decisions.reserve(groups.size());
  int withheld_groups = 0;
  int64_t pool = 0;  // respondents in the withheld groups: total minus shown
  for (const GroupCount& group : groups) {
    const int count = std::max(group.count, 0);
    if (count < min_size) {
      decisions.push_back(Withheld(group.key, Withholding::kTooFewRespondents, min_size));
      ++withheld_groups;
      pool += count;
    } else {
      decisions.push_back(Released(group.key));
    }
  }
  // The pool is derivable (total minus the shown groups). It must not be one
  // group nor hold fewer than k. A single complement fixes both, because any
  // shown group holds k or more on its own; the smallest hides least.
  if (withheld_groups > 0 && (withheld_groups == 1 || pool < min_size)) {
    if (std::optional<size_t> smallest = SmallestReleased(groups, decisions)) {
      decisions[*smallest] = Withheld(groups[*smallest].key, Withholding::kComplementary, min_size);
    }
    // With no shown group left, every group is withheld: the total is below k
    // (one group under k is the total) or the pool is the total, >= k.
  }
  return decisions;
}

NestedReleaseDecisions DecideNestedReleases(const std::vector<NestedGroupCount>& children,
                                            int k) {
  // Parents in order of first appearance, each the sum of its children.
  std::vector<GroupCount> parents;
  std::vector<std::vector<size_t>> members;  // per parent, child indices
  std::map<std::string, size_t> parent_index;
  for (size_t i = 0; i < children.size(); ++i) {
    auto [it, inserted] = parent_index.try_emplace(children[i].parent, parents.size());
    if (inserted) {
      parents.push_back({children[i].parent, 0});
      members.emplace_back();
    }
    parents[it->second].count += std::max(children[i].count, 0);
    members[it->second].push_back(i);
  }
  NestedReleaseDecisions result;
  result.parents = DecideReleases(parents, k);
  result.children.resize(children.size());
  for (size_t p = 0; p < parents.size(); ++p) {
    std::vector<ReleaseDecision> decided =
        DecideChildren(children, members[p], result.parents[p].released, k);
    for (size_t j = 0; j < members[p].size(); ++j) {
      result.children[members[p][j]] = std::move(decided[j]);
    }
  }
  return result;
}

}  // namespace hc::domain
