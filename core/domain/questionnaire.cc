#include "core/domain/questionnaire.h"

#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "core/common/status_macros.h"
#include "core/domain/csv.h"
#include "core/domain/disclosure.h"
#include "core/domain/validation.h"

namespace hc::domain {
namespace {

absl::Status LineError(size_t line, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat("csv line ", line, ": ", reason));
}

std::optional<RespondentLevel> ParseLevelWords(absl::string_view text) {
  std::string name = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  absl::StrReplaceAll({{"-", "_"}, {" ", "_"}}, &name);
  return ParseRespondentLevel(name);
}

std::optional<Sector> ParseSectorWords(absl::string_view text) {
  std::string name = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  absl::StrReplaceAll({{"-", "_"}, {" ", "_"}}, &name);
  return ParseSector(name);
}

const MemberOrganisation* FindMember(const Partnership& p, absl::string_view name) {
  const std::string wanted = NormaliseName(name);
  for (const MemberOrganisation& m : p.members) {
    if (NormaliseName(m.display_name) == wanted) return &m;
  }
  return nullptr;
}

}  // namespace

QuestionnaireState StateAt(const Questionnaire& q, absl::Time now) {
  if (q.closed_time || now >= q.close_time) return QuestionnaireState::kClosed;
  if (now >= q.open_time) return QuestionnaireState::kOpen;
  return QuestionnaireState::kScheduled;
}

bool IsFinalAt(const Questionnaire& q, absl::Time now) {
  return q.closed_time.has_value() || now >= q.close_time + kClosingSettle;
}

absl::Status ValidateQuestionnaire(const Questionnaire& q, const Framework& framework) {
  if (q.close_time <= q.open_time) {
    return absl::InvalidArgumentError("close_time must be after open_time");
  }
  HC_RETURN_IF_ERROR(ValidateMinGroupSize(q.min_group_size));
  for (const Section& s : framework.sections) {
    if (s.statements.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          FrameworkName(framework.framework_id, framework.version), " has no statements in ",
          framework.section_term.empty() ? "section" : framework.section_term, " ", s.code,
          "; use a version with statements"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<RespondentGroup>> ParseInvitationCsv(absl::string_view csv,
                                                                const Partnership& partnership) {
  HC_ASSIGN_OR_RETURN(std::vector<std::vector<std::string>> rows, ParseCsv(csv));
  if (rows.empty()) return absl::InvalidArgumentError("csv is empty: it needs a header row");
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < rows[0].size(); ++i) {
    column[absl::AsciiStrToLower(absl::StripAsciiWhitespace(rows[0][i]))] = i;
  }
  if (!column.count("organisation") || !column.count("level")) {
    return LineError(1, "the header must name the columns organisation and level");
  }
  const auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    auto it = column.find(name);
    if (it == column.end() || it->second >= row.size()) return "";
    return std::string(absl::StripAsciiWhitespace(row[it->second]));
  };
  std::vector<RespondentGroup> groups;
  for (size_t r = 1; r < rows.size(); ++r) {
    const size_t line = r + 1;
    const std::vector<std::string>& row = rows[r];
    if (row.size() == 1 && absl::StripAsciiWhitespace(row[0]).empty()) continue;  // blank line
    const MemberOrganisation* member = FindMember(partnership, cell(row, "organisation"));
    if (member == nullptr) {
      return LineError(line, absl::StrCat("\"", cell(row, "organisation"),
                                          "\" is not a member organisation of the partnership"));
    }
    RespondentGroup group{member->display_name, RespondentLevel::kUnspecified, member->sector};
    const std::optional<RespondentLevel> level = ParseLevelWords(cell(row, "level"));
    if (!level) {
      return LineError(line, absl::StrCat("level \"", cell(row, "level"),
                                          "\" must be board, management or front_line"));
    }
    group.level = *level;
    if (const std::string sector = cell(row, "sector"); !sector.empty()) {
      const std::optional<Sector> parsed = ParseSectorWords(sector);
      if (!parsed || *parsed != member->sector) {
        return LineError(line, absl::StrCat("sector \"", sector, "\" is not ",
                                            member->display_name, "'s sector (",
                                            SectorWords(member->sector), ")"));
      }
    }
    int count = 1;
    if (const std::string text = cell(row, "count"); !text.empty()) {
      if (!absl::SimpleAtoi(text, &count) || count < 1) {
        return LineError(line, absl::StrCat("count \"", text, "\" must be a whole number from 1"));
      }
    }
    if (groups.size() + count > kMaxInvitationsPerImport) {
      return LineError(line, absl::StrCat("more than ", kMaxInvitationsPerImport,
                                          " invitations in one request; split the list"));
    }
    groups.insert(groups.end(), count, group);
  }
  if (groups.empty()) return absl::InvalidArgumentError("csv has no invitation rows");
  return groups;
}

}  // namespace hc::domain
