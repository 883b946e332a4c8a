#ifndef HC_SERVICES_WEB_RESPONDENT_WEB_SERVER_H_
#define HC_SERVICES_WEB_RESPONDENT_WEB_SERVER_H_

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "core/app/respondent_app_service.h"

namespace httplib {
class Server;
}

namespace hc::services {

// The respondents' web form over HTTP (cpp-httplib), at /q/{token}: a page
// per section, answers saved on every page and resumable, one final submit.
// Every page works without JavaScript and is sent with no-store caching, no
// referrer (the token is in the address) and a strict content security
// policy. Thread-safe.
class RespondentWebServer {
 public:
  // Listens on `address` ("host:port"; port 0 picks a free one).
  // UNAVAILABLE if it cannot bind.
  static absl::StatusOr<std::unique_ptr<RespondentWebServer>> Start(
      app::RespondentAppService& respondents, const std::string& address);
  // Stops as Stop().
  ~RespondentWebServer();

  int port() const { return port_; }
  // Stops listening and waits for the requests in progress.
  void Stop();

 private:
  RespondentWebServer() = default;
  void Route(app::RespondentAppService& respondents);

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_RESPONDENT_WEB_SERVER_H_
