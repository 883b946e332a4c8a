#ifndef HC_SERVICES_COMMON_CALL_QUOTA_H_
#define HC_SERVICES_COMMON_CALL_QUOTA_H_

#include <cstdint>
#include <mutex>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace hc::services {

// How many calls one credential may have in flight at once (waiting for a
// worker or running), so that no client, however greedy, can take every
// worker and the whole queue from the others. Credentials are told apart by
// a hash of what the call sends, before authentication (which needs a
// worker). A credential has a quota of its own once it has authenticated
// (Vouch); until then it shares one quota with every other unproven
// credential and with calls that send none, so that inventing a new bogus
// token per call buys no more than one quota. Holds an entry only per
// credential with a call in flight, and at most kMaxVouched proven ones.
// Thread-safe.
class CallQuota {
 public:
  static constexpr size_t kMaxVouched = 100'000;

  explicit CallQuota(int per_credential) : per_credential_(per_credential) {}

  // Takes a slot for a call sending `credential` (0: none): the key of the
  // quota it came from, to release it with, or nullopt when every slot of
  // that quota is taken.
  std::optional<uint64_t> TryAcquire(uint64_t credential) {
    std::lock_guard<std::mutex> lock(mu_);
    const uint64_t key = vouched_.contains(credential) ? credential : kUnproven;
    int& used = in_flight_[key];
    if (used >= per_credential_) return std::nullopt;
    ++used;
    return key;
  }

  // Gives back a slot, by the key TryAcquire returned.
  void Release(uint64_t key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = in_flight_.find(key);
    if (it != in_flight_.end() && --it->second <= 0) in_flight_.erase(it);
  }

  // Records that `credential` authenticated: its calls get a quota of their
  // own from now on.
  void Vouch(uint64_t credential) {
    if (credential == kUnproven) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (vouched_.size() >= kMaxVouched) vouched_.clear();  // proven again on their next call
    vouched_.insert(credential);
  }

  int per_credential() const { return per_credential_; }

 private:
  // The shared quota's key: no credential hashes to it (CredentialKey).
  static constexpr uint64_t kUnproven = 0;

  const int per_credential_;
  std::mutex mu_;
  absl::flat_hash_map<uint64_t, int> in_flight_;
  absl::flat_hash_set<uint64_t> vouched_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_CALL_QUOTA_H_
