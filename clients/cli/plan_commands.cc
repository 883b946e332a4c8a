#include "clients/cli/plan_commands.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/cli/errors.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/plan_views.h"
#include "clients/cli/request_id.h"
#include "clients/cli/values.h"
#include "healthcheck/v1/improvement_plan.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;
using Stub = v1::ImprovementPlanService::Stub;

constexpr char kActionArg[] =
    "ACTION is the full name hcctl plan actions list prints, "
    "engagements/{id}/improvementPlan/actions/{id}. ";

std::unique_ptr<Stub> NewStub(const Invocation& invocation) {
  return v1::ImprovementPlanService::NewStub(invocation.connection.channel());
}

// `engagements/{id}/improvementPlan` of the ENGAGEMENT argument.
absl::StatusOr<std::string> PlanOf(absl::string_view text) {
  absl::StatusOr<std::string> engagement = ResourceName(kEngagements, "ENGAGEMENT", text);
  if (!engagement.ok()) return engagement.status();
  return absl::StrCat(*engagement, "/improvementPlan");
}

// engagements/{id}/improvementPlan/{collection}/{id}, named in full.
absl::StatusOr<std::string> PlanChildName(absl::string_view collection, absl::string_view what,
                                          absl::string_view lister, absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '/');
  bool valid = parts.size() == 5 && parts[0] == kEngagements && !parts[1].empty() &&
               parts[2] == "improvementPlan" && parts[3] == collection && !parts[4].empty();
  for (char c : text) valid = valid && absl::ascii_isgraph(static_cast<unsigned char>(c));
  if (!valid) {
    return UsageError(absl::StrCat("invalid ", what, " \"", text,
                                   "\": expected engagements/{id}/improvementPlan/", collection,
                                   "/{id}, as ", lister, " prints it"));
  }
  return std::string(text);
}

absl::StatusOr<std::string> ActionName(absl::string_view text) {
  return PlanChildName("actions", "ACTION", "hcctl plan actions list", text);
}

// The fields bound to flags as they are.
std::vector<FieldFlag> ActionFields() {
  return {
      {"title", "title", "title", "What is to be done, in one line (1-200 characters)."},
      {"description", "description", "description", "More about it (up to 5000 characters)."},
      {"recommendation", "recommendation", "recommendation",
       "The agreed recommendation it answers, as hcctl recommendations list prints it."},
      {"statement", "statement_code", "statement_code",
       "A statement code of the benchmark, e.g. 2.3."},
      {"owner", "owner_organisation", "owner_organisation",
       "By whom: one of the partnership's member organisations."},
      {"due", "due_date", "due_date", "When it is due."},
  };
}

// Calls `rpc` once (or retried when `retry` allows) and shows the result.
template <typename Request, typename Response>
absl::Status CallAndShow(const Invocation& invocation, Retry retry, const Request& request,
                         grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                   Response*),
                         std::string (*render)(const Response&)) {
  auto stub = NewStub(invocation);
  Response response;
  absl::Status status = invocation.connection.Call(retry, [&](grpc::ClientContext& context) {
    return (stub.get()->*rpc)(&context, request, &response);
  });
  if (!status.ok()) return status;
  return Show(invocation, response, render(response));
}

absl::Status ShowPlan(const Invocation& invocation) {
  absl::StatusOr<std::string> plan = PlanOf(invocation.args[0]);
  if (!plan.ok()) return plan.status();
  v1::GetImprovementPlanRequest request;
  request.set_name(*plan);
  return CallAndShow(invocation, Retry::kWhenTransient, request, &Stub::GetImprovementPlan,
                     PlanText);
}

absl::Status ApprovePlan(const Invocation& invocation) {
  absl::StatusOr<std::string> plan = PlanOf(invocation.args[0]);
  if (!plan.ok()) return plan.status();
  v1::ApproveImprovementPlanRequest request;
  request.set_name(*plan);
  request.set_etag(invocation.flags.Get("etag"));
  return CallAndShow(invocation, Retry::kNever, request, &Stub::ApproveImprovementPlan,
                     PlanText);
}

