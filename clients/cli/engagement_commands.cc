#include "clients/cli/engagement_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/engagement_workflow_commands.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/engagement.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

// The fields that can be set on create and changed by update.
std::vector<FieldFlag> EngagementFields() {
  return {
      {"purpose", "purpose", "purpose",
       "Why the partnership is reviewed (update: only in scoping)."},
      {"issue", "scoping.issues", "scoping.issues",
       "An issue the health check should look at."},
      {"outcome", "scoping.desired_outcomes", "scoping.desired_outcomes",
       "An outcome the partnership wants from it."},
      {"inform", "scoping.stakeholders.inform",
       "scoping.stakeholders.inform",
       "A stakeholder to keep informed (low interest, high influence)."},
      {"involve", "scoping.stakeholders.involve",
       "scoping.stakeholders.involve",
       "A stakeholder to involve closely (high interest, high influence)."},
      {"be-aware", "scoping.stakeholders.be_aware",
       "scoping.stakeholders.be_aware",
       "A stakeholder to be aware of (low interest, low influence)."},
      {"keep-on-board", "scoping.stakeholders.keep_on_board",
       "scoping.stakeholders.keep_on_board",
       "A stakeholder to keep on board (high interest, low influence)."},
      {"arrangements", "scoping.arrangements", "scoping.arrangements",
       "Where, when and how the health check is carried out."},
      {"questionnaire-open", "key_dates.questionnaire_open",
       "key_dates.questionnaire_open", "The questionnaire opens."},
      {"questionnaire-close", "key_dates.questionnaire_close",
       "key_dates.questionnaire_close",
       "The questionnaire closes (by fieldwork day 1)."},
      {"fieldwork-day1", "key_dates.fieldwork_day1", "key_dates.fieldwork_day1",
       "Fieldwork day 1."},
      {"fieldwork-day2", "key_dates.fieldwork_day2", "key_dates.fieldwork_day2",
       "Fieldwork day 2."},
      {"fieldwork-day3", "key_dates.fieldwork_day3", "key_dates.fieldwork_day3",
       "Fieldwork day 3."},
      {"feedback-date", "key_dates.feedback_date", "key_dates.feedback_date",
       "The initial feedback (default: fieldwork day 3)."},
      {"report-due", "key_dates.report_due", "key_dates.report_due",
       "The report is due (default: 4 weeks after day 3)."},
      {"plan-due", "key_dates.plan_due", "key_dates.plan_due",
       "The improvement plan is due (default: 8 weeks after the report)."},
  };
}

// The AIP-160 filter of `engagements list`: its terms joined by AND.
absl::StatusOr<std::string> EngagementFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("stage")) {
    absl::StatusOr<v1::Stage> stage =
        ParseEnum<v1::Stage>("stage", flags.Get("stage"));
    if (!stage.ok()) return stage.status();
    terms.push_back(absl::StrCat("stage = ", v1::Stage_Name(*stage)));
  }
  if (flags.Has("partnership")) {
    absl::StatusOr<std::string> name =
        ResourceName(kPartnerships, "--partnership", flags.Get("partnership"));
    if (!name.ok()) return name.status();
    terms.push_back(absl::StrCat("partnership = \"", *name, "\""));
  }
  if (flags.Has("lead")) {
    absl::StatusOr<std::string> name =
        ResourceName(kPeers, "--lead", flags.Get("lead"));
    if (!name.ok()) return name.status();
    terms.push_back(absl::StrCat("lead = \"", *name, "\""));
  }
  if (flags.IsOn("overdue")) terms.push_back("overdue = true");
  return absl::StrJoin(terms, " AND ");
}

std::unique_ptr<v1::EngagementService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::EngagementService::NewStub(invocation.connection.channel());
}

absl::StatusOr<v1::Engagement> Fetch(const Invocation& invocation,
                                     v1::EngagementService::Stub& stub,
                                     const std::string& name) {
  v1::GetEngagementRequest request;
  request.set_name(name);
  v1::Engagement engagement;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub.GetEngagement(&context, request, &engagement);
      });
  if (!status.ok()) return status;
  return engagement;
}

