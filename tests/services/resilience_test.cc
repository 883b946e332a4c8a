// The server against failures and greedy clients: a disk failure stops it
// (UNAVAILABLE, health NOT_SERVING), a second server on the same store is
// refused, a full worker queue refuses at once, an escaping exception is an
// INTERNAL answer, and refusals anyone can cause are logged at a bounded rate.

#include <grpcpp/generic/generic_stub.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <future>
#include <latch>
#include <memory>
#include <stdexcept>

#include "absl/synchronization/notification.h"
#include "services/common/call_quota.h"
#include "services/common/call_runner.h"
#include "services/common/executor.h"
#include "services/common/rate_limiter.h"
#include "tests/services/api_test_fixture.h"
#include "tests/support/faulty_vfs.h"
#include "tests/support/status_matchers.h"

namespace hc::testing {
namespace {

// Calls `method` with `request` as raw bytes, as any client may; the answer's
// bytes go to `response` when given.
grpc::Status RawCall(services::HealthCheckServer& server, const std::string& method,
                     const std::string& request, grpc::ClientContext& context,
                     std::string* response = nullptr) {
  grpc::GenericStub stub(server.InProcessChannel());
  grpc::Slice slice(request);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, {}, &request_buffer, &response_buffer,
                 [&](grpc::Status s) { done.set_value(s); });
  grpc::Status status = done.get_future().get();
  std::vector<grpc::Slice> slices;
  if (status.ok() && response != nullptr && response_buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      response->append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  return status;
}

// The health service's answer for the whole server: "\x08\x01" is SERVING,
// "\x08\x02" NOT_SERVING.
std::string HealthOf(services::HealthCheckServer& server) {
  grpc::ClientContext context;
  std::string bytes;
  if (!RawCall(server, "/grpc.health.v1.Health/Check", "", context, &bytes).ok()) {
    return "unreachable";
  }
  return bytes;
}

class DiskFailureTest : public ApiTest {
 protected:
  void Configure(services::ServerConfig& config) override {
    FaultyVfs::Register();
    config.store_vfs = FaultyVfs::kName;
  }
  void TearDown() override {
    FaultyVfs::Disarm();
    ApiTest::TearDown();
  }
};

TEST_F(DiskFailureTest, AFailedSyncAnswersUnavailableAndTheServerSaysNotServing) {
  const v1::Partnership before = MakePartnership("Anytown", {});
  EXPECT_EQ(HealthOf(*server_), std::string("\x08\x01", 2));

  FaultyVfs::FailNextSync("-wal");
  v1::CreatePartnershipRequest request;
  request.set_request_id("b8c2a7e0-5d1f-4b9e-9b7a-1f2e3d4c5b6a");
  request.mutable_partnership()->set_display_name("Borough");
  request.mutable_partnership()->set_kind(v1::PARTNERSHIP_KIND_CSP);
  v1::Partnership out;
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIsWith(grpc::StatusCode::UNAVAILABLE, "retry with the same request_id"));
  EXPECT_EQ(HealthOf(*server_), std::string("\x08\x02", 2));
  // Nothing more is acknowledged, and nothing read, until a restart.
  EXPECT_THAT(partnerships_->CreatePartnership(Lead().get(), request, &out),
              GrpcIsWith(grpc::StatusCode::UNAVAILABLE, "until the server is restarted"));
  v1::GetPartnershipRequest get;
  get.set_name(before.name());
  EXPECT_THAT(partnerships_->GetPartnership(Lead().get(), get, &out),
              GrpcIs(grpc::StatusCode::UNAVAILABLE));
}

class StoreOwnershipTest : public ApiTest {};

TEST_F(StoreOwnershipTest, ASecondServerOnTheSameStoreIsRefused) {
  services::ServerConfig config;
  config.listen_address = "";
  config.http_listen_address = "";
  config.store_path = dir_.File("store.db");
  config.first_lead_link_file = dir_.File("other.link");
  config.report_renderer = renderer_;
  EXPECT_THAT(services::HealthCheckServer::Start(config).status(),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "in use by another process"));
}

class DeletedHolderTest : public ApiTest {};

