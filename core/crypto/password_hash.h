#ifndef HC_CORE_CRYPTO_PASSWORD_HASH_H_
#define HC_CORE_CRYPTO_PASSWORD_HASH_H_

#include <chrono>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::crypto {

// Argon2id through libsodium (crypto_pwhash_str_alg), at OWASP's first
// recommended setting: 19 MiB of memory, 2 passes, 1 lane. The hash is
// libsodium's encoded string ("$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>"),
// salted with 128 random bits. At most kConcurrentHashes run at once, so
// that sign-ins can take neither every core nor unbounded memory; a caller
// waits at most kHashWait for its turn, then is told the server is busy.
// Thread-safe.
inline constexpr unsigned long long kPasswordOpsLimit = 2;
inline constexpr size_t kPasswordMemLimitBytes = 19 * 1024 * 1024;
inline constexpr int kConcurrentHashes = 2;
inline constexpr std::chrono::seconds kHashWait{2};

// INTERNAL if libsodium cannot start or runs out of memory; UNAVAILABLE if
// no turn came within kHashWait.
absl::StatusOr<std::string> HashPassword(absl::string_view password);

// Whether `password` matches `hash`. An empty or malformed hash matches
// nothing, after the same work as a real check, so that the time taken
// never tells whether an account exists. UNAVAILABLE as HashPassword.
absl::StatusOr<bool> VerifyPassword(absl::string_view hash, absl::string_view password);

// Whether `hash` was made with other settings than today's (to be replaced
// at the next sign-in).
bool NeedsRehash(absl::string_view hash);

}  // namespace hc::crypto

#endif  // HC_CORE_CRYPTO_PASSWORD_HASH_H_