absl::Status ListSuggestions(const Invocation& invocation) {
  absl::StatusOr<std::string> plan = PlanOf(invocation.args[0]);
  if (!plan.ok()) return plan.status();
  v1::ListActionSuggestionsRequest request;
  request.set_parent(*plan);
  return CallAndShow(invocation, Retry::kWhenTransient, request, &Stub::ListActionSuggestions,
                     SuggestionsText);
}

// Sets the action's fields from the flags and returns their mask paths.
absl::StatusOr<std::vector<std::string>> ApplyActionFlags(const FlagValues& flags,
                                                          v1::PlanAction& action) {
  absl::StatusOr<std::vector<std::string>> paths = ApplyFieldFlags(ActionFields(), flags, action);
  if (!paths.ok()) return paths;
  if (flags.Has("recommendation") && !action.recommendation().empty()) {
    absl::StatusOr<std::string> name =
        EngagementChildName(kRecommendations, "--recommendation",
                            "hcctl recommendations list", action.recommendation());
    if (!name.ok()) return name.status();
  }
  return paths;
}

absl::Status AddAction(const Invocation& invocation) {
  absl::StatusOr<std::string> plan = PlanOf(invocation.args[0]);
  if (!plan.ok()) return plan.status();
  v1::CreateActionRequest request;
  request.set_parent(*plan);
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyActionFlags(invocation.flags, *request.mutable_action());
  if (!paths.ok()) return paths.status();
  if (invocation.flags.Has("status")) {
    absl::StatusOr<v1::ActionStatus> status =
        ParseEnum<v1::ActionStatus>("status", invocation.flags.Get("status"));
    if (!status.ok()) return status.status();
    request.mutable_action()->set_status(*status);
  }
  request.set_source_action_entry(invocation.flags.Get("from-entry"));
  if (request.action().title().empty() && request.source_action_entry().empty()) {
    return UsageError("missing --title (or --from-entry, whose text becomes the title)");
  }
  request.set_request_id(NewRequestId());
  return CallAndShow(invocation, Retry::kWhenTransient, request, &Stub::CreateAction,
                     ActionText);
}

absl::Status GetAction(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ActionName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetActionRequest request;
  request.set_name(*name);
  return CallAndShow(invocation, Retry::kWhenTransient, request, &Stub::GetAction, ActionText);
}

// The filter of ListActions from --status, --overdue and --recommendation.
absl::StatusOr<std::string> ActionFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("status")) {
    absl::StatusOr<v1::ActionStatus> status =
        ParseEnum<v1::ActionStatus>("status", flags.Get("status"));
    if (!status.ok()) return status.status();
    terms.push_back(absl::StrCat("status = ", v1::ActionStatus_Name(*status)));
  }
  if (flags.IsOn("overdue")) terms.push_back("overdue = true");
  if (flags.Has("recommendation")) {
    absl::StatusOr<std::string> name =
        EngagementChildName(kRecommendations, "--recommendation", "hcctl recommendations list",
                            flags.Get("recommendation"));
    if (!name.ok()) return name.status();
    terms.push_back(absl::StrCat("recommendation = \"", *name, "\""));
  }
  return absl::StrJoin(terms, " AND ");
}

absl::Status ListActions(const Invocation& invocation) {
  absl::StatusOr<std::string> plan = PlanOf(invocation.args[0]);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::string> filter = ActionFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListActionsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListActionsResponse& page) {
        v1::ListActionsRequest request;
        request.set_parent(*plan);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        return invocation.connection.Call(Retry::kWhenTransient,
                                          [&](grpc::ClientContext& context) {
                                            return stub->ListActions(&context, request, &page);
                                          });
      },
      ActionsTable);
}

