// Every method of every healthcheck.v1 service, enumerated from the service
// descriptors, refuses a call without a token (UNAUTHENTICATED), with an
// unknown or revoked token (UNAUTHENTICATED), and from a principal with the
// wrong role or no part in the resource (PERMISSION_DENIED), sign-in and
// setting a password (which carry their own proof) excepted; over gRPC and
// over the HTTP port's Connect protocol alike. A unary method
// added to the API is covered without touching this file (a streaming one
// is called through its own stub below); a list method must be named in
// kFilteredLists and is then checked to return nothing foreign.

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/generic/generic_stub.h>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <httplib.h>

#include <future>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "healthcheck/v1/report.grpc.pb.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

using GenericStub = grpc::TemplatedGenericStub<Message, Message>;

constexpr const char* kApiFiles[] = {
    "healthcheck/v1/partnership.proto", "healthcheck/v1/peer.proto",
    "healthcheck/v1/engagement.proto",  "healthcheck/v1/programme.proto",
    "healthcheck/v1/access.proto",      "healthcheck/v1/admin.proto",
    "healthcheck/v1/framework.proto",
    "healthcheck/v1/questionnaire.proto", "healthcheck/v1/fieldwork.proto",
    "healthcheck/v1/evidence.proto",    "healthcheck/v1/finding.proto",
    "healthcheck/v1/improvement_plan.proto",
    "healthcheck/v1/report.proto",      "healthcheck/v1/user.proto",
};

// The calls that carry their own proof (a set-password link; an email and
// password) and read no credentials: never UNAUTHENTICATED for a missing
// token, never successful with the filled-in request.
const std::set<std::string> kSelfProving = {
    "healthcheck.v1.UserService.SetPassword",
    "healthcheck.v1.UserService.SignIn",
};

// Calls on the caller's own session, which every principal may make.
const std::set<std::string> kOwnSession = {
    "healthcheck.v1.UserService.SignOut",
};

// Lists that every principal may call: they return only what it may see.
const std::set<std::string> kFilteredLists = {
    "healthcheck.v1.PartnershipService.ListPartnerships",
    "healthcheck.v1.EngagementService.ListEngagements",
};

// Reads of published material that every role may make: the benchmarks.
const std::set<std::string> kOpenToEveryRole = {
    "healthcheck.v1.FrameworkService.ListFrameworks",
    "healthcheck.v1.FrameworkService.GetFramework",
};

// Every method of the API, streaming or not.
std::vector<const MethodDescriptor*> EveryMethod() {
  std::vector<const MethodDescriptor*> methods;
  for (const char* file : kApiFiles) {
    const auto* fd = google::protobuf::DescriptorPool::generated_pool()->FindFileByName(file);
    EXPECT_NE(fd, nullptr) << file;
    if (fd == nullptr) continue;
    for (int s = 0; s < fd->service_count(); ++s) {
      for (int m = 0; m < fd->service(s)->method_count(); ++m) {
        methods.push_back(fd->service(s)->method(m));
      }
    }
  }
  return methods;
}

// The unary methods, which the generic stub below calls.
std::vector<const MethodDescriptor*> AllMethods() {
  std::vector<const MethodDescriptor*> unary;
  for (const MethodDescriptor* m : EveryMethod()) {
    if (!m->client_streaming() && !m->server_streaming()) unary.push_back(m);
  }
  return unary;
}

// The resource names a request is filled with: all belong to someone else.
struct Targets {
  std::string partnership;
  std::string peer;
  std::string engagement;
  std::string access_token;
  std::string user;  // the programme lead's
};

