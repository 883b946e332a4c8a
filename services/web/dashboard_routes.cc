#include "services/web/dashboard_routes.h"

#include <httplib.h>

#include "services/web/dashboard_page.h"
#include "services/web/web_auth.h"

namespace hc::services {

WebServer::Routes DashboardRoutes(app::AccessAppService& access,
                                  app::ProgrammeAppService& programme) {
  return [&access, &programme](httplib::Server& s) {
    s.Get("/programme", [&access, &programme](const httplib::Request& req,
                                              httplib::Response& res) {
      absl::StatusOr<domain::Principal> principal = AuthenticateWebRequest(access, req);
      if (!principal.ok()) return SendRefusal(req, res, principal.status());
      absl::StatusOr<app::ProgrammeDashboard> dashboard =
          programme.Dashboard(*principal, app::DashboardQuery{});
      if (!dashboard.ok()) return SendRefusal(req, res, dashboard.status());
      res.set_header("Content-Security-Policy", kDashboardContentSecurityPolicy);
      res.set_content(DashboardPage(*dashboard), "text/html; charset=utf-8");
    });
  };
}

}  // namespace hc::services
