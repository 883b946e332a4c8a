// A respondent's posted page, as the browser (or anyone with a link) sends
// it: the urlencoded body is parsed as the web server parses it, read into a
// draft and validated against each built-in benchmark. A draft the benchmark
// accepts is drawn back into every page of the form, and no text the
// respondent typed reaches a page unescaped: the pages never hold "<x-" of
// their own, so typed text holding it (the corpus seeds some) must come out
// escaped.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "core/app/respondent_app_service.h"
#include "core/domain/submission.h"
#include "services/framework/framework_files.h"
#include "services/http/http_message.h"
#include "services/web/respondent_form.h"
#include "services/web/respondent_pages.h"

namespace {

const std::vector<hc::domain::Framework>& Frameworks() {
  static const auto* const frameworks = [] {
    auto parsed = hc::services::ParseFrameworkFiles(hc::services::BuiltinFrameworkFiles());
    if (!parsed.ok()) std::abort();
    return new std::vector<hc::domain::Framework>(*std::move(parsed));
  }();
  return *frameworks;
}

// A tag the pages never write themselves: found in a page, it came from
// what the respondent typed, unescaped.
constexpr char kForeignTag[] = "<x-";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const hc::domain::Draft draft = hc::services::ReadRespondentForm(hc::services::ParseFormEncoded(
      absl::string_view(reinterpret_cast<const char*>(data), size)));
  for (const hc::domain::Framework& framework : Frameworks()) {
    const absl::Status valid = hc::domain::ValidateDraft(framework, draft, true);
    if (!valid.ok()) {
      if (valid.code() != absl::StatusCode::kInvalidArgument) std::abort();
      continue;
    }
    hc::app::RespondentSession session;
    session.framework = framework;
    session.draft = draft;
    session.collect_comments = true;
    std::vector<std::string> pages;
    for (int page = 1; page <= hc::services::PageCount(session); ++page) {
      pages.push_back(hc::services::QuestionPage("token", session, page, ""));
    }
    pages.push_back(hc::services::ReviewPage("token", session, ""));
    for (const std::string& page : pages) {
      if (absl::StrContains(page, kForeignTag)) std::abort();
    }
  }
  return 0;
}
