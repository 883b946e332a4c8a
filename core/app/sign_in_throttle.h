#ifndef HC_CORE_APP_SIGN_IN_THROTTLE_H_
#define HC_CORE_APP_SIGN_IN_THROTTLE_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace hc::app {

// Slows password guessing (NIST SP 800-63B 5.2.2), per account and per
// client address, in memory:
// - an account (the email as typed, so that an unknown one is slowed just
//   the same) after kFreeFailures failures in a row waits 2^(n - 5) seconds
//   before each further try, at most kMaxAccountWait;
// - an address after kAddressFailures failures within kAddressWindow waits
//   for the window to pass.
// A success clears the account's count. At most kMaxEntries of each are
// kept; past that, those idle longest are forgotten. Thread-safe.
class SignInThrottle {
 public:
  static constexpr int kFreeFailures = 5;
  static constexpr absl::Duration kMaxAccountWait = absl::Minutes(15);
  static constexpr int kAddressFailures = 100;
  static constexpr absl::Duration kAddressWindow = absl::Minutes(15);
  static constexpr size_t kMaxEntries = 100000;

  // RESOURCE_EXHAUSTED, saying how long to wait, when a try is not allowed
  // now. The message is the same whether or not the account exists.
  absl::Status Check(absl::string_view account, absl::string_view address, absl::Time now);
  void RecordFailure(absl::string_view account, absl::string_view address, absl::Time now);
  void RecordSuccess(absl::string_view account);

 private:
  struct Entry {
    int failures = 0;
    absl::Time first = absl::InfinitePast();  // of the address's window
    absl::Time last = absl::InfinitePast();
  };
  static void Forget(absl::flat_hash_map<std::string, Entry>& entries, absl::Time now);

  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> accounts_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Entry> addresses_ ABSL_GUARDED_BY(mu_);
};

}  // namespace hc::app

#endif  // HC_CORE_APP_SIGN_IN_THROTTLE_H_
