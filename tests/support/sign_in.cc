#include "tests/support/sign_in.h"

#include <chrono>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "healthcheck/v1/user.grpc.pb.h"

namespace hc::testing {
namespace {

namespace v1 = ::healthcheck::v1;

absl::Status FromGrpc(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

void SetDeadline(grpc::ClientContext& context) {
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
}

absl::StatusOr<std::string> SignIn(v1::UserService::Stub& users, absl::string_view email,
                                   absl::string_view password) {
  v1::SignInRequest request;
  request.set_email(std::string(email));
  request.set_password(std::string(password));
  v1::SignInResponse response;
  grpc::ClientContext context;
  SetDeadline(context);
  grpc::Status status = users.SignIn(&context, request, &response);
  if (!status.ok()) return FromGrpc(status);
  return response.secret();
}

}  // namespace

std::string LinkSecretOf(absl::string_view link) {
  const size_t at = link.find("key=");
  return std::string(at == absl::string_view::npos ? link : link.substr(at + 4));
}

absl::StatusOr<std::string> SetPasswordAndSignIn(grpc::Channel& channel, absl::string_view link,
                                                 absl::string_view email,
                                                 absl::string_view password) {
  auto users = v1::UserService::NewStub(
      std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  v1::SetPasswordRequest request;
  request.set_link_secret(LinkSecretOf(link));
  request.set_password(std::string(password));
  request.set_email(std::string(email));
  v1::User user;
  grpc::ClientContext context;
  SetDeadline(context);
  grpc::Status status = users->SetPassword(&context, request, &user);
  if (!status.ok()) return FromGrpc(status);
  return SignIn(*users, user.email(), password);
}

absl::StatusOr<std::string> SignInAsFirstLead(grpc::Channel& channel,
                                              const std::string& link_file) {
  auto users = v1::UserService::NewStub(
      std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  absl::StatusOr<std::string> session = SignIn(*users, kFirstLeadEmail, kTestPassword);
  if (!absl::IsUnauthenticated(session.status())) return session;
  std::ifstream in(link_file);
  std::string link;
  std::getline(in, link);
  if (link.empty()) {
    return absl::FailedPreconditionError(absl::StrCat("no set-password link in ", link_file));
  }
  return SetPasswordAndSignIn(channel, absl::StripAsciiWhitespace(link), kFirstLeadEmail,
                              kTestPassword);
}

}  // namespace hc::testing
