#include "services/evidence/evidence_grpc_service.h"

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

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::EvidenceNote;

// An activity's or document's id from its name, which must be under
// `engagement_id`; empty for an empty name.
absl::StatusOr<std::string> SourceId(absl::string_view field, absl::string_view collection,
                                     absl::string_view name, absl::string_view engagement_id) {
  if (name.empty()) return std::string();
  HC_ASSIGN_OR_RETURN(EngagementChildName parsed,
                      ParseEngagementChildName(field, collection, name));
  if (!engagement_id.empty() && parsed.engagement_id != engagement_id) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " must be of the note's own engagement, engagements/", engagement_id));
  }
  return parsed.id;
}

absl::StatusOr<EvidenceNote> FromProto(const v1::Note& in, absl::string_view engagement_id) {
  EvidenceNote out;
  out.text = in.text();
  HC_ASSIGN_OR_RETURN(out.activity_id,
                      SourceId("activity", "activities", in.activity(), engagement_id));
  HC_ASSIGN_OR_RETURN(out.document_id,
                      SourceId("document", "documents", in.document(), engagement_id));
  out.tags.assign(in.tags().begin(), in.tags().end());
  out.polarity = static_cast<domain::Polarity>(in.polarity());
  return out;
}

void ToProto(const EvidenceNote& in, v1::Note* out) {
  const std::string engagement = absl::StrCat("engagements/", in.engagement_id);
  out->set_name(absl::StrCat(engagement, "/notes/", in.meta.id));
  out->set_text(in.text);
  if (!in.activity_id.empty()) {
    out->set_activity(absl::StrCat(engagement, "/activities/", in.activity_id));
  }
  if (!in.document_id.empty()) {
    out->set_document(absl::StrCat(engagement, "/documents/", in.document_id));
  }
  for (const std::string& tag : in.tags) out->add_tags(tag);
  out->set_polarity(static_cast<v1::Polarity>(in.polarity));
  out->set_author(NameOf("peers", in.author_peer_id));
  services::ToProto(in.meta.create_time, out->mutable_create_time());
  services::ToProto(in.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(in.meta.version));
}

absl::StatusOr<app::NoteSearch> ReadSearch(const v1::ListNotesRequest& request) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(request.filter()));
  app::NoteSearch search;
  search.words = request.query();
  for (const FilterTerm& t : terms) {
    if (t.op != "=") {
      return absl::InvalidArgumentError(
          absl::StrCat("filter: only '=' is supported, not '", t.op, "'"));
    }
    if (t.field == "tag") {
      search.tag = t.value;
    } else if (t.field == "polarity") {
      absl::string_view name = t.value;
      absl::ConsumePrefix(&name, "POLARITY_");
      search.polarity = domain::ParsePolarity(absl::AsciiStrToUpper(name));
      if (!search.polarity) {
        return absl::InvalidArgumentError(
            absl::StrCat("filter: polarity must be POSITIVE or NEGATIVE, not ", t.value));
      }
    } else if (t.field == "source") {
      absl::string_view name = t.value;
      absl::ConsumePrefix(&name, "ACTIVITY_KIND_");
      const std::string upper = absl::AsciiStrToUpper(name);
      if (upper != domain::kDocumentSource && !domain::ParseActivityKind(upper)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "filter: source must be an activity kind (e.g. INTERVIEW) or DOCUMENT, not ",
            t.value));
      }
      search.source = upper;
    } else if (t.field == "author") {
      HC_ASSIGN_OR_RETURN(search.author_peer_id, ParseName("filter: author", "peers", t.value));
    } else if (t.field == "day") {
      int day = 0;
      if (!absl::SimpleAtoi(t.value, &day) || day < 1 || day > 3) {
        return absl::InvalidArgumentError(
            absl::StrCat("filter: day must be 1, 2 or 3, not ", t.value));
      }
      search.day = day;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter: '", t.field, "' is not supported; use tag, polarity, source, author or day"));
    }
  }
  return search;
}

}  // namespace