// Sets partnership and previous_engagement, which only a create takes.
absl::Status ApplyCreateOnlyFlags(const FlagValues& flags,
                                  v1::Engagement& engagement) {
  absl::StatusOr<std::string> partnership =
      ResourceName(kPartnerships, "--partnership", flags.Get("partnership"));
  if (!partnership.ok()) return partnership.status();
  engagement.set_partnership(*partnership);
  if (!flags.Has("previous")) return absl::OkStatus();
  absl::StatusOr<std::string> previous =
      ResourceName(kEngagements, "--previous", flags.Get("previous"));
  if (!previous.ok()) return previous.status();
  engagement.set_previous_engagement(*previous);
  return absl::OkStatus();
}

absl::Status Create(const Invocation& invocation) {
  v1::CreateEngagementRequest request;
  v1::Engagement& engagement = *request.mutable_engagement();
  if (absl::Status status = ApplyCreateOnlyFlags(invocation.flags, engagement);
      !status.ok()) {
    return status;
  }
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(EngagementFields(), invocation.flags, engagement);
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Engagement response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateEngagement(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, EngagementText(response));
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  absl::StatusOr<v1::Engagement> engagement = Fetch(invocation, *stub, *name);
  if (!engagement.ok()) return engagement.status();
  return Show(invocation, *engagement, EngagementText(*engagement));
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> filter = EngagementFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListEngagementsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListEngagementsResponse& page) {
        v1::ListEngagementsRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListEngagements(&context, request, &page);
            });
      },
      EngagementsTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateEngagementRequest request;
  v1::Engagement& engagement = *request.mutable_engagement();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(EngagementFields(), invocation.flags, engagement);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  engagement.set_name(*name);
  engagement.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  v1::Engagement response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdateEngagement(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, EngagementText(response));
}

absl::Status History(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListEngagementTransitionsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListEngagementTransitionsResponse& page) {
        v1::ListEngagementTransitionsRequest request;
        request.set_parent(*name);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListEngagementTransitions(&context, request, &page);
            });
      },
      TransitionsTable);
}

std::vector<FlagSpec> CreateFlags() {
  std::vector<FlagSpec> flags = {
      {"partnership", "PARTNERSHIP", "The partnership to review.", false,
       /*required=*/true},
      {"previous", "ENGAGEMENT",
       "The earlier engagement of the same partnership that this repeats."},
  };
  for (FlagSpec& spec : FieldFlagSpecs(*v1::Engagement::descriptor(),
                                       EngagementFields(), {"purpose"})) {
    flags.push_back(std::move(spec));
  }
  return flags;
}

std::vector<FlagSpec> UpdateFlags() {
  std::vector<FlagSpec> flags =
      FieldFlagSpecs(*v1::Engagement::descriptor(), EngagementFields());
  flags.push_back(EtagFlag("engagement"));
  return flags;
}

std::vector<FlagSpec> ListFlags() {
  std::vector<FlagSpec> flags = {
      {"stage", "STAGE",
       absl::StrCat("Only engagements in this stage. One of: ",
                    EnumChoices(*v1::Stage_descriptor()), ".")},
      {"partnership", "PARTNERSHIP", "Only this partnership's engagements."},
      {"lead", "PEER", "Only engagements with this lead peer."},
      {"overdue", "", "Only engagements with a key date overdue."},
  };
  for (FlagSpec& spec : PagingFlags()) flags.push_back(std::move(spec));
  return flags;
}

}  // namespace

CommandGroup EngagementCommands() {
  std::vector<Command> commands = {
      {"create",
       {},
       "Open an engagement in scoping (programme leads).",
       kCreateDetails,
       CreateFlags(),
       Create},
      {"get",
       {"ENGAGEMENT"},
       "Show an engagement: dates, team, coverage, overdue dates.",
       "",
       {},
       Get},
      {"list",
       {},
       "List the engagements you may see, oldest first.",
       "",
       ListFlags(),
       List},
      {"update",
       {"ENGAGEMENT"},
       "Change the purpose, scoping record or key dates given.",
       kUpdateDetails,
       UpdateFlags(),
       Update},
  };
  for (Command& command : EngagementWorkflowCommands()) {
    commands.push_back(std::move(command));
  }
  commands.push_back({"history",
                      {"ENGAGEMENT"},
                      "List the engagement's stage changes, oldest first.",
                      "",
                      PagingFlags(),
                      History});
  return {"engagements",
          "Health checks of partnerships, from scoping to closure.",
          std::move(commands)};
}

}  // namespace hc::cli
