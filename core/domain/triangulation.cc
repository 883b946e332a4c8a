#include "core/domain/triangulation.h"

#include <algorithm>
#include <set>

namespace hc::domain {
namespace {

void Add(PolarityCount& count, Polarity polarity) {
  (polarity == Polarity::kPositive ? count.positive : count.negative) += 1;
}

}  // namespace

std::optional<Polarity> ReadBand(const Section& section, const Band& band) {
  if (section.bands.size() < 2) return std::nullopt;
  const int rank = static_cast<int>(std::count_if(
      section.bands.begin(), section.bands.end(),
      [&](const Band& b) { return b.min_score < band.min_score; }));
  const int size = static_cast<int>(section.bands.size());
  return rank >= size - size / 2 ? Polarity::kPositive : Polarity::kNegative;
}

std::vector<PrincipleEvidence> Triangulate(const Framework& framework,
                                           const std::vector<EvidenceNote>& notes,
                                           const std::vector<Activity>& activities,
                                           const QuestionnaireReading& questionnaire) {
  std::map<std::string, const Activity*> activity_by_id;
  for (const Activity& a : activities) activity_by_id[a.meta.id] = &a;
  std::vector<PrincipleEvidence> out;
  for (const Section& section : framework.sections) {
    std::set<std::string> codes = {section.code};
    for (const Statement& s : section.statements) codes.insert(s.code);
    PrincipleEvidence e;
    e.section_code = section.code;
    for (const EvidenceNote& note : notes) {
      const bool tagged = std::any_of(note.tags.begin(), note.tags.end(),
                                      [&](const std::string& t) { return codes.count(t) > 0; });
      if (!tagged) continue;
      ++e.notes;
      const auto it = note.activity_id.empty() ? activity_by_id.end()
                                               : activity_by_id.find(note.activity_id);
      if (it == activity_by_id.end()) {
        Add(e.by_source[std::string(kDocumentSource)], note.polarity);
        continue;
      }
      Add(e.by_source[std::string(ActivityKindName(it->second->kind))], note.polarity);
      std::set<Sector> sectors;
      for (const Participant& p : it->second->participants) {
        if (p.sector != Sector::kUnspecified) sectors.insert(p.sector);
      }
      for (Sector s : sectors) Add(e.by_sector[s], note.polarity);
    }
    if (const auto q = questionnaire.find(section.code); q != questionnaire.end()) {
      Add(e.by_source[std::string(kQuestionnaireSource)], q->second);
    }
    int positive = 0, negative = 0;
    for (const auto& [source, count] : e.by_source) {
      if (source == kQuestionnaireSource) continue;
      positive += count.positive;
      negative += count.negative;
    }
    e.thin = e.notes < kThinEvidence;
    e.one_sided = e.notes >= 2 && (positive == 0 || negative == 0);
    e.single_sector = e.by_sector.size() == 1;
    e.questionnaire_only = e.notes == 0 && questionnaire.count(section.code) > 0;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace hc::domain