std::string OwnResource(const MethodDescriptor* method, const Targets& t) {
  const std::string service = method->service()->name();
  if (service == "PartnershipService") return t.partnership;
  if (service == "PeerService") return t.peer;
  if (service == "AccessService") return t.access_token;
  if (method->name() == "EndSession") return t.user + "/sessions/s1";
  if (service == "UserService") return t.user;
  if (service == "FrameworkService") return "frameworks/digging-deeper/versions/1";
  if (method->name() == "SetCommentQuotable") {
    return t.engagement + "/questionnaire/comments/00ff";
  }
  const std::string& name = method->name();
  if (service == "FieldworkService" && name.find("Create") != 0 && name.find("List") != 0) {
    if (name.find("Document") != std::string::npos) return t.engagement + "/documents/d1";
    if (name.find("Activit") != std::string::npos) return t.engagement + "/activities/a1";
  }
  if (name == "GetTriangulation") return t.engagement + "/triangulation";
  if (service == "EvidenceService" && name.find("Create") != 0 && name.find("List") != 0) {
    return t.engagement + "/notes/n1";
  }
  if (name == "GetInitialFeedback") return t.engagement + "/initialFeedback";
  if (service == "ReportService" && name != "CreateReport" && name != "ListReports") {
    return t.engagement + "/reports/1";
  }
  if (service == "FindingService" && name.find("Create") != 0 && name.find("List") != 0) {
    if (name.find("Recommendation") != std::string::npos) {
      return t.engagement + "/recommendations/r1";
    }
    return t.engagement + "/findings/f1";
  }
  if (service == "ImprovementPlanService") {
    const std::string plan = t.engagement + "/improvementPlan";
    if (name == "RecordCheckIn") return plan + "/checkIns/1";
    const bool on_action = name == "GetAction" || name == "UpdateAction" ||
                           name == "VerifyAction" || name.find("ProgressUpdate") != std::string::npos;
    return on_action ? plan + "/actions/a1" : plan;
  }
  if (service == "QuestionnaireService" && method->name() != "CreateQuestionnaire") {
    return t.engagement + "/questionnaire";
  }
  return t.engagement;
}

// Sets every resource-name field of `message` (and of its singular message
// fields) to a real resource of another principal.
void Fill(Message& message, const std::string& own, const Targets& t, int depth = 0) {
  const Descriptor* d = message.GetDescriptor();
  const auto* reflection = message.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->is_repeated()) continue;
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      if (f->name() == "name" || f->name() == "parent" || f->name() == "engagement") {
        reflection->SetString(&message, f, f->name() == "engagement" ? t.engagement : own);
      } else if (f->name() == "user") {
        reflection->SetString(&message, f, t.user);
      } else if (f->name() == "peer") {
        reflection->SetString(&message, f, t.peer);
      } else if (f->name() == "partnership") {
        reflection->SetString(&message, f, t.partnership);
      } else if (f->name() == "display_name" || f->name() == "reason") {
        reflection->SetString(&message, f, "x");
      }
    } else if (f->type() == FieldDescriptor::TYPE_MESSAGE && depth < 1 &&
               f->message_type()->full_name().rfind("healthcheck.v1.", 0) == 0) {
      Fill(*reflection->MutableMessage(&message, f), own, t, depth + 1);
    }
  }
}

bool AllRepeatedEmpty(const Message& message) {
  const Descriptor* d = message.GetDescriptor();
  for (int i = 0; i < d->field_count(); ++i) {
    if (d->field(i)->is_repeated() &&
        message.GetReflection()->FieldSize(message, d->field(i)) > 0) {
      return false;
    }
  }
  return true;
}

enum class Transport { kGrpc, kConnect };

