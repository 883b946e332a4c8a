#ifndef HC_SERVICES_HTTP_HTTP_ROUTER_H_
#define HC_SERVICES_HTTP_HTTP_ROUTER_H_

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "services/http/http_message.h"

namespace hc::services {

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

// Maps a method and a path to a handler. A pattern is a regular expression
// that must match the whole path; its groups reach the handler as
// HttpRequest::matches. GET routes answer HEAD too. Routes are added before
// serving starts; matching is then read-only and thread-safe.
class HttpRouter {
 public:
  void Get(const std::string& pattern, HttpHandler handler);
  void Post(const std::string& pattern, HttpHandler handler);

  // Runs the first route that matches. A path some route has, asked with
  // another method, is 405 with Allow; any other path is 404. Both bodies
  // are left empty for the caller to fill.
  void Handle(HttpRequest& req, HttpResponse& res) const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    HttpHandler handler;
  };
  void Add(std::string method, const std::string& pattern, HttpHandler handler);

  std::vector<Route> routes_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_HTTP_HTTP_ROUTER_H_
