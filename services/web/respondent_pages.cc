#include "services/web/respondent_pages.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/domain/submission.h"
#include "services/web/html.h"

namespace hc::services {
namespace {

bool HasLastPage(const app::RespondentSession& s) {
  return s.framework.significance_scale.has_value() || !s.framework.overall_statements.empty() ||
         s.collect_comments;
}

// The id of a control about statement `code` (which a benchmark file may
// spell with any character).
std::string Id(absl::string_view prefix, absl::string_view code, int value) {
  return absl::StrCat(prefix, "-", HtmlId(code), "-", value);
}

// One question: a fieldset of radio buttons named `name`, one per point,
// then `more` (further controls about the same statement).
std::string Question(absl::string_view name, absl::string_view legend,
                     const domain::ResponseScale& scale, const std::map<std::string, int>& chosen,
                     absl::string_view code, absl::string_view more = "") {
  auto it = chosen.find(std::string(code));
  std::string html = absl::StrCat("<fieldset>\n<legend>", legend, "</legend>\n");
  for (const domain::ScalePoint& p : scale.points) {
    const std::string id = Id(name, code, p.value);
    absl::StrAppend(&html, "<label class=\"choice\" for=\"", id, "\"><input type=\"radio\" id=\"",
                    id, "\" name=\"", Escape(name), ".", Escape(code), "\" value=\"", p.value,
                    "\"", it != chosen.end() && it->second == p.value ? " checked" : "", ">",
                    Escape(p.label), "</label>\n");
  }
  absl::StrAppend(&html, more, "</fieldset>\n");
  return html;
}

// The "Action needed" and "By whom?" entries of a statement (named "n.<code>"
// and "w.<code>"), with the benchmark's possible actions as suggestions.
std::string ActionFields(const domain::Statement& st, const domain::Draft& draft) {
  const auto it = draft.actions.find(st.code);
  const domain::ActionEntry entry = it == draft.actions.end() ? domain::ActionEntry{} : it->second;
  const std::string action_id = Id("n", st.code, 0);
  const std::string by_whom_id = Id("w", st.code, 0);
  std::string html;
  if (!st.possible_actions.empty()) {
    absl::StrAppend(&html, "<details><summary>Possible actions you might take</summary><ul>\n");
    for (const std::string& action : st.possible_actions) {
      absl::StrAppend(&html, "<li>", Escape(action), "</li>\n");
    }
    absl::StrAppend(&html, "</ul></details>\n");
  }
  absl::StrAppend(&html, "<p><label for=\"", action_id, "\">Action needed (optional)</label><br>",
                  "<textarea class=\"short\" id=\"", action_id, "\" name=\"n.", Escape(st.code),
                  "\" maxlength=\"", domain::kMaxActionChars, "\">", Escape(entry.action),
                  "</textarea></p>\n<p><label for=\"", by_whom_id,
                  "\">By whom? (optional)</label><br><input type=\"text\" id=\"", by_whom_id,
                  "\" name=\"w.", Escape(st.code), "\" maxlength=\"", domain::kMaxByWhomChars,
                  "\" value=\"", Escape(entry.by_whom), "\"></p>\n");
  return html;
}

std::string Progress(int page, int pages) {
  return absl::StrCat("<p><label for=\"progress\">Page ", page, " of ", pages,
                      "</label><br><progress id=\"progress\" max=\"", pages, "\" value=\"", page,
                      "\">Page ", page, " of ", pages, "</progress></p>\n");
}

std::string ErrorBox(absl::string_view error) {
  if (error.empty()) return "";
  return absl::StrCat("<div class=\"error\" role=\"alert\"><h2>There is a problem</h2><p>",
                      Escape(error), "</p></div>\n");
}

std::string SectionBody(const app::RespondentSession& s, const domain::Section& section) {
  std::string term = s.framework.section_term.empty() ? "section" : s.framework.section_term;
  term[0] = absl::ascii_toupper(static_cast<unsigned char>(term[0]));
  std::string html = absl::StrCat("<h2>", Escape(term), " ", Escape(section.code), ": ",
                                  Escape(section.title), "</h2>\n<p>For each statement about "
                                  "the partnership as a whole, choose the answer closest to "
                                  "your view.",
                                  s.framework.action_planning
                                      ? " Where you see a need, say what action is needed and "
                                        "by whom; these go to the review team without your name."
                                      : "",
                                  "</p>\n");
  for (const domain::Statement& st : section.statements) {
    absl::StrAppend(&html, Question("a", absl::StrCat(Escape(st.code), " ", Escape(st.text)),
                                    s.framework.scale, s.draft.answers, st.code,
                                    s.framework.action_planning ? ActionFields(st, s.draft) : ""));
  }
  return html;
}

std::string LastPageBody(const app::RespondentSession& s) {
  std::string html = "<h2>The partnership as a whole</h2>\n";
  if (s.framework.significance_scale) {
    const std::string term =
        s.framework.section_term.empty() ? "section" : s.framework.section_term;
    absl::StrAppend(&html, "<p>How significant is each ", Escape(term),
                    " for the partnership now, given its nature and stage of development?</p>\n");
    for (const domain::Section& section : s.framework.sections) {
      absl::StrAppend(&html, Question("s", absl::StrCat(Escape(section.code), " ",
                                                        Escape(section.title)),
                                      *s.framework.significance_scale, s.draft.significance,
                                      section.code));
    }
  }
  for (const domain::Statement& st : s.framework.overall_statements) {
    absl::StrAppend(&html, Question("a", Escape(st.text), s.framework.scale, s.draft.answers,
                                    st.code));
  }
  if (s.collect_comments) {
    absl::StrAppend(&html,
                    "<p><label for=\"comment\"><strong>Comments</strong> (optional). Your "
                    "comment goes to the review team without your name; it is quoted in the "
                    "report only if the team chooses to.</label></p>\n"
                    "<textarea id=\"comment\" name=\"comment\" maxlength=\"4000\">",
                    Escape(s.draft.comment), "</textarea>\n");
  }
  return html;
}

}  // namespace

int PageCount(const app::RespondentSession& session) {
  return static_cast<int>(session.framework.sections.size()) + (HasLastPage(session) ? 1 : 0);
}

app::DraftFields FieldsOf(const app::RespondentSession& session, int page) {
  app::DraftFields fields;
  const int sections = static_cast<int>(session.framework.sections.size());
  if (page >= 1 && page <= sections) {
    for (const domain::Statement& st : session.framework.sections[page - 1].statements) {
      fields.statements.insert(st.code);
      if (session.framework.action_planning) fields.actions.insert(st.code);
    }
  } else if (page == sections + 1 && HasLastPage(session)) {
    if (session.framework.significance_scale) {
      for (const domain::Section& s : session.framework.sections) fields.sections.insert(s.code);
    }
    for (const domain::Statement& st : session.framework.overall_statements) {
      fields.statements.insert(st.code);
    }
    fields.comment = session.collect_comments;
  }
  return fields;
}

std::string QuestionPage(absl::string_view token, const app::RespondentSession& s, int page,
                         absl::string_view error) {
  const int pages = PageCount(s);
  const int sections = static_cast<int>(s.framework.sections.size());
  std::string body = absl::StrCat(
      "<h1>", Escape(s.framework.display_name), "</h1>\n",
      page == 1 ? "<p>This questionnaire is individual and confidential. Your answers are "
                  "stored without your name or your link, and are only ever shown combined "
                  "with at least a few other people's. Your answers are saved on each page; "
                  "you can come back to this link to finish before the questionnaire closes.</p>\n"
                : "",
      Progress(page, pages), ErrorBox(error), "<form method=\"post\" action=\"/q/", Escape(token),
      "/p/", page, "\">\n",
      page <= sections ? SectionBody(s, s.framework.sections[page - 1]) : LastPageBody(s));
  if (page > 1) {
    absl::StrAppend(&body,
                    "<button class=\"secondary\" type=\"submit\" name=\"go\" value=\"back\">"
                    "Save and go back</button>\n");
  }
  absl::StrAppend(&body,
                  "<button type=\"submit\" name=\"go\" value=\"next\">Save and continue</button>\n"
                  "</form>\n");
  return Page(absl::StrCat("Page ", page, " of ", pages, " - ", s.framework.display_name), body);
}

std::string ReviewPage(absl::string_view token, const app::RespondentSession& s,
                       absl::string_view error) {
  std::string missing;
  for (int page = 1; page <= PageCount(s); ++page) {
    const app::DraftFields fields = FieldsOf(s, page);
    int unanswered = 0;
    for (const std::string& code : fields.statements) unanswered += !s.draft.answers.count(code);
    for (const std::string& code : fields.sections) unanswered += !s.draft.significance.count(code);
    if (unanswered > 0) {
      absl::StrAppend(&missing, "<li><a href=\"/q/", Escape(token), "/p/", page, "\">Page ", page,
                      "</a>: ", unanswered, unanswered == 1 ? " question" : " questions",
                      " not answered</li>\n");
    }
  }
  std::string body = absl::StrCat("<h1>Check and submit</h1>\n", ErrorBox(error));
  if (!missing.empty()) {
    absl::StrAppend(&body, "<p>Please answer every question before you submit:</p>\n<ul>\n",
                    missing, "</ul>\n");
  } else {
    absl::StrAppend(&body,
                    "<p>You have answered every question. Once you submit, your answers "
                    "cannot be changed, and this link cannot be used again.</p>\n");
  }
  absl::StrAppend(&body, "<form method=\"post\" action=\"/q/", Escape(token),
                  "/submit\">\n<button type=\"submit\">Submit my answers</button>\n</form>\n"
                  "<p><a href=\"/q/", Escape(token), "/p/1\">Go back to the questions</a></p>\n");
  return Page("Check and submit", body);
}

std::string ThankYouPage() {
  return Page("Thank you",
              "<h1>Thank you</h1>\n<p>Your answers have been submitted. They are kept without "
              "your name or your link, and the review team sees them only combined with other "
              "people's.</p>\n<p>You can close this page.</p>\n");
}

}  // namespace hc::services
