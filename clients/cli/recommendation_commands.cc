#include "clients/cli/recommendation_commands.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/filter_terms.h"
#include "clients/cli/finding_views.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/review_state_commands.h"
#include "clients/cli/values.h"
#include "healthcheck/v1/finding.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr char kFindingLister[] = "hcctl findings list";

// The fields bound to flags as they are; ApplyRecommendationFlags reads
// the findings itself.
std::vector<FieldFlag> RecommendationFields() {
  return {
      {"text", "text", "text",
       "What the partnership should do (1-2000 characters)."},
      {"priority", "priority", "priority", "How soon it matters."},
  };
}

std::unique_ptr<v1::FindingService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::FindingService::NewStub(invocation.connection.channel());
}

absl::StatusOr<std::string> RecommendationName(absl::string_view text) {
  return EngagementChildName(kRecommendations, "RECOMMENDATION",
                             "hcctl recommendations list", text);
}

// Sets the fields whose flags were given and returns their update-mask
// paths. --finding replaces the list.
absl::StatusOr<std::vector<std::string>> ApplyRecommendationFlags(
    const FlagValues& flags, v1::Recommendation& recommendation) {
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(RecommendationFields(), flags, recommendation);
  if (!paths.ok()) return paths;
  if (flags.Has("finding")) {
    recommendation.clear_findings();
    for (const std::string& text : flags.GetAll("finding")) {
      absl::StatusOr<std::string> finding =
          EngagementChildName(kFindings, "--finding", kFindingLister, text);
      if (!finding.ok()) return finding.status();
      recommendation.add_findings(*std::move(finding));
    }
    paths->push_back("findings");
  }
  return paths;
}

absl::Status ShowRecommendation(const Invocation& invocation,
                                const v1::Recommendation& recommendation) {
  return Show(invocation, recommendation, RecommendationText(recommendation));
}

absl::Status Add(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::CreateRecommendationRequest request;
  request.set_parent(*engagement);
  absl::StatusOr<std::vector<std::string>> paths = ApplyRecommendationFlags(
      invocation.flags, *request.mutable_recommendation());
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Recommendation response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateRecommendation(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowRecommendation(invocation, response);
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = RecommendationName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetRecommendationRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Recommendation response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetRecommendation(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowRecommendation(invocation, response);
}

// The filter of ListRecommendations from --state, --priority and
// --finding.
absl::StatusOr<std::string> RecommendationFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("state")) {
    absl::StatusOr<std::string> term =
        EnumTerm<v1::ReviewState>("state", "state", flags.Get("state"));
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  if (flags.Has("priority")) {
    absl::StatusOr<std::string> term =
        EnumTerm<v1::Priority>("priority", "priority", flags.Get("priority"));
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  if (flags.Has("finding")) {
    absl::StatusOr<std::string> finding = EngagementChildName(
        kFindings, "--finding", kFindingLister, flags.Get("finding"));
    if (!finding.ok()) return finding.status();
    absl::StatusOr<std::string> term =
        QuotedTerm("finding", "finding", *finding);
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  return absl::StrJoin(terms, " AND ");
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  absl::StatusOr<std::string> filter = RecommendationFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListRecommendationsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListRecommendationsResponse& page) {
        v1::ListRecommendationsRequest request;
        request.set_parent(*engagement);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListRecommendations(&context, request, &page);
            });
      },
      RecommendationsTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name = RecommendationName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateRecommendationRequest request;
  v1::Recommendation& recommendation = *request.mutable_recommendation();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyRecommendationFlags(invocation.flags, recommendation);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  recommendation.set_name(*name);
  recommendation.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Recommendation response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdateRecommendation(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowRecommendation(invocation, response);
}

constexpr char kRecommendationArg[] =
    "RECOMMENDATION is the full name hcctl recommendations list prints, "
    "engagements/{id}/recommendations/{id}. ";

std::vector<FlagSpec> RecommendationFlags(bool create) {
  std::vector<FlagSpec> flags =
      FieldFlagSpecs(*v1::Recommendation::descriptor(), RecommendationFields(),
                     create ? std::vector<std::string>{"text", "priority"}
                            : std::vector<std::string>{});
  flags.push_back({"finding", "FINDING",
                   "A finding it answers, as hcctl findings list prints it "
                   "(not withdrawn).",
                   /*repeated=*/true, /*required=*/create});
  return flags;
}

ReviewedResource<v1::Recommendation> ReviewedRecommendation() {
  using Stub = v1::FindingService::StubInterface;
  return {"recommendation",
          "RECOMMENDATION",
          kRecommendationArg,
          RecommendationName,
          "FAILED_PRECONDITION until every finding it answers is agreed.",
          "",
          &Stub::AgreeRecommendation,
          &Stub::ReopenRecommendation,
          &Stub::WithdrawRecommendation,
          RecommendationText};
}

}  // namespace

CommandGroup RecommendationCommands() {
  std::vector<FlagSpec> list_flags = {
      {"state", "STATE",
       absl::StrCat("Recommendations in this state. One of: ",
                    EnumChoices(*v1::ReviewState_descriptor()), ".")},
      {"priority", "PRIORITY",
       absl::StrCat("Recommendations of this priority. One of: ",
                    EnumChoices(*v1::Priority_descriptor()), ".")},
      {"finding", "FINDING", "Recommendations answering this finding."},
  };
  const std::vector<FlagSpec> paging = PagingFlags();
  list_flags.insert(list_flags.end(), paging.begin(), paging.end());
  std::vector<FlagSpec> update_flags = RecommendationFlags(/*create=*/false);
  update_flags.push_back(EtagFlag("recommendation"));
  std::vector<Command> commands = {
      {"add",
       {"ENGAGEMENT"},
       "Draft a recommendation answering one or more findings.",
       absl::StrCat("By the lead peer or a peer on the team. Numbered R1, "
                    "R2, ... in the order drafted. ",
                    kCreateDetails),
       RecommendationFlags(/*create=*/true),
       Add},
      {"list",
       {"ENGAGEMENT"},
       "List the engagement's recommendations in number order.",
       "FINDINGS counts the findings each answers.",
       list_flags,
       List},
      {"get",
       {"RECOMMENDATION"},
       "Show a recommendation.",
       kRecommendationArg,
       {},
       Get},
      {"update",
       {"RECOMMENDATION"},
       "Change a draft recommendation's fields given.",
       absl::StrCat(kRecommendationArg,
                    "An agreed recommendation is FAILED_PRECONDITION until "
                    "the lead peer reopens it. ",
                    kUpdateDetails,
                    " Not retried automatically: after UNAVAILABLE or "
                    "DEADLINE_EXCEEDED, check with hcctl recommendations "
                    "get."),
       update_flags,
       Update},
  };
  for (Command& command : ReviewStateCommands(ReviewedRecommendation())) {
    commands.push_back(std::move(command));
  }
  return {"recommendations",
          "What the review team recommends the partnership does about its "
          "findings, agreed by the lead peer.",
          std::move(commands)};
}

}  // namespace hc::cli
