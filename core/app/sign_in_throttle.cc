#include "core/app/sign_in_throttle.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hc::app {
namespace {

absl::Duration AccountWait(int failures) {
  if (failures < SignInThrottle::kFreeFailures) return absl::ZeroDuration();
  const int doublings = std::min(failures - SignInThrottle::kFreeFailures, 10);
  return std::min(absl::Seconds(int64_t{1} << doublings), SignInThrottle::kMaxAccountWait);
}

absl::Status TooMany(absl::Duration wait) {
  const int64_t minutes = absl::ToInt64Minutes(absl::Ceil(wait, absl::Minutes(1)));
  return absl::ResourceExhaustedError(
      minutes <= 1 ? "Too many attempts to sign in. Wait a minute and try again."
                   : absl::StrCat("Too many attempts to sign in. Wait ", minutes,
                                  " minutes and try again."));
}

}  // namespace

absl::Status SignInThrottle::Check(absl::string_view account, absl::string_view address,
                                   absl::Time now) {
  absl::MutexLock lock(&mu_);
  if (auto it = addresses_.find(address); it != addresses_.end()) {
    const Entry& e = it->second;
    if (e.failures >= kAddressFailures && now < e.first + kAddressWindow) {
      return TooMany(e.first + kAddressWindow - now);
    }
  }
  if (auto it = accounts_.find(absl::AsciiStrToLower(account)); it != accounts_.end()) {
    const absl::Time allowed = it->second.last + AccountWait(it->second.failures);
    if (now < allowed) return TooMany(allowed - now);
  }
  return absl::OkStatus();
}

void SignInThrottle::RecordFailure(absl::string_view account, absl::string_view address,
                                   absl::Time now) {
  absl::MutexLock lock(&mu_);
  Forget(accounts_, now);
  Forget(addresses_, now);
  Entry& a = accounts_[absl::AsciiStrToLower(account)];
  a.failures += 1;
  a.last = now;
  Entry& b = addresses_[std::string(address)];
  if (now >= b.first + kAddressWindow) b = Entry{0, now, now};
  b.failures += 1;
  b.last = now;
}

void SignInThrottle::RecordSuccess(absl::string_view account) {
  absl::MutexLock lock(&mu_);
  accounts_.erase(absl::AsciiStrToLower(account));
}

void SignInThrottle::Forget(absl::flat_hash_map<std::string, Entry>& entries, absl::Time now) {
  if (entries.size() < kMaxEntries) return;
  // Entries whose wait is long over first; then the idlest half.
  absl::erase_if(entries, [&](const auto& e) {
    return now - e.second.last > kMaxAccountWait + kAddressWindow;
  });
  if (entries.size() < kMaxEntries) return;
  std::vector<absl::Time> lasts;
  lasts.reserve(entries.size());
  for (const auto& [key, e] : entries) lasts.push_back(e.last);
  std::nth_element(lasts.begin(), lasts.begin() + lasts.size() / 2, lasts.end());
  const absl::Time median = lasts[lasts.size() / 2];
  absl::erase_if(entries, [&](const auto& e) { return e.second.last <= median; });
}

}  // namespace hc::app
