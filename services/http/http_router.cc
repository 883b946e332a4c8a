#include "services/http/http_router.h"

#include "absl/strings/str_join.h"

namespace hc::services {

void HttpRouter::Get(const std::string& pattern, HttpHandler handler) {
  Add("GET", pattern, std::move(handler));
}

void HttpRouter::Post(const std::string& pattern, HttpHandler handler) {
  Add("POST", pattern, std::move(handler));
}

void HttpRouter::Add(std::string method, const std::string& pattern, HttpHandler handler) {
  routes_.push_back(Route{std::move(method), std::regex(pattern), std::move(handler)});
}

void HttpRouter::Handle(HttpRequest& req, HttpResponse& res) const {
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    std::smatch match;
    if (!std::regex_match(req.path, match, route.pattern)) continue;
    if (route.method != method) {
      allowed.push_back(route.method);
      continue;
    }
    req.matches.assign(match.begin(), match.end());
    route.handler(req, res);
    return;
  }
  if (allowed.empty()) {
    res.status = 404;
    return;
  }
  res.status = 405;
  res.SetHeader("Allow", absl::StrJoin(allowed, ", "));
}

}  // namespace hc::services
