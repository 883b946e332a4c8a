#include "services/web/web_auth.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "services/common/log.h"
#include "services/web/html.h"
#include "services/web/web_assets.h"

namespace hc::services {
namespace {

constexpr absl::string_view kPlainCookie = "hc_session";
// With https only: the __Host- prefix makes browsers refuse the cookie
// unless it is Secure, for this host alone and for every path.
constexpr absl::string_view kHostCookie = "__Host-hc_session";
constexpr int kCookieSeconds = 12 * 60 * 60;


// A local path to return to after signing in; anything else (another site,
// "//host", a scheme, or characters a browser would strip or reinterpret,
// such as a tab in "/\t/host") becomes the home page.
std::string SafeNext(absl::string_view next) {
  // A path and query of plain characters: no scheme, host, backslash,
  // space or control character can be written with them.
  const bool plain = std::all_of(next.begin(), next.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' ||
           c == '_' || c == '-' || c == '~' || c == '?' || c == '=' || c == '&' || c == '%' ||
           c == '+';
  });
  const bool local = plain && absl::StartsWith(next, "/") && !absl::StartsWith(next, "//") &&
                     next.size() <= 512;
  return local ? std::string(next) : "/";
}


// A problem with one field of a form.
struct FieldError {
  std::string field;  // the input's id
  std::string message;
};

// A page in the web app's look (GOV.UK Frontend, /assets/app.css), before
// anyone has signed in: the header with the service's name and `body`.
std::string ServicePage(absl::string_view title, absl::string_view body) {
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      Escape(title), " - Partnership health checks</title>\n"
      "<link rel=\"stylesheet\" href=\"", WebAssetAddress("/app.css"), "\">\n</head>\n"
      "<body class=\"govuk-template__body\">\n"
      "<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n"
      "<header class=\"govuk-header\">\n<div class=\"govuk-header__container govuk-width-container\">"
      "\n<div class=\"govuk-header__content\">\n<a href=\"/\" class=\"govuk-header__link "
      "govuk-header__service-name app-service-name\">Partnership health checks</a>\n</div>\n"
      "</div>\n</header>\n<div class=\"govuk-width-container\">\n"
      "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n"
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n",
      body, "</div></div>\n</main>\n</div>\n</body>\n</html>\n");
}

// The GOV.UK error summary: each problem linked to its field.
std::string ErrorSummary(const std::vector<FieldError>& errors) {
  if (errors.empty()) return "";
  std::string items;
  for (const FieldError& e : errors) {
    absl::StrAppend(&items, "<li><a href=\"#", e.field, "\">", Escape(e.message), "</a></li>\n");
  }
  return absl::StrCat(
      "<div class=\"govuk-error-summary\" tabindex=\"-1\">\n<div role=\"alert\">\n"
      "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>\n"
      "<div class=\"govuk-error-summary__body\">\n"
      "<ul class=\"govuk-list govuk-error-summary__list\">\n",
      items, "</ul>\n</div>\n</div>\n</div>\n");
}

// A labelled text input with its hint and, if any, its error message.
std::string Field(absl::string_view id, absl::string_view label, absl::string_view type,
                  absl::string_view autocomplete, absl::string_view value,
                  absl::string_view hint, const std::vector<FieldError>& errors) {
  std::string error;
  for (const FieldError& e : errors) {
    if (e.field == id) error = e.message;
  }
  std::string described;
  if (!hint.empty()) absl::StrAppend(&described, id, "-hint");
  if (!error.empty()) absl::StrAppend(&described, described.empty() ? "" : " ", id, "-error");
  return absl::StrCat(
      "<div class=\"govuk-form-group", error.empty() ? "" : " govuk-form-group--error",
      "\">\n<label class=\"govuk-label govuk-label--s\" for=\"", id, "\">", Escape(label),
      "</label>\n",
      hint.empty() ? ""
                   : absl::StrCat("<div class=\"govuk-hint\" id=\"", id, "-hint\">", Escape(hint),
                                  "</div>\n"),
      error.empty() ? ""
                    : absl::StrCat("<p class=\"govuk-error-message\" id=\"", id,
                                   "-error\"><span class=\"govuk-visually-hidden\">Error:</span> ",
                                   Escape(error), "</p>\n"),
      "<input class=\"govuk-input", error.empty() ? "" : " govuk-input--error", "\" type=\"",
      type, "\" id=\"", id, "\" name=\"", id, "\" autocomplete=\"",
      autocomplete, "\" spellcheck=\"false\"",
      described.empty() ? "" : absl::StrCat(" aria-describedby=\"", described, "\""),
      error.empty() ? "" : " aria-invalid=\"true\"",
      value.empty() ? "" : absl::StrCat(" value=\"", Escape(value), "\""), ">\n</div>\n");
}

