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

// Slows password guessing (NIST SP 800-63B 5.2.2), in memory. An attempt
// counts as a failure from the moment it is made until it succeeds, so
// attempts made at once cannot all slip through. An account is the email as
// typed (so that an unknown one is slowed just the same):
// - an account from one address, after kFreeFailures failures in a row,
//   waits 2^(n - 5) seconds before each further try, at most
//   kMaxPairWait;
// - an account, from all addresses together, after kAccountFailures within
//   kWindow waits for the window to pass (a guesser with many addresses);
// - an address, after kAddressFailures within kWindow, waits likewise.
// So a stranger who keeps failing against someone's account slows only
// themselves until they have failed kAccountFailures times in a window. At
// most kMaxEntries of each kind are kept; past that, the idlest are
// forgotten. Thread-safe.
class SignInThrottle {
 public:
  static constexpr int kFreeFailures = 5;
  static constexpr absl::Duration kMaxPairWait = absl::Minutes(15);
  static constexpr int kAccountFailures = 50;
  static constexpr int kAddressFailures = 100;
  static constexpr absl::Duration kWindow = absl::Minutes(15);
  static constexpr size_t kMaxEntries = 100000;

  // RESOURCE_EXHAUSTED, saying how long to wait, when a try is not allowed
  // now (the message is the same whether or not the account exists);
  // otherwise counts the try as failed until Succeeded.
  absl::Status Attempt(absl::string_view account, absl::string_view address, absl::Time now);
  // The try made with Attempt succeeded: it no longer counts.
  void Succeeded(absl::string_view account, absl::string_view address);

 private:
  struct Entry {
    int failures = 0;
    absl::Time first = absl::InfinitePast();  // of the window
    absl::Time last = absl::InfinitePast();
  };
  using Entries = absl::flat_hash_map<std::string, Entry>;
  static void Forget(Entries& entries, absl::Time now);

  absl::Mutex mu_;
  Entries pairs_ ABSL_GUARDED_BY(mu_);
  Entries accounts_ ABSL_GUARDED_BY(mu_);
  Entries addresses_ ABSL_GUARDED_BY(mu_);
};

}  // namespace hc::app

#endif  // HC_CORE_APP_SIGN_IN_THROTTLE_H_
