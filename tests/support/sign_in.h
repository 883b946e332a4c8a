#ifndef HC_TESTS_SUPPORT_SIGN_IN_H_
#define HC_TESTS_SUPPORT_SIGN_IN_H_

#include <grpcpp/grpcpp.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::testing {

// The first programme lead as the tests and tools sign in.
inline constexpr char kFirstLeadEmail[] = "first.lead@example.org";
inline constexpr char kTestPassword[] = "a long test password";

// The secret in a set-password link (what follows "key="), or `link` itself.
std::string LinkSecretOf(absl::string_view link);

// Sets the password with `link` (a set-password link or its secret; `email`
// is used if the person has none yet), then signs in. Returns the
// session's secret, for "authorization: Bearer".
absl::StatusOr<std::string> SetPasswordAndSignIn(grpc::Channel& channel, absl::string_view link,
                                                 absl::string_view email,
                                                 absl::string_view password);

// Signs in as the first programme lead (kFirstLeadEmail, kTestPassword),
// first setting the password with the link in `link_file` (which the
// server's first start wrote) if that has not been done. Returns the
// session's secret.
absl::StatusOr<std::string> SignInAsFirstLead(grpc::Channel& channel,
                                              const std::string& link_file);

}  // namespace hc::testing

#endif  // HC_TESTS_SUPPORT_SIGN_IN_H_