// A GOV.UK notification banner that something went well.
std::string Notice(absl::string_view text) {
  return absl::StrCat(
      "<div class=\"govuk-notification-banner govuk-notification-banner--success\" "
      "role=\"status\" aria-labelledby=\"notice-title\">\n"
      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
      "id=\"notice-title\">Success</h2></div>\n<div class=\"govuk-notification-banner__content\">"
      "<p class=\"govuk-notification-banner__heading\">",
      Escape(text), "</p></div>\n</div>\n");
}

std::string SignInPage(absl::string_view next, absl::string_view email,
                       absl::string_view notice, const std::vector<FieldError>& errors) {
  return ServicePage(
      errors.empty() ? "Sign in" : "Error: Sign in",
      absl::StrCat(ErrorSummary(errors), notice.empty() ? "" : Notice(notice),
                   "<h1 class=\"govuk-heading-xl\">Sign in</h1>\n",
                   "<form method=\"post\" action=\"/signin\" novalidate>\n",
                   Field("email", "Email address", "email", "username", email, "", errors),
                   Field("password", "Password", "password", "current-password", "", "", errors),
                   "<input type=\"hidden\" name=\"next\" value=\"", Escape(SafeNext(next)),
                   "\">\n<button type=\"submit\" class=\"govuk-button\">Sign in</button>\n"
                   "</form>\n<p class=\"govuk-body\">If you have forgotten your password, ask "
                   "your programme lead for a new set-password link.</p>\n"));
}

std::string SetPasswordPage(absl::string_view key, const domain::User& holder,
                            absl::string_view email, const std::vector<FieldError>& errors) {
  const bool ask_email = holder.email.empty();
  return ServicePage(
      errors.empty() ? "Set your password" : "Error: Set your password",
      absl::StrCat(
          ErrorSummary(errors), "<h1 class=\"govuk-heading-xl\">Set your password</h1>\n"
          "<p class=\"govuk-body\">", Escape(holder.display_name),
          ", choose the password you will sign in with.</p>\n"
          "<form method=\"post\" action=\"/set-password\" novalidate>\n",
          ask_email ? Field("email", "Your email address", "email", "username", email,
                            "You will sign in with it.", errors)
                    : "",
          Field("password", "New password", "password", "new-password", "",
                "At least 12 characters. Three or four unrelated words make a strong password "
                "that is easy to remember. Do not use your name or email address.",
                errors),
          Field("confirm", "Confirm the new password", "password", "new-password", "", "",
                errors),
          "<input type=\"hidden\" name=\"key\" value=\"", Escape(key),
          "\">\n<button type=\"submit\" class=\"govuk-button\">Set password</button>\n"
          "</form>\n"));
}

// Which field an INVALID_ARGUMENT from SetPassword is about.
std::string FieldOf(const absl::Status& status) {
  const absl::string_view message = status.message();
  return absl::StartsWithIgnoreCase(message, "email") ? "email" : "password";
}

int HttpStatusOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kUnauthenticated: return 401;
    case absl::StatusCode::kPermissionDenied: return 403;
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kFailedPrecondition: return 409;
    case absl::StatusCode::kInvalidArgument: return 400;
    case absl::StatusCode::kResourceExhausted: return 429;
    case absl::StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

void SendPage(HttpResponse& res, int status, std::string page) {
  res.status = status;
  res.SetContent(std::move(page), "text/html; charset=utf-8");
}

}  // namespace

