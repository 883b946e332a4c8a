#include "tests/bench/scenarios.h"

#include <atomic>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "healthcheck/bench/v1/echo.grpc.pb.h"
#include "healthcheck/v1/engagement.grpc.pb.h"
#include "healthcheck/v1/peer.grpc.pb.h"
#include "tests/bench/call_context.h"

namespace hc::bench {
namespace {

namespace v1 = ::healthcheck::v1;

// The state of one unary call, alive from StartCall until its callback has
// run.
template <typename Request, typename Response>
struct UnaryCall {
  grpc::ClientContext context;
  Request request;
  Response response;
};

// Starts `request` through `method` of the callback API `async` (a stub's
// async(), e.g. &Stub::async::GetEngagement) and runs `done` when it
// finishes. The call owns its state and frees it
// after `done` returns.
template <typename Async, typename Request, typename Response>
void StartUnary(Async* async,
                void (Async::*method)(grpc::ClientContext*, const Request*, Response*,
                                      std::function<void(grpc::Status)>),
                const std::string& token, std::chrono::system_clock::time_point deadline,
                Request request, Scenario::Done done) {
  auto* call = new UnaryCall<Request, Response>;
  call->request = std::move(request);
  PrepareContext(&call->context, token, deadline);
  (async->*method)(&call->context, &call->request, &call->response,
                   [call, done = std::move(done)](grpc::Status status) {
                     done(status);
                     delete call;
                   });
}

class EchoScenario final : public Scenario {
 public:
  EchoScenario(std::shared_ptr<grpc::Channel> channel, std::string token)
      : stub_(healthcheck::bench::v1::EchoService::NewStub(std::move(channel))),
        token_(std::move(token)) {
    request_.set_payload(std::string(64, 'x'));
  }

  std::string name() const override { return "echo"; }

  void StartCall(std::chrono::system_clock::time_point deadline, Done done) override {
    StartUnary(stub_->async(), &healthcheck::bench::v1::EchoService::Stub::async::Echo, token_,
               deadline, request_, std::move(done));
  }

 private:
  std::unique_ptr<healthcheck::bench::v1::EchoService::Stub> stub_;
  const std::string token_;
  healthcheck::bench::v1::EchoMessage request_;
};

class GetEngagementScenario final : public Scenario {
 public:
  GetEngagementScenario(std::shared_ptr<grpc::Channel> channel, std::string token,
                        const Fixture& fixture)
      : stub_(v1::EngagementService::NewStub(std::move(channel))), token_(std::move(token)) {
    request_.set_name(fixture.engagement);
  }

  std::string name() const override { return "get_engagement"; }

  void StartCall(std::chrono::system_clock::time_point deadline, Done done) override {
    StartUnary(stub_->async(), &v1::EngagementService::Stub::async::GetEngagement, token_, deadline,
               request_, std::move(done));
  }

 private:
  std::unique_ptr<v1::EngagementService::Stub> stub_;
  const std::string token_;
  v1::GetEngagementRequest request_;
};

class CreatePeerScenario final : public Scenario {
 public:
  CreatePeerScenario(std::shared_ptr<grpc::Channel> channel, std::string token,
                     const Fixture& fixture)
      : stub_(v1::PeerService::NewStub(std::move(channel))),
        token_(std::move(token)),
        run_id_(fixture.run_id) {}

  std::string name() const override { return "create_peer"; }

  // Each call registers a new peer: the email and request_id carry this
  // process's run id and a counter, so no two calls (nor two runs against
  // one store) collide.
  void StartCall(std::chrono::system_clock::time_point deadline, Done done) override {
    const int64_t n = next_.fetch_add(1, std::memory_order_relaxed);
    v1::CreatePeerRequest request;
    request.set_request_id(absl::StrCat("load-", run_id_, "-", n));
    v1::Peer* peer = request.mutable_peer();
    peer->set_display_name(absl::StrCat("Load Peer ", n));
    peer->set_email(absl::StrCat("load-", run_id_, "-", n, "@example.org"));
    peer->set_home_organisation("Loadtown Borough Council");
    peer->set_home_sector(v1::SECTOR_LOCAL_GOVERNMENT);
    peer->add_skills("community safety");
    StartUnary(stub_->async(), &v1::PeerService::Stub::async::CreatePeer, token_, deadline,
               std::move(request), std::move(done));
  }

 private:
  std::unique_ptr<v1::PeerService::Stub> stub_;
  const std::string token_;
  const std::string run_id_;
  std::atomic<int64_t> next_{0};
};

}  // namespace

const std::vector<std::string>& ScenarioNames() {
  static const auto* const kNames =
      new std::vector<std::string>{"echo", "get_engagement", "create_peer"};
  return *kNames;
}

absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(const std::string& name,
                                                       std::shared_ptr<grpc::Channel> channel,
                                                       const std::string& token,
                                                       const Fixture& fixture) {
  if (name == "echo") return std::make_unique<EchoScenario>(std::move(channel), token);
  if (name == "get_engagement") {
    return std::make_unique<GetEngagementScenario>(std::move(channel), token, fixture);
  }
  if (name == "create_peer") {
    return std::make_unique<CreatePeerScenario>(std::move(channel), token, fixture);
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown scenario \"", name, "\"; use one of ",
                                                 absl::StrJoin(ScenarioNames(), ", ")));
}

}  // namespace hc::bench
