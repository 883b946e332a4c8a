#include "core/app/sign_in_throttle.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hc::app {
namespace {

absl::Duration PairWait(int failures) {
  if (failures < SignInThrottle::kFreeFailures) return absl::ZeroDuration();
  const int doublings = std::min(failures - SignInThrottle::kFreeFailures, 10);
  return std::min(absl::Seconds(int64_t{1} << doublings), SignInThrottle::kMaxPairWait);
}

absl::Status TooMany(absl::Duration wait) {
  const int64_t minutes = absl::ToInt64Minutes(absl::Ceil(wait, absl::Minutes(1)));
  return absl::ResourceExhaustedError(
      minutes <= 1 ? "Too many attempts to sign in. Wait a minute and try again."
                   : absl::StrCat("Too many attempts to sign in. Wait ", minutes,
                                  " minutes and try again."));
}

}  // namespace

absl::Status SignInThrottle::Attempt(absl::string_view account, absl::string_view address,
                                     absl::Time now) {
  const std::string account_key = absl::AsciiStrToLower(account);
  const std::string pair_key = absl::StrCat(account_key, "\n", address);
  absl::MutexLock lock(&mu_);
  absl::Time allowed = now;
  if (auto it = pairs_.find(pair_key); it != pairs_.end()) {
    allowed = std::max(allowed, it->second.last + PairWait(it->second.failures));
  }
  if (auto it = accounts_.find(account_key);
      it != accounts_.end() && it->second.failures >= kAccountFailures &&
      now < it->second.first + kWindow) {
    allowed = std::max(allowed, it->second.first + kWindow);
  }
  if (auto it = addresses_.find(address);
      it != addresses_.end() && it->second.failures >= kAddressFailures &&
      now < it->second.first + kWindow) {
    allowed = std::max(allowed, it->second.first + kWindow);
  }
  if (now < allowed) return TooMany(allowed - now);

  Forget(pairs_, now);
  Forget(accounts_, now);
  Forget(addresses_, now);
  Entry& pair = pairs_[pair_key];
  pair.failures += 1;
  pair.last = now;
  for (Entry* windowed : {&accounts_[account_key], &addresses_[std::string(address)]}) {
    if (now >= windowed->first + kWindow) *windowed = Entry{0, now, now};
    windowed->failures += 1;
    windowed->last = now;
  }
  return absl::OkStatus();
}

void SignInThrottle::Succeeded(absl::string_view account, absl::string_view address) {
  const std::string account_key = absl::AsciiStrToLower(account);
  absl::MutexLock lock(&mu_);
  pairs_.erase(absl::StrCat(account_key, "\n", address));
  if (auto it = accounts_.find(account_key); it != accounts_.end() && it->second.failures > 0) {
    it->second.failures -= 1;
  }
  if (auto it = addresses_.find(address); it != addresses_.end() && it->second.failures > 0) {
    it->second.failures -= 1;
  }
}

void SignInThrottle::Forget(Entries& entries, absl::Time now) {
  if (entries.size() < kMaxEntries) return;
  // Entries whose wait is long over first; then the idlest half.
  absl::erase_if(entries, [&](const auto& e) { return now - e.second.last > kMaxPairWait + kWindow; });
  if (entries.size() < kMaxEntries) return;
  std::vector<absl::Time> lasts;
  lasts.reserve(entries.size());
  for (const auto& [key, e] : entries) lasts.push_back(e.last);
  std::nth_element(lasts.begin(), lasts.begin() + lasts.size() / 2, lasts.end());
  const absl::Time median = lasts[lasts.size() / 2];
  absl::erase_if(entries, [&](const auto& e) { return e.second.last <= median; });
}

}  // namespace hc::app
