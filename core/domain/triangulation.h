#ifndef HC_CORE_DOMAIN_TRIANGULATION_H_
#define HC_CORE_DOMAIN_TRIANGULATION_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/activity.h"
#include "core/domain/evidence.h"
#include "core/domain/framework.h"
#include "core/domain/sector.h"

// Triangulation (DOMAIN.md: Fieldwork, evidence and findings): for each
// principle, what the questionnaire, the interviews, the focus groups, the
// observations and the documents say, and where the evidence is thin.
namespace hc::domain {

// Thin: fewer notes than this for a principle.
inline constexpr int kThinEvidence = 3;

// The source of a piece of evidence: "QUESTIONNAIRE", an ActivityKindName
// or kDocumentSource.
inline constexpr absl::string_view kQuestionnaireSource = "QUESTIONNAIRE";

struct PolarityCount {
  int positive = 0;
  int negative = 0;
};

struct PrincipleEvidence {
  std::string section_code;
  std::map<std::string, PolarityCount> by_source;  // only sources that speak
  std::map<Sector, PolarityCount> by_sector;  // of the notes' activities' participants
  int notes = 0;  // notes tagged to the principle or its statements
  // Why the team should look further on days 2 and 3.
  bool thin = false;            // fewer than kThinEvidence notes
  bool one_sided = false;       // notes all of one polarity (two or more)
  bool single_sector = false;   // every note with a known sector is from one
  bool questionnaire_only = false;  // the questionnaire speaks, no note does
};

// The questionnaire's reading of one principle: positive when the median's
// band is in the upper half of the principle's bands, negative in the lower
// half (by band rank, as in ProposeFinding); absent when not released.
using QuestionnaireReading = std::map<std::string, Polarity>;  // by section code

// Counts `notes` per principle of `framework` (a note counts once for each
// principle it is tagged to, directly or through statements), by source
// (`activities` gives each activity's kind and participants' sectors) and
// by sector, adds `questionnaire`, and sets the flags. Benchmark order.
std::vector<PrincipleEvidence> Triangulate(const Framework& framework,
                                           const std::vector<EvidenceNote>& notes,
                                           const std::vector<Activity>& activities,
                                           const QuestionnaireReading& questionnaire);

// The reading of one section's median band (see QuestionnaireReading), or
// nullopt without bands.
std::optional<Polarity> ReadBand(const Section& section, const Band& band);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_TRIANGULATION_H_
