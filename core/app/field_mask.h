#ifndef HC_CORE_APP_FIELD_MASK_H_
#define HC_CORE_APP_FIELD_MASK_H_

#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "core/app/audit_value.h"

namespace hc::app {

// One updatable field of T: its API path, how to copy it, how the audit
// record shows its value (AuditValue) and whether two values are the same
// (when unset, whether they are shown the same). A rule for a group of
// fields that have rules of their own ("key_dates" beside
// "key_dates.report_due") shows nothing: its fields' rules say what changed.
template <typename T>
struct FieldRule {
  absl::string_view path;
  void (*copy)(const T& from, T& to);
  std::string (*show)(const T& value) = nullptr;
  bool (*same)(const T& a, const T& b) = nullptr;
};

// The rule for `member` of T at API path `path`.
#define HC_FIELD_RULE(T, path, member)                                       \
  ::hc::app::FieldRule<T> {                                                  \
    path, [](const T& f, T& t) { t.member = f.member; },                     \
        [](const T& v) { return ::hc::app::AuditValue(v.member); },          \
        [](const T& a, const T& b) { return a.member == b.member; }          \
  }

// As HC_FIELD_RULE for a field whose value never enters the audit log, only
// its size: personal data that must stay erasable from an append-only log
// (a peer's name and e-mail address), and evidence (a note's text).
#define HC_UNLOGGED_FIELD_RULE(T, path, member)                              \
  ::hc::app::FieldRule<T> {                                                  \
    path, [](const T& f, T& t) { t.member = f.member; },                     \
        [](const T& v) { return ::hc::app::AuditSize(v.member); },           \
        [](const T& a, const T& b) { return a.member == b.member; }          \
  }

// What changed between `before` and `after` in the fields `rules` show, for
// the audit record: "path: old -> new" joined by "; ", in the rules' order,
// or "path: changed beyond what is shown: old" when the change lies past
// the part of a long value that is shown; empty if nothing changed.
template <typename T>
std::string DescribeChanges(std::span<const FieldRule<T>> rules, const T& before,
                            const T& after) {
  std::string text;
  for (const FieldRule<T>& rule : rules) {
    if (rule.show == nullptr) continue;
    const std::string was = rule.show(before);
    const std::string now = rule.show(after);
    if (rule.same != nullptr ? rule.same(before, after) : was == now) continue;
    absl::StrAppend(&text, text.empty() ? "" : "; ", rule.path, ": ");
    if (was == now) {
      absl::StrAppend(&text, "changed beyond what is shown: ", was);
    } else {
      absl::StrAppend(&text, was, " -> ", now);
    }
  }
  return text;
}

// Copies the fields named by `paths` from `from` into `to` (AIP-134).
// INVALID_ARGUMENT if `paths` is empty or names a field not in `rules`; then
// `to` is unchanged.
template <typename T>
absl::Status ApplyFieldMask(std::span<const FieldRule<T>> rules,
                            const std::vector<std::string>& paths, const T& from,
                            T& to) {
  if (paths.empty()) {
    return absl::InvalidArgumentError("update_mask is required: name the fields to change");
  }
  std::vector<const FieldRule<T>*> chosen;
  for (const std::string& path : paths) {
    const FieldRule<T>* found = nullptr;
    for (const FieldRule<T>& rule : rules) {
      if (rule.path == path) found = &rule;
    }
    if (found == nullptr) {
      std::vector<absl::string_view> known;
      for (const FieldRule<T>& rule : rules) known.push_back(rule.path);
      return absl::InvalidArgumentError(absl::StrCat(
          "update_mask path \"", path, "\" cannot be updated; use one of: ",
          absl::StrJoin(known, ", ")));
    }
    chosen.push_back(found);
  }
  for (const FieldRule<T>* rule : chosen) rule->copy(from, to);
  return absl::OkStatus();
}

}  // namespace hc::app

#endif  // HC_CORE_APP_FIELD_MASK_H_
