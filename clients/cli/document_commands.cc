#include "clients/cli/document_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/fieldwork.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

// The fields that can be set on add and changed by update.
std::vector<FieldFlag> DocumentFields() {
  return {
      {"title", "title", "title",
       "The document's title, e.g. \"Community safety strategy 2026-29\" "
       "(1-300 characters)."},
      {"source", "source", "source",
       "Who produced it or where it came from (at most 300 characters)."},
      {"date", "date", "date", "The document's own date, if it has one."},
      {"notes", "notes", "notes",
       "What the team made of it; may span lines (at most 10000 "
       "characters)."},
  };
}

std::unique_ptr<v1::FieldworkService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::FieldworkService::NewStub(invocation.connection.channel());
}

absl::StatusOr<std::string> DocumentName(absl::string_view text) {
  return EngagementChildName(kDocuments, "DOCUMENT", "hcctl documents list",
                             text);
}

absl::Status Add(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  v1::CreateDocumentRequest request;
  request.set_parent(*engagement);
  absl::StatusOr<std::vector<std::string>> paths = ApplyFieldFlags(
      DocumentFields(), invocation.flags, *request.mutable_document());
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Document response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreateDocument(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, DocumentText(response));
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name = DocumentName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetDocumentRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Document response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetDocument(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, DocumentText(response));
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> engagement =
      ResourceName(kEngagements, "ENGAGEMENT", invocation.args[0]);
  if (!engagement.ok()) return engagement.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListDocumentsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListDocumentsResponse& page) {
        v1::ListDocumentsRequest request;
        request.set_parent(*engagement);
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListDocuments(&context, request, &page);
            });
      },
      DocumentsTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name = DocumentName(invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdateDocumentRequest request;
  v1::Document& document = *request.mutable_document();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(DocumentFields(), invocation.flags, document);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  document.set_name(*name);
  document.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Document response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdateDocument(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, DocumentText(response));
}

constexpr char kDocumentArg[] =
    "DOCUMENT is the full name hcctl documents list prints, "
    "engagements/{id}/documents/{id}. ";

}  // namespace

CommandGroup DocumentCommands() {
  const google::protobuf::Descriptor& type = *v1::Document::descriptor();
  std::vector<FlagSpec> update_flags = FieldFlagSpecs(type, DocumentFields());
  update_flags.push_back(EtagFlag("document"));
  return {
      "documents",
      "The documents the review team reads in desk research.",
      {
          {"add",
           {"ENGAGEMENT"},
           "Record a document read in desk research.",
           absl::StrCat("FAILED_PRECONDITION once the engagement has ended. ",
                        kCreateDetails),
           FieldFlagSpecs(type, DocumentFields(), {"title"}),
           Add},
          {"list",
           {"ENGAGEMENT"},
           "List the engagement's documents, newest first.",
           "",
           PagingFlags(),
           List},
          {"get",
           {"DOCUMENT"},
           "Show a document and its notes.",
           kDocumentArg,
           {},
           Get},
          {"update",
           {"DOCUMENT"},
           "Change the fields given.",
           absl::StrCat(kDocumentArg, kUpdateDetails,
                        " Not retried automatically: after UNAVAILABLE or "
                        "DEADLINE_EXCEEDED, check with hcctl documents get."),
           update_flags,
           Update},
      }};
}

}  // namespace hc::cli
