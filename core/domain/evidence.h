#ifndef HC_CORE_DOMAIN_EVIDENCE_H_
#define HC_CORE_DOMAIN_EVIDENCE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/domain/activity.h"
#include "core/domain/framework.h"
#include "core/domain/resource.h"

// Evidence notes: what the review team saw and heard, each from one
// fieldwork activity or desk-research document, tagged to the benchmark
// (DOMAIN.md: Fieldwork, evidence and findings). Notes are the team's alone.
namespace hc::domain {

inline constexpr size_t kMaxNoteChars = 10000;
inline constexpr size_t kMaxNoteTags = 20;

struct EvidenceNote {
  ResourceMeta meta;
  std::string engagement_id;
  std::string text;
  // Its source: exactly one of an activity and a document of the engagement.
  std::string activity_id;
  std::string document_id;
  // Codes of sections (principles, areas) or statements of the engagement's
  // benchmark, distinct.
  std::vector<std::string> tags;
  Polarity polarity = Polarity::kUnspecified;  // a positive or negative indicator
  std::string author_peer_id;                  // the peer who logged it
};

// "POSITIVE" / "NEGATIVE": stable, stored.
absl::string_view PolarityName(Polarity polarity);
std::optional<Polarity> ParsePolarity(absl::string_view name);

// Checks the client-supplied fields: text, exactly one source, a polarity,
// at most kMaxNoteTags distinct tags. INVALID_ARGUMENT naming the first bad
// field.
absl::Status ValidateNote(const EvidenceNote& note);

// Checks that every tag is a section or statement code of `framework`.
// INVALID_ARGUMENT naming the first tag that is not.
absl::Status CheckTags(const Framework& framework, const std::vector<std::string>& tags);

// The tags a filter on `tag` matches: a section's code and the codes of its
// statements, or a statement's code alone. Empty if `tag` is neither.
std::vector<std::string> TagsUnder(const Framework& framework, absl::string_view tag);

// Where a note's evidence came from, for filters and triangulation: the kind
// of its activity, or a document. Stable names: "INTERVIEW", ...,
// "DOCUMENT".
inline constexpr absl::string_view kDocumentSource = "DOCUMENT";

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_EVIDENCE_H_
