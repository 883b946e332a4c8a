#include "services/http/http_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/common/log.h"

namespace hc::services {
namespace {

// What is kept of a request while its body arrives.
struct PendingRequest {
  std::string body;
  // The body passed the limit: the rest is read and dropped, and the answer
  // is 413 (libmicrohttpd takes an answer only before the body or after it).
  bool too_large = false;
};

// A streamed body and how far it has gone.
struct StreamedBody {
  HttpBodySource source;
  int64_t size = 0;
};

MHD_Result CollectValue(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(cls);
  std::string name = absl::AsciiStrToLower(key == nullptr ? "" : key);
  auto [it, inserted] = headers->try_emplace(std::move(name), value == nullptr ? "" : value);
  if (!inserted) absl::StrAppend(&it->second, ", ", value == nullptr ? "" : value);
  return MHD_YES;
}

MHD_Result CollectQuery(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<HttpParams*>(cls)->emplace(key == nullptr ? "" : key,
                                         value == nullptr ? "" : value);
  return MHD_YES;
}

std::string ClientAddress(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info == nullptr || info->client_addr == nullptr) return "";
  char text[INET6_ADDRSTRLEN] = {};
  const sockaddr* address = info->client_addr;
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
              sizeof text);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
              sizeof text);
  }
  return text;
}

ssize_t ReadStreamed(void* cls, uint64_t position, char* buffer, size_t max) {
  auto* streamed = static_cast<StreamedBody*>(cls);
  const int64_t left = streamed->size - static_cast<int64_t>(position);
  if (left <= 0) return MHD_CONTENT_READER_END_OF_STREAM;
  const int64_t want = std::min<int64_t>(left, static_cast<int64_t>(max));
  absl::StatusOr<std::string> chunk;
  try {
    chunk = streamed->source(static_cast<int64_t>(position), want);
  } catch (const std::exception& e) {
    chunk = absl::InternalError(e.what());
  }
  if (!chunk.ok() || chunk->empty() || static_cast<int64_t>(chunk->size()) > want) {
    return MHD_CONTENT_READER_END_WITH_ERROR;
  }
  std::memcpy(buffer, chunk->data(), chunk->size());
  return static_cast<ssize_t>(chunk->size());
}

void FreeStreamed(void* cls) { delete static_cast<StreamedBody*>(cls); }

MHD_Result Queue(MHD_Connection* connection, HttpResponse& res) {
  MHD_Response* response = nullptr;
  if (res.source) {
    auto* streamed = new StreamedBody{std::move(res.source), res.source_size};
    response = MHD_create_response_from_callback(static_cast<uint64_t>(res.source_size),
                                                 64 * 1024, &ReadStreamed, streamed,
                                                 &FreeStreamed);
    if (response == nullptr) delete streamed;
  } else {
    response = MHD_create_response_from_buffer(res.body.size(), res.body.data(),
                                               MHD_RESPMEM_MUST_COPY);
  }
  if (response == nullptr) return MHD_NO;
  for (const auto& [name, value] : res.headers) {
    MHD_add_response_header(response, name.c_str(), value.c_str());
  }
  const MHD_Result queued =
      MHD_queue_response(connection, static_cast<unsigned>(res.status), response);
  MHD_destroy_response(response);
  return queued;
}

MHD_Result QueueRefusal(MHD_Connection* connection, int status, absl::string_view text) {
  HttpResponse res;
  res.status = status;
  res.SetContent(std::string(text), "text/plain; charset=utf-8");
  res.SetHeader("Connection", "close");
  return Queue(connection, res);
}

// A request whose length is ambiguous (two Content-Lengths, or one beside
// Transfer-Encoding) is how requests are smuggled past a proxy.
bool AmbiguousLength(const std::map<std::string, std::string>& headers) {
  auto length = headers.find("content-length");
  if (length == headers.end()) return false;
  return length->second.find(',') != std::string::npos || headers.contains("transfer-encoding");
}

void Log(void*, const char* format, va_list args) {
  char text[512];
  std::vsnprintf(text, sizeof text, format, args);
  LogLine("warning", "http_server", {{"message", std::string(absl::StripAsciiWhitespace(text))}});
}

}  // namespace

struct HttpServer::Callbacks {
  // No exception may cross into libmicrohttpd's C code (running out of
  // memory included): one closes the connection instead.
  static MHD_Result Access(void* cls, MHD_Connection* connection, const char* url,
                           const char* method, const char* version, const char* upload_data,
                           size_t* upload_data_size, void** con_cls) {
    try {
      return Handle(static_cast<HttpServer*>(cls), connection, url, method, version, upload_data,
                    upload_data_size, con_cls);
    } catch (...) {
      return MHD_NO;
    }
  }

