#include "core/crypto/password_hash.h"

#include <sodium.h>

#include <semaphore>

namespace hc::crypto {
namespace {

std::counting_semaphore<kConcurrentHashes>& HashSlots() {
  static auto* const slots = new std::counting_semaphore<kConcurrentHashes>(kConcurrentHashes);
  return *slots;
}

// Holds one of the hash slots for its lifetime, if one came in time.
class HashSlot {
 public:
  HashSlot() : held_(HashSlots().try_acquire_for(kHashWait)) {}
  ~HashSlot() {
    if (held_) HashSlots().release();
  }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
  absl::Status status() const {
    return held_ ? absl::OkStatus()
                 : absl::UnavailableError("the server is busy checking passwords; try again");
  }

 private:
  const bool held_;
};

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// A hash of a password nobody has, checked against when there is no real
// hash, so that a sign-in for an unknown account costs the same.
const std::string& DecoyHash() {
  static const auto* const decoy = [] {
    absl::StatusOr<std::string> hash = HashPassword("no account has this password");
    return new std::string(hash.ok() ? *hash : "");
  }();
  return *decoy;
}

}  // namespace

absl::StatusOr<std::string> HashPassword(absl::string_view password) {
  if (!SodiumReady()) return absl::InternalError("libsodium could not start");
  char out[crypto_pwhash_STRBYTES];
  HashSlot slot;
  if (!slot.status().ok()) return slot.status();
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kPasswordOpsLimit,
                            kPasswordMemLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::InternalError("out of memory while hashing a password");
  }
  return std::string(out);
}

absl::StatusOr<bool> VerifyPassword(absl::string_view hash, absl::string_view password) {
  if (!SodiumReady()) return absl::InternalError("libsodium could not start");
  const bool real = !hash.empty() && hash.size() < crypto_pwhash_STRBYTES;
  const std::string stored(real ? hash : absl::string_view(DecoyHash()));
  HashSlot slot;
  if (!slot.status().ok()) return slot.status();
  const bool match =
      crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
  return real && match;
}

bool NeedsRehash(absl::string_view hash) {
  const std::string stored(hash);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), kPasswordOpsLimit,
                                        kPasswordMemLimitBytes) != 0;
}

}  // namespace hc::crypto
