#ifndef HC_SERVICES_QUESTIONNAIRE_RESULTS_MAPPING_H_
#define HC_SERVICES_QUESTIONNAIRE_RESULTS_MAPPING_H_

#include "core/app/questionnaire_results_app_service.h"
#include "healthcheck/v1/questionnaire.pb.h"

namespace hc::services {

// Maps the results view to the API message, taking titles and labels from
// the view's benchmark. Copies only what the view holds: disclosure control
// was applied by the use case.
void ToProto(const app::QuestionnaireResultsView& view, healthcheck::v1::QuestionnaireResults* out);

}  // namespace hc::services

#endif  // HC_SERVICES_QUESTIONNAIRE_RESULTS_MAPPING_H_
