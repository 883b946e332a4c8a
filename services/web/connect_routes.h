#ifndef HC_SERVICES_WEB_CONNECT_ROUTES_H_
#define HC_SERVICES_WEB_CONNECT_ROUTES_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "services/web/web_auth.h"
#include "services/web/web_server.h"

namespace hc::services {

// The whole API for web clients, in the Connect protocol (connectrpc.com):
// every unary method of healthcheck.v1 answers
// POST /healthcheck.v1.<Service>/<Method> with a JSON (application/json) or
// binary (application/proto) message, found from the service descriptors
// with no code per method. Each call goes through `api`, a channel into the
// gRPC server itself, so it meets the same authentication, per-resource
// authorisation, quotas and logging as a gRPC call: its credential is the
// bearer token ("Authorization: Bearer"), else the session cookie of
// `sessions`. Errors
// are Connect's JSON error body with its HTTP status (invalid_argument 400,
// unauthenticated 401, permission_denied 403, not_found 404, ...).
//
// A cross-site request can never act with the cookie: the content types
// above are not ones an HTML form can send, a browser must ask before
// sending them cross-site (and this server never agrees), and a request
// whose Sec-Fetch-Site (or Origin) says another site is refused outright.
WebServer::Routes ConnectRoutes(std::shared_ptr<grpc::Channel> api,
                                const BrowserSessions& sessions);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_CONNECT_ROUTES_H_
