#ifndef HC_SERVICES_WEB_WEB_AUTH_H_
#define HC_SERVICES_WEB_WEB_AUTH_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/access_app_service.h"
#include "core/app/user_app_service.h"
#include "core/domain/principal.h"
#include "services/web/web_server.h"

namespace hc::services {

// How this server's browsers carry their session: a cookie whose name and
// flags follow the web app's origin (with https, Secure and named
// __Host-hc_session, which browsers keep to this host alone; else
// hc_session), and web requests authenticated with it or with a bearer
// token. Only the cookie of this server's own name is read, so one planted
// under the other name (by a sibling host, say) is never used.
class BrowserSessions {
 public:
  BrowserSessions(app::AccessAppService& access, absl::string_view origin);

  // The principal of a web request: from "Authorization: Bearer <token>"
  // (for scripts and hcctl), else from the session cookie, which only a
  // session's secret may fill. UNAUTHENTICATED when neither is present or
  // the credential is unknown, ended, expired or its person suspended.
  absl::StatusOr<domain::Principal> Authenticate(const HttpRequest& req) const;
  // The session cookie's secret, or empty.
  std::string Secret(const HttpRequest& req) const;
  // Set-Cookie values that hand a browser its session, and take it back.
  std::string SetCookie(absl::string_view secret) const;
  std::string ClearCookie() const;

 private:
  app::AccessAppService& access_;
  std::string name_;
  bool secure_;
};

// Whether a request that changes something comes from this server's own
// pages: by Sec-Fetch-Site ("same-origin") when the browser sends it, else
// by Origin (this host), and true when there is neither (not a browser).
bool SameOrigin(const HttpRequest& req);

// "<origin>/set-password?key=<secret>": the link a person sets their
// password with.
std::string SetPasswordLink(absl::string_view origin, absl::string_view secret);

// The pages that let people in, each posted only from this server's own
// pages (a cross-site post changes nothing):
//   GET /signin (?next= the page to return to), POST /signin: email and
//     password begin a session, whose secret goes in the HttpOnly,
//     SameSite=Strict cookie of `sessions`;
//   POST /signout: ends the session on the server and clears the cookie;
//   GET and POST /set-password?key=: sets a password with a link.
WebServer::Routes SignInRoutes(const BrowserSessions& sessions, app::UserAppService& users);

// Answers a request refused with `status`: a browser (Accept: text/html)
// that is not signed in is sent to /signin and brought back; anything else
// gets 401 with "WWW-Authenticate: Bearer". PERMISSION_DENIED is 403,
// NOT_FOUND 404, FAILED_PRECONDITION 409, INVALID_ARGUMENT 400,
// RESOURCE_EXHAUSTED 429, UNAVAILABLE 503; anything else is 500 with a
// generic page (and logged).
void SendRefusal(const HttpRequest& req, HttpResponse& res, const absl::Status& status);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_WEB_AUTH_H_
