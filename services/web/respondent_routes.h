#ifndef HC_SERVICES_WEB_RESPONDENT_ROUTES_H_
#define HC_SERVICES_WEB_RESPONDENT_ROUTES_H_

#include "core/app/respondent_app_service.h"
#include "services/web/web_server.h"

namespace hc::services {

// The respondents' web form at /q/{token}: a page per section, answers saved
// on every page and resumable, one final submit. Every page works without
// JavaScript; the token in the address is the only credential.
WebServer::Routes RespondentRoutes(app::RespondentAppService& respondents);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_RESPONDENT_ROUTES_H_
