#include "clients/cli/questionnaire_commands.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "clients/cli/errors.h"
#include "clients/cli/framework_commands.h"
#include "clients/cli/names.h"
#include "clients/cli/request_id.h"
#include "clients/cli/paging.h"
#include "clients/cli/results_view.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/questionnaire.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr absl::string_view kQuestionnaireSuffix = "/questionnaire";

std::unique_ptr<v1::QuestionnaireService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::QuestionnaireService::NewStub(invocation.connection.channel());
}

// ENGAGEMENT as engagements/{id}, a bare id, or the questionnaire's own
// name: returns `engagements/{id}/questionnaire`.
absl::StatusOr<std::string> QuestionnaireName(absl::string_view text) {
  absl::string_view engagement = text;
  absl::ConsumeSuffix(&engagement, kQuestionnaireSuffix);
  absl::StatusOr<std::string> name =
      ResourceName(kEngagements, "ENGAGEMENT", engagement);
  if (!name.ok()) return name.status();
  // ResourceName keeps any full name; the questionnaire's parent has no
  // further segments.
  if (absl::c_count(*name, '/') != 1) {
    return UsageError(absl::StrCat("invalid ENGAGEMENT \"", text,
                                   "\": expected engagements/{id} or a bare "
                                   "id"));
  }
  return absl::StrCat(*name, kQuestionnaireSuffix);
}

// The engagement part of a questionnaire's name.
std::string EngagementOf(absl::string_view questionnaire) {
  absl::ConsumeSuffix(&questionnaire, kQuestionnaireSuffix);
  return std::string(questionnaire);
}

// Sets the fields whose flags were given (--framework, --open, --close, --k,
// --comments) and returns their update-mask paths in the API's order. Every
// flag is checked before --framework may list the frameworks to find a
// bare id's latest version.
absl::StatusOr<std::vector<std::string>> ApplyQuestionnaireFlags(
    const Invocation& invocation, v1::Questionnaire& questionnaire) {
  const FlagValues& flags = invocation.flags;
  const absl::Time now = absl::Now();
  std::vector<std::string> paths;
  if (flags.Has("framework")) paths.push_back("framework");
  if (flags.Has("open")) {
    absl::StatusOr<google::protobuf::Timestamp> open =
        ParseTimestamp("open", flags.Get("open"), now);
    if (!open.ok()) return open.status();
    *questionnaire.mutable_open_time() = *open;
    paths.push_back("open_time");
  }
  if (flags.Has("close")) {
    absl::StatusOr<google::protobuf::Timestamp> close =
        ParseTimestamp("close", flags.Get("close"), now);
    if (!close.ok()) return close.status();
    *questionnaire.mutable_close_time() = *close;
    paths.push_back("close_time");
  }
  if (flags.Has("k")) {
    int k = 0;
    const std::string text = flags.Get("k");
    if (text.empty() || !absl::c_all_of(text, absl::ascii_isdigit) ||
        !absl::SimpleAtoi(text, &k)) {
      return UsageError(absl::StrCat("invalid --k \"", text,
                                     "\": expected a whole number (3 or "
                                     "more)"));
    }
    questionnaire.set_min_group_size(k);
    paths.push_back("min_group_size");
  }
  if (flags.Has("comments")) {
    questionnaire.set_collect_comments(flags.IsOn("comments"));
    paths.push_back("collect_comments");
  }
  if (flags.Has("framework")) {
    absl::StatusOr<std::string> framework = ResolveFrameworkVersion(
        invocation, "--framework", flags.Get("framework"));
    if (!framework.ok()) return framework.status();
    questionnaire.set_framework(*framework);
  }
  return paths;
}

