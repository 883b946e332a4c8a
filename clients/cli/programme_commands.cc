#include "clients/cli/programme_commands.h"

#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/programme.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr int kMaxExpiringWithinDays = 3650;

absl::Status Overview(const Invocation& invocation) {
  v1::GetProgrammeOverviewRequest request;
  if (invocation.flags.Has("expiring-within-days")) {
    const std::string text = invocation.flags.Get("expiring-within-days");
    int days = 0;
    if (!absl::SimpleAtoi(text, &days) || days < 0 ||
        days > kMaxExpiringWithinDays) {
      return UsageError(absl::StrCat("invalid --expiring-within-days \"", text,
                                     "\": expected a whole number from 0 to ",
                                     kMaxExpiringWithinDays));
    }
    request.set_expiring_within_days(days);
  }
  auto stub = v1::ProgrammeService::NewStub(invocation.connection.channel());
  v1::ProgrammeOverview response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetProgrammeOverview(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, OverviewText(response));
}

}  // namespace

CommandGroup ProgrammeCommands() {
  return {"programme",
          "The programme leads' view over every engagement.",
          {
              {"overview",
               {},
               "Show engagements by stage, overdue key dates and expiring "
               "accreditations (programme leads).",
               "",
               {{"expiring-within-days", "DAYS",
                 "Accreditations ending within this many days (0-3650; "
                 "server default 90)."}},
               Overview},
          }};
}

}  // namespace hc::cli
