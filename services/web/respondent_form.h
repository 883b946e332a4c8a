#ifndef HC_SERVICES_WEB_RESPONDENT_FORM_H_
#define HC_SERVICES_WEB_RESPONDENT_FORM_H_

#include "core/domain/response.h"
#include "services/http/http_message.h"

namespace hc::services {

// One posted page of the questionnaire as a draft: "a.<code>" and "s.<code>"
// radio values, "n.<code>" (action needed) and "w.<code>" (by whom) texts and
// "comment". Values that are not whole numbers are left out, and unknown
// fields ignored: domain::ValidateDraft refuses codes and values the
// benchmark does not have.
domain::Draft ReadRespondentForm(const HttpParams& params);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_RESPONDENT_FORM_H_