  static MHD_Result Handle(HttpServer* server, MHD_Connection* connection, const char* url,
                           const char* method, const char*, const char* upload_data,
                           size_t* upload_data_size, void** con_cls) {
    auto* pending = static_cast<PendingRequest*>(*con_cls);
    if (pending == nullptr) {
      // The headers are in; the body, if any, is not. Refuse early what
      // would be refused anyway, before reading a byte of its body.
      std::map<std::string, std::string> headers;
      MHD_get_connection_values(connection, MHD_HEADER_KIND, &CollectValue, &headers);
      if (AmbiguousLength(headers)) {
        return QueueRefusal(connection, 400, "The request's length is ambiguous.");
      }
      auto length = headers.find("content-length");
      uint64_t declared = 0;
      if (length != headers.end() && absl::SimpleAtoi(length->second, &declared) &&
          declared > server->limits_.body_bytes) {
        return QueueRefusal(connection, 413, "The request is too large.");
      }
      *con_cls = new PendingRequest();
      return MHD_YES;
    }
    if (*upload_data_size > 0) {
      if (pending->too_large ||
          pending->body.size() + *upload_data_size > server->limits_.body_bytes) {
        pending->too_large = true;
        pending->body.clear();
      } else {
        pending->body.append(upload_data, *upload_data_size);
      }
      *upload_data_size = 0;
      return MHD_YES;
    }
    if (pending->too_large) return QueueRefusal(connection, 413, "The request is too large.");
    HttpRequest req;
    req.method = method;
    req.path = url;
    req.body = std::move(pending->body);
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &CollectValue, &req.headers);
    req.client_address = ClientAddress(connection);
    // Behind a proxy that says whom it forwards for, the client is the
    // address the proxy itself added last.
    if (server->limits_.trust_forwarded_for) {
      const std::string forwarded = req.Header("X-Forwarded-For");
      const absl::string_view last = absl::StripAsciiWhitespace(
          absl::string_view(forwarded).substr(forwarded.rfind(',') + 1));
      if (!last.empty() && last.size() <= 45) req.client_address = std::string(last);
    }
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &CollectQuery, &req.query);
    HttpResponse res;
    try {
      server->handler_(req, res);
    } catch (const std::exception& e) {
      LogLine("error", "http_handler_threw", {{"path", req.path}, {"what", e.what()}});
      return QueueRefusal(connection, 500, "Something went wrong.");
    } catch (...) {
      LogLine("error", "http_handler_threw", {{"path", req.path}});
      return QueueRefusal(connection, 500, "Something went wrong.");
    }
    return Queue(connection, res);
  }

  static void Completed(void*, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode) {
    delete static_cast<PendingRequest*>(*con_cls);
    *con_cls = nullptr;
  }
};

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Bind(const std::string& address,
                                                             const HttpLimits& limits) {
  const size_t colon = address.rfind(':');
  int port = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("http address must be host:port, not ", address));
  }
  std::string host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = absl::StrCat(port);
  if (getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found) != 0 ||
      found == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("cannot resolve the http host in ", address));
  }
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->limits_ = limits;
  const int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int on = 1;
  const bool bound = fd >= 0 && setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == 0 &&
                     bind(fd, found->ai_addr, found->ai_addrlen) == 0 && listen(fd, 1024) == 0;
  freeaddrinfo(found);
  if (!bound) {
    if (fd >= 0) close(fd);
    return absl::UnavailableError(absl::StrCat("cannot listen on ", address));
  }
  server->listen_fd_ = fd;
  sockaddr_storage local{};
  socklen_t length = sizeof local;
  getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length);
  server->port_ = ntohs(local.ss_family == AF_INET6
                            ? reinterpret_cast<sockaddr_in6*>(&local)->sin6_port
                            : reinterpret_cast<sockaddr_in*>(&local)->sin_port);
  LogLine("info", "serving_http", {{"address", host}, {"port", absl::StrCat(server->port_)}});
  return server;
}

absl::Status HttpServer::Serve(Handler handler) {
  handler_ = std::move(handler);
  sockaddr_storage local{};
  socklen_t length = sizeof local;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&local), &length);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
  if (local.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  daemon_ = MHD_start_daemon(
      flags, 0, nullptr, nullptr, &Callbacks::Access, this,
      // First, so that every message goes to the log (libmicrohttpd's rule).
      MHD_OPTION_EXTERNAL_LOGGER, &Log, nullptr,
      MHD_OPTION_LISTEN_SOCKET, static_cast<MHD_socket>(listen_fd_),
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(limits_.threads),
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(limits_.max_connections),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(limits_.max_connections_per_address),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, limits_.header_bytes,
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(limits_.idle_timeout_seconds),
      MHD_OPTION_STRICT_FOR_CLIENT, 1,
      MHD_OPTION_NOTIFY_COMPLETED, &Callbacks::Completed, nullptr,
      MHD_OPTION_END);
  if (daemon_ == nullptr) return absl::UnavailableError("the HTTP server's threads did not start");
  listen_fd_ = -1;  // the daemon owns it now
  return absl::OkStatus();
}

HttpServer::~HttpServer() {
  Stop();
  if (listen_fd_ >= 0) close(listen_fd_);
}

void HttpServer::Stop() {
  if (daemon_ == nullptr) return;
  MHD_stop_daemon(daemon_);
  daemon_ = nullptr;
}

}  // namespace hc::services
