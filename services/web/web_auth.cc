#include "services/web/web_auth.h"

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
std::string SessionCookie(const HttpRequest& req) {
  for (absl::string_view part : absl::StrSplit(req.Header("Cookie"), ';')) {
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
bool SameOrigin(const HttpRequest& req) {
  if (req.HasHeader("Sec-Fetch-Site")) {
    return req.Header("Sec-Fetch-Site") == "same-origin";
  }
  const std::string header = req.Header("Origin");  // a copy: keep it alive
  absl::string_view origin = header;
  if (origin.empty()) return true;
  return (absl::ConsumePrefix(&origin, "http://") || absl::ConsumePrefix(&origin, "https://")) &&
         origin == req.Header("Host");
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
                                                         const HttpRequest& req) {
  // get_header_value returns a copy: keep it alive while the view reads it.
  const std::string header = req.Header("Authorization");
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
  return [&access](HttpRouter& s) {
    s.Get("/signin", [](const HttpRequest& req, HttpResponse& res) {
      res.SetContent(SignInPage(req.Param("next"), ""), "text/html");
    });
    s.Post("/signin", [&access](const HttpRequest& req, HttpResponse& res) {
      if (!SameOrigin(req)) {
        return SendRefusal(req, res,
                           absl::PermissionDeniedError("sign in from this server's own page"));
      }
      const std::string token = req.Param("token");
      const std::string next = SafeNext(req.Param("next"));
      absl::StatusOr<domain::Principal> principal = access.Authenticate(token);
      if (!principal.ok()) {
        res.status = 401;
        return res.SetContent(SignInPage(next, "That token was not recognised."), "text/html");
      }
      res.SetHeader("Set-Cookie", absl::StrCat(kSessionCookie, "=", token,
                                                "; Path=/; HttpOnly; SameSite=Strict; Max-Age=",
                                                kSessionSeconds));
      res.status = 303;
      res.SetHeader("Location", next);
    });
    s.Post("/signout", [](const HttpRequest&, HttpResponse& res) {
      res.SetHeader("Set-Cookie", absl::StrCat(kSessionCookie,
                                                "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
      res.status = 303;
      res.SetHeader("Location", "/signin");
    });
  };
}

void SendRefusal(const HttpRequest& req, HttpResponse& res, const absl::Status& status) {
  const bool browser = absl::StrContains(req.Header("Accept"), "text/html");
  if (status.code() == absl::StatusCode::kUnauthenticated && browser) {
    res.status = 303;
    res.SetHeader("Location", absl::StrCat("/signin?next=", UrlEncode(req.path)));
    return;
  }
  res.status = HttpStatusOf(status.code());
  if (res.status == 401) res.SetHeader("WWW-Authenticate", "Bearer");
  if (res.status == 500) {
    LogLine("error", "web_request_failed",
            {{"path", req.path}, {"code", absl::StatusCodeToString(status.code())}});
    return res.SetContent(MessagePage("Something went wrong", "Please try again in a few minutes."),
                           "text/html");
  }
  res.SetContent(MessagePage("This page cannot be shown", status.message()), "text/html");
}

}  // namespace hc::services
