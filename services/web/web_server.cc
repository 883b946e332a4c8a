#include "services/web/web_server.h"

#include "services/web/html.h"

namespace hc::services {
namespace {

// Headers every response carries; a route may set its own policy first
// (a self-contained report needs its inline styles; a versioned file of the
// web app may be kept).
void SetSecurityHeaders(HttpResponse& res) {
  if (!res.HasHeader("Cache-Control")) res.SetHeader("Cache-Control", "no-store");
  // Not "no-referrer": with it a browser sends "Origin: null" with every
  // POST, even from this server's own pages, and no sign-in could pass the
  // same-origin check. No URL (a respondent's link holds their token) is
  // sent to another site either way.
  res.SetHeader("Referrer-Policy", "same-origin");
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("X-Frame-Options", "DENY");
  if (!res.HasHeader("Content-Security-Policy")) {
    res.SetHeader("Content-Security-Policy",
                  "default-src 'none'; style-src 'self'; form-action 'self'; "
                  "frame-ancestors 'none'; base-uri 'none'");
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<WebServer>> WebServer::Bind(const std::string& address,
                                                           const HttpLimits& limits) {
  absl::StatusOr<std::unique_ptr<HttpServer>> http = HttpServer::Bind(address, limits);
  if (!http.ok()) return http.status();
  return std::unique_ptr<WebServer>(new WebServer(*std::move(http)));
}

absl::Status WebServer::Serve(const std::vector<Routes>& routes) {
  router_.Get("/q/style.css", [](const HttpRequest&, HttpResponse& res) {
    res.SetContent(std::string(StyleSheet()), "text/css");
  });
  for (const Routes& add : routes) add(router_);
  return http_->Serve([this](HttpRequest& req, HttpResponse& res) {
    router_.Handle(req, res);
    if (res.status == 404 && res.body.empty()) {
      res.SetContent(MessagePage("Page not found", "There is nothing at this address."),
                     "text/html; charset=utf-8");
    } else if (res.status == 405 && res.body.empty()) {
      res.SetContent(MessagePage("Not allowed", "This address cannot be used that way."),
                     "text/html; charset=utf-8");
    }
    SetSecurityHeaders(res);
  });
}

}  // namespace hc::services
