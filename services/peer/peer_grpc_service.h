#ifndef HC_SERVICES_PEER_PEER_GRPC_SERVICE_H_
#define HC_SERVICES_PEER_PEER_GRPC_SERVICE_H_

#include "core/app/peer_app_service.h"
#include "healthcheck/v1/peer.grpc.pb.h"
#include "services/common/call_runner.h"

namespace hc::services {

// healthcheck.v1.PeerService over PeerAppService.
class PeerGrpcService final : public healthcheck::v1::PeerService::CallbackService {
 public:
  PeerGrpcService(CallRunner& runner, app::PeerAppService& app) : runner_(runner), app_(app) {}

  grpc::ServerUnaryReactor* CreatePeer(grpc::CallbackServerContext* context,
                                       const healthcheck::v1::CreatePeerRequest* request,
                                       healthcheck::v1::Peer* response) override;
  grpc::ServerUnaryReactor* GetPeer(grpc::CallbackServerContext* context,
                                    const healthcheck::v1::GetPeerRequest* request,
                                    healthcheck::v1::Peer* response) override;
  grpc::ServerUnaryReactor* ListPeers(grpc::CallbackServerContext* context,
                                      const healthcheck::v1::ListPeersRequest* request,
                                      healthcheck::v1::ListPeersResponse* response) override;
  grpc::ServerUnaryReactor* UpdatePeer(grpc::CallbackServerContext* context,
                                       const healthcheck::v1::UpdatePeerRequest* request,
                                       healthcheck::v1::Peer* response) override;
  grpc::ServerUnaryReactor* DeletePeer(grpc::CallbackServerContext* context,
                                       const healthcheck::v1::DeletePeerRequest* request,
                                       google::protobuf::Empty* response) override;

 private:
  CallRunner& runner_;
  app::PeerAppService& app_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_PEER_PEER_GRPC_SERVICE_H_
