#include "clients/cli/finding_commands.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/errors.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/filter_terms.h"
#include "clients/cli/finding_views.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/review_state_commands.h"
#include "clients/cli/text_input.h"
#include "clients/cli/values.h"
#include "healthcheck/v1/finding.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr LongText kNarrative = {"narrative-file", "the finding's narrative"};

// The fields bound to flags as they are; ApplyFindingFlags reads the kind,
// the notes and the narrative itself.
std::vector<FieldFlag> FindingFields() {
  return {
      {"title", "title", "title",
       "The finding in one line (1-200 characters)."},
      {"principle", "principles", "principles",
       "A principle (section) code of the benchmark, e.g. 3; the first is "
       "the one it is reported under."},
      {"result", "questionnaire_results", "questionnaire_results",
       "A principle or statement code whose questionnaire results bear it "
       "out, e.g. 3 or 3.2."},
  };
}

std::unique_ptr<v1::FindingService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::FindingService::NewStub(invocation.connection.channel());
}

absl::StatusOr<std::string> FindingName(absl::string_view text) {
  return EngagementChildName(kFindings, "FINDING", "hcctl findings list", text);
}

// "strength", or "area" (short for area_for_development), in the spellings
// values.h accepts.
absl::StatusOr<v1::FindingKind> ParseKind(absl::string_view text) {
  if (absl::AsciiStrToLower(text) == "area") {
    return v1::FINDING_KIND_AREA_FOR_DEVELOPMENT;
  }
  return ParseEnum<v1::FindingKind>("kind", text);
}

// The narrative from --narrative, else --narrative-file, else (when
// `required`) standard input or the editor. Returns whether one was read.
absl::StatusOr<bool> ApplyNarrative(const FlagValues& flags, bool required,
                                    v1::Finding& finding) {
  if (flags.Has("narrative") && flags.Has(kNarrative.file_flag)) {
    return UsageError("give --narrative or --narrative-file, not both");
  }
  if (flags.Has("narrative")) {
    finding.set_narrative(flags.Get("narrative"));
    return true;
  }
  if (!required && !flags.Has(kNarrative.file_flag)) return false;
  absl::StatusOr<std::string> narrative =
      ReadText(TextSourceOf(flags, kNarrative), flags, kNarrative,
               /*initial=*/"");
  if (!narrative.ok()) return narrative.status();
  finding.set_narrative(*std::move(narrative));
  return true;
}

// Sets the fields whose flags were given and returns their update-mask
// paths. --note replaces the list; given once empty, it empties it. On add
// (`create`) the narrative is read even without a flag.
absl::StatusOr<std::vector<std::string>> ApplyFindingFlags(
    const FlagValues& flags, bool create, v1::Finding& finding) {
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(FindingFields(), flags, finding);
  if (!paths.ok()) return paths;
  if (flags.Has("kind")) {
    absl::StatusOr<v1::FindingKind> kind = ParseKind(flags.Get("kind"));
    if (!kind.ok()) return kind.status();
    finding.set_kind(*kind);
    paths->push_back("kind");
  }
  if (flags.Has("note")) {
    finding.clear_notes();
    for (const std::string& text : flags.GetAll("note")) {
      if (text.empty()) continue;
      absl::StatusOr<std::string> note =
          EngagementChildName(kNotes, "--note", "hcctl notes list", text);
      if (!note.ok()) return note.status();
      finding.add_notes(*std::move(note));
    }
    paths->push_back("notes");
  }
  absl::StatusOr<bool> narrative = ApplyNarrative(flags, create, finding);
  if (!narrative.ok()) return narrative.status();
  if (*narrative) paths->push_back("narrative");
  return paths;
}

absl::Status ShowFinding(const Invocation& invocation,
                         const v1::Finding& finding) {
  return Show(invocation, finding, FindingText(finding));
}

absl::Status Add(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::CreateFindingRequest request;
  request.set_parent(*engagement);
  absl::StatusOr<std::vector<std::string>> paths = ApplyFindingFlags(
      invocation.flags, /*create=*/true, *request.mutable_finding());
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Finding response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateFinding(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowFinding(invocation, response);
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = FindingName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetFindingRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Finding response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetFinding(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowFinding(invocation, response);
}

// The filter of ListFindings from --state, --kind and --principle.
absl::StatusOr<std::string> FindingFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("state")) {
    absl::StatusOr<std::string> term =
        EnumTerm<v1::ReviewState>("state", "state", flags.Get("state"));
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  if (flags.Has("kind")) {
    absl::StatusOr<v1::FindingKind> kind = ParseKind(flags.Get("kind"));
    if (!kind.ok()) return kind.status();
    terms.push_back(
        absl::StrCat("kind = ", absl::AsciiStrToUpper(EnumLabel(*kind))));
  }
  if (flags.Has("principle")) {
    absl::StatusOr<std::string> term =
        QuotedTerm("principle", "principle", flags.Get("principle"));
    if (!term.ok()) return term.status();
    terms.push_back(*term);
  }
  return absl::StrJoin(terms, " AND ");
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  absl::StatusOr<std::string> filter = FindingFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListFindingsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListFindingsResponse& page) {
        v1::ListFindingsRequest request;
        request.set_parent(*engagement);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListFindings(&context, request, &page);
            });
      },
      FindingsTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name = FindingName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateFindingRequest request;
  v1::Finding& finding = *request.mutable_finding();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFindingFlags(invocation.flags, /*create=*/false, finding);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  finding.set_name(*name);
  finding.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Finding response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdateFinding(&context, request, &response);
      });
  if (!status.ok()) return status;
  return ShowFinding(invocation, response);
}