bool SameOrigin(const HttpRequest& req) {
  // Browsers say where a request comes from in Sec-Fetch-Site, and with this
  // server's Referrer-Policy (same-origin) send its own Origin with a
  // same-origin POST and "null" with a cross-origin one. Scripts send
  // neither.
  if (req.HasHeader("Sec-Fetch-Site")) return req.Header("Sec-Fetch-Site") == "same-origin";
  const std::string header = req.Header("Origin");
  absl::string_view origin = header;
  if (origin.empty()) return true;
  return (absl::ConsumePrefix(&origin, "http://") || absl::ConsumePrefix(&origin, "https://")) &&
         origin == req.Header("Host");
}

BrowserSessions::BrowserSessions(app::AccessAppService& access, absl::string_view origin)
    : access_(access),
      name_(absl::StartsWith(origin, "https://") ? kHostCookie : kPlainCookie),
      secure_(absl::StartsWith(origin, "https://")) {}

absl::StatusOr<domain::Principal> BrowserSessions::Authenticate(const HttpRequest& req) const {
  const std::string header = req.Header("Authorization");
  absl::string_view bearer = header;
  if (!bearer.empty()) {
    if (!absl::ConsumePrefix(&bearer, "Bearer ") || bearer.empty()) {
      return absl::UnauthenticatedError("the Authorization header must be 'Bearer <token>'");
    }
    return access_.Authenticate(bearer);
  }
  const std::string cookie = Secret(req);
  if (cookie.empty()) return absl::UnauthenticatedError("sign in first");
  absl::StatusOr<domain::Principal> principal = access_.Authenticate(cookie);
  if (principal.ok() && !principal->signed_in) {
    return absl::UnauthenticatedError("sign in first");
  }
  return principal;
}

std::string BrowserSessions::Secret(const HttpRequest& req) const {
  const std::string header = req.Header("Cookie");
  for (absl::string_view part : absl::StrSplit(header, ';')) {
    part = absl::StripAsciiWhitespace(part);
    if (absl::ConsumePrefix(&part, name_) && absl::ConsumePrefix(&part, "=")) {
      return std::string(part);
    }
  }
  return "";
}

std::string BrowserSessions::SetCookie(absl::string_view secret) const {
  return absl::StrCat(name_, "=", secret, "; Path=/; HttpOnly; SameSite=Strict; Max-Age=",
                      kCookieSeconds, secure_ ? "; Secure" : "");
}

std::string BrowserSessions::ClearCookie() const {
  return absl::StrCat(name_, "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0",
                      secure_ ? "; Secure" : "");
}

std::string SetPasswordLink(absl::string_view origin, absl::string_view secret) {
  return absl::StrCat(origin, "/set-password?key=", UrlEncode(secret));
}

