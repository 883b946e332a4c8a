#include "services/fieldwork/fieldwork_grpc_service.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/filter.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"
#include "services/fieldwork/fieldwork_mapping.h"
#include "services/fieldwork/icalendar.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

absl::StatusOr<std::string> ParseEngagement(absl::string_view field, absl::string_view name) {
  return ParseName(field, "engagements", name);
}

std::vector<std::string> PathsOf(const google::protobuf::FieldMask& mask) {
  return {mask.paths().begin(), mask.paths().end()};
}

absl::StatusOr<app::ActivityQuery> ReadActivityFilter(absl::string_view filter) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(filter));
  app::ActivityQuery query;
  for (const FilterTerm& t : terms) {
    if (t.op != "=") {
      return absl::InvalidArgumentError(
          absl::StrCat("filter: only '=' is supported, not '", t.op, "'"));
    }
    if (t.field == "day") {
      int day = 0;
      if (!absl::SimpleAtoi(t.value, &day) || day < 1 || day > 3) {
        return absl::InvalidArgumentError(
            absl::StrCat("filter: day must be 1, 2 or 3, not ", t.value));
      }
      query.day = day;
    } else if (t.field == "peer") {
      HC_ASSIGN_OR_RETURN(query.peer_id, ParseName("filter: peer", "peers", t.value));
    } else if (t.field == "state") {
      absl::string_view name = t.value;
      absl::ConsumePrefix(&name, "ACTIVITY_STATE_");
      query.state = domain::ParseActivityState(absl::AsciiStrToUpper(name));
      if (!query.state) {
        return absl::InvalidArgumentError(
            absl::StrCat("filter: state must be PLANNED, HELD or CANCELLED, not ", t.value));
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter: '", t.field, "' is not supported; use day, peer or state"));
    }
  }
  return query;
}

// A file name from the partnership's name: lower-case letters and digits
// joined by single hyphens.
std::string FileStem(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "health-check" : out;
}

}  // namespace

grpc::ServerUnaryReactor* FieldworkGrpcService::CreateActivity(
    Context* context, const v1::CreateActivityRequest* request, v1::Activity* response) {
  return runner_.Run(context, "CreateActivity", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseEngagement("parent", request->parent()));
    HC_ASSIGN_OR_RETURN(domain::Activity input, FromProto(request->activity()));
    v1::CreateActivityRequest fingerprinted = *request;
    fingerprinted.clear_request_id();
    const app::RequestKey key{request->request_id(), Fingerprint(fingerprinted)};
    HC_ASSIGN_OR_RETURN(domain::Activity a,
                        app_.CreateActivity(principal, engagement, input, key));
    ToProto(a, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::GetActivity(
    Context* context, const v1::GetActivityRequest* request, v1::Activity* response) {
  return runner_.Run(context, "GetActivity", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "activities", request->name()));
    HC_ASSIGN_OR_RETURN(domain::Activity a,
                        app_.GetActivity(principal, name.engagement_id, name.id));
    ToProto(a, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::ListActivities(
    Context* context, const v1::ListActivitiesRequest* request,
    v1::ListActivitiesResponse* response) {
  return runner_.Run(context, "ListActivities", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseEngagement("parent", request->parent()));
    HC_ASSIGN_OR_RETURN(app::ActivityQuery query, ReadActivityFilter(request->filter()));
    const std::string list =
        absl::StrCat(request->parent(), "/activities?", request->filter());
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::Activity> found,
                        app_.ListActivities(principal, engagement, query, page));
    for (const domain::Activity& a : found.items) ToProto(a, response->add_activities());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::UpdateActivity(
    Context* context, const v1::UpdateActivityRequest* request, v1::Activity* response) {
  return runner_.Run(context, "UpdateActivity", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("activity.name", "activities",
                                                 request->activity().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->activity().etag()));
    HC_ASSIGN_OR_RETURN(domain::Activity input, FromProto(request->activity()));
    HC_ASSIGN_OR_RETURN(domain::Activity a,
                        app_.UpdateActivity(principal, name.engagement_id, name.id, input,
                                            PathsOf(request->update_mask()), version));
    ToProto(a, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::MarkActivityHeld(
    Context* context, const v1::ActivityStateRequest* request, v1::Activity* response) {
  return runner_.Run(context, "MarkActivityHeld", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "activities", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(domain::Activity a,
                        app_.MarkHeld(principal, name.engagement_id, name.id, version));
    ToProto(a, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::CancelActivity(
    Context* context, const v1::ActivityStateRequest* request, v1::Activity* response) {
  return runner_.Run(context, "CancelActivity", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "activities", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(domain::Activity a,
                        app_.Cancel(principal, name.engagement_id, name.id, version));
    ToProto(a, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::ExportTimetable(
    Context* context, const v1::ExportTimetableRequest* request, v1::Timetable* response) {
  return runner_.Run(context, "ExportTimetable", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseEngagement("parent", request->parent()));
    HC_ASSIGN_OR_RETURN(std::string peer, ParseOptionalName("peer", "peers", request->peer()));
    HC_ASSIGN_OR_RETURN(app::TimetableView view, app_.Timetable(principal, engagement, peer));
    std::string title = absl::StrCat(view.partnership.display_name, " health check: fieldwork");
    std::string stem = absl::StrCat(FileStem(view.partnership.display_name), "-fieldwork");
    if (!peer.empty()) {
      const auto it = view.peers.find(peer);
      const std::string who = it == view.peers.end() ? peer : it->second.display_name;
      absl::StrAppend(&title, " (", who, ")");
      absl::StrAppend(&stem, "-", FileStem(who));
    }
    response->set_calendar(TimetableCalendar(view, title));
    response->set_filename(absl::StrCat(stem, ".ics"));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::CreateDocument(
    Context* context, const v1::CreateDocumentRequest* request, v1::Document* response) {
  return runner_.Run(context, "CreateDocument", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseEngagement("parent", request->parent()));
    HC_ASSIGN_OR_RETURN(domain::Document input, FromProto(request->document()));
    v1::CreateDocumentRequest fingerprinted = *request;
    fingerprinted.clear_request_id();
    const app::RequestKey key{request->request_id(), Fingerprint(fingerprinted)};
    HC_ASSIGN_OR_RETURN(domain::Document d,
                        app_.CreateDocument(principal, engagement, input, key));
    ToProto(d, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::GetDocument(
    Context* context, const v1::GetDocumentRequest* request, v1::Document* response) {
  return runner_.Run(context, "GetDocument", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "documents", request->name()));
    HC_ASSIGN_OR_RETURN(domain::Document d,
                        app_.GetDocument(principal, name.engagement_id, name.id));
    ToProto(d, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::ListDocuments(
    Context* context, const v1::ListDocumentsRequest* request,
    v1::ListDocumentsResponse* response) {
  return runner_.Run(context, "ListDocuments", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseEngagement("parent", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/documents");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::Document> found,
                        app_.ListDocuments(principal, engagement, page));
    for (const domain::Document& d : found.items) ToProto(d, response->add_documents());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FieldworkGrpcService::UpdateDocument(
    Context* context, const v1::UpdateDocumentRequest* request, v1::Document* response) {
  return runner_.Run(context, "UpdateDocument", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("document.name", "documents",
                                                 request->document().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->document().etag()));
    HC_ASSIGN_OR_RETURN(domain::Document input, FromProto(request->document()));
    HC_ASSIGN_OR_RETURN(domain::Document d,
                        app_.UpdateDocument(principal, name.engagement_id, name.id, input,
                                            PathsOf(request->update_mask()), version));
    ToProto(d, response);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