TEST_F(DeletedHolderTest, DeletingAPeerOrAPartnershipRevokesItsTokens) {
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 400);
  const v1::Partnership p = MakePartnership("Anytown", {});
  const std::string peer_token = TokenFor(v1::ROLE_PEER, peer.name());
  const std::string contact_token = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", p.name());
  v1::ListPartnershipsRequest list;
  v1::ListPartnershipsResponse listed;
  ASSERT_TRUE(partnerships_->ListPartnerships(Ctx(peer_token).get(), list, &listed).ok());
  ASSERT_TRUE(partnerships_->ListPartnerships(Ctx(contact_token).get(), list, &listed).ok());

  google::protobuf::Empty empty;
  v1::DeletePeerRequest delete_peer;
  delete_peer.set_name(peer.name());
  ASSERT_TRUE(peers_->DeletePeer(Lead().get(), delete_peer, &empty).ok());
  v1::DeletePartnershipRequest delete_partnership;
  delete_partnership.set_name(p.name());
  ASSERT_TRUE(partnerships_->DeletePartnership(Lead().get(), delete_partnership, &empty).ok());

  EXPECT_THAT(partnerships_->ListPartnerships(Ctx(peer_token).get(), list, &listed),
              GrpcIs(grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(partnerships_->ListPartnerships(Ctx(contact_token).get(), list, &listed),
              GrpcIs(grpc::StatusCode::UNAUTHENTICATED));
  // The lead's own token is untouched.
  EXPECT_TRUE(partnerships_->ListPartnerships(Lead().get(), list, &listed).ok());
}

// Asks the reflection service (a bidirectional stream) for the services'
// names, half-closes and returns the stream's status.
grpc::Status ReflectionListsServices(services::HealthCheckServer& server) {
  grpc::GenericStub stub(server.InProcessChannel());
  grpc::ClientContext context;
  grpc::CompletionQueue cq;
  auto call = stub.PrepareCall(
      &context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  void* tag = nullptr;
  bool ok = false;
  const auto step = [&](int n) { return cq.Next(&tag, &ok) && tag == reinterpret_cast<void*>(n); };
  call->StartCall(reinterpret_cast<void*>(1));
  if (!step(1) || !ok) return grpc::Status(grpc::StatusCode::UNKNOWN, "no start");
  grpc::Slice list_services(std::string("\x3a\x00", 2));  // list_services: ""
  grpc::ByteBuffer request(&list_services, 1);
  call->Write(request, reinterpret_cast<void*>(2));
  if (!step(2) || !ok) return grpc::Status(grpc::StatusCode::UNKNOWN, "no write");
  call->WritesDone(reinterpret_cast<void*>(3));
  if (!step(3)) return grpc::Status(grpc::StatusCode::UNKNOWN, "no half-close");
  grpc::ByteBuffer response;
  for (int n = 4;; ++n) {
    call->Read(&response, reinterpret_cast<void*>(n));
    if (!step(n)) return grpc::Status(grpc::StatusCode::UNKNOWN, "no read");
    if (!ok) break;
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(100));
  if (!step(100)) return grpc::Status(grpc::StatusCode::UNKNOWN, "no finish");
  return status;
}

class UnreadableRequestTest : public ApiTest {};

TEST_F(UnreadableRequestTest, InvalidUtf8InATextFieldIsInvalidArgumentAndChangesNothing) {
  v1::CreatePartnershipRequest request;
  request.set_request_id("4f0c1c8e-2b4a-4d7e-9a53-0c7a1e5b2d11");
  request.mutable_partnership()->set_display_name("AnytownXX");
  request.mutable_partnership()->set_kind(v1::PARTNERSHIP_KIND_CSP);
  std::string bytes = request.SerializeAsString();
  // "XX" becomes a lone continuation byte and an overlong lead byte.
  bytes.replace(bytes.find("XX"), 2, "\x80\xc0");

  const std::string method = "/healthcheck.v1.PartnershipService/CreatePartnership";
  EXPECT_THAT(RawCall(*server_, method, bytes, *Lead()),
              GrpcIsWith(grpc::StatusCode::INVALID_ARGUMENT, "not UTF-8"));
  // Bytes that are no message at all (a length running past the end).
  EXPECT_THAT(RawCall(*server_, method, std::string("\x0a\x7f\x01", 3), *Lead()),
              GrpcIs(grpc::StatusCode::INVALID_ARGUMENT));
  v1::ListPartnershipsResponse listed;
  ASSERT_TRUE(partnerships_->ListPartnerships(Lead().get(), {}, &listed).ok());
  EXPECT_EQ(listed.partnerships_size(), 0);

  // A readable request still works, a method that does not exist is still
  // UNIMPLEMENTED, and a stream that ends when the client half-closes
  // (reflection's) still ends OK.
  EXPECT_TRUE(ReflectionListsServices(*server_).ok());
  EXPECT_TRUE(RawCall(*server_, method, request.SerializeAsString(), *Lead()).ok());
  EXPECT_THAT(RawCall(*server_, "/healthcheck.v1.PartnershipService/NoSuchMethod", "", *Lead()),
              GrpcIs(grpc::StatusCode::UNIMPLEMENTED));
}

// Sends `request` as is to the web port and returns the status line.
std::string RawHttp(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    return "cannot connect";
  }
  [[maybe_unused]] ssize_t sent = ::send(fd, request.data(), request.size(), 0);
  std::string reply(4096, '\0');
  const ssize_t n = ::recv(fd, reply.data(), reply.size(), 0);
  ::close(fd);
  reply.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return reply.substr(0, reply.find("\r\n"));
}

class WebPortTest : public ApiTest {};

TEST_F(WebPortTest, ARequestWithAnAmbiguousLengthIsRefusedAsBadRequest) {
  const std::string head =
      "POST /q/abc/p/1 HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\n";
  EXPECT_EQ(RawHttp(server_->http_port(),
                    head + "Content-Length: 5\r\nContent-Length: 50\r\n\r\nhello"),
            "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(RawHttp(server_->http_port(), head +
                                             "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"
                                             "\r\n0\r\n\r\n"),
            "HTTP/1.1 400 Bad Request");
  // One length is an ordinary request (here, for a link that does not exist).
  EXPECT_EQ(RawHttp(server_->http_port(), head + "Content-Length: 5\r\n\r\nhello"),
            "HTTP/1.1 404 Not Found");
}

