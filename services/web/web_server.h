#ifndef HC_SERVICES_WEB_WEB_SERVER_H_
#define HC_SERVICES_WEB_WEB_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"

namespace httplib {
class Server;
}

namespace hc::services {

// The HTTP port (cpp-httplib): the respondents' web form, sign-in, and the
// pages and downloads of signed-in users. Every response carries no-store
// caching, no referrer, nosniff, no framing and, unless its route set one, a
// strict content security policy. Thread-safe.
class WebServer {
 public:
  // Adds a group of routes to the server.
  using Routes = std::function<void(httplib::Server&)>;

  // Binds `address` ("host:port"; port 0 picks a free one) without serving,
  // so that the bound port is known before the routes are made.
  // INVALID_ARGUMENT for a malformed address, UNAVAILABLE if it cannot bind.
  static absl::StatusOr<std::unique_ptr<WebServer>> Bind(const std::string& address);
  // Stops as Stop().
  ~WebServer();

  int port() const { return port_; }
  // Installs `routes` and serves them on a thread of its own. Call once.
  void Serve(const std::vector<Routes>& routes);
  // Stops listening and waits for the requests in progress.
  void Stop();

 private:
  WebServer() = default;

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_WEB_SERVER_H_
