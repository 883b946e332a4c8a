#include "clients/cli/finding_views.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/output.h"
#include "clients/cli/values.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::vector<std::string> Strings(
    const google::protobuf::RepeatedPtrField<std::string>& values) {
  return {values.begin(), values.end()};
}

// Who agreed it and when; empty (shown as "-") while it is not agreed.
std::string Agreement(const std::string& agreed_by,
                      const google::protobuf::Timestamp& agree_time) {
  if (agreed_by.empty()) return "";
  return absl::StrCat(agreed_by, " at ", FormatTime(agree_time));
}

}  // namespace

std::string FindingText(const v1::Finding& finding) {
  Fields fields;
  fields.Add("name", finding.name());
  fields.Add("label", finding.label());
  fields.Add("kind", EnumLabel(finding.kind()));
  fields.Add("state", EnumLabel(finding.state()));
  fields.Add("title", TerminalSafe(finding.title()));
  fields.Add("principles", absl::StrJoin(finding.principles(), ", "));
  fields.Add("notes", Strings(finding.notes()));
  fields.Add("questionnaire results",
             absl::StrJoin(finding.questionnaire_results(), ", "));
  fields.Add("author", finding.author());
  fields.Add("agreed", Agreement(finding.agreed_by(), finding.agree_time()));
  fields.Add("created", FormatTime(finding.create_time()));
  fields.Add("updated", FormatTime(finding.update_time()));
  fields.Add("etag", finding.etag());
  return fields.Render() +
         Section("Narrative", Indented(finding.narrative(), 2));
}

std::string FindingsTable(const v1::ListFindingsResponse& response) {
  Table table({"LABEL", "KIND", "STATE", "PRINCIPLES", "NOTES", "RESULTS",
               "TITLE", "NAME"});
  for (const v1::Finding& f : response.findings()) {
    table.AddRow({f.label(), EnumLabel(f.kind()), EnumLabel(f.state()),
                  absl::StrJoin(f.principles(), ","),
                  absl::StrCat(f.notes_size()),
                  absl::StrCat(f.questionnaire_results_size()),
                  Excerpt(f.title()), f.name()});
  }
  return table.Render();
}

std::string RecommendationText(const v1::Recommendation& recommendation) {
  Fields fields;
  fields.Add("name", recommendation.name());
  fields.Add("label", recommendation.label());
  fields.Add("priority", EnumLabel(recommendation.priority()));
  fields.Add("state", EnumLabel(recommendation.state()));
  fields.Add("findings", Strings(recommendation.findings()));
  fields.Add("author", recommendation.author());
  fields.Add("agreed", Agreement(recommendation.agreed_by(),
                                 recommendation.agree_time()));
  fields.Add("created", FormatTime(recommendation.create_time()));
  fields.Add("updated", FormatTime(recommendation.update_time()));
  fields.Add("etag", recommendation.etag());
  return fields.Render() + Section("Text", Indented(recommendation.text(), 2));
}

std::string RecommendationsTable(
    const v1::ListRecommendationsResponse& response) {
  Table table({"LABEL", "PRIORITY", "STATE", "FINDINGS", "TEXT", "NAME"});
  for (const v1::Recommendation& r : response.recommendations()) {
    table.AddRow({r.label(), EnumLabel(r.priority()), EnumLabel(r.state()),
                  absl::StrCat(r.findings_size()), Excerpt(r.text()),
                  r.name()});
  }
  return table.Render();
}

std::string InitialFeedbackText(const v1::InitialFeedback& feedback) {
  std::string text = TerminalSafe(feedback.text());
  if (!absl::EndsWith(text, "\n")) text.push_back('\n');
  return text;
}

}  // namespace hc::cli