constexpr char kFindingArg[] =
    "FINDING is the full name hcctl findings list prints, "
    "engagements/{id}/findings/{id}; its label (F3) is unique only within "
    "its engagement, so it is not accepted. ";

std::vector<FlagSpec> FindingFlags(bool create) {
  std::vector<FlagSpec> flags =
      FieldFlagSpecs(*v1::Finding::descriptor(), FindingFields(),
                     create ? std::vector<std::string>{"title", "principle"}
                            : std::vector<std::string>{});
  flags.insert(
      flags.begin(),
      {"kind", "KIND",
       "strength or area (an area for development; area_for_development is "
       "accepted too).",
       false, /*required=*/create});
  flags.push_back({"note", "NOTE",
                   "A supporting note, as hcctl notes list prints it: the "
                   "finding's evidence.",
                   /*repeated=*/true});
  flags.push_back(
      {"narrative", "TEXT", "The finding's narrative (1-10000 characters)."});
  FlagSpec file = TextFileFlag(kNarrative);
  if (!create) {
    file.help =
        "Read the new narrative from PATH (- for standard input); without "
        "it or --narrative the narrative stays as it is.";
  }
  flags.push_back(std::move(file));
  return flags;
}

ReviewedResource<v1::Finding> ReviewedFinding() {
  using Stub = v1::FindingService::StubInterface;
  return {"finding",
          "FINDING",
          kFindingArg,
          FindingName,
          "FAILED_PRECONDITION without evidence: a supporting note, or "
          "questionnaire results once they are released.",
          "FAILED_PRECONDITION while a recommendation that is not withdrawn "
          "answers it.",
          &Stub::AgreeFinding,
          &Stub::ReopenFinding,
          &Stub::WithdrawFinding,
          FindingText};
}

}  // namespace

CommandGroup FindingCommands() {
  std::vector<FlagSpec> list_flags = {
      {"state", "STATE",
       absl::StrCat("Findings in this state. One of: ",
                    EnumChoices(*v1::ReviewState_descriptor()), ".")},
      {"kind", "KIND", "strength or area."},
      {"principle", "CODE", "Findings under this principle, e.g. 3."},
  };
  const std::vector<FlagSpec> paging = PagingFlags();
  list_flags.insert(list_flags.end(), paging.begin(), paging.end());
  std::vector<FlagSpec> update_flags = FindingFlags(/*create=*/false);
  update_flags.push_back(EtagFlag("finding"));
  std::vector<Command> commands = {
      {"add",
       {"ENGAGEMENT"},
       "Draft a finding: a strength or an area for development.",
       absl::StrCat(
           "By the lead peer or a peer on the team, who is its author. The "
           "principles and results are checked against the benchmark of "
           "the engagement's questionnaire. The narrative comes from "
           "--narrative or --narrative-file, else standard input when it is "
           "not a terminal, else the editor. Numbered F1, F2, ... in the "
           "order drafted. ",
           kCreateDetails),
       FindingFlags(/*create=*/true),
       Add},
      {"list",
       {"ENGAGEMENT"},
       "List the engagement's findings in number order.",
       "NOTES and RESULTS count the finding's evidence: supporting notes "
       "and questionnaire results.",
       list_flags,
       List},
      {"get", {"FINDING"}, "Show a finding.", kFindingArg, {}, Get},
      {"update",
       {"FINDING"},
       "Change a draft finding's fields given.",
       absl::StrCat(kFindingArg,
                    "An agreed finding is FAILED_PRECONDITION until the "
                    "lead peer reopens it. ",
                    kUpdateDetails,
                    " Not retried automatically: after UNAVAILABLE or "
                    "DEADLINE_EXCEEDED, check with hcctl findings get."),
       update_flags,
       Update},
  };
  for (Command& command : ReviewStateCommands(ReviewedFinding())) {
    commands.push_back(std::move(command));
  }
  return {"findings",
          "What the review team concludes from its evidence: strengths and "
          "areas for development, agreed by the lead peer.",
          std::move(commands)};
}

}  // namespace hc::cli
