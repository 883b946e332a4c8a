#include "clients/cli/triangulation_commands.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "clients/cli/names.h"
#include "clients/cli/note_views.h"
#include "healthcheck/v1/evidence.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

absl::Status ShowTriangulation(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::GetTriangulationRequest request;
  request.set_name(absl::StrCat(*engagement, "/triangulation"));
  auto stub = v1::EvidenceService::NewStub(invocation.connection.channel());
  v1::Triangulation response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetTriangulation(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, TriangulationText(response));
}

}  // namespace

CommandGroup TriangulationCommands() {
  return {"triangulation",
          "Evidence per principle of the benchmark, and where to look "
          "further.",
          {
              {"show",
               {"ENGAGEMENT"},
               "Show the notes per principle by source and sector, with its "
               "flags.",
               "For each principle: the notes tagged to it or its statements, "
               "positive and negative by source (the questionnaire's reading, "
               "each activity kind, documents) and by the participants' "
               "sectors, and the flags thin, one-sided, single-sector and "
               "questionnaire-only: where to look on fieldwork days 2 and 3. "
               "Counts only; the programme lead may read it, without the "
               "questionnaire's reading.",
               {},
               ShowTriangulation},
          }};
}

}  // namespace hc::cli