grpc::ServerUnaryReactor* EvidenceGrpcService::CreateNote(Context* context,
                                                          const v1::CreateNoteRequest* request,
                                                          v1::Note* response) {
  return runner_.Run(context, "CreateNote", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(EvidenceNote input, FromProto(request->note(), engagement));
    v1::CreateNoteRequest fingerprinted = *request;
    fingerprinted.clear_request_id();
    const app::RequestKey key{request->request_id(), Fingerprint(fingerprinted)};
    HC_ASSIGN_OR_RETURN(EvidenceNote note, app_.CreateNote(principal, engagement, input, key));
    ToProto(note, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EvidenceGrpcService::GetNote(Context* context,
                                                       const v1::GetNoteRequest* request,
                                                       v1::Note* response) {
  return runner_.Run(context, "GetNote", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "notes", request->name()));
    HC_ASSIGN_OR_RETURN(EvidenceNote note, app_.GetNote(principal, name.engagement_id, name.id));
    ToProto(note, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EvidenceGrpcService::ListNotes(Context* context,
                                                         const v1::ListNotesRequest* request,
                                                         v1::ListNotesResponse* response) {
  return runner_.Run(context, "ListNotes", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(app::NoteSearch search, ReadSearch(*request));
    const std::string list = absl::StrCat(request->parent(), "/notes?", request->filter(), "&",
                                          request->query());
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<EvidenceNote> found,
                        app_.ListNotes(principal, engagement, search, page));
    for (const EvidenceNote& note : found.items) ToProto(note, response->add_notes());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EvidenceGrpcService::UpdateNote(Context* context,
                                                          const v1::UpdateNoteRequest* request,
                                                          v1::Note* response) {
  return runner_.Run(context, "UpdateNote", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("note.name", "notes", request->note().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->note().etag()));
    HC_ASSIGN_OR_RETURN(EvidenceNote input, FromProto(request->note(), name.engagement_id));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(EvidenceNote note, app_.UpdateNote(principal, name.engagement_id,
                                                           name.id, input, paths, version));
    ToProto(note, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EvidenceGrpcService::GetTriangulation(
    Context* context, const v1::GetTriangulationRequest* request, v1::Triangulation* response) {
  return runner_.Run(context, "GetTriangulation", [=, this](const domain::Principal& principal) {
    absl::string_view engagement_name = request->name();
    if (!absl::ConsumeSuffix(&engagement_name, "/triangulation")) {
      return absl::InvalidArgumentError(
          "name must be like engagements/abc123/triangulation");
    }
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("name", "engagements", engagement_name));
    HC_ASSIGN_OR_RETURN(app::TriangulationView view, app_.Triangulate(principal, engagement));
    response->set_name(request->name());
    response->set_thin_threshold(domain::kThinEvidence);
    for (size_t i = 0; i < view.principles.size(); ++i) {
      const domain::PrincipleEvidence& in = view.principles[i];
      v1::PrincipleEvidence* out = response->add_principles();
      out->set_section_code(in.section_code);
      if (i < view.framework.sections.size()) out->set_title(view.framework.sections[i].title);
      for (const auto& [source, count] : in.by_source) {
        v1::SourceCount* c = out->add_by_source();
        c->set_source(source);
        c->set_positive(count.positive);
        c->set_negative(count.negative);
      }
      for (const auto& [sector, count] : in.by_sector) {
        v1::SectorCount* c = out->add_by_sector();
        c->set_sector(static_cast<v1::Sector>(sector));
        c->set_positive(count.positive);
        c->set_negative(count.negative);
      }
      out->set_notes(in.notes);
      out->set_thin(in.thin);
      out->set_one_sided(in.one_sided);
      out->set_single_sector(in.single_sector);
      out->set_questionnaire_only(in.questionnaire_only);
    }
    return absl::OkStatus();
  });
}

}  // namespace hc::services
