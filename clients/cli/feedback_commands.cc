#include "clients/cli/feedback_commands.h"

#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "clients/cli/durable_file.h"
#include "clients/cli/errors.h"
#include "clients/cli/finding_views.h"
#include "clients/cli/names.h"
#include "healthcheck/v1/finding.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

// Saves the feedback's HTML page at --html and says where, and whether it
// is the feedback as given or a draft that may still change.
absl::Status SaveHtml(const Invocation& invocation,
                      const v1::InitialFeedback& feedback) {
  const std::filesystem::path path = invocation.flags.Get("html");
  if (absl::Status written = WriteFileDurably(path, feedback.html());
      !written.ok()) {
    // A file hcctl is asked to write, like --out elsewhere: a mistake in
    // the command line or the environment.
    return UsageError(absl::StrCat("--html: ", written.message()));
  }
  return Show(invocation, feedback,
              absl::StrCat("wrote ", path.string(), " (",
                           feedback.given() ? "the feedback as given"
                                            : "a draft: not yet given",
                           ")\n"));
}

absl::Status ShowFeedback(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  if (invocation.flags.Has("html") && invocation.flags.Get("html").empty()) {
    return CommandUsageError("--html needs a PATH", invocation.path);
  }
  v1::GetInitialFeedbackRequest request;
  request.set_name(absl::StrCat(*engagement, "/initialFeedback"));
  auto stub = v1::FindingService::NewStub(invocation.connection.channel());
  v1::InitialFeedback response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetInitialFeedback(&context, request, &response);
      });
  if (!status.ok()) return status;
  if (invocation.flags.Has("html")) return SaveHtml(invocation, response);
  return Show(invocation, response, InitialFeedbackText(response));
}

}  // namespace

CommandGroup FeedbackCommands() {
  return {"feedback",
          "The initial feedback to the partnership at the end of fieldwork "
          "day 3.",
          {
              {"show",
               {"ENGAGEMENT"},
               "Show the initial feedback as text, or save it as a web page.",
               "Composed from the agreed findings, by principle, with a "
               "reading of the questionnaire. Until hcctl engagements "
               "give-initial-feedback, a draft of what would be given now "
               "(the team and the programme lead only); after it, the "
               "feedback as given, which the partnership's contact may read "
               "too.",
               {{"html", "PATH",
                 "Write the feedback as a self-contained HTML page (prints "
                 "on A4) to PATH, replacing it atomically, instead of "
                 "printing the text."}},
               ShowFeedback},
          }};
}

}  // namespace hc::cli
