#ifndef HC_CORE_APP_EVIDENCE_APP_SERVICE_H_
#define HC_CORE_APP_EVIDENCE_APP_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/evidence.h"
#include "core/domain/principal.h"
#include "core/domain/triangulation.h"

namespace hc::app {

// A search of an engagement's notes; empty or unset fields do not narrow.
struct NoteSearch {
  // Words that must all occur in the text (in any form of the word: "meet"
  // finds "meetings"); a word ending in * matches as a prefix. At most 20
  // words. Nothing else in it is syntax.
  std::string words;
  // A section (principle, area) or statement code of the benchmark: notes
  // tagged to it, or for a section to any of its statements.
  std::string tag;
  std::optional<domain::Polarity> polarity;
  std::string source;  // an ActivityKindName or domain::kDocumentSource
  std::string author_peer_id;
  std::optional<int> day;
};

// The triangulation of an engagement's evidence against its benchmark.
struct TriangulationView {
  domain::Framework framework;
  std::vector<domain::PrincipleEvidence> principles;  // benchmark order
};

// Use cases of evidence notes. Thread-safe. Notes are the review team's
// alone: the lead peer, peers and shadows of the engagement read, log and
// edit them; nobody else (the programme lead included) may
// (PERMISSION_DENIED). Tags are checked against the benchmark of the
// engagement's questionnaire (FAILED_PRECONDITION for a tagged note when
// it has none). NOT_FOUND for an unknown note; INVALID_ARGUMENT for bad
// fields or a source that is not an activity or document of the
// engagement; FAILED_PRECONDITION for a cancelled activity as source or an
// ended engagement; ABORTED for a stale etag.
class EvidenceAppService {
 public:
  EvidenceAppService(Store& store, Clock& clock, IdSource& ids, const FrameworkCodec& codec);

  // Logs a note authored by the calling peer. Idempotent by request_id.
  absl::StatusOr<domain::EvidenceNote> CreateNote(const domain::Principal& principal,
                                                  absl::string_view engagement_id,
                                                  const domain::EvidenceNote& input,
                                                  const RequestKey& key);
  absl::StatusOr<domain::EvidenceNote> GetNote(const domain::Principal& principal,
                                               absl::string_view engagement_id,
                                               absl::string_view id);
  // In creation order; cursor = (creation time, id).
  absl::StatusOr<Page<domain::EvidenceNote>> ListNotes(const domain::Principal& principal,
                                                       absl::string_view engagement_id,
                                                       const NoteSearch& search,
                                                       const PageRequest& page);
  // Copies the fields named in `paths` (text, tags, polarity, activity,
  // document); the author stays.
  absl::StatusOr<domain::EvidenceNote> UpdateNote(const domain::Principal& principal,
                                                  absl::string_view engagement_id,
                                                  absl::string_view id,
                                                  const domain::EvidenceNote& input,
                                                  const std::vector<std::string>& paths,
                                                  std::optional<int64_t> expected_version);
  // Counts per principle (domain::Triangulate) for the team and the
  // programme lead (PERMISSION_DENIED for anyone else); the questionnaire's
  // reading only for the team, once it has closed with k or more
  // respondents. FAILED_PRECONDITION without a questionnaire (no benchmark).
  absl::StatusOr<TriangulationView> Triangulate(const domain::Principal& principal,
                                                absl::string_view engagement_id);

 private:
  // Validates `note` and checks its source and tags against the engagement.
  absl::Status CheckNote(Repositories& repos, const domain::EvidenceNote& note);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  const FrameworkCodec& codec_;
};

// The FTS5 query for `words` (see NoteSearch), each word a quoted phrase so
// that nothing the user types is query syntax. INVALID_ARGUMENT for more
// than 20 words or a word over 100 characters.
absl::StatusOr<std::string> FullTextQuery(absl::string_view words);

}  // namespace hc::app

#endif  // HC_CORE_APP_EVIDENCE_APP_SERVICE_H_
