#ifndef HC_SERVICES_USER_USER_GRPC_SERVICE_H_
#define HC_SERVICES_USER_USER_GRPC_SERVICE_H_

#include <string>
#include <utility>

#include "core/app/user_app_service.h"
#include "healthcheck/v1/user.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.UserService over UserAppService.
class UserGrpcService final : public healthcheck::v1::UserService::CallbackService {
 public:
  // `origin` is the web app's, which set-password links point to. With
  // `trust_forwarded_for` (behind a proxy), a sign-in's address is the last
  // entry of its x-forwarded-for metadata.
  UserGrpcService(CallRunner& runner, app::UserAppService& app, std::string origin,
                  bool trust_forwarded_for)
      : runner_(runner),
        app_(app),
        origin_(std::move(origin)),
        trust_forwarded_for_(trust_forwarded_for) {}

  using Context = grpc::CallbackServerContext;
  grpc::ServerUnaryReactor* CreateUser(Context* context,
                                       const healthcheck::v1::CreateUserRequest* request,
                                       healthcheck::v1::UserWithLink* response) override;
  grpc::ServerUnaryReactor* GetUser(Context* context,
                                    const healthcheck::v1::GetUserRequest* request,
                                    healthcheck::v1::User* response) override;
  grpc::ServerUnaryReactor* ListUsers(Context* context,
                                      const healthcheck::v1::ListUsersRequest* request,
                                      healthcheck::v1::ListUsersResponse* response) override;
  grpc::ServerUnaryReactor* UpdateUser(Context* context,
                                       const healthcheck::v1::UpdateUserRequest* request,
                                       healthcheck::v1::User* response) override;
  grpc::ServerUnaryReactor* SuspendUser(Context* context,
                                        const healthcheck::v1::SuspendUserRequest* request,
                                        healthcheck::v1::User* response) override;
  grpc::ServerUnaryReactor* ReactivateUser(Context* context,
                                           const healthcheck::v1::ReactivateUserRequest* request,
                                           healthcheck::v1::User* response) override;
  grpc::ServerUnaryReactor* CreatePasswordLink(
      Context* context, const healthcheck::v1::CreatePasswordLinkRequest* request,
      healthcheck::v1::UserWithLink* response) override;
  grpc::ServerUnaryReactor* SetPassword(Context* context,
                                        const healthcheck::v1::SetPasswordRequest* request,
                                        healthcheck::v1::User* response) override;
  grpc::ServerUnaryReactor* ChangePassword(Context* context,
                                           const healthcheck::v1::ChangePasswordRequest* request,
                                           healthcheck::v1::User* response) override;
  grpc::ServerUnaryReactor* SignIn(Context* context,
                                   const healthcheck::v1::SignInRequest* request,
                                   healthcheck::v1::SignInResponse* response) override;
  grpc::ServerUnaryReactor* SignOut(Context* context,
                                    const healthcheck::v1::SignOutRequest* request,
                                    google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ListSessions(Context* context,
                                         const healthcheck::v1::ListSessionsRequest* request,
                                         healthcheck::v1::ListSessionsResponse* response) override;
  grpc::ServerUnaryReactor* EndSession(Context* context,
                                       const healthcheck::v1::EndSessionRequest* request,
                                       healthcheck::v1::Session* response) override;

 private:
  CallRunner& runner_;
  app::UserAppService& app_;
  const std::string origin_;
  const bool trust_forwarded_for_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_USER_USER_GRPC_SERVICE_H_