// Reads the CSV of --csv: a file, or standard input for "-". An unreadable
// or empty file is a usage error "PATH: reason".
absl::StatusOr<std::string> ReadCsv(const std::string& path) {
  std::ostringstream contents;
  if (path == "-") {
    contents << std::cin.rdbuf();
    if (std::cin.bad()) {
      return UsageError("--csv=-: cannot read standard input");
    }
  } else {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
      return UsageError(absl::StrCat(path, ": cannot read: Is a directory"));
    }
    errno = 0;
    std::ifstream file(path, std::ios::binary);
    if (file) contents << file.rdbuf();
    if (!file.is_open() || file.bad()) {
      return UsageError(absl::StrCat(
          path,
          ": cannot read: ", errno != 0 ? std::strerror(errno) : "I/O error"));
    }
  }
  std::string csv = contents.str();
  if (absl::StripAsciiWhitespace(csv).empty()) {
    return UsageError(
        absl::StrCat(path == "-" ? "standard input" : path,
                     ": empty; expected CSV with a header row, e.g. "
                     "organisation,level,count"));
  }
  return csv;
}

absl::Status Create(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::CreateQuestionnaireRequest request;
  request.set_parent(EngagementOf(*name));
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyQuestionnaireFlags(invocation, *request.mutable_questionnaire());
  if (!paths.ok()) return paths.status();
  auto stub = NewStub(invocation);
  v1::Questionnaire response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->CreateQuestionnaire(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, QuestionnaireText(response));
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetQuestionnaireRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Questionnaire response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetQuestionnaire(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, QuestionnaireText(response));
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateQuestionnaireRequest request;
  v1::Questionnaire& questionnaire = *request.mutable_questionnaire();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyQuestionnaireFlags(invocation, questionnaire);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  questionnaire.set_name(*name);
  questionnaire.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Questionnaire response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdateQuestionnaire(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, QuestionnaireText(response));
}

absl::Status Close(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::CloseQuestionnaireRequest request;
  request.set_name(*name);
  request.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  v1::Questionnaire response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->CloseQuestionnaire(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, QuestionnaireText(response));
}

absl::Status Invite(const Invocation& invocation) {
  const bool links_only = invocation.flags.IsOn("links-only");
  if (links_only && invocation.json) {
    return CommandUsageError("--links-only and --json cannot be combined",
                             invocation.path);
  }
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  absl::StatusOr<std::string> csv = ReadCsv(invocation.flags.Get("csv"));
  if (!csv.ok()) return csv.status();
  v1::CreateInvitationsRequest request;
  request.set_parent(*name);
  request.set_csv(*std::move(csv));
  // A retry after a lost response gets the same invitations with new links.
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::CreateInvitationsResponse response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateInvitations(&context, request, &response);
      });
  if (!status.ok()) return status;
  if (links_only) {
    invocation.out << InvitationLinks(response);
    return absl::OkStatus();
  }
  return Show(invocation, response, NewInvitationsText(response));
}

absl::Status Invitations(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListInvitationsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListInvitationsResponse& page) {
        v1::ListInvitationsRequest request;
        request.set_parent(*name);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListInvitations(&context, request, &page);
            });
      },
      InvitationsTable);
}

absl::Status Rates(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetResponseRatesRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::ResponseRates response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetResponseRates(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, ResponseRatesText(response));
}

absl::Status Results(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetQuestionnaireResultsRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::QuestionnaireResults response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetQuestionnaireResults(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, QuestionnaireResultsText(response));
}

// COMMENT as engagements/{e}/questionnaire/comments/{id}: the name as given,
// or a usage error.
absl::StatusOr<std::string> CommentName(absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '/');
  if (parts.size() != 5 || parts[0] != kEngagements || parts[1].empty() ||
      parts[2] != "questionnaire" || parts[3] != "comments" ||
      parts[4].empty() ||
      !absl::c_all_of(text, [](char c) {
        return absl::ascii_isgraph(static_cast<unsigned char>(c));
      })) {
    return UsageError(absl::StrCat(
        "invalid COMMENT \"", text,
        "\": expected engagements/{id}/questionnaire/comments/{id}, as "
        "hcctl questionnaires comments prints it"));
  }
  return std::string(text);
}

absl::Status Comments(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListCommentsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListCommentsResponse& page) {
        v1::ListCommentsRequest request;
        request.set_parent(*name);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListComments(&context, request, &page);
            });
      },
      CommentsText);
}

absl::Status Actions(const Invocation& invocation) {
  absl::StatusOr<std::string> name = QuestionnaireName(invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListActionEntriesResponse>(
      invocation,
      [&](const Paging& paging, v1::ListActionEntriesResponse& page) {
        v1::ListActionEntriesRequest request;
        request.set_parent(*name);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListActionEntries(&context, request, &page);
            });
      },
      ActionEntriesText);
}

