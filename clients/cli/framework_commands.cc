#include "clients/cli/framework_commands.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/cli/errors.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/views.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "healthcheck/v1/framework.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr size_t kMaxFrameworkIdLength = 63;

std::unique_ptr<v1::FrameworkService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::FrameworkService::NewStub(invocation.connection.channel());
}

// 1-63 of [a-z0-9-], as the API requires of a framework_id.
bool IsFrameworkId(absl::string_view text) {
  return !text.empty() && text.size() <= kMaxFrameworkIdLength &&
         absl::c_all_of(text, [](char c) {
           return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-';
         });
}

// A version number: digits only, 1 or more.
std::optional<int> ParseVersion(absl::string_view text) {
  int version = 0;
  if (text.empty() || !absl::c_all_of(text, absl::ascii_isdigit) ||
      !absl::SimpleAtoi(text, &version) || version < 1) {
    return std::nullopt;
  }
  return version;
}

std::string VersionName(absl::string_view framework_id, int version) {
  return absl::StrCat(kFrameworks, "/", framework_id, "/versions/", version);
}

// What FRAMEWORK names: one version, or a framework_id whose highest
// version is wanted.
struct FrameworkRef {
  // `frameworks/{id}/versions/{n}` when a version was given.
  std::string name;
  // The id alone when no version was given.
  std::string framework_id;
};

// Reads FRAMEWORK: "frameworks/{id}/versions/{n}", "{id}/{n}", or "{id}"
// (also "frameworks/{id}"). A usage error names `what`.
absl::StatusOr<FrameworkRef> ParseFrameworkRef(absl::string_view what,
                                               absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '/');
  if (parts.size() == 4 && parts[0] == kFrameworks && parts[2] == "versions" &&
      IsFrameworkId(parts[1])) {
    if (std::optional<int> version = ParseVersion(parts[3])) {
      return FrameworkRef{VersionName(parts[1], *version), ""};
    }
  }
  if (parts.size() == 2 && IsFrameworkId(parts[0])) {
    if (std::optional<int> version = ParseVersion(parts[1])) {
      return FrameworkRef{VersionName(parts[0], *version), ""};
    }
    if (parts[0] == kFrameworks && IsFrameworkId(parts[1])) {
      return FrameworkRef{"", std::string(parts[1])};
    }
  }
  if (parts.size() == 1 && IsFrameworkId(parts[0])) {
    return FrameworkRef{"", std::string(parts[0])};
  }
  return UsageError(absl::StrCat(
      "invalid ", what, " \"", text,
      "\": expected frameworks/{id}/versions/{version}, {id}/{version} or "
      "{id}, where an id is 1-63 of a-z, 0-9 and '-'"));
}

// The name of the highest version of `framework_id`, from every page of the
// list; NOT_FOUND if it has none.
absl::StatusOr<std::string> LatestVersionName(const Invocation& invocation,
                                              v1::FrameworkService::Stub& stub,
                                              absl::string_view framework_id) {
  const v1::Framework* latest = nullptr;
  v1::ListFrameworksResponse pages;
  v1::ListFrameworksRequest request;
  do {
    v1::ListFrameworksResponse page;
    absl::Status status = invocation.connection.Call(
        Retry::kWhenTransient, [&](grpc::ClientContext& context) {
          return stub.ListFrameworks(&context, request, &page);
        });
    if (!status.ok()) return status;
    request.set_page_token(page.next_page_token());
    pages.MergeFrom(page);
  } while (!request.page_token().empty());
  for (const v1::Framework& framework : pages.frameworks()) {
    if (framework.framework_id() == framework_id &&
        (latest == nullptr || framework.version() > latest->version())) {
      latest = &framework;
    }
  }
  if (latest == nullptr) {
    return absl::NotFoundError(absl::StrCat("no framework \"", framework_id,
                                            "\" (see hcctl frameworks list)"));
  }
  return latest->name();
}

// Collects the first error of a text-format parse as "LINE:COL: message",
// both 1-based.
class FirstParseError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (first_.empty()) {
      first_ = absl::StrCat(line + 1, ":", column + 1, ": ", message);
    }
  }

  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