TEST(StartUpTest, ALinkFileOthersCanReadIsNeverWrittenTo) {
  TempDir dir;
  {
    std::ofstream planted(dir.File("lead.link"));
    planted << "planted by someone else\n";
  }
  ::chmod(dir.File("lead.link").c_str(), 0644);
  services::ServerConfig config;
  config.listen_address = "";
  config.http_listen_address = "";
  config.store_path = dir.File("store.db");
  config.first_lead_link_file = dir.File("lead.link");
  config.report_renderer = std::make_shared<FakeReportRenderer>();
  EXPECT_THAT(services::HealthCheckServer::Start(config).status(),
              StatusIsWith(absl::StatusCode::kFailedPrecondition, "is not this server's own"));
  std::ifstream in(dir.File("lead.link"));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "planted by someone else");
}

TEST(ExecutorTest, ATaskBeyondTheQueueIsRefusedAndLeftWithTheCaller) {
  absl::Notification release;
  std::latch started(1);
  auto executor = std::make_unique<services::Executor>(1, 1);
  std::function<void()> blocker = [&] {
    started.count_down();
    release.WaitForNotification();
  };
  ASSERT_TRUE(executor->TrySchedule(blocker));
  started.wait();  // the one worker is busy
  bool queued_ran = false;
  std::function<void()> queued = [&] { queued_ran = true; };
  ASSERT_TRUE(executor->TrySchedule(queued));
  bool refused_ran = false;
  std::function<void()> refused = [&] { refused_ran = true; };
  EXPECT_FALSE(executor->TrySchedule(refused));
  ASSERT_TRUE(refused) << "a refused task is left with the caller";
  release.Notify();
  executor.reset();  // runs what was queued, then joins
  EXPECT_TRUE(queued_ran);
  EXPECT_FALSE(refused_ran);
}

TEST(CallQuotaTest, OneCredentialIsHeldToItsQuotaAndOthersAreNot) {
  services::CallQuota quota(2);
  const uint64_t greedy = 11, other = 22;
  quota.Vouch(greedy);
  quota.Vouch(other);
  const auto first = quota.TryAcquire(greedy);
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(quota.TryAcquire(greedy).has_value());
  EXPECT_FALSE(quota.TryAcquire(greedy).has_value());
  EXPECT_TRUE(quota.TryAcquire(other).has_value());
  quota.Release(*first);
  EXPECT_TRUE(quota.TryAcquire(greedy).has_value());
  EXPECT_FALSE(quota.TryAcquire(greedy).has_value());
}

TEST(CallQuotaTest, CredentialsNeverProvenShareOneQuotaWhateverTheyAre) {
  services::CallQuota quota(2);
  quota.Vouch(7);
  // A new bogus token per call buys nothing: they all share one quota,
  // with the calls that send none.
  const auto a = quota.TryAcquire(1001);
  ASSERT_TRUE(a.has_value());
  EXPECT_TRUE(quota.TryAcquire(1002).has_value());
  EXPECT_FALSE(quota.TryAcquire(1003).has_value());
  EXPECT_FALSE(quota.TryAcquire(0).has_value());
  // A proven credential is not held back by them.
  EXPECT_TRUE(quota.TryAcquire(7).has_value());
  quota.Release(*a);
  EXPECT_TRUE(quota.TryAcquire(1004).has_value());
}

TEST(CallRunnerTest, AnExceptionEscapingAHandlerIsAnsweredAsInternal) {
  const domain::Principal principal;
  EXPECT_THAT(services::CallRunner::RunGuarded(
                  [](const domain::Principal&) -> absl::Status {
                    throw std::runtime_error("a bug");
                  },
                  principal),
              StatusIsWith(absl::StatusCode::kInternal, "a bug"));
  EXPECT_THAT(services::CallRunner::RunGuarded(
                  [](const domain::Principal&) -> absl::Status { throw 42; }, principal),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(services::CallRunner::RunGuarded(
                  [](const domain::Principal&) { return absl::NotFoundError("x"); }, principal),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(RateLimiterTest, LetsThroughAtMostTheLimitASecondAndCountsTheRest) {
  services::RateLimiter limiter(3);
  const absl::Time t0 = absl::FromUnixSeconds(1000);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Admit(t0), 0);
  for (int i = 0; i < 500; ++i) EXPECT_EQ(limiter.Admit(t0 + absl::Milliseconds(i)), std::nullopt);
  // The next second lets the first line through with the count held back.
  EXPECT_EQ(limiter.Admit(t0 + absl::Seconds(1)), 500);
  EXPECT_EQ(limiter.Admit(t0 + absl::Seconds(1)), 0);
}

}  // namespace
}  // namespace hc::testing
