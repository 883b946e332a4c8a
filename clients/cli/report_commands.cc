#include "clients/cli/report_commands.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/durable_file.h"
#include "clients/cli/errors.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/values.h"
#include "core/crypto/secrets.h"
#include "healthcheck/v1/report.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;
namespace fs = std::filesystem;
using Stub = v1::ReportService::Stub;

constexpr char kReportArg[] =
    "REPORT is the full name hcctl reports list prints, "
    "engagements/{id}/reports/{number}. ";

std::unique_ptr<Stub> NewStub(const Invocation& invocation) {
  return v1::ReportService::NewStub(invocation.connection.channel());
}

absl::StatusOr<std::string> ReportName(absl::string_view text) {
  return EngagementChildName(kReports, "REPORT", "hcctl reports list", text);
}

std::string ReportText(const v1::Report& r) {
  Fields fields;
  fields.Add("name", r.name());
  fields.Add("version", absl::StrCat(r.number()));
  fields.Add("state", EnumLabel(r.state()));
  fields.Add("created", absl::StrCat(FormatTime(r.create_time()), " by ", r.created_by()));
  if (r.has_publish_time()) {
    fields.Add("published", absl::StrCat(FormatTime(r.publish_time()), " by ", r.published_by()));
  }
  fields.Add("pdf", absl::StrCat(r.pdf_size_bytes(), " bytes, sha256 ", r.pdf_sha256()));
  fields.Add("html", absl::StrCat(r.html_size_bytes(), " bytes, sha256 ", r.html_sha256()));
  fields.Add("comments", absl::StrCat(r.comment_count()));
  fields.Add("etag", r.etag());
  return fields.Render();
}

std::string ReportsTable(const v1::ListReportsResponse& response) {
  Table table({"VERSION", "STATE", "CREATED", "PUBLISHED", "COMMENTS", "NAME"});
  for (const v1::Report& r : response.reports()) {
    table.AddRow({absl::StrCat(r.number()), EnumLabel(r.state()), FormatTime(r.create_time()),
                  r.has_publish_time() ? FormatTime(r.publish_time()) : "-",
                  absl::StrCat(r.comment_count()), r.name()});
  }
  return table.Render();
}

std::string CommentsTable(const v1::ListReportCommentsResponse& response) {
  std::string out;
  for (const v1::ReportComment& c : response.comments()) {
    absl::StrAppend(&out, FormatTime(c.create_time()), "  ", TerminalSafe(c.author()), " (",
                    c.author_role(), ")",
                    c.section().empty() ? "" : absl::StrCat("  on ", TerminalSafe(c.section())),
                    "\n", Indented(TerminalSafe(c.text()), 2), "\n");
  }
  return out.empty() ? "(none)\n" : out;
}

absl::Status Generate(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::CreateReportRequest request;
  request.set_parent(*engagement);
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Report response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient,
      [&](grpc::ClientContext& context) { return stub->CreateReport(&context, request, &response); });
  if (!status.ok()) return status;
  return Show(invocation, response, ReportText(response));
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ReportName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetReportRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Report response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient,
      [&](grpc::ClientContext& context) { return stub->GetReport(&context, request, &response); });
  if (!status.ok()) return status;
  return Show(invocation, response, ReportText(response));
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListReportsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListReportsResponse& page) {
        v1::ListReportsRequest request;
        request.set_parent(*engagement);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(Retry::kWhenTransient,
                                          [&](grpc::ClientContext& context) {
                                            return stub->ListReports(&context, request, &page);
                                          });
      },
      ReportsTable);
}

using StateMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const v1::ReportStateRequest&,
                                           v1::Report*);

Handler ChangeState(StateMethod method) {
  return [method](const Invocation& invocation) -> absl::Status {
    absl::StatusOr<std::string> name = ReportName(invocation.args[0]);
    if (!name.ok()) return name.status();
    v1::ReportStateRequest request;
    request.set_name(*name);
    request.set_etag(invocation.flags.Get("etag"));
    auto stub = NewStub(invocation);
    v1::Report response;
    // A state change is not retried: after UNAVAILABLE, check with get.
    absl::Status status = invocation.connection.Call(
        Retry::kNever, [&](grpc::ClientContext& context) {
          return (stub.get()->*method)(&context, request, &response);
        });
    if (!status.ok()) return status;
    return Show(invocation, response, ReportText(response));
  };
}