absl::Status UpdateAction(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ActionName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateActionRequest request;
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyActionFlags(invocation.flags, *request.mutable_action());
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  request.mutable_action()->set_name(*name);
  request.mutable_action()->set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(), paths->end());
  return CallAndShow(invocation, Retry::kNever, request, &Stub::UpdateAction, ActionText);
}

absl::Status VerifyAction(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ActionName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::VerifyActionRequest request;
  request.set_name(*name);
  request.set_etag(invocation.flags.Get("etag"));
  return CallAndShow(invocation, Retry::kNever, request, &Stub::VerifyAction, ActionText);
}

absl::Status AddUpdate(const Invocation& invocation) {
  absl::StatusOr<std::string> action = ActionName(invocation.args[0]);
  if (!action.ok()) return action.status();
  absl::StatusOr<v1::ActionStatus> status =
      ParseEnum<v1::ActionStatus>("status", invocation.flags.Get("status"));
  if (!status.ok()) return status.status();
  v1::CreateProgressUpdateRequest request;
  request.set_parent(*action);
  request.mutable_progress_update()->set_text(invocation.flags.Get("text"));
  request.mutable_progress_update()->set_evidence(invocation.flags.Get("evidence"));
  request.mutable_progress_update()->set_status(*status);
  request.set_request_id(NewRequestId());
  return CallAndShow(invocation, Retry::kWhenTransient, request, &Stub::CreateProgressUpdate,
                     ProgressUpdateText);
}

absl::Status ListUpdates(const Invocation& invocation) {
  absl::StatusOr<std::string> action = ActionName(invocation.args[0]);
  if (!action.ok()) return action.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListProgressUpdatesResponse>(
      invocation,
      [&](const Paging& paging, v1::ListProgressUpdatesResponse& page) {
        v1::ListProgressUpdatesRequest request;
        request.set_parent(*action);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListProgressUpdates(&context, request, &page);
            });
      },
      ProgressUpdatesText);
}

absl::Status ListCheckIns(const Invocation& invocation) {
  absl::StatusOr<std::string> plan = PlanOf(invocation.args[0]);
  if (!plan.ok()) return plan.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListCheckInsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListCheckInsResponse& page) {
        v1::ListCheckInsRequest request;
        request.set_parent(*plan);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(Retry::kWhenTransient,
                                          [&](grpc::ClientContext& context) {
                                            return stub->ListCheckIns(&context, request, &page);
                                          });
      },
      CheckInsTable);
}

