#ifndef HC_SERVICES_COMMON_UNREADABLE_REQUEST_H_
#define HC_SERVICES_COMMON_UNREADABLE_REQUEST_H_

#include <memory>

#include <grpcpp/support/server_interceptor.h>

namespace hc::services {

// gRPC answers a request it cannot parse (a string field holding bytes that
// are not UTF-8, a truncated message) with UNIMPLEMENTED and no message, as
// if the method did not exist, before any handler runs. This interceptor
// turns that answer into INVALID_ARGUMENT with a message the client can act
// on. It changes nothing else: an unknown method stays UNIMPLEMENTED.
class UnreadableRequestInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

inline std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeUnreadableRequestInterceptorFactory() {
  return std::make_unique<UnreadableRequestInterceptorFactory>();
}

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_UNREADABLE_REQUEST_H_
