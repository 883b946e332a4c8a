#ifndef HC_SERVICES_WEB_DASHBOARD_ROUTES_H_
#define HC_SERVICES_WEB_DASHBOARD_ROUTES_H_

#include "core/app/programme_app_service.h"
#include "services/web/web_auth.h"
#include "services/web/web_server.h"

namespace hc::services {

// GET /programme: the programme dashboard page (DashboardPage), for
// programme leads signed in with the cookie or sending their Bearer token.
// A browser that is not signed in is sent to /signin and brought back; a
// missing or unknown token is 401, anyone else 403 (SendRefusal). Reads only.
WebServer::Routes DashboardRoutes(const BrowserSessions& sessions,
                                  app::ProgrammeAppService& programme);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_DASHBOARD_ROUTES_H_
