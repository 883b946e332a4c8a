#include "services/common/unreadable_request.h"

namespace hc::services {
namespace {

using grpc::experimental::InterceptionHookPoints;

class UnreadableRequestInterceptor : public grpc::experimental::Interceptor {
 public:
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    // The server hands interceptors a null message when it could not parse
    // the request; its handler then never runs, and gRPC answers with an
    // empty UNIMPLEMENTED, the one answer rewritten here.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      unreadable_ = true;
    }
    if (unreadable_ &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        methods->GetSendStatus().error_code() == grpc::StatusCode::UNIMPLEMENTED &&
        methods->GetSendStatus().error_message().empty()) {
      methods->ModifySendStatus(grpc::Status(
          grpc::StatusCode::INVALID_ARGUMENT,
          "the request could not be read: a text field holds bytes that are not UTF-8, or the "
          "message is not a valid request for this method"));
    }
    methods->Proceed();
  }

 private:
  bool unreadable_ = false;
};

}  // namespace

grpc::experimental::Interceptor* UnreadableRequestInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  // Only calls that read exactly one request: a streaming read also ends
  // with no message when the client half-closes (reflection's bidi stream).
  using Type = grpc::experimental::ServerRpcInfo::Type;
  if (info->type() != Type::UNARY && info->type() != Type::SERVER_STREAMING) return nullptr;
  return new UnreadableRequestInterceptor();
}

}  // namespace hc::services