absl::Status RecordCheckIn(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      PlanChildName("checkIns", "CHECK_IN", "hcctl plan check-ins list", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::RecordCheckInRequest request;
  request.set_name(*name);
  request.set_notes(invocation.flags.Get("notes"));
  request.set_etag(invocation.flags.Get("etag"));
  return CallAndShow(invocation, Retry::kNever, request, &Stub::RecordCheckIn, CheckInText);
}

std::vector<FlagSpec> WithPaging(std::vector<FlagSpec> flags) {
  const std::vector<FlagSpec> paging = PagingFlags();
  flags.insert(flags.end(), paging.begin(), paging.end());
  return flags;
}

FlagSpec StatusFlag(absl::string_view help, bool required) {
  return {"status", "STATUS",
          absl::StrCat(help, " One of: ", EnumChoices(*v1::ActionStatus_descriptor()), "."),
          false, required};
}

CommandGroup PlanGroup() {
  return {"plan",
          "The improvement plan: show, approve, suggestions; its actions, progress "
          "updates and check-ins are 'plan actions', 'plan updates' and 'plan check-ins'.",
          {{"show", {"ENGAGEMENT"}, "Show the plan: its state and how its actions stand.", "",
            {}, ShowPlan},
           {"approve",
            {"ENGAGEMENT"},
            "Approve the plan (the lead peer or a programme lead).",
            "Needs stage improvement_plan, at least one action, an action for every agreed "
            "recommendation, and an owner and a due date on every action; the engagement then "
            "moves to follow_up and check-ins are scheduled 6 and 12 months on. Not retried.",
            {EtagFlag("plan")},
            ApprovePlan},
           {"suggestions",
            {"ENGAGEMENT"},
            "What actions can be created from.",
            "Agreed recommendations without an action, the benchmark's possible actions and, "
            "for the review team once the questionnaire has closed, the respondents' "
            "unattributed Action needed / By whom entries.",
            {},
            ListSuggestions}}};
}

CommandGroup ActionsGroup() {
  std::vector<FlagSpec> add_flags = FieldFlagSpecs(*v1::PlanAction::descriptor(), ActionFields());
  add_flags.push_back(StatusFlag("Where it stands now (default action_needed).", false));
  add_flags.push_back({"from-entry", "ENTRY",
                       "A respondent's entry as hcctl plan suggestions prints it (review team "
                       "only): its text and statement fill --title and --statement if absent."});
  std::vector<FlagSpec> update_flags =
      FieldFlagSpecs(*v1::PlanAction::descriptor(), ActionFields());
  update_flags.push_back(EtagFlag("action"));
  return {"plan actions",
          "The plan's actions: what, by whom, by when, and where each stands.",
          {{"add", {"ENGAGEMENT"}, "Add an action to the plan (labelled A1, A2, ...).",
            absl::StrCat("By the partnership's contact, the lead peer or a peer, once the "
                         "report is published. ", kCreateDetails),
            add_flags, AddAction},
           {"list", {"ENGAGEMENT"}, "List the plan's actions in label order.", "",
            WithPaging({StatusFlag("Actions with this status.", false),
                        {"overdue", "", "Only actions past their due date and not working well."},
                        {"recommendation", "RECOMMENDATION",
                         "Only actions answering this recommendation."}}),
            ListActions},
           {"get", {"ACTION"}, "Show an action.", kActionArg, {}, GetAction},
           {"update", {"ACTION"}, "Change an action's fields given.",
            absl::StrCat(kActionArg, "The status changes only through progress updates (hcctl "
                         "plan updates add). ", kUpdateDetails, " Not retried."),
            update_flags, UpdateAction},
           {"verify", {"ACTION"}, "Confirm a working_well action is done.",
            absl::StrCat(kActionArg, "The lead peer or a programme lead. Not retried."),
            {EtagFlag("action")}, VerifyAction}}};
}

CommandGroup UpdatesGroup() {
  return {"plan updates",
          "Progress updates on an action, by the partnership's contact.",
          {{"add", {"ACTION"}, "Record progress and set the action's status.",
            absl::StrCat(kActionArg, kCreateDetails),
            {{"text", "TEXT", "What has happened (1-5000 characters).", false, true},
             {"evidence", "TEXT", "What shows it (up to 5000 characters)."},
             StatusFlag("The action's status from now on.", true)},
            AddUpdate},
           {"list", {"ACTION"}, "List an action's progress updates, oldest first.", kActionArg,
            WithPaging({}), ListUpdates}}};
}

CommandGroup CheckInsGroup() {
  return {"plan check-ins",
          "The check-ins scheduled when the plan was approved.",
          {{"list", {"ENGAGEMENT"}, "List the plan's check-ins in date order.", "",
            WithPaging({}), ListCheckIns},
           {"record", {"CHECK_IN"}, "Record a check-in as held today.",
            "CHECK_IN is the full name hcctl plan check-ins list prints. The lead peer or a "
            "programme lead. Not retried.",
            {{"notes", "TEXT", "What was found (1-5000 characters).", false, true},
             EtagFlag("check-in")},
            RecordCheckIn}}};
}

}  // namespace

std::vector<CommandGroup> PlanCommands() {
  return {PlanGroup(), ActionsGroup(), UpdatesGroup(), CheckInsGroup()};
}

}  // namespace hc::cli
