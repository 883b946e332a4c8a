#ifndef HC_CORE_REPORT_XML_ESCAPE_H_
#define HC_CORE_REPORT_XML_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace hc::report {

// `text` with every byte sequence that is not UTF-8 (or is a character XML
// forbids, U+FFFE and U+FFFF) replaced by U+FFFD, so that a stray byte can
// neither make a document unreadable nor make a text vanish.
std::string ValidUtf8(absl::string_view text);

// `text` as valid UTF-8 with &, <, >, " and ' replaced by the numeric or predefined
// references that both HTML and XML know: safe in element content and in
// quoted attribute values of a polyglot document.
std::string XmlEscape(absl::string_view text);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_XML_ESCAPE_H_