// Not retried automatically, like every write; setting
// the same value again is harmless, so the user may simply rerun it.
absl::Status Quote(const Invocation& invocation) {
  absl::StatusOr<std::string> name = CommentName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::SetCommentQuotableRequest request;
  request.set_name(*name);
  request.set_quotable(!invocation.flags.IsOn("unquote"));
  auto stub = NewStub(invocation);
  v1::Comment response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->SetCommentQuotable(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, CommentText(response));
}

// The questionnaire's settable fields; on create, `required` marks the
// framework and the times.
std::vector<FlagSpec> QuestionnaireFlags(bool create) {
  return {
      {"framework", "FRAMEWORK",
       "The benchmark: frameworks/{id}/versions/{version}, {id}/{version}, "
       "or a bare {id} for its latest version. Every section must have "
       "statements.",
       false, /*required=*/create},
      {"open", "TIME",
       "When respondents may start: RFC 3339 (2027-02-01T09:00:00Z), a date "
       "(2027-02-01, midnight UTC), now, or now+N/now-N with s, m, h or d.",
       false, /*required=*/create},
      {"close", "TIME",
       "When it closes by itself, after --open; same forms (e.g. now+14d).",
       false, /*required=*/create},
      {"k", "N",
       "The minimum group size: no figure is shown for fewer respondents "
       "(3 or more; the server's default is 5)."},
      {"comments", "",
       create ? "Let respondents add free-text comments."
              : "Let respondents add free-text comments (--comments=false: "
                "not)."},
  };
}

std::vector<FlagSpec> UpdateFlags() {
  std::vector<FlagSpec> flags = QuestionnaireFlags(/*create=*/false);
  flags.push_back(EtagFlag("questionnaire"));
  return flags;
}

std::vector<FlagSpec> InviteFlags() {
  return {
      {"csv", "PATH", "The CSV file of invitations, or - for standard input.",
       false,
       /*required=*/true},
      {"links-only", "",
       "Print only the links, one per line (not with --json)."},
  };
}

std::vector<FlagSpec> ListFlags() { return PagingFlags(); }

constexpr char kEngagementArg[] =
    "Acts on the engagement's one questionnaire, "
    "engagements/{id}/questionnaire. ";

}  // namespace

