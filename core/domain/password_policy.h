#ifndef HC_CORE_DOMAIN_PASSWORD_POLICY_H_
#define HC_CORE_DOMAIN_PASSWORD_POLICY_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/domain/user.h"

namespace hc::domain {

inline constexpr size_t kMinPasswordCharacters = 12;
inline constexpr size_t kMaxPasswordCharacters = 256;

// A new password as NIST SP 800-63B (5.1.1.2) asks: 12 to 256 characters of
// any kind (spaces and every Unicode character welcome; no rules about
// digits or symbols), not one of the 10,000 commonest passwords (nor one of
// them with digits or symbols added at the end, "password2024!"), and not
// containing the person's own name or the name part of their email.
// INVALID_ARGUMENT with a message for the person choosing it.
absl::Status CheckNewPassword(absl::string_view password, const User& user);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_PASSWORD_POLICY_H_
