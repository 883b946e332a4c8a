#include "clients/cli/programme_commands.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/dashboard_view.h"
#include "clients/cli/errors.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/programme.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr int kMaxExpiringWithinDays = 3650;
constexpr int kMaxWithinDays = 366;

absl::StatusOr<int> DaysFlag(const Invocation& invocation, absl::string_view flag, int max) {
  const std::string text = invocation.flags.Get(flag);
  int days = 0;
  if (!absl::SimpleAtoi(text, &days) || days < 1 || days > max) {
    return UsageError(absl::StrCat("invalid --", flag, " \"", text,
                                   "\": expected a whole number from 1 to ", max));
  }
  return days;
}

absl::StatusOr<v1::GetProgrammeDashboardRequest> DashboardRequest(const Invocation& invocation) {
  v1::GetProgrammeDashboardRequest request;
  if (invocation.flags.Has("within-days")) {
    absl::StatusOr<int> days = DaysFlag(invocation, "within-days", kMaxWithinDays);
    if (!days.ok()) return days.status();
    request.set_within_days(*days);
  }
  if (invocation.flags.Has("expiring-within-days")) {
    absl::StatusOr<int> days =
        DaysFlag(invocation, "expiring-within-days", kMaxExpiringWithinDays);
    if (!days.ok()) return days.status();
    request.set_expiring_within_days(*days);
  }
  for (const auto& [flag, field] :
       {std::pair{"from", request.mutable_from()}, std::pair{"to", request.mutable_to()}}) {
    if (!invocation.flags.Has(flag)) continue;
    absl::StatusOr<v1::Date> date = ParseDate(flag, invocation.flags.Get(flag));
    if (!date.ok()) return date.status();
    *field = *date;
  }
  request.set_include_ended(invocation.flags.Get("include-ended") == "true");
  return request;
}

absl::Status Dashboard(const Invocation& invocation) {
  absl::StatusOr<v1::GetProgrammeDashboardRequest> request = DashboardRequest(invocation);
  if (!request.ok()) return request.status();
  auto stub = v1::ProgrammeService::NewStub(invocation.connection.channel());
  v1::ProgrammeDashboard response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetProgrammeDashboard(&context, *request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, DashboardText(response));
}

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
              {"dashboard",
               {},
               "Show the programme dashboard: engagements by stage with their "
               "age and next milestone, overdue and upcoming milestones, report "
               "turnaround, peer-days, accreditations and response rates "
               "(programme leads).",
               "Milestones and turnaround come from the engagements' key dates "
               "and recorded stage changes. A questionnaire with fewer than k "
               "responses shows why it is withheld, never a figure.",
               {{"within-days", "N",
                 "Upcoming milestones within this many days (1-366; server "
                 "default 28)."},
                {"from", "DATE",
                 "Peer-days from this fieldwork day (YYYY-MM-DD; default: 12 "
                 "months before --to)."},
                {"to", "DATE", "Peer-days to this fieldwork day (default: today)."},
                {"include-ended", "", "Also list closed and cancelled engagements."},
                {"expiring-within-days", "DAYS",
                 "Accreditations ending within this many days (1-3650; server "
                 "default 90)."}},
               Dashboard},
          }};
}

}  // namespace hc::cli