// The gRPC code of a Connect error code name.
grpc::StatusCode CodeOfConnect(const std::string& name) {
  static const auto* const codes = new std::map<std::string, grpc::StatusCode>{
      {"canceled", grpc::StatusCode::CANCELLED},
      {"invalid_argument", grpc::StatusCode::INVALID_ARGUMENT},
      {"deadline_exceeded", grpc::StatusCode::DEADLINE_EXCEEDED},
      {"not_found", grpc::StatusCode::NOT_FOUND},
      {"already_exists", grpc::StatusCode::ALREADY_EXISTS},
      {"permission_denied", grpc::StatusCode::PERMISSION_DENIED},
      {"resource_exhausted", grpc::StatusCode::RESOURCE_EXHAUSTED},
      {"failed_precondition", grpc::StatusCode::FAILED_PRECONDITION},
      {"aborted", grpc::StatusCode::ABORTED},
      {"out_of_range", grpc::StatusCode::OUT_OF_RANGE},
      {"unimplemented", grpc::StatusCode::UNIMPLEMENTED},
      {"internal", grpc::StatusCode::INTERNAL},
      {"unavailable", grpc::StatusCode::UNAVAILABLE},
      {"data_loss", grpc::StatusCode::DATA_LOSS},
      {"unauthenticated", grpc::StatusCode::UNAUTHENTICATED},
  };
  auto it = codes->find(name);
  return it == codes->end() ? grpc::StatusCode::UNKNOWN : it->second;
}

class AuthorizationTest : public ApiTest, public ::testing::WithParamInterface<Transport> {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    stub_ = std::make_unique<GenericStub>(server_->InProcessChannel());
    const v1::Partnership partnership =
        MakePartnership("Anytown CSP", {{"Anytown Council", v1::SECTOR_LOCAL_GOVERNMENT}});
    const v1::Peer reviewer =
        MakePeer("Rita Reviewer", "Elsewhere Police", v1::SECTOR_POLICE, Today() + 400);
    const v1::Engagement engagement = MakeEngagement(partnership.name());
    AddMember(engagement.name(), reviewer.name(), v1::TEAM_ROLE_LEAD_PEER);
    targets_ = {partnership.name(), reviewer.name(), engagement.name(), "", ""};

    const v1::Partnership other = MakePartnership("Otherton LSP", {{"Otherton Council",
                                                                    v1::SECTOR_LOCAL_GOVERNMENT}});
    const v1::Peer outsider =
        MakePeer("Owen Outsider", "Far Fire Service", v1::SECTOR_FIRE_AND_RESCUE, Today() + 400);
    outsider_peer_token_ = TokenFor(v1::ROLE_PEER, outsider.name());
    other_contact_token_ = TokenFor(v1::ROLE_PARTNERSHIP_CONTACT, "", other.name());

    // The first programme lead's own token and account.
    v1::CreateAccessTokenRequest create;
    create.mutable_access_token()->set_display_name("lead's laptop");
    v1::AccessToken lead_token;
    ASSERT_TRUE(access_->CreateAccessToken(Lead().get(), create, &lead_token).ok());
    targets_.access_token = lead_token.name();
    targets_.user = lead_token.user();
  }

  grpc::Status Call(const MethodDescriptor* method, const std::string& token,
                    std::unique_ptr<Message>* response_out = nullptr) {
    auto* factory = google::protobuf::MessageFactory::generated_factory();
    std::unique_ptr<Message> request(factory->GetPrototype(method->input_type())->New());
    std::unique_ptr<Message> response(factory->GetPrototype(method->output_type())->New());
    Fill(*request, OwnResource(method, targets_), targets_);
    const grpc::Status status = GetParam() == Transport::kGrpc
                                    ? CallGrpc(method, token, *request, *response)
                                    : CallConnect(method, token, *request, *response);
    if (response_out) *response_out = std::move(response);
    return status;
  }

  // POST /<service>/<method> with the request in JSON, as a web client does.
  grpc::Status CallConnect(const MethodDescriptor* method, const std::string& token,
                           const Message& request, Message& response) {
    std::string json;
    EXPECT_TRUE(google::protobuf::util::MessageToJsonString(request, &json).ok());
    httplib::Client client("127.0.0.1", server_->http_port());
    client.set_read_timeout(20);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    auto res = client.Post(absl::StrCat("/", method->service()->full_name(), "/", method->name()),
                           headers, json, "application/json");
    if (!res) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "no HTTP answer");
    if (res->status == 200) {
      EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(res->body, &response).ok())
          << res->body;
      return grpc::Status::OK;
    }
    google::protobuf::Struct error;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(res->body, &error).ok()) << res->body;
    const std::string code = error.fields().count("code") ? error.fields().at("code").string_value()
                                                          : "";
    const std::string message =
        error.fields().count("message") ? error.fields().at("message").string_value() : "";
    return grpc::Status(CodeOfConnect(code), message);
  }

  grpc::Status CallGrpc(const MethodDescriptor* method, const std::string& token,
                        const Message& request, Message& response) {
    auto context = Ctx(token);
    std::promise<grpc::Status> done;
    stub_->UnaryCall(context.get(),
                     absl::StrCat("/", method->service()->full_name(), "/", method->name()), {},
                     &request, &response, [&](grpc::Status s) { done.set_value(s); });
    return done.get_future().get();
  }

  std::unique_ptr<GenericStub> stub_;
  Targets targets_;
  std::string outsider_peer_token_;
  std::string other_contact_token_;
};

