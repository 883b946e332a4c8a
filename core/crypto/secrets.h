#ifndef HC_CORE_CRYPTO_SECRETS_H_
#define HC_CORE_CRYPTO_SECRETS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::crypto {

// A new bearer secret: "hc_" and 256 bits from the OS CSPRNG in base64url.
// INTERNAL if the CSPRNG fails. Thread-safe.
absl::StatusOr<std::string> NewSecret();

// The lower-case hex SHA-256 of `data`. Secrets carry 256 bits of entropy,
// so an unsalted hash is enough to make the stored form useless to a thief.
std::string Sha256Hex(absl::string_view data);

}  // namespace hc::crypto

#endif  // HC_CORE_CRYPTO_SECRETS_H_
