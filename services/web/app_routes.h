#ifndef HC_SERVICES_WEB_APP_ROUTES_H_
#define HC_SERVICES_WEB_APP_ROUTES_H_

#include "services/web/web_auth.h"
#include "services/web/web_server.h"

namespace hc::services {

// The web app: GET / and /app/... give its page to a signed-in browser (any
// other is sent to sign in and brought back), and /assets/app.js and
// /assets/app.css its code and styles (kept by browsers for good when asked
// for by their current version, ?v=...), under a content security policy
// that lets the page load only this server's own script, styles and API.
// GET /programme, the dashboard's old address, redirects to /.
WebServer::Routes AppRoutes(const BrowserSessions& sessions);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_APP_ROUTES_H_