TEST_P(AuthorizationTest, EnumeratesEveryServiceOfTheApi) {
  std::set<std::string> services;
  for (const MethodDescriptor* m : AllMethods()) services.insert(m->service()->name());
  EXPECT_EQ(services, (std::set<std::string>{"PartnershipService", "PeerService",
                                             "EngagementService", "ProgrammeService",
                                             "AccessService", "AdminService", "FrameworkService",
                                             "QuestionnaireService", "FieldworkService",
                                             "EvidenceService", "FindingService",
                                             "ImprovementPlanService", "ReportService",
                                             "UserService"}));
  EXPECT_GE(AllMethods().size(), 30u);
  // The only streaming method, refused by the test below.
  std::set<std::string> streaming;
  for (const MethodDescriptor* m : EveryMethod()) {
    if (m->client_streaming() || m->server_streaming()) streaming.insert(m->full_name());
  }
  EXPECT_EQ(streaming, std::set<std::string>{"healthcheck.v1.ReportService.DownloadReport"});
}

// DownloadReport streams, so it is called through its own stub: the same
// refusals as every unary method, before any byte is sent.
TEST_P(AuthorizationTest, DownloadReportRefusesLikeEveryMethod) {
  auto reports = v1::ReportService::NewStub(server_->InProcessChannel());
  const auto download = [&](const std::string& token) {
    v1::DownloadReportRequest request;
    request.set_name(targets_.engagement + "/reports/1");
    request.set_format(v1::REPORT_FORMAT_PDF);
    auto context = Ctx(token);
    auto reader = reports->DownloadReport(context.get(), request);
    v1::DownloadReportResponse part;
    int parts = 0;
    while (reader->Read(&part)) ++parts;
    EXPECT_EQ(parts, 0);
    return reader->Finish();
  };
  EXPECT_THAT(download(""), GrpcIs(grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(download("hc_not-a-real-token"), GrpcIs(grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(download(outsider_peer_token_), GrpcIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(download(other_contact_token_), GrpcIs(grpc::StatusCode::PERMISSION_DENIED));
}

TEST_P(AuthorizationTest, EveryMethodRefusesAMissingTokenWithUnauthenticated) {
  for (const MethodDescriptor* m : AllMethods()) {
    if (kSelfProving.count(m->full_name())) {
      EXPECT_FALSE(Call(m, "").ok()) << m->full_name();
      continue;
    }
    EXPECT_THAT(Call(m, ""), GrpcIs(grpc::StatusCode::UNAUTHENTICATED)) << m->full_name();
  }
}

TEST_P(AuthorizationTest, EveryMethodRefusesAnUnknownTokenWithUnauthenticated) {
  for (const MethodDescriptor* m : AllMethods()) {
    if (kSelfProving.count(m->full_name())) continue;
    EXPECT_THAT(Call(m, "hc_not-a-real-token"), GrpcIs(grpc::StatusCode::UNAUTHENTICATED))
        << m->full_name();
  }
}

TEST_P(AuthorizationTest, EveryMethodRefusesARevokedToken) {
  const std::string token = TokenFor(v1::ROLE_PROGRAMME_LEAD);
  v1::ListAccessTokensResponse tokens;
  ASSERT_TRUE(access_->ListAccessTokens(Lead().get(), {}, &tokens).ok());
  v1::RevokeAccessTokenRequest revoke;
  revoke.set_name(tokens.access_tokens(tokens.access_tokens_size() - 1).name());
  v1::AccessToken revoked;
  ASSERT_TRUE(access_->RevokeAccessToken(Lead().get(), revoke, &revoked).ok());
  for (const MethodDescriptor* m : AllMethods()) {
    if (kSelfProving.count(m->full_name())) continue;
    EXPECT_THAT(Call(m, token), GrpcIs(grpc::StatusCode::UNAUTHENTICATED)) << m->full_name();
  }
}

TEST_P(AuthorizationTest, EveryMethodRefusesAPeerWithNoPartInTheResource) {
  for (const MethodDescriptor* m : AllMethods()) {
    std::unique_ptr<Message> response;
    grpc::Status status = Call(m, outsider_peer_token_, &response);
    if (kSelfProving.count(m->full_name())) {
      EXPECT_FALSE(status.ok()) << m->full_name();
    } else if (kOpenToEveryRole.count(m->full_name()) || kOwnSession.count(m->full_name())) {
      EXPECT_TRUE(status.ok()) << m->full_name() << ": " << status.error_message();
    } else if (kFilteredLists.count(m->full_name())) {
      EXPECT_TRUE(status.ok()) << m->full_name() << ": " << status.error_message();
      EXPECT_TRUE(AllRepeatedEmpty(*response)) << m->full_name() << " leaked "
                                               << response->ShortDebugString();
    } else {
      EXPECT_THAT(status, GrpcIs(grpc::StatusCode::PERMISSION_DENIED)) << m->full_name();
    }
  }
}

TEST_P(AuthorizationTest, EveryMethodRefusesAnotherPartnershipsContact) {
  for (const MethodDescriptor* m : AllMethods()) {
    std::unique_ptr<Message> response;
    grpc::Status status = Call(m, other_contact_token_, &response);
    if (kSelfProving.count(m->full_name())) {
      EXPECT_FALSE(status.ok()) << m->full_name();
    } else if (kOpenToEveryRole.count(m->full_name()) || kOwnSession.count(m->full_name())) {
      EXPECT_TRUE(status.ok()) << m->full_name() << ": " << status.error_message();
    } else if (kFilteredLists.count(m->full_name())) {
      EXPECT_TRUE(status.ok()) << m->full_name() << ": " << status.error_message();
      // The contact sees their own partnership only, never the target's.
      EXPECT_EQ(response->ShortDebugString().find(targets_.partnership), std::string::npos)
          << m->full_name();
      EXPECT_EQ(response->ShortDebugString().find(targets_.engagement), std::string::npos)
          << m->full_name();
    } else {
      EXPECT_THAT(status, GrpcIs(grpc::StatusCode::PERMISSION_DENIED)) << m->full_name();
    }
  }
}

TEST_P(AuthorizationTest, AMalformedAuthorizationHeaderIsUnauthenticated) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", lead_token_);  // no "Bearer "
  v1::ListPartnershipsResponse response;
  EXPECT_THAT(partnerships_->ListPartnerships(context.get(), {}, &response),
              GrpcIsWith(grpc::StatusCode::UNAUTHENTICATED, "Bearer"));
}

INSTANTIATE_TEST_SUITE_P(GrpcAndConnect, AuthorizationTest,
                         ::testing::Values(Transport::kGrpc, Transport::kConnect),
                         [](const ::testing::TestParamInfo<Transport>& info) {
                           return info.param == Transport::kGrpc ? "Grpc" : "Connect";
                         });

}  // namespace
}  // namespace hc::testing
