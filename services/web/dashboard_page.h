#ifndef HC_SERVICES_WEB_DASHBOARD_PAGE_H_
#define HC_SERVICES_WEB_DASHBOARD_PAGE_H_

#include <string>

#include "core/app/programme_app_service.h"

namespace hc::services {

// The programme dashboard as one self-contained HTML page (inline styles, no
// scripts, no external resources; served under the content security policy
// kDashboardContentSecurityPolicy): headline figures, engagements by stage,
// overdue milestones (a red marker and the word "Overdue", never colour
// alone), upcoming milestones, report turnaround, peer-days, accreditations
// and response rates, with a sign-out button. A withheld questionnaire shows
// its reason and no figure. Every text from the store is escaped.
std::string DashboardPage(const app::ProgrammeDashboard& dashboard);

// What the page needs and nothing more: its inline styles and a form that
// posts to this site.
inline constexpr char kDashboardContentSecurityPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_DASHBOARD_PAGE_H_
