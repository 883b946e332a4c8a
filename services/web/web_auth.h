#ifndef HC_SERVICES_WEB_WEB_AUTH_H_
#define HC_SERVICES_WEB_WEB_AUTH_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/access_app_service.h"
#include "core/domain/principal.h"
#include "services/web/web_server.h"

namespace hc::services {

// The cookie that carries a signed-in browser's access token: HttpOnly,
// SameSite=Strict, for 8 hours. Pages read with it change nothing, so a
// cross-site request can neither use nor forge it.
inline constexpr char kSessionCookie[] = "hc_session";

// The principal of a web request: from "Authorization: Bearer <token>" (for
// scripts and hcctl), else from the sign-in cookie. UNAUTHENTICATED when
// neither is present or the token is unknown or revoked.
absl::StatusOr<domain::Principal> AuthenticateWebRequest(app::AccessAppService& access,
                                                         const HttpRequest& req);

// GET /signin (the form; ?next= the page to return to), POST /signin (checks
// the token, sets the cookie, returns to `next`), POST /signout.
WebServer::Routes SignInRoutes(app::AccessAppService& access);

// Answers a request refused with `status`: a browser (Accept: text/html)
// that is not signed in is sent to /signin and brought back; anything else
// gets 401 with "WWW-Authenticate: Bearer". PERMISSION_DENIED is 403,
// NOT_FOUND 404, FAILED_PRECONDITION 409, INVALID_ARGUMENT 400, UNAVAILABLE
// 503; anything else is 500 with a generic page (and logged).
void SendRefusal(const HttpRequest& req, HttpResponse& res, const absl::Status& status);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_WEB_AUTH_H_
