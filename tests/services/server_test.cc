// The composed server: the standard health service, and the audit trail
// that every mutation leaves in the store.

#include <grpcpp/generic/generic_stub.h>

#include <future>

#include "core/storage/sqlite/database.h"
#include "tests/services/api_test_fixture.h"
#include "tests/support/status_matchers.h"

namespace hc::testing {
namespace {

class ServerTest : public ApiTest {};

TEST_F(ServerTest, HealthServiceReportsServing) {
  grpc::GenericStub stub(server_->InProcessChannel());
  grpc::ClientContext context;
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1);  // an empty HealthCheckRequest: the whole server
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", {}, &request, &response,
                 [&](grpc::Status s) { done.set_value(s); });
  ASSERT_TRUE(done.get_future().get().ok());
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (const grpc::Slice& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_EQ(bytes, std::string("\x08\x01", 2));  // status: SERVING
}

TEST_F(ServerTest, EveryMutationIsAuditedAndRefusalsAreNot) {
  const v1::Partnership p = MakePartnership("Anytown", {});
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 400);
  const v1::Engagement e = MakeEngagement(p.name());
  AddMember(e.name(), peer.name(), v1::TEAM_ROLE_LEAD_PEER);
  v1::CreatePeerRequest refused;  // invalid: writes nothing, audits nothing
  v1::Peer out;
  EXPECT_FALSE(peers_->CreatePeer(Lead().get(), refused, &out).ok());

  auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status();
  auto st = (*db)->Prepare("SELECT actor, action, resource FROM audit_log ORDER BY sequence");
  ASSERT_TRUE(st.ok()) << st.status();
  std::vector<std::string> actors, rows;
  for (;;) {
    auto more = st->Step();
    ASSERT_TRUE(more.ok()) << more.status();
    if (!*more) break;
    actors.push_back(st->Text(0));
    rows.push_back(st->Text(1) + " " + st->Text(2));
  }
  ASSERT_EQ(rows.size(), 9u);
  // The first start's programme lead and link; the lead's first sign-in (a
  // try before the password was set, the password, the session).
  const std::vector<std::string> first = {"CreateUser users/", "CreatePasswordLink users/",
                                          "SignInFailed users/", "SetPassword users/",
                                          "SignIn users/"};
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(rows[i].rfind(first[i], 0), 0u) << rows[i];
  EXPECT_EQ(std::vector<std::string>(rows.begin() + 5, rows.end()),
            (std::vector<std::string>{"CreatePartnership " + p.name(), "CreatePeer " + peer.name(),
                                      "CreateEngagement " + e.name(),
                                      "AddTeamMember " + e.name()}));
  EXPECT_EQ(actors[0], "server (first start)");
  for (size_t i = 5; i < actors.size(); ++i) {
    EXPECT_NE(actors[i].find("Programme lead (users/"), std::string::npos);
  }
}

}  // namespace
}  // namespace hc::testing
