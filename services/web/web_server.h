#ifndef HC_SERVICES_WEB_WEB_SERVER_H_
#define HC_SERVICES_WEB_WEB_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/http/http_router.h"
#include "services/http/http_server.h"

namespace hc::services {

// The HTTP port's pages: the respondents' web form, sign-in, and the pages
// and downloads of signed-in users, routed over the HTTP server. Every
// response carries no-store caching, a same-origin referrer policy,
// nosniff, no framing and, unless its route set one, a strict content
// security policy. Thread-safe.
class WebServer {
 public:
  // Adds a group of routes.
  using Routes = std::function<void(HttpRouter&)>;

  // Binds `address` ("host:port"; port 0 picks a free one) without serving,
  // so that the bound port is known before the routes are made.
  // INVALID_ARGUMENT for a malformed address, UNAVAILABLE if it cannot bind.
  static absl::StatusOr<std::unique_ptr<WebServer>> Bind(const std::string& address,
                                                         const HttpLimits& limits);

  int port() const { return http_->port(); }
  // Installs `routes` and serves them. Call once.
  absl::Status Serve(const std::vector<Routes>& routes);
  // Stops listening and waits for the requests in progress.
  void Stop() { http_->Stop(); }

 private:
  explicit WebServer(std::unique_ptr<HttpServer> http) : http_(std::move(http)) {}

  HttpRouter router_;
  std::unique_ptr<HttpServer> http_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_WEB_SERVER_H_
