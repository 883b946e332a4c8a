#ifndef HC_SERVICES_WEB_HTML_H_
#define HC_SERVICES_WEB_HTML_H_

#include <string>

#include "absl/strings/string_view.h"

namespace hc::services {

// `text` with &, <, >, " and ' replaced by character references: safe in
// element content and in quoted attribute values.
std::string Escape(absl::string_view text);

// A value safe in an id or for attribute, unique per text: ASCII letters,
// digits and '-' are kept, every other byte becomes "_" and two hex digits
// ("1.2" -> "1_2e2").
std::string HtmlId(absl::string_view text);

// A whole page: the shared head (title, viewport, stylesheet) around `body`.
std::string Page(absl::string_view title, absl::string_view body);

// A plain message page, e.g. for an unknown link or a refused request.
std::string MessagePage(absl::string_view title, absl::string_view message);

// The stylesheet every page uses, served at /q/style.css: system fonts,
// relative sizes and a single column so that pages read at 200% zoom.
absl::string_view StyleSheet();

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_HTML_H_
