#ifndef HC_CLIENTS_CLI_DASHBOARD_VIEW_H_
#define HC_CLIENTS_CLI_DASHBOARD_VIEW_H_

#include <string>

#include "healthcheck/v1/programme.pb.h"

namespace hc::cli {

// The programme dashboard as readable tables: headline figures, engagements
// by stage with their age in stage and next milestone, overdue and upcoming
// milestones, report turnaround, peer-days, accreditations and response
// rates (a withheld questionnaire shows its reason, never a figure). Text
// from the server is made terminal-safe.
std::string DashboardText(const healthcheck::v1::ProgrammeDashboard& dashboard);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_DASHBOARD_VIEW_H_
