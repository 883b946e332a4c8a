#include "services/web/connect_routes.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/web/web_auth.h"

namespace hc::services {
namespace {

using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

constexpr int64_t kDefaultTimeoutMs = 30'000;
constexpr int64_t kMaxTimeoutMs = 120'000;

// Connect's name for a status code, and its HTTP status.
struct ConnectCode {
  const char* name;
  int http;
};

ConnectCode ConnectCodeOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::CANCELLED: return {"canceled", 499};
    case grpc::StatusCode::INVALID_ARGUMENT: return {"invalid_argument", 400};
    case grpc::StatusCode::DEADLINE_EXCEEDED: return {"deadline_exceeded", 504};
    case grpc::StatusCode::NOT_FOUND: return {"not_found", 404};
    case grpc::StatusCode::ALREADY_EXISTS: return {"already_exists", 409};
    case grpc::StatusCode::PERMISSION_DENIED: return {"permission_denied", 403};
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return {"resource_exhausted", 429};
    case grpc::StatusCode::FAILED_PRECONDITION: return {"failed_precondition", 400};
    case grpc::StatusCode::ABORTED: return {"aborted", 409};
    case grpc::StatusCode::OUT_OF_RANGE: return {"out_of_range", 400};
    case grpc::StatusCode::UNIMPLEMENTED: return {"unimplemented", 501};
    case grpc::StatusCode::INTERNAL: return {"internal", 500};
    case grpc::StatusCode::UNAVAILABLE: return {"unavailable", 503};
    case grpc::StatusCode::DATA_LOSS: return {"data_loss", 500};
    case grpc::StatusCode::UNAUTHENTICATED: return {"unauthenticated", 401};
    default: return {"unknown", 500};
  }
}

// `text` as a JSON string, quoted and escaped.
std::string JsonString(absl::string_view text) {
  google::protobuf::Value value;
  value.set_string_value(std::string(text));
  std::string json;
  return google::protobuf::util::MessageToJsonString(value, &json).ok() ? json : "\"\"";
}

void SendError(HttpResponse& res, grpc::StatusCode code, absl::string_view message) {
  const ConnectCode connect = ConnectCodeOf(code);
  res.status = connect.http;
  res.SetContent(absl::StrCat("{\"code\":\"", connect.name, "\",\"message\":", JsonString(message),
                              "}"),
                 "application/json");
}

enum class Codec { kJson, kProto, kUnsupported };

Codec CodecOf(const HttpRequest& req) {
  const std::string type = absl::AsciiStrToLower(req.Header("Content-Type"));
  const absl::string_view media = absl::StripAsciiWhitespace(
      absl::string_view(type).substr(0, type.find(';')));
  if (media == "application/json") return Codec::kJson;
  if (media == "application/proto") return Codec::kProto;
  return Codec::kUnsupported;
}

void Serve(grpc::GenericStub& stub, const BrowserSessions& sessions, const HttpRequest& req,
           HttpResponse& res) {
  const std::string full_name = absl::StrCat(req.matches[1], ".", req.matches[2]);
  const MethodDescriptor* method =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full_name);
  if (method == nullptr || method->client_streaming() || method->server_streaming()) {
    return SendError(res, grpc::StatusCode::UNIMPLEMENTED,
                     absl::StrCat(full_name, " is not a unary method of this API"));
  }
  const Codec codec = CodecOf(req);
  if (codec == Codec::kUnsupported) {
    res.status = 415;
    res.SetHeader("Accept-Post", "application/json, application/proto");
    return;
  }
  if (!SameOrigin(req)) {
    return SendError(res, grpc::StatusCode::PERMISSION_DENIED,
                     "the API answers this service's own pages only");
  }
  auto* factory = google::protobuf::MessageFactory::generated_factory();
  std::unique_ptr<Message> request(factory->GetPrototype(method->input_type())->New());
  if (codec == Codec::kJson) {
    google::protobuf::util::JsonParseOptions options;
    const auto parsed = google::protobuf::util::JsonStringToMessage(
        req.body.empty() ? "{}" : req.body, request.get(), options);
    if (!parsed.ok()) {
      return SendError(res, grpc::StatusCode::INVALID_ARGUMENT,
                       absl::StrCat("the request is not a ", method->input_type()->full_name(),
                                    " in JSON: ", std::string(parsed.message())));
    }
  } else if (!request->ParseFromString(req.body)) {
    return SendError(res, grpc::StatusCode::INVALID_ARGUMENT,
                     absl::StrCat("the request is not a ", method->input_type()->full_name()));
  }

  grpc::ClientContext context;
  int64_t timeout_ms = kDefaultTimeoutMs;
  if (req.HasHeader("Connect-Timeout-Ms") &&
      (!absl::SimpleAtoi(req.Header("Connect-Timeout-Ms"), &timeout_ms) || timeout_ms <= 0)) {
    return SendError(res, grpc::StatusCode::INVALID_ARGUMENT,
                     "Connect-Timeout-Ms must be a positive number of milliseconds");
  }
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(std::min(timeout_ms, kMaxTimeoutMs)));
  // Who is calling, for the sign-in limits and the audit log: the gRPC
  // server trusts this from its own HTTP port (an in-process call) only.
  if (!req.client_address.empty()) context.AddMetadata("x-forwarded-for", req.client_address);
  const std::string authorization = req.Header("Authorization");
  if (!authorization.empty()) {
    context.AddMetadata("authorization", authorization);
  } else if (const std::string secret = sessions.Secret(req); !secret.empty()) {
    context.AddMetadata("authorization", absl::StrCat("Bearer ", secret));
  }

  const std::string bytes = request->SerializeAsString();
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, absl::StrCat("/", method->service()->full_name(), "/", method->name()),
                 grpc::StubOptions(), &request_buffer, &response_buffer,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  const grpc::Status status = done.get_future().get();
  if (!status.ok()) return SendError(res, status.error_code(), status.error_message());

  std::vector<grpc::Slice> slices;
  std::string answer;
  if (response_buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      answer.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  if (codec == Codec::kProto) return res.SetContent(std::move(answer), "application/proto");
  std::unique_ptr<Message> response(factory->GetPrototype(method->output_type())->New());
  std::string json;
  if (!response->ParseFromString(answer) ||
      !google::protobuf::util::MessageToJsonString(*response, &json).ok()) {
    return SendError(res, grpc::StatusCode::INTERNAL, "the answer could not be written as JSON");
  }
  res.SetContent(std::move(json), "application/json");
}

}  // namespace

WebServer::Routes ConnectRoutes(std::shared_ptr<grpc::Channel> api,
                                const BrowserSessions& sessions) {
  return [api, &sessions](HttpRouter& s) {
    auto stub = std::make_shared<grpc::GenericStub>(api);
    s.Post(R"(/(healthcheck\.v1\.[A-Za-z]{1,64})/([A-Za-z]{1,64}))",
           [stub, &sessions](const HttpRequest& req, HttpResponse& res) {
             Serve(*stub, sessions, req, res);
           });
  };
}

}  // namespace hc::services
