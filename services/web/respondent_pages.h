#ifndef HC_SERVICES_WEB_RESPONDENT_PAGES_H_
#define HC_SERVICES_WEB_RESPONDENT_PAGES_H_

#include <set>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/app/respondent_app_service.h"

// The respondent's pages: plain HTML forms that work without JavaScript,
// with a label for every control, a fieldset and legend for every question,
// and nothing about any other respondent.
namespace hc::services {

// Pages are numbered from 1: one per section, then (when the benchmark has
// significance ratings, overall statements or comments) a last page about
// the partnership as a whole.
int PageCount(const app::RespondentSession& session);

// The codes a page asks about, to save exactly those.
app::DraftFields FieldsOf(const app::RespondentSession& session, int page);

// Page `page` of the questionnaire as a form posting to /q/{token}/p/{page};
// `error`, when not empty, is shown above it.
std::string QuestionPage(absl::string_view token, const app::RespondentSession& session, int page,
                         absl::string_view error);

// The summary before submitting: what is still unanswered (with links) and
// the submit button.
std::string ReviewPage(absl::string_view token, const app::RespondentSession& session,
                       absl::string_view error);

std::string ThankYouPage();

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_RESPONDENT_PAGES_H_
