#include "services/web/dashboard_routes.h"

#include "services/web/dashboard_page.h"
#include "services/web/web_auth.h"

namespace hc::services {

WebServer::Routes DashboardRoutes(const BrowserSessions& sessions,
                                  app::ProgrammeAppService& programme) {
  return [&sessions, &programme](HttpRouter& s) {
    s.Get("/programme", [&sessions, &programme](const HttpRequest& req, HttpResponse& res) {
      absl::StatusOr<domain::Principal> principal = sessions.Authenticate(req);
      if (!principal.ok()) return SendRefusal(req, res, principal.status());
      absl::StatusOr<app::ProgrammeDashboard> dashboard =
          programme.Dashboard(*principal, app::DashboardQuery{});
      if (!dashboard.ok()) return SendRefusal(req, res, dashboard.status());
      res.SetHeader("Content-Security-Policy", kDashboardContentSecurityPolicy);
      res.SetContent(DashboardPage(*dashboard), "text/html; charset=utf-8");
    });
  };
}

}  // namespace hc::services
