#include "services/web/web_auth.h"

#include <httplib.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "services/common/log.h"
#include "services/web/html.h"

namespace hc::services {
namespace {

constexpr int kSessionSeconds = 8 * 60 * 60;

// The cookie's value, or empty.
std::string SessionCookie(const httplib::Request& req) {
  for (absl::string_view part : absl::StrSplit(req.get_header_value("Cookie"), ';')) {
    part = absl::StripAsciiWhitespace(part);
    if (absl::ConsumePrefix(&part, kSessionCookie) && absl::ConsumePrefix(&part, "=")) {
      return std::string(part);
    }
  }
  return "";
}

// A local path to return to after signing in; anything else (another site,
// "//host", a scheme, or characters a browser would strip or reinterpret,
// such as a tab in "/\t/host") becomes the programme page.
std::string SafeNext(absl::string_view next) {
  const bool plain = std::all_of(next.begin(), next.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' ||
           c == '_' || c == '-' || c == '~';
  });
  const bool local = plain && absl::StartsWith(next, "/") && !absl::StartsWith(next, "//") &&
                     next.size() <= 512;
  return local ? std::string(next) : "/programme";
}

// Whether a form was posted from this server's own pages, so that a
// sign-in posted from another site (which would sign the victim in as
// someone else) is refused. Browsers say where a request comes from in
// Sec-Fetch-Site, and with this server's Referrer-Policy (same-origin) send
// its own Origin with a same-origin POST and "null" with a cross-origin one.
// Scripts send neither.
bool SameOrigin(const httplib::Request& req) {
  if (req.has_header("Sec-Fetch-Site")) {
    return req.get_header_value("Sec-Fetch-Site") == "same-origin";
  }
  const std::string header = req.get_header_value("Origin");  // a copy: keep it alive
  absl::string_view origin = header;
  if (origin.empty()) return true;
  return (absl::ConsumePrefix(&origin, "http://") || absl::ConsumePrefix(&origin, "https://")) &&
         origin == req.get_header_value("Host");
}

std::string SignInPage(absl::string_view next, absl::string_view error) {
  std::string body = "<h1>Sign in</h1>\n";
  if (!error.empty()) absl::StrAppend(&body, "<p class=\"error\">", Escape(error), "</p>\n");
  absl::StrAppend(
      &body,
      "<p>Paste the access token you were given. It stays in this browser for 8 hours or until "
      "you sign out.</p>\n<form method=\"post\" action=\"/signin\">\n"
      "<label for=\"token\">Access token</label>\n"
      "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"off\" required>\n"
      "<input type=\"hidden\" name=\"next\" value=\"",
      Escape(SafeNext(next)), "\">\n<button type=\"submit\">Sign in</button>\n</form>\n");
  return Page("Sign in", body);
}

int HttpStatusOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kUnauthenticated: return 401;
    case absl::StatusCode::kPermissionDenied: return 403;
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kFailedPrecondition: return 409;
    case absl::StatusCode::kInvalidArgument: return 400;
    case absl::StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

}  // namespace

absl::StatusOr<domain::Principal> AuthenticateWebRequest(app::AccessAppService& access,
                                                         const httplib::Request& req) {
  // get_header_value returns a copy: keep it alive while the view reads it.
  const std::string header = req.get_header_value("Authorization");
  absl::string_view bearer = header;
  if (!bearer.empty()) {
    if (!absl::ConsumePrefix(&bearer, "Bearer ") || bearer.empty()) {
      return absl::UnauthenticatedError("the Authorization header must be 'Bearer <token>'");
    }
    return access.Authenticate(bearer);
  }
  const std::string cookie = SessionCookie(req);
  if (cookie.empty()) return absl::UnauthenticatedError("sign in first");
  return access.Authenticate(cookie);
}

WebServer::Routes SignInRoutes(app::AccessAppService& access) {
  return [&access](httplib::Server& s) {
    s.Get("/signin", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(SignInPage(req.get_param_value("next"), ""), "text/html");
    });
    s.Post("/signin", [&access](const httplib::Request& req, httplib::Response& res) {
      if (!SameOrigin(req)) {
        return SendRefusal(req, res,
                           absl::PermissionDeniedError("sign in from this server's own page"));
      }
      const std::string token = req.get_param_value("token");
      const std::string next = SafeNext(req.get_param_value("next"));
      absl::StatusOr<domain::Principal> principal = access.Authenticate(token);
      if (!principal.ok()) {
        res.status = 401;
        return res.set_content(SignInPage(next, "That token was not recognised."), "text/html");
      }
      res.set_header("Set-Cookie", absl::StrCat(kSessionCookie, "=", token,
                                                "; Path=/; HttpOnly; SameSite=Strict; Max-Age=",
                                                kSessionSeconds));
      res.status = 303;
      res.set_header("Location", next);
    });
    s.Post("/signout", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Set-Cookie", absl::StrCat(kSessionCookie,
                                                "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
      res.status = 303;
      res.set_header("Location", "/signin");
    });
  };
}

void SendRefusal(const httplib::Request& req, httplib::Response& res, const absl::Status& status) {
  const bool browser = absl::StrContains(req.get_header_value("Accept"), "text/html");
  if (status.code() == absl::StatusCode::kUnauthenticated && browser) {
    res.status = 303;
    res.set_header("Location", absl::StrCat("/signin?next=", httplib::detail::encode_query_param(req.path)));
    return;
  }
  res.status = HttpStatusOf(status.code());
  if (res.status == 401) res.set_header("WWW-Authenticate", "Bearer");
  if (res.status == 500) {
    LogLine("error", "web_request_failed",
            {{"path", req.path}, {"code", absl::StatusCodeToString(status.code())}});
    return res.set_content(MessagePage("Something went wrong", "Please try again in a few minutes."),
                           "text/html");
  }
  res.set_content(MessagePage("This page cannot be shown", status.message()), "text/html");
}

}  // namespace hc::services
