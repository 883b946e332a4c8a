#include "core/app/evidence_app_service.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "core/app/access_policy.h"
#include "core/app/field_mask.h"
#include "core/app/questionnaire_outcome.h"
#include "core/common/status_macros.h"

namespace hc::app {
namespace {

using domain::EvidenceNote;

constexpr absl::string_view kToTagWith = "to tag notes with";
constexpr size_t kMaxSearchWords = 20;
constexpr size_t kMaxSearchWordChars = 100;

constexpr std::array<FieldRule<EvidenceNote>, 5> kNoteFields{{
    HC_UNLOGGED_FIELD_RULE(EvidenceNote, "text", text),
    HC_FIELD_RULE(EvidenceNote, "tags", tags),
    HC_FIELD_RULE(EvidenceNote, "polarity", polarity),
    HC_FIELD_RULE(EvidenceNote, "activity", activity_id),
    HC_FIELD_RULE(EvidenceNote, "document", document_id),
}};

std::string NoteName(absl::string_view engagement_id, absl::string_view id) {
  return absl::StrCat("engagements/", engagement_id, "/notes/", id);
}

// The questionnaire's reading of each principle, when its results are out.
absl::StatusOr<domain::QuestionnaireReading> ReadQuestionnaire(Repositories& repos,
                                                               const domain::Framework& framework,
                                                               absl::string_view engagement_id,
                                                               absl::Time now) {
  HC_ASSIGN_OR_RETURN(domain::QuestionnaireOutcome outcome,
                      LoadQuestionnaireOutcome(repos, framework, engagement_id, now));
  domain::QuestionnaireReading reading;
  if (!outcome.results) return reading;
  const std::vector<domain::SectionScore>& sections = outcome.results->sections;
  for (size_t i = 0; i < sections.size() && i < framework.sections.size(); ++i) {
    const std::optional<domain::Band>& band = sections[i].summary.band;
    if (!band) continue;
    if (std::optional<domain::Polarity> p = domain::ReadBand(framework.sections[i], *band)) {
      reading[framework.sections[i].code] = *p;
    }
  }
  return reading;
}

}  // namespace

absl::StatusOr<std::string> FullTextQuery(absl::string_view words) {
  std::vector<std::string> phrases;
  for (absl::string_view word : absl::StrSplit(words, absl::ByAnyChar(" \t\r\n"),
                                               absl::SkipEmpty())) {
    if (word.size() > kMaxSearchWordChars) {
      return absl::InvalidArgumentError(
          absl::StrCat("a search word may have at most ", kMaxSearchWordChars, " characters"));
    }
    const bool prefix = absl::ConsumeSuffix(&word, "*");
    if (word.empty()) continue;
    std::string phrase = "\"";
    for (char c : word) {
      if (c == '"') phrase.push_back('"');
      phrase.push_back(c);
    }
    absl::StrAppend(&phrase, "\"", prefix ? "*" : "");
    phrases.push_back(std::move(phrase));
  }
  if (phrases.size() > kMaxSearchWords) {
    return absl::InvalidArgumentError(
        absl::StrCat("a search may have at most ", kMaxSearchWords, " words"));
  }
  return absl::StrJoin(phrases, " ");
}

EvidenceAppService::EvidenceAppService(Store& store, Clock& clock, IdSource& ids,
                                       const FrameworkCodec& codec)
    : store_(store), clock_(clock), ids_(ids), codec_(codec) {}

absl::Status EvidenceAppService::CheckNote(Repositories& repos, const EvidenceNote& note) {
  HC_RETURN_IF_ERROR(domain::ValidateNote(note));
  if (!note.activity_id.empty()) {
    absl::StatusOr<domain::Activity> activity =
        repos.activities().Get(note.engagement_id, note.activity_id);
    if (absl::IsNotFound(activity.status())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "activity: ", activity.status().message(), " (a note's source must be an activity "
          "of its engagement)"));
    }
    HC_RETURN_IF_ERROR(activity.status());
    if (activity->state == domain::ActivityState::kCancelled) {
      return absl::FailedPreconditionError(absl::StrCat(
          "activity \"", activity->title, "\" was cancelled, so it cannot be a note's source"));
    }
  } else {
    absl::StatusOr<domain::Document> document =
        repos.documents().Get(note.engagement_id, note.document_id);
    if (absl::IsNotFound(document.status())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "document: ", document.status().message(), " (a note's source must be a document "
          "of its engagement)"));
    }
    HC_RETURN_IF_ERROR(document.status());
  }
  if (note.tags.empty()) return absl::OkStatus();
  HC_ASSIGN_OR_RETURN(domain::Framework framework, LoadBenchmark(repos, codec_, note.engagement_id, kToTagWith));
  return domain::CheckTags(framework, note.tags);
}

