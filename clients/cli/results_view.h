#ifndef HC_CLIENTS_CLI_RESULTS_VIEW_H_
#define HC_CLIENTS_CLI_RESULTS_VIEW_H_

#include <string>

#include "healthcheck/v1/questionnaire.pb.h"

namespace hc::cli {

// The questionnaire's results as readable tables: sections and aggregate
// (n, mean, median, IQR, consensus, band), the proposed finding, the
// weighted view, the spread between levels, the breakdowns (withheld groups
// read "withheld") and the change since the previous health check.
std::string QuestionnaireResultsText(const healthcheck::v1::QuestionnaireResults& results);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_RESULTS_VIEW_H_
