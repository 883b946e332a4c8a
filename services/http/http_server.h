#ifndef HC_SERVICES_HTTP_HTTP_SERVER_H_
#define HC_SERVICES_HTTP_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "services/http/http_message.h"

struct MHD_Daemon;

namespace hc::services {

// What one client may hold of the HTTP port. A client that is slow, or sends
// without end, holds at most one connection's memory on each of at most
// `max_connections_per_address` connections, and only until it has been
// silent for `idle_timeout_seconds`.
struct HttpLimits {
  int max_connections = 4000;
  // Behind a reverse proxy every client shares the proxy's address: raise
  // this to max_connections there and let the proxy limit clients.
  int max_connections_per_address = 64;
  // A connection's request line and headers together; more is refused with
  // 431 and the connection closed.
  size_t header_bytes = 32 * 1024;
  // A request body; more is refused with 413 before it is read.
  size_t body_bytes = 1024 * 1024;
  int idle_timeout_seconds = 30;
  // Threads that each serve many connections (event-driven, epoll).
  int threads = 4;
  // Behind a reverse proxy: take the client's address from the last entry
  // of X-Forwarded-For (which the proxy appends), not from the connection.
  bool trust_forwarded_for = false;
};

// The HTTP port, on GNU libmicrohttpd: event-driven, so a connection costs a
// little memory and no thread while it waits for a client. Every request is
// read whole within the limits and handed to one handler on one of the
// server's threads; an exception from the handler is a 500, never the end of
// the process.
class HttpServer {
 public:
  using Handler = std::function<void(HttpRequest&, HttpResponse&)>;

  // Binds `address` ("host:port"; port 0 picks a free one) without serving,
  // so that the bound port is known before the handler is made.
  // INVALID_ARGUMENT for a malformed address, UNAVAILABLE if it cannot bind.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Bind(const std::string& address,
                                                           const HttpLimits& limits);
  ~HttpServer();  // Stop()s.

  int port() const { return port_; }
  // Serves every request with `handler`. Call once. UNAVAILABLE if the
  // server's threads cannot start.
  absl::Status Serve(Handler handler);
  // Stops accepting, closes every connection and waits for the handlers.
  void Stop();

  // For libmicrohttpd's callbacks.
  struct Callbacks;

 private:
  HttpServer() = default;

  HttpLimits limits_;
  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  MHD_Daemon* daemon_ = nullptr;
};

}  // namespace hc::services

#endif  // HC_SERVICES_HTTP_HTTP_SERVER_H_
