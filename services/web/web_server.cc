#include "services/web/web_server.h"

#include <httplib.h>

#include <chrono>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/log.h"
#include "services/web/html.h"

namespace hc::services {
namespace {

// Headers every response carries; a route may set its own policy first
// (a self-contained report needs its inline styles).
void SetSecurityHeaders(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  // Not "no-referrer": with it a browser sends "Origin: null" with every
  // POST, even from this server's own pages, and no sign-in could pass the
  // same-origin check. No URL (a respondent's link holds their token) is
  // sent to another site either way.
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  if (!res.has_header("Content-Security-Policy")) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'self'; form-action 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'");
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<WebServer>> WebServer::Bind(const std::string& address) {
  const size_t colon = address.rfind(':');
  int port = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port)) {
    return absl::InvalidArgumentError(absl::StrCat("http address must be host:port, not ", address));
  }
  std::unique_ptr<WebServer> web(new WebServer());
  web->server_ = std::make_unique<httplib::Server>();
  web->server_->set_payload_max_length(256 * 1024);
  const std::string host = address.substr(0, colon);
  web->port_ = port == 0 ? web->server_->bind_to_any_port(host)
                         : (web->server_->bind_to_port(host, port) ? port : -1);
  if (web->port_ <= 0) return absl::UnavailableError(absl::StrCat("cannot listen on ", address));
  LogLine("info", "serving_http", {{"address", host}, {"port", absl::StrCat(web->port_)}});
  return web;
}

void WebServer::Serve(const std::vector<Routes>& routes) {
  httplib::Server& s = *server_;
  // A request whose length is ambiguous (two Content-Length headers, or one
  // beside Transfer-Encoding) is how requests are smuggled past a proxy:
  // refused before its body is read, and the connection closed.
  s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const size_t lengths = req.get_header_value_count("Content-Length");
    if (lengths <= 1 && !(lengths == 1 && req.has_header("Transfer-Encoding"))) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.status = 400;
    res.set_header("Connection", "close");
    SetSecurityHeaders(res);
    res.set_content(MessagePage("Bad request", "The request's length is ambiguous."),
                    "text/html");
    return httplib::Server::HandlerResponse::Handled;
  });
  s.set_post_routing_handler(
      [](const httplib::Request&, httplib::Response& res) { SetSecurityHeaders(res); });
  s.Get("/q/style.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(StyleSheet()), "text/css");
  });
  for (const Routes& add : routes) add(s);
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      res.set_content(MessagePage("Page not found", "There is nothing at this address."),
                      "text/html");
    }
  });
  thread_ = std::thread([&s] { s.listen_after_bind(); });
  // httplib's stop() does nothing until the listening loop runs (its first
  // step), so a Stop() straight after Serve() would wait forever: return only
  // once it runs.
  while (!s.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

WebServer::~WebServer() { Stop(); }

void WebServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace hc::services