// Reads `path` as a healthcheck.v1.Framework in protobuf text format. A file
// that cannot be read or parsed is a usage error: "PATH: reason" or
// "PATH:LINE:COL: message".
absl::StatusOr<v1::Framework> ReadFrameworkFile(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return UsageError(absl::StrCat(path, ": cannot read: Is a directory"));
  }
  errno = 0;
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  if (file) contents << file.rdbuf();
  if (!file.is_open() || file.bad()) {
    return UsageError(absl::StrCat(
        path,
        ": cannot read: ", errno != 0 ? std::strerror(errno) : "I/O error"));
  }
  FirstParseError errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  v1::Framework framework;
  if (!parser.ParseFromString(contents.str(), &framework)) {
    return UsageError(absl::StrCat(path, ":",
                                   errors.first().empty()
                                       ? "1:1: not a healthcheck.v1.Framework"
                                       : errors.first()));
  }
  return framework;
}

absl::Status List(const Invocation& invocation) {
  auto stub = NewStub(invocation);
  return ListPages<v1::ListFrameworksResponse>(
      invocation,
      [&](const Paging& paging, v1::ListFrameworksResponse& page) {
        v1::ListFrameworksRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListFrameworks(&context, request, &page);
            });
      },
      FrameworksTable);
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResolveFrameworkVersion(invocation, "FRAMEWORK", invocation.args[0]);
  if (!name.ok()) return name.status();
  auto stub = NewStub(invocation);
  v1::GetFrameworkRequest request;
  request.set_name(*name);
  v1::Framework response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetFramework(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, FrameworkText(response));
}

absl::Status Create(const Invocation& invocation) {
  absl::StatusOr<v1::Framework> framework =
      ReadFrameworkFile(invocation.flags.Get("file"));
  if (!framework.ok()) return framework.status();
  v1::CreateFrameworkRequest request;
  *request.mutable_framework() = *std::move(framework);
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Framework response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateFramework(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, FrameworkText(response));
}

}  // namespace

absl::StatusOr<std::string> ResolveFrameworkVersion(
    const Invocation& invocation, absl::string_view what,
    absl::string_view text) {
  absl::StatusOr<FrameworkRef> ref = ParseFrameworkRef(what, text);
  if (!ref.ok()) return ref.status();
  if (!ref->name.empty()) return ref->name;
  auto stub = NewStub(invocation);
  return LatestVersionName(invocation, *stub, ref->framework_id);
}

CommandGroup FrameworkCommands() {
  return {
      "frameworks",
      "Benchmarks as data: versioned statements, scales and bands.",
      {
          {"list",
           {},
           "List every version of every benchmark, by id then version.",
           "STATEMENTS counts the statements of the sections, not the "
           "overall ones.",
           PagingFlags(),
           List},
          {"get",
           {"FRAMEWORK"},
           "Show one version of a benchmark in full.",
           "FRAMEWORK is frameworks/{id}/versions/{version}, {id}/{version} "
           "(e.g. digging-deeper/2) or a bare {id} (e.g. digging-deeper): a "
           "bare id lists the frameworks and shows the highest version of "
           "that id. The text view shows the header, then each section's "
           "statements, bands and typical factors, then the overall "
           "statements and aggregate bands; descriptions and elements are "
           "shown only with --json.",
           {},
           Get},
          {"create",
           {},
           "Add a benchmark, or the next version of an existing one "
           "(programme leads).",
           absl::StrCat(
               "--file holds one healthcheck.v1.Framework in protobuf text "
               "format, like the built-in benchmarks (core/frameworks/"
               "*.textproto); leave out the output-only fields (name, "
               "version, builtin, in_use, create_time). A new framework_id "
               "gets version 1, an existing one its next version. A file "
               "that does not parse fails before any call, naming "
               "PATH:LINE:COL; the server answers INVALID_ARGUMENT naming "
               "the place and the reason for an invalid benchmark. ",
               kCreateDetails),
           {{"file", "PATH", "The benchmark, in protobuf text format.", false,
             /*required=*/true}},
           Create},
      }};
}

}  // namespace hc::cli