WebServer::Routes SignInRoutes(const BrowserSessions& sessions, app::UserAppService& users) {
  return [&sessions, &users](HttpRouter& s) {
    s.Get("/signin", [](const HttpRequest& req, HttpResponse& res) {
      const std::string shown = req.Param("shown");
      const absl::string_view notice = shown == "set"   ? "Your password is set. Sign in with it."
                                       : shown == "out" ? "You have signed out."
                                                        : "";
      SendPage(res, 200, SignInPage(req.Param("next"), "", notice, {}));
    });
    s.Post("/signin", [&sessions, &users](const HttpRequest& req, HttpResponse& res) {
      if (!SameOrigin(req)) {
        return SendRefusal(req, res, absl::PermissionDeniedError(
                                         "Sign in from this service's own sign-in page."));
      }
      const std::string email(absl::StripAsciiWhitespace(req.Param("email")));
      const std::string password = req.Param("password");
      const std::string next = req.Param("next");
      std::vector<FieldError> errors;
      if (email.empty()) errors.push_back({"email", "Enter your email address"});
      if (password.empty()) errors.push_back({"password", "Enter your password"});
      if (!errors.empty()) return SendPage(res, 400, SignInPage(next, email, "", errors));
      absl::StatusOr<app::BegunSession> begun =
          users.SignIn(email, password, req.Header("User-Agent"), req.client_address);
      if (absl::IsUnauthenticated(begun.status()) || absl::IsResourceExhausted(begun.status())) {
        const int status = absl::IsUnauthenticated(begun.status()) ? 401 : 429;
        return SendPage(res, status,
                        SignInPage(next, email, "",
                                   {{"email", std::string(begun.status().message())}}));
      }
      if (!begun.ok()) return SendRefusal(req, res, begun.status());
      res.AddHeader("Set-Cookie", sessions.SetCookie(begun->secret));
      res.Redirect(SafeNext(next));
    });
    s.Post("/signout", [&sessions, &users](const HttpRequest& req, HttpResponse& res) {
      if (!SameOrigin(req)) {
        return SendRefusal(req, res, absl::PermissionDeniedError(
                                         "Sign out from this service's own pages."));
      }
      absl::StatusOr<domain::Principal> principal = sessions.Authenticate(req);
      if (principal.ok()) {
        if (absl::Status ended = users.SignOut(*principal); !ended.ok()) {
          return SendRefusal(req, res, ended);
        }
      }
      res.AddHeader("Set-Cookie", sessions.ClearCookie());
      res.Redirect("/signin?shown=out");
    });
    s.Get("/set-password", [&users](const HttpRequest& req, HttpResponse& res) {
      const std::string key = req.Param("key");
      absl::StatusOr<domain::User> holder = users.LinkHolder(key);
      if (!holder.ok()) return SendRefusal(req, res, holder.status());
      SendPage(res, 200, SetPasswordPage(key, *holder, "", {}));
    });
    s.Post("/set-password", [&users](const HttpRequest& req, HttpResponse& res) {
      if (!SameOrigin(req)) {
        return SendRefusal(req, res, absl::PermissionDeniedError(
                                         "Set your password from this service's own page."));
      }
      const std::string key = req.Param("key");
      absl::StatusOr<domain::User> holder = users.LinkHolder(key);
      if (!holder.ok()) return SendRefusal(req, res, holder.status());
      const std::string email(absl::StripAsciiWhitespace(req.Param("email")));
      const std::string password = req.Param("password");
      std::vector<FieldError> errors;
      if (holder->email.empty() && email.empty()) {
        errors.push_back({"email", "Enter your email address"});
      }
      if (password.empty()) {
        errors.push_back({"password", "Enter a new password"});
      } else if (req.Param("confirm") != password) {
        errors.push_back({"confirm", "The passwords do not match: enter the same one twice"});
      }
      if (errors.empty()) {
        absl::Status set = users.SetPassword(key, password, email).status();
        if (set.ok()) return res.Redirect("/signin?shown=set");
        if (absl::IsAlreadyExists(set)) {
          errors.push_back({"email", "Someone else already signs in with that email address"});
        } else if (absl::IsInvalidArgument(set)) {
          errors.push_back({FieldOf(set), std::string(set.message())});
        } else {
          return SendRefusal(req, res, set);
        }
      }
      SendPage(res, 400, SetPasswordPage(key, *holder, email, errors));
    });
  };
}

void SendRefusal(const HttpRequest& req, HttpResponse& res, const absl::Status& status) {
  const bool browser = absl::StrContains(req.Header("Accept"), "text/html");
  if (status.code() == absl::StatusCode::kUnauthenticated && browser) {
    res.Redirect(absl::StrCat("/signin?next=", UrlEncode(req.path)));
    return;
  }
  res.status = HttpStatusOf(status.code());
  if (res.status == 401) res.SetHeader("WWW-Authenticate", "Bearer");
  if (res.status == 500) {
    LogLine("error", "web_request_failed",
            {{"path", req.path}, {"code", absl::StatusCodeToString(status.code())}});
    return res.SetContent(
        MessagePage("Something went wrong", "Please try again in a few minutes."),
        "text/html; charset=utf-8");
  }
  res.SetContent(MessagePage("This page cannot be shown", status.message()),
                 "text/html; charset=utf-8");
}

}  // namespace hc::services
