#include "clients/cli/engagement_workflow_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/names.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/engagement.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

using TransitionMethod = grpc::Status (v1::EngagementService::StubInterface::*)(
    grpc::ClientContext*, const v1::TransitionEngagementRequest&,
    v1::Engagement*);

// One stage transition: its command and the RPC behind it.
struct Transition {
  std::string verb;
  // The stages and the guard, from the API's documentation.
  std::string summary;
  bool reason_required;
  std::string reason_help;
  TransitionMethod method;
};

std::vector<Transition> Transitions() {
  using Stub = v1::EngagementService::StubInterface;
  const std::string note = "A note recorded in the history.";
  return {
      {"begin-desk-research",
       "scoping -> desk_research: needs an issue, the three fieldwork dates "
       "and a lead peer.",
       false, note, &Stub::BeginDeskResearch},
      {"open-questionnaire",
       "desk_research -> questionnaire: needs a questionnaire window that "
       "closes by fieldwork day 1.",
       false, note, &Stub::OpenQuestionnaire},
      {"start-fieldwork",
       "questionnaire -> fieldwork: needs a lead peer and two full members, "
       "accredited through day 3 and not conflicted.",
       false, note, &Stub::StartFieldwork},
      {"give-initial-feedback",
       "fieldwork -> initial_feedback: needs fieldwork day 3 to have come "
       "and an agreed finding. The feedback, composed from the agreed "
       "findings (hcctl feedback show), is kept as given.",
       false, "Optional closing remarks that end the feedback.",
       &Stub::GiveInitialFeedback},
      {"begin-report", "initial_feedback -> report: needs a report due date.",
       false, note, &Stub::BeginReport},
      {"close",
       "follow_up -> closed, or improvement_plan -> closed with --reason "
       "when no plan was approved.",
       false, "Why it closes without an approved plan.",
       &Stub::CloseEngagement},
      {"cancel", "Any stage before closed -> cancelled (programme leads).",
       true, "Why the engagement is cancelled.", &Stub::CancelEngagement},
  };
}

std::unique_ptr<v1::EngagementService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::EngagementService::NewStub(invocation.connection.channel());
}

absl::Status ShowEngagement(const Invocation& invocation,
                            const v1::Engagement& engagement) {
  return Show(invocation, engagement, EngagementText(engagement));
}

absl::Status RunTransition(const Invocation& invocation,
                           TransitionMethod method) {
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::TransitionEngagementRequest request;
  request.set_name(*name);
  request.set_etag(invocation.flags.Get("etag"));
  request.set_reason(invocation.flags.Get("reason"));
  auto stub = NewStub(invocation);
  v1::Engagement response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return (stub.get()->*method)(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowEngagement(invocation, response);
}

Command TransitionCommand(const Transition& transition) {
  FlagSpec reason = {"reason", "TEXT", transition.reason_help, false,
                     transition.reason_required};
  TransitionMethod method = transition.method;
  return {transition.verb,
          {"ENGAGEMENT"},
          transition.summary,
          "A refused transition is FAILED_PRECONDITION, naming the unmet "
          "condition.",
          {EtagFlag("engagement"), std::move(reason)},
          [method](const Invocation& invocation) {
            return RunTransition(invocation, method);
          }};
}

absl::Status AddMember(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!name.ok()) return name.status();
  absl::StatusOr<std::string> peer =
      ResourceName(kPeers, "--peer", invocation.flags.Get("peer"));
  if (!peer.ok()) return peer.status();
  absl::StatusOr<v1::TeamRole> role =
      ParseEnum<v1::TeamRole>("role", invocation.flags.Get("role"));
  if (!role.ok()) return role.status();
  v1::AddTeamMemberRequest request;
  request.set_engagement(*name);
  request.set_peer(*peer);
  request.set_role(*role);
  request.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  v1::Engagement response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->AddTeamMember(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowEngagement(invocation, response);
}

absl::Status RemoveMember(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!name.ok()) return name.status();
  absl::StatusOr<std::string> peer =
      ResourceName(kPeers, "--peer", invocation.flags.Get("peer"));
  if (!peer.ok()) return peer.status();
  v1::RemoveTeamMemberRequest request;
  request.set_engagement(*name);
  request.set_peer(*peer);
  request.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  v1::Engagement response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->RemoveTeamMember(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowEngagement(invocation, response);
}

}  // namespace

std::vector<Command> EngagementWorkflowCommands() {
  const FlagSpec peer = {"peer", "PEER", "The peer: peers/{id} or a bare id.",
                         false, /*required=*/true};
  const FlagSpec role = {
      "role", "ROLE",
      absl::StrCat("The peer's role on the team. One of: ",
                   EnumChoices(*v1::TeamRole_descriptor()), "."),
      false, /*required=*/true};
  std::vector<Command> commands = {
      {"add-member",
       {"ENGAGEMENT"},
       "Add a peer to the review team.",
       "Refuses a conflicted peer, and a lead peer or peer whose "
       "accreditation is not valid on the fieldwork dates, with "
       "FAILED_PRECONDITION saying why.",
       {peer, role, EtagFlag("engagement")},
       AddMember},
      {"remove-member",
       {"ENGAGEMENT"},
       "Remove a peer from the review team.",
       "",
       {peer, EtagFlag("engagement")},
       RemoveMember},
  };
  for (const Transition& transition : Transitions()) {
    commands.push_back(TransitionCommand(transition));
  }
  return commands;
}

}  // namespace hc::cli
