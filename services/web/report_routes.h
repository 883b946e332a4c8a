#ifndef HC_SERVICES_WEB_REPORT_ROUTES_H_
#define HC_SERVICES_WEB_REPORT_ROUTES_H_

#include "core/app/report_app_service.h"
#include "services/web/web_auth.h"
#include "services/web/web_server.h"

namespace hc::services {

// GET /engagements/{engagement}/reports/{number}.pdf and .html: one report
// version's stored rendering for a signed-in browser or a bearer token
// (BrowserSessions::Authenticate), under ReportAppService's read rules; refusals
// through SendRefusal. The PDF is an attachment; the HTML is shown inline
// under a policy that allows only its inline styles and data: images. Both
// carry the stored SHA-256 as ETag ("<hex>") and Digest (sha-256=<base64>).
WebServer::Routes ReportRoutes(const BrowserSessions& sessions, app::ReportAppService& reports);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_REPORT_ROUTES_H_
