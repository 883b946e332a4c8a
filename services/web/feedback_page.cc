#include "services/web/feedback_page.h"

#include "absl/strings/str_cat.h"
#include "services/web/html.h"

namespace hc::services {
namespace {

constexpr absl::string_view kStyle = R"css(
body { font-family: system-ui, sans-serif; font-size: 1.05rem; line-height: 1.5; color: #1b1b1b;
       background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header { border-bottom: 4px solid #1d70b8; margin-bottom: 1.5rem; }
header p { color: #505a5f; margin: 0 0 0.75rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #b1b4b6; }
h3 { font-size: 1.1rem; margin: 1rem 0 0.25rem; }
.headline { background: #f3f2f1; border-left: 6px solid #1d70b8; padding: 0.5rem 1rem; }
.headline p { margin: 0.4rem 0; }
ul.points { list-style: none; padding: 0; margin: 0; }
ul.points li { border-left: 4px solid #b1b4b6; padding: 0.25rem 0 0.25rem 0.75rem;
               margin: 0 0 0.75rem; }
ul.strengths li { border-left-color: #00703c; }
ul.areas li { border-left-color: #f47738; }
.label { font-weight: 700; color: #505a5f; margin-right: 0.35rem; }
.title { font-weight: 600; }
.narrative { margin: 0.2rem 0 0; white-space: pre-line; }
.also { color: #505a5f; font-size: 0.9rem; margin: 0.2rem 0 0; }
.draft { color: #d4351c; font-weight: 700; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  ul.points li { break-inside: avoid; }
}
)css";

std::string Points(absl::string_view heading, absl::string_view css_class,
                   const std::vector<domain::FeedbackPoint>& points, absl::string_view term) {
  if (points.empty()) return "";
  std::string out = absl::StrCat("<h3>", heading, "</h3>\n<ul class=\"points ", css_class,
                                 "\">\n");
  for (const domain::FeedbackPoint& p : points) {
    absl::StrAppend(&out, "<li><span class=\"label\">", Escape(p.label),
                    "</span><span class=\"title\">", Escape(p.title),
                    "</span>\n<p class=\"narrative\">", Escape(p.narrative), "</p>\n");
    if (!p.also.empty()) {
      absl::StrAppend(&out, "<p class=\"also\">", Escape(domain::AlsoRelatesTo(p, term)),
                      "</p>\n");
    }
    absl::StrAppend(&out, "</li>\n");
  }
  return absl::StrCat(out, "</ul>\n");
}

}  // namespace

std::string FeedbackPage(const domain::InitialFeedback& f) {
  const std::string title = absl::StrCat("Initial feedback: ", f.partnership_name);
  std::string body = absl::StrCat("<header>\n<h1>", Escape(title), "</h1>\n<p>",
                                  Escape(f.benchmark_name));
  if (f.given_on) {
    absl::StrAppend(&body, " &middot; given on ",
                    Escape(absl::FormatCivilTime(*f.given_on)));
    if (!f.given_by.empty()) absl::StrAppend(&body, " by ", Escape(f.given_by));
  } else {
    absl::StrAppend(&body, " &middot; <span class=\"draft\">Draft: not yet given</span>");
  }
  absl::StrAppend(&body, "</p>\n</header>\n<section aria-labelledby=\"q\">\n",
                  "<h2 id=\"q\">What the questionnaire said</h2>\n<div class=\"headline\">\n");
  for (const std::string& line : f.headline) {
    absl::StrAppend(&body, "<p>", Escape(line), "</p>\n");
  }
  absl::StrAppend(&body, "</div>\n</section>\n");
  if (f.principles.empty()) {
    absl::StrAppend(&body, "<p>No findings have been agreed yet.</p>\n");
  }
  for (const domain::PrincipleFeedback& p : f.principles) {
    absl::StrAppend(&body, "<section>\n<h2>", Escape(domain::PrincipleHeading(f, p)), "</h2>\n",
                    Points("Strengths", "strengths", p.strengths, f.section_term),
                    Points("Areas for development", "areas", p.areas_for_development,
                           f.section_term),
                    "</section>\n");
  }
  if (!f.remarks.empty()) {
    absl::StrAppend(&body, "<section>\n<h2>Closing remarks</h2>\n<p class=\"narrative\">",
                    Escape(f.remarks), "</p>\n</section>\n");
  }
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      Escape(title), "</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n<main>\n", body,
      "</main>\n</body>\n</html>\n");
}

}  // namespace hc::services
