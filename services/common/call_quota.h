#ifndef HC_SERVICES_COMMON_CALL_QUOTA_H_
#define HC_SERVICES_COMMON_CALL_QUOTA_H_

#include <cstdint>
#include <mutex>

#include "absl/container/flat_hash_map.h"

namespace hc::services {

// How many calls one credential may have in flight at once (waiting for a
// worker or running), so that no client, however greedy, can take every
// worker and the whole queue from the others. Credentials are told apart by
// a hash of what the call sends, before authentication (which needs a
// worker); calls that send none share one quota. Holds an entry only per
// credential with a call in flight. Thread-safe.
class CallQuota {
 public:
  explicit CallQuota(int per_credential) : per_credential_(per_credential) {}

  // Takes one of `credential`'s slots: true, or false when all are taken.
  bool TryAcquire(uint64_t credential) {
    std::lock_guard<std::mutex> lock(mu_);
    int& used = in_flight_[credential];
    if (used >= per_credential_) {
      if (used == 0) in_flight_.erase(credential);
      return false;
    }
    ++used;
    return true;
  }

  // Gives back a slot taken by TryAcquire.
  void Release(uint64_t credential) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = in_flight_.find(credential);
    if (it != in_flight_.end() && --it->second <= 0) in_flight_.erase(it);
  }

  int per_credential() const { return per_credential_; }

 private:
  const int per_credential_;
  std::mutex mu_;
  absl::flat_hash_map<uint64_t, int> in_flight_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_CALL_QUOTA_H_