absl::Status AddComment(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ReportName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::CreateReportCommentRequest request;
  request.set_parent(*name);
  request.mutable_comment()->set_text(invocation.flags.Get("text"));
  request.mutable_comment()->set_section(invocation.flags.Get("section"));
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::ReportComment response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateReportComment(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, absl::StrCat(response.name(), "\n"));
}

absl::Status ListComments(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ReportName(invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListReportCommentsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListReportCommentsResponse& page) {
        v1::ListReportCommentsRequest request;
        request.set_parent(*name);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListReportComments(&context, request, &page);
            });
      },
      CommentsTable);
}

absl::Status FileError(absl::string_view step, const fs::path& path) {
  return UsageError(absl::StrCat("--out: cannot ", step, " ", path.string(), ": ",
                                 std::strerror(errno)));
}

// Writes `bytes` to `path` (created owner-only, truncated) and flushes it.
absl::Status WritePart(const fs::path& path, absl::string_view bytes) {
  const FileDescriptor fd(
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) return FileError("create", path);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FileError("write", path);
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return FileError("flush", path);
  return absl::OkStatus();
}

// What the file on disk holds, to check against the header.
absl::StatusOr<std::string> ReadBack(const fs::path& path) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) return FileError("read", path);
  std::string contents;
  char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FileError("read", path);
    if (n == 0) return contents;
    contents.append(buffer, static_cast<size_t>(n));
  }
}

// Streams the version's rendering: the header, then the chunks in order.
absl::Status Fetch(const Invocation& invocation, const v1::DownloadReportRequest& request,
                   v1::ReportFileHeader& header, std::string& bytes) {
  auto stub = NewStub(invocation);
  return invocation.connection.Call(Retry::kWhenTransient, [&](grpc::ClientContext& context) {
    header.Clear();
    bytes.clear();
    auto reader = stub->DownloadReport(&context, request);
    v1::DownloadReportResponse part;
    while (reader->Read(&part)) {
      if (part.has_header()) {
        header = part.header();
      } else {
        bytes.append(part.chunk());
      }
    }
    return reader->Finish();
  });
}

// Checks the file at `part` against the header, then renames it to `out`.
absl::Status Verify(const fs::path& part, const v1::ReportFileHeader& header) {
  absl::StatusOr<std::string> written = ReadBack(part);
  if (!written.ok()) return written.status();
  const std::string sha256 = crypto::Sha256Hex(*written);
  if (static_cast<int64_t>(written->size()) != header.size_bytes() ||
      sha256 != header.sha256()) {
    fs::remove(part);
    return absl::DataLossError(absl::StrCat(
        "the download does not match the server's record: ", written->size(), " bytes with "
        "sha256 ", sha256, ", expected ", header.size_bytes(), " bytes with sha256 ",
        header.sha256(), "; nothing was written"));
  }
  return absl::OkStatus();
}

absl::Status Download(const Invocation& invocation) {
  absl::StatusOr<std::string> name = ReportName(invocation.args[0]);
  if (!name.ok()) return name.status();
  const std::string format = absl::AsciiStrToLower(invocation.flags.Get("format"));
  if (format != "pdf" && format != "html") {
    return CommandUsageError("--format must be pdf or html", invocation.path);
  }
  const fs::path out = invocation.flags.Get("out");
  if (out.empty()) return CommandUsageError("--out needs a PATH", invocation.path);
  const bool force = invocation.flags.Has("force");
  if (!force && fs::exists(out)) {
    return UsageError(absl::StrCat("--out: ", out.string(), " exists; give --force to replace it"));
  }
  v1::DownloadReportRequest request;
  request.set_name(*name);
  request.set_format(format == "pdf" ? v1::REPORT_FORMAT_PDF : v1::REPORT_FORMAT_HTML);
  v1::ReportFileHeader header;
  std::string bytes;
  if (absl::Status status = Fetch(invocation, request, header, bytes); !status.ok()) {
    return status;
  }
  fs::path part = out;
  part += ".part";
  if (absl::Status status = WritePart(part, bytes); !status.ok()) return status;
  if (absl::Status status = Verify(part, header); !status.ok()) return status;
  if (!force && fs::exists(out)) {
    fs::remove(part);
    return UsageError(absl::StrCat("--out: ", out.string(), " exists; give --force to replace it"));
  }
  if (::rename(part.c_str(), out.c_str()) != 0) return FileError("rename to", out);
  if (absl::Status synced = SyncDirectory(out.parent_path().empty() ? fs::path(".")
                                                                     : out.parent_path());
      !synced.ok()) {
    return synced;
  }
  return Show(invocation, header,
              absl::StrCat("wrote ", out.string(), " (", header.size_bytes(), " bytes, sha256 ",
                           header.sha256(), " checked)\n"));
}

}  // namespace

