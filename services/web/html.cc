#include "services/web/html.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hc::services {

std::string Escape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string HtmlId(absl::string_view text) {
  std::string id;
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-') {
      id.push_back(c);
    } else {
      absl::StrAppend(&id, "_", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    }
  }
  return id;
}

std::string Page(absl::string_view title, absl::string_view body) {
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
      Escape(title),
      "</title>\n<link rel=\"stylesheet\" href=\"/q/style.css\">\n</head>\n<body>\n"
      "<main id=\"main\">\n",
      body, "</main>\n</body>\n</html>\n");
}

std::string MessagePage(absl::string_view title, absl::string_view message) {
  return Page(title, absl::StrCat("<h1>", Escape(title), "</h1>\n<p>", Escape(message),
                                  "</p>\n"));
}

absl::string_view StyleSheet() {
  return R"css(body { font-family: system-ui, sans-serif; font-size: 1.1rem; line-height: 1.5;
       color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.3rem; }
fieldset { border: 1px solid #6f6f6f; margin: 0 0 1.25rem; padding: 0.75rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.choice { display: block; margin: 0.35rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin-right: 0.5rem; vertical-align: middle; }
textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 8rem; }
textarea.short { min-height: 3rem; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; font: inherit; }
button { font: inherit; padding: 0.5rem 1.25rem; margin: 0.25rem 0.5rem 0.25rem 0;
         border: 2px solid #0b0c0c; background: #00703c; color: #fff; cursor: pointer; }
button.secondary { background: #f3f2f1; color: #0b0c0c; }
button:focus, a:focus, input:focus, textarea:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
a { color: #1d70b8; }
.error { border-left: 5px solid #d4351c; padding: 0.5rem 1rem; margin-bottom: 1rem; }
.note { color: #505a5f; }
progress { width: 100%; height: 1rem; }
)css";
}

}  // namespace hc::services
