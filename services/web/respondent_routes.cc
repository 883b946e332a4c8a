#include "services/web/respondent_routes.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/log.h"
#include "services/web/html.h"
#include "services/web/respondent_form.h"
#include "services/web/respondent_pages.h"

namespace hc::services {
namespace {

constexpr char kToken[] = "([A-Za-z0-9_-]{1,100})";

int HttpStatusOf(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kFailedPrecondition: return 410;
    case absl::StatusCode::kInvalidArgument: return 400;
    case absl::StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

// A page for a refused request, in words a respondent understands.
void SendProblem(HttpResponse& res, const absl::Status& status) {
  res.status = HttpStatusOf(status);
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
      res.SetContent(MessagePage("Link not recognised", status.message()), "text/html");
      return;
    case absl::StatusCode::kFailedPrecondition:
      res.SetContent(MessagePage("This link cannot be used now", status.message()), "text/html");
      return;
    default:
      LogLine("error", "respondent_page_failed", {{"code", absl::StatusCodeToString(status.code())}});
      res.SetContent(MessagePage("Something went wrong",
                                  "Your answers so far are saved. Please try again in a few "
                                  "minutes."),
                      "text/html");
  }
}

}  // namespace

WebServer::Routes RespondentRoutes(app::RespondentAppService& respondents) {
  return [&respondents](HttpRouter& s) {
    s.Get(absl::StrCat("/q/", kToken, "/done"), [](const HttpRequest&, HttpResponse& res) {
      res.SetContent(ThankYouPage(), "text/html");
    });
    s.Get(absl::StrCat("/q/", kToken), [&respondents](const HttpRequest& req,
                                                       HttpResponse& res) {
      const std::string token = req.matches[1];
      absl::Status open = respondents.Open(token).status();
      if (!open.ok()) return SendProblem(res, open);
      res.Redirect(absl::StrCat("/q/", token, "/p/1"));
    });
    s.Get(absl::StrCat("/q/", kToken, "/p/([0-9]{1,3})"),
          [&respondents](const HttpRequest& req, HttpResponse& res) {
            const std::string token = req.matches[1];
            absl::StatusOr<app::RespondentSession> session = respondents.Open(token);
            if (!session.ok()) return SendProblem(res, session.status());
            int page = 0;
            if (!absl::SimpleAtoi(req.matches[2], &page) || page < 1 ||
                page > PageCount(*session)) {
              return SendProblem(res, absl::NotFoundError("There is no such page."));
            }
            res.SetContent(QuestionPage(token, *session, page, ""), "text/html");
          });
    s.Post(absl::StrCat("/q/", kToken, "/p/([0-9]{1,3})"),
           [&respondents](const HttpRequest& req, HttpResponse& res) {
             const std::string token = req.matches[1];
             absl::StatusOr<app::RespondentSession> session = respondents.Open(token);
             if (!session.ok()) return SendProblem(res, session.status());
             int page = 0;
             const int pages = PageCount(*session);
             if (!absl::SimpleAtoi(req.matches[2], &page) || page < 1 || page > pages) {
               return SendProblem(res, absl::NotFoundError("There is no such page."));
             }
             absl::Status saved = respondents.Save(token, ReadRespondentForm(req.Params()), FieldsOf(*session, page));
             if (absl::IsInvalidArgument(saved)) {
               res.status = 400;
               return res.SetContent(QuestionPage(token, *session, page, saved.message()),
                                      "text/html");
             }
             if (!saved.ok()) return SendProblem(res, saved);
             const bool back = req.Param("go") == "back";
             if (back && page > 1) return res.Redirect(absl::StrCat("/q/", token, "/p/", page - 1));
             if (page < pages) return res.Redirect(absl::StrCat("/q/", token, "/p/", page + 1));
             res.Redirect(absl::StrCat("/q/", token, "/review"));
           });
    s.Get(absl::StrCat("/q/", kToken, "/review"),
          [&respondents](const HttpRequest& req, HttpResponse& res) {
            const std::string token = req.matches[1];
            absl::StatusOr<app::RespondentSession> session = respondents.Open(token);
            if (!session.ok()) return SendProblem(res, session.status());
            res.SetContent(ReviewPage(token, *session, ""), "text/html");
          });
    s.Post(absl::StrCat("/q/", kToken, "/submit"),
           [&respondents](const HttpRequest& req, HttpResponse& res) {
             const std::string token = req.matches[1];
             absl::Status submitted = respondents.Submit(token);
             if (absl::IsInvalidArgument(submitted)) {
               absl::StatusOr<app::RespondentSession> session = respondents.Open(token);
               if (!session.ok()) return SendProblem(res, session.status());
               res.status = 400;
               return res.SetContent(ReviewPage(token, *session, submitted.message()),
                                      "text/html");
             }
             if (!submitted.ok()) return SendProblem(res, submitted);
             res.Redirect(absl::StrCat("/q/", token, "/done"));
           });
  };
}

}  // namespace hc::services
