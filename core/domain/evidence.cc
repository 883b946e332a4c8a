#include "core/domain/evidence.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/enum_names.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<Polarity>, 2> kPolarityNames{{
    {Polarity::kPositive, "POSITIVE"},
    {Polarity::kNegative, "NEGATIVE"},
}};

}  // namespace

absl::string_view PolarityName(Polarity polarity) {
  return NameIn<Polarity>(kPolarityNames, polarity);
}

std::optional<Polarity> ParsePolarity(absl::string_view name) {
  return ValueIn<Polarity>(kPolarityNames, name);
}

absl::Status ValidateNote(const EvidenceNote& note) {
  HC_RETURN_IF_ERROR(CheckText("text", note.text, 1, kMaxNoteChars, true));
  if (note.activity_id.empty() == note.document_id.empty()) {
    return absl::InvalidArgumentError(
        "a note needs exactly one source: the activity or the document it came from");
  }
  if (note.polarity != Polarity::kPositive && note.polarity != Polarity::kNegative) {
    return absl::InvalidArgumentError("polarity must be POSITIVE or NEGATIVE");
  }
  if (note.tags.size() > kMaxNoteTags) {
    return absl::InvalidArgumentError(
        absl::StrCat("tags may hold at most ", kMaxNoteTags, ", not ", note.tags.size()));
  }
  return CheckDistinct("tags", note.tags);
}

absl::Status CheckTags(const Framework& framework, const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    if (TagsUnder(framework, tag).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tag \"", tag.substr(0, 20), "\" is neither a ",
          framework.section_term.empty() ? "section" : framework.section_term,
          " nor a statement of ", framework.display_name));
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> TagsUnder(const Framework& framework, absl::string_view tag) {
  for (const Section& section : framework.sections) {
    if (section.code == tag) {
      std::vector<std::string> codes = {section.code};
      for (const Statement& s : section.statements) codes.push_back(s.code);
      return codes;
    }
    for (const Statement& s : section.statements) {
      if (s.code == tag) return {s.code};
    }
  }
  return {};
}

}  // namespace hc::domain
