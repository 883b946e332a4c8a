#ifndef HC_SERVICES_ECHO_ECHO_GRPC_SERVICE_H_
#define HC_SERVICES_ECHO_ECHO_GRPC_SERVICE_H_

#include "healthcheck/bench/v1/echo.grpc.pb.h"

namespace hc::services {

// The benchmarks' baseline: answers on the reactor thread with no
// authentication, no worker hop and no storage. Registered only with
// --enable_echo.
class EchoGrpcService final : public healthcheck::bench::v1::EchoService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context,
                                 const healthcheck::bench::v1::EchoMessage* request,
                                 healthcheck::bench::v1::EchoMessage* response) override {
    response->set_payload(request->payload());
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace hc::services

#endif  // HC_SERVICES_ECHO_ECHO_GRPC_SERVICE_H_
