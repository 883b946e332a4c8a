#include "services/web/respondent_form.h"

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"

namespace hc::services {

domain::Draft ReadRespondentForm(const HttpParams& params) {
  domain::Draft page;
  for (const auto& [name, value] : params) {
    const absl::string_view prefix = absl::string_view(name).substr(0, 2);
    const std::string code = name.size() > 2 ? name.substr(2) : "";
    int number = 0;
    if (prefix == "a." && absl::SimpleAtoi(value, &number)) {
      page.answers[code] = number;
    } else if (prefix == "s." && absl::SimpleAtoi(value, &number)) {
      page.significance[code] = number;
    } else if (prefix == "n.") {
      page.actions[code].action = value;
    } else if (prefix == "w.") {
      page.actions[code].by_whom = value;
    } else if (name == "comment") {
      page.comment = value;
    }
  }
  return page;
}

}  // namespace hc::services