absl::StatusOr<EvidenceNote> EvidenceAppService::CreateNote(const domain::Principal& principal,
                                                            absl::string_view engagement_id,
                                                            const EvidenceNote& input,
                                                            const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateNote";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  EvidenceNote result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kTeam, kAction).status());
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.notes().Get(engagement_id, *earlier));
      return absl::OkStatus();
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.meta = {ids_.NewId(), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    result.author_peer_id = principal.peer_id;
    HC_RETURN_IF_ERROR(CheckNote(repos, result));
    HC_RETURN_IF_ERROR(repos.notes().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.meta.id, now));
    return Audit(repos, principal, kAction, NoteName(engagement_id, result.meta.id), now);
  }));
  return result;
}

absl::StatusOr<EvidenceNote> EvidenceAppService::GetNote(const domain::Principal& principal,
                                                         absl::string_view engagement_id,
                                                         absl::string_view id) {
  EvidenceNote result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadEngagement(repos, principal, engagement_id, EngagementAccess::kTeam, "GetNote")
            .status());
    HC_ASSIGN_OR_RETURN(result, repos.notes().Get(engagement_id, id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Page<EvidenceNote>> EvidenceAppService::ListNotes(
    const domain::Principal& principal, absl::string_view engagement_id,
    const NoteSearch& search, const PageRequest& page) {
  NoteQuery query;
  HC_ASSIGN_OR_RETURN(query.match, FullTextQuery(search.words));
  query.polarity = search.polarity;
  query.source = search.source;
  query.author_peer_id = search.author_peer_id;
  query.day = search.day;
  Page<EvidenceNote> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadEngagement(repos, principal, engagement_id, EngagementAccess::kTeam, "ListNotes")
            .status());
    if (!search.tag.empty()) {
      HC_ASSIGN_OR_RETURN(domain::Framework framework,
                          LoadBenchmark(repos, codec_, engagement_id, kToTagWith));
      query.tags = domain::TagsUnder(framework, search.tag);
      if (query.tags.empty()) return domain::CheckTags(framework, {search.tag});
    }
    HC_ASSIGN_OR_RETURN(result, repos.notes().List(engagement_id, query, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<EvidenceNote> EvidenceAppService::UpdateNote(
    const domain::Principal& principal, absl::string_view engagement_id, absl::string_view id,
    const EvidenceNote& input, const std::vector<std::string>& paths,
    std::optional<int64_t> expected_version) {
  constexpr absl::string_view kAction = "UpdateNote";
  EvidenceNote result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(LoadEngagementForChange(repos, principal, engagement_id,
                                                EngagementAccess::kTeam, kAction).status());
    HC_ASSIGN_OR_RETURN(result, repos.notes().Get(engagement_id, id));
    const std::string name = NoteName(engagement_id, id);
    HC_RETURN_IF_ERROR(CheckVersion(name, result.meta, expected_version));
    const EvidenceNote before = result;
    HC_RETURN_IF_ERROR(ApplyFieldMask<EvidenceNote>(kNoteFields, paths, input, result));
    HC_RETURN_IF_ERROR(CheckNote(repos, result));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.notes().Update(result));
    return Audit(repos, principal, kAction, name, now,
                 DescribeChanges<EvidenceNote>(kNoteFields, before, result));
  }));
  return result;
}

absl::StatusOr<TriangulationView> EvidenceAppService::Triangulate(
    const domain::Principal& principal, absl::string_view engagement_id) {
  constexpr absl::string_view kAction = "GetTriangulation";
  TriangulationView view;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    const bool lead = principal.role == domain::Role::kProgrammeLead;
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id,
                                      lead ? EngagementAccess::kManage : EngagementAccess::kTeam,
                                      kAction)
                           .status());
    HC_ASSIGN_OR_RETURN(view.framework, LoadBenchmark(repos, codec_, engagement_id, kToTagWith));
    HC_ASSIGN_OR_RETURN(std::vector<EvidenceNote> notes, repos.notes().ListAll(engagement_id));
    HC_ASSIGN_OR_RETURN(std::vector<domain::Activity> activities,
                        repos.activities().ListAll(engagement_id));
    domain::QuestionnaireReading reading;
    if (!lead) {
      HC_ASSIGN_OR_RETURN(reading,
                          ReadQuestionnaire(repos, view.framework, engagement_id, clock_.Now()));
    }
    view.principles = domain::Triangulate(view.framework, notes, activities, reading);
    return absl::OkStatus();
  }));
  return view;
}

}  // namespace hc::app
