#ifndef HC_CLIENTS_CLI_PLAN_VIEWS_H_
#define HC_CLIENTS_CLI_PLAN_VIEWS_H_

#include <string>

#include "healthcheck/v1/improvement_plan.pb.h"

// How hcctl prints the improvement plan, its actions, progress updates,
// check-ins and suggestions. Text typed by others is made terminal-safe.
namespace hc::cli {

std::string PlanText(const healthcheck::v1::ImprovementPlan& plan);
std::string ActionText(const healthcheck::v1::PlanAction& action);
std::string ActionsTable(const healthcheck::v1::ListActionsResponse& response);
std::string ProgressUpdateText(const healthcheck::v1::ProgressUpdate& update);
std::string ProgressUpdatesText(const healthcheck::v1::ListProgressUpdatesResponse& response);
std::string CheckInText(const healthcheck::v1::CheckIn& check_in);
std::string CheckInsTable(const healthcheck::v1::ListCheckInsResponse& response);
std::string SuggestionsText(const healthcheck::v1::ListActionSuggestionsResponse& response);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_PLAN_VIEWS_H_