CommandGroup QuestionnaireCommands() {
  return {
      "questionnaires",
      "The confidential questionnaire of an engagement and its single-use "
      "invitations.",
      {
          {"create",
           {"ENGAGEMENT"},
           "Set up the engagement's questionnaire.",
           absl::StrCat(
               kEngagementArg,
               "ALREADY_EXISTS if it has one. Who is invited is fixed when it "
               "opens, so give an --open time after the invitations will be "
               "made (e.g. now+1h), invite, then open it with update "
               "--open=now. TIME is resolved on this machine's clock, so "
               "now+14d is 14 days from when the command runs. Not retried automatically: if the call ends with "
               "UNAVAILABLE or DEADLINE_EXCEEDED, check with hcctl "
               "questionnaires get before trying again."),
           QuestionnaireFlags(/*create=*/true),
           Create},
          {"get",
           {"ENGAGEMENT"},
           "Show the questionnaire: framework, state, times, k, "
           "invitations.",
           kEngagementArg,
           {},
           Get},
          {"update",
           {"ENGAGEMENT"},
           "Change the framework, times, k or comments, before it opens.",
           absl::StrCat(
               kEngagementArg,
               "The update mask names exactly the fields whose flags are "
               "given. Once the questionnaire has opened the server refuses "
               "any change with FAILED_PRECONDITION."),
           UpdateFlags(),
           Update},
          {"close",
           {"ENGAGEMENT"},
           "Close the questionnaire now; its results are frozen.",
           absl::StrCat(kEngagementArg,
                        "It also closes by itself at its close time. Every "
                        "unused invitation expires."),
           {EtagFlag("questionnaire")},
           Close},
          {"invite",
           {"ENGAGEMENT"},
           "Create invitations from CSV and print their links, once.",
           absl::StrCat(
               kEngagementArg,
               "The CSV has a header row naming the columns organisation, "
               "level and optionally sector and count, e.g. "
               "\"organisation,level,count\" then \"Anytown Council,board,3\". "
               "organisation: a member organisation of the partnership (any "
               "case); level: ",
               EnumChoices(*v1::RespondentLevel_descriptor()),
               "; sector: defaults to the organisation's; count: invitations "
               "for the row (default 1). At most 2000 invitations per call; "
               "only before the questionnaire opens (who is invited is fixed "
               "then), and an organisation stays in the sector its earlier "
               "invitations count it in. The links are shown "
               "only in this output and cannot be retrieved again. Retried "
               "automatically with the same request_id, so a lost response "
               "costs nothing: the retry creates no invitation twice and "
               "prints new links for the ones already created (their first "
               "links, never seen, stop working). If it still ends with "
               "UNAVAILABLE or DEADLINE_EXCEEDED, check hcctl questionnaires "
               "invitations before sending the file again."),
           InviteFlags(),
           Invite},
          {"invitations",
           {"ENGAGEMENT"},
           "List the invitations (never their links, nor whether they "
           "have been used).",
           kEngagementArg,
           ListFlags(),
           Invitations},
          {"rates",
           {"ENGAGEMENT"},
           "Show response rates overall and, once closed, by organisation, "
           "level and sector.",
           absl::StrCat(
               kEngagementArg,
               "A group of fewer than k respondents, or one that could be "
               "worked out from the others, reads \"withheld\" with the "
               "reason under its table."),
           {},
           Rates},
          {"results",
           {"ENGAGEMENT"},
           "Show the results of the closed questionnaire (review team only).",
           absl::StrCat(
               kEngagementArg,
               "Sections and aggregate (n, mean, median, min, max, IQR, "
               "consensus, band), the proposed finding, significance, the "
               "spread between levels, breakdowns by level, sector and "
               "organisation, and the change since the previous health "
               "check. Only the engagement's review team may read them, and "
               "only once the questionnaire has closed (FAILED_PRECONDITION "
               "before). With fewer than k respondents nothing is shown; a "
               "group that is too small, or would let one be worked out, "
               "reads \"withheld\"."),
           {},
           Results},
          {"comments",
           {"ENGAGEMENT"},
           "List the respondents' free-text comments (review team only).",
           absl::StrCat(
               kEngagementArg,
               "Each comment is a numbered block: its name (for hcctl "
               "questionnaires quote), whether it is quotable, then its text "
               "as the respondent wrote it, wrapped. Comments are "
               "unattributed and in no particular order; numbers count from "
               "1 on each page. Control characters in a text, which could "
               "drive the terminal, show as \\xNN (--json gives the text "
               "untouched). Only the engagement's review team may list "
               "them, and only once the questionnaire has closed "
               "(FAILED_PRECONDITION before, PERMISSION_DENIED for anyone "
               "else)."),
           ListFlags(),
           Comments},
          {"actions",
           {"ENGAGEMENT"},
           "List the respondents' \"Action needed\" / \"By whom?\" entries "
           "(review team only).",
           absl::StrCat(
               kEngagementArg,
               "For an action-planning benchmark (Digging Deeper): the entries "
               "respondents made against statements, gathered for the "
               "improvement plan, in statement order. Each entry is "
               "unattributed and unlinked to its respondent's answers or "
               "other entries; within a statement the order means nothing. "
               "Only the engagement's review team may list them, and only "
               "once the questionnaire has closed (FAILED_PRECONDITION "
               "before, PERMISSION_DENIED for anyone else)."),
           PagingFlags(),
           Actions},
          {"quote",
           {"COMMENT"},
           "Mark a comment quotable in the report (--unquote: not).",
           "COMMENT is the full name hcctl questionnaires comments prints, "
           "engagements/{id}/questionnaire/comments/{id}. Prints the comment "
           "as it now stands. Only the engagement's review team may do it, "
           "once the questionnaire has closed. Not retried automatically; "
           "setting the same value again is harmless, so after UNAVAILABLE "
           "or DEADLINE_EXCEEDED simply run it again.",
           {{"unquote", "", "Mark it not quotable instead."}},
           Quote},
      }};
}

}  // namespace hc::cli