CommandGroup ReportCommands() {
  const std::vector<FlagSpec> paging = PagingFlags();
  const auto with_etag = [](absl::string_view) { return std::vector<FlagSpec>{EtagFlag("report")}; };
  std::vector<Command> commands = {
      {"generate",
       {"ENGAGEMENT"},
       "Generate the next version of the written report.",
       absl::StrCat("By the lead peer or a peer on the team, in stage REPORT, IMPROVEMENT_PLAN "
                    "or FOLLOW_UP with an agreed finding, when no other version is unpublished. "
                    "The report is composed from the engagement as it is now and rendered as a "
                    "draft in PDF and HTML. ",
                    kCreateDetails),
       {},
       Generate},
      {"list", {"ENGAGEMENT"}, "List the engagement's report versions.",
       "The partnership's contact sees only versions in FACTUAL_CHECK, PUBLISHED or "
       "SUPERSEDED.",
       paging, List},
      {"get", {"REPORT"}, "Show a report version.", kReportArg, {}, Get},
      {"submit", {"REPORT"}, "Submit a DRAFT version for team review.",
       absl::StrCat(kReportArg, "By the lead peer or a peer on the team."),
       with_etag("submit"), ChangeState(&Stub::SubmitReportForReview)},
      {"send-for-check", {"REPORT"},
       "Send a version in TEAM_REVIEW to the partnership for the factual-accuracy check.",
       absl::StrCat(kReportArg, "By the lead peer."), with_etag("send"),
       ChangeState(&Stub::SendReportForFactualCheck)},
      {"publish", {"REPORT"}, "Publish a version in FACTUAL_CHECK.",
       absl::StrCat(kReportArg,
                    "By the lead peer. FAILED_PRECONDITION if the engagement changed since the "
                    "version was generated: generate a new one. The first publication moves "
                    "the engagement from REPORT to IMPROVEMENT_PLAN; a later one supersedes "
                    "the version published before."),
       with_etag("publish"), ChangeState(&Stub::PublishReport)},
      {"withdraw", {"REPORT"}, "Withdraw an unpublished version (final).",
       absl::StrCat(kReportArg, "By the lead peer."), with_etag("withdraw"),
       ChangeState(&Stub::WithdrawReport)},
      {"comment", {"REPORT"}, "Comment on a version.",
       absl::StrCat(kReportArg,
                    "The team comments in TEAM_REVIEW and FACTUAL_CHECK, the partnership's "
                    "contact in FACTUAL_CHECK. ",
                    kCreateDetails),
       {{"text", "TEXT", "The comment (1-4000 characters).", false, /*required=*/true},
        {"section", "SECTION", "The part of the report it is about, e.g. \"4 Findings\"."}},
       AddComment},
      {"comments", {"REPORT"}, "List a version's comments in time order.",
       absl::StrCat(kReportArg, "The partnership's contact sees only the partnership's comments."),
       paging,
       ListComments},
      {"download", {"REPORT"}, "Download a version as PDF or HTML.",
       absl::StrCat(kReportArg,
                    "Streams the file to PATH.part, checks its size and SHA-256 against the "
                    "server's, then renames it to PATH. Refuses to replace an existing PATH "
                    "without --force."),
       {{"format", "FORMAT", "pdf or html.", false, /*required=*/true},
        {"out", "PATH", "Where to write the file.", false, /*required=*/true},
        {"force", "", "Replace PATH if it exists."}},
       Download},
  };
  return {"reports",
          "The written report: versions generated, reviewed by the team, checked by the "
          "partnership, published and downloaded.",
          std::move(commands)};
}

}  // namespace hc::cli
