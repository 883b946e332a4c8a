#include "clients/cli/plan_views.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/output.h"
#include "clients/cli/values.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

// Who did it and when; empty (shown as "-") when nobody has.
std::string ByAt(const std::string& by, const google::protobuf::Timestamp& at) {
  if (by.empty()) return "";
  return absl::StrCat(by, " at ", FormatTime(at));
}

std::string YesNo(bool value) { return value ? "yes" : "no"; }

}  // namespace

std::string PlanText(const v1::ImprovementPlan& plan) {
  Fields fields;
  fields.Add("name", plan.name());
  fields.Add("state", EnumLabel(plan.state()));
  fields.Add("approved", ByAt(plan.approved_by(), plan.approve_time()));
  fields.Add("plan due", FormatDate(plan.plan_due()));
  fields.Add("action needed", absl::StrCat(plan.action_needed_count()));
  fields.Add("action in hand", absl::StrCat(plan.action_in_hand_count()));
  fields.Add("needs improving", absl::StrCat(plan.needs_improving_count()));
  fields.Add("working well", absl::StrCat(plan.working_well_count()));
  fields.Add("overdue actions", absl::StrCat(plan.overdue_actions()));
  fields.Add("etag", plan.etag());
  return fields.Render();
}

std::string ActionText(const v1::PlanAction& action) {
  Fields fields;
  fields.Add("name", action.name());
  fields.Add("label", action.label());
  fields.Add("title", TerminalSafe(action.title()));
  fields.Add("status", EnumLabel(action.status()));
  fields.Add("overdue", YesNo(action.overdue()));
  fields.Add("owner", TerminalSafe(action.owner_organisation()));
  fields.Add("due", FormatDate(action.due_date()));
  fields.Add("recommendation", action.recommendation());
  fields.Add("statement", action.statement_code());
  fields.Add("verified", ByAt(action.verified_by(), action.verify_time()));
  fields.Add("created", FormatTime(action.create_time()));
  fields.Add("updated", FormatTime(action.update_time()));
  fields.Add("etag", action.etag());
  if (action.description().empty()) return fields.Render();
  return fields.Render() + Section("Description", Indented(action.description(), 2));
}

std::string ActionsTable(const v1::ListActionsResponse& response) {
  Table table({"LABEL", "STATUS", "DUE", "OVERDUE", "OWNER", "TITLE", "NAME"});
  for (const v1::PlanAction& a : response.actions()) {
    table.AddRow({a.label(), EnumLabel(a.status()), FormatDate(a.due_date()),
                  a.overdue() ? "yes" : "", Excerpt(a.owner_organisation()), Excerpt(a.title()),
                  a.name()});
  }
  return table.Render();
}

std::string ProgressUpdateText(const v1::ProgressUpdate& update) {
  Fields fields;
  fields.Add("name", update.name());
  fields.Add("status", EnumLabel(update.status()));
  fields.Add("by", ByAt(update.author(), update.create_time()));
  std::string text = fields.Render() + Section("Progress", Indented(update.text(), 2));
  if (!update.evidence().empty()) {
    absl::StrAppend(&text, Section("Evidence", Indented(update.evidence(), 2)));
  }
  return text;
}

std::string ProgressUpdatesText(const v1::ListProgressUpdatesResponse& response) {
  if (response.progress_updates().empty()) return "(none)\n";
  std::string text;
  for (const v1::ProgressUpdate& u : response.progress_updates()) {
    absl::StrAppend(&text, text.empty() ? "" : "\n", ProgressUpdateText(u));
  }
  return text;
}

std::string CheckInText(const v1::CheckIn& check_in) {
  Fields fields;
  fields.Add("name", check_in.name());
  fields.Add("scheduled", FormatDate(check_in.scheduled_date()));
  fields.Add("state", EnumLabel(check_in.state()));
  fields.Add("overdue", YesNo(check_in.overdue()));
  fields.Add("held", FormatDate(check_in.held_date()));
  fields.Add("recorded by", TerminalSafe(check_in.held_by()));
  fields.Add("etag", check_in.etag());
  if (check_in.notes().empty()) return fields.Render();
  return fields.Render() + Section("Notes", Indented(check_in.notes(), 2));
}

std::string CheckInsTable(const v1::ListCheckInsResponse& response) {
  Table table({"SCHEDULED", "STATE", "OVERDUE", "HELD", "NAME"});
  for (const v1::CheckIn& c : response.check_ins()) {
    table.AddRow({FormatDate(c.scheduled_date()), EnumLabel(c.state()),
                  c.overdue() ? "yes" : "", FormatDate(c.held_date()), c.name()});
  }
  return table.Render();
}

std::string SuggestionsText(const v1::ListActionSuggestionsResponse& response) {
  Table table({"SOURCE", "FROM", "STATEMENT", "BY WHOM", "TEXT"});
  std::vector<std::string> entries;
  for (const v1::ActionSuggestion& s : response.suggestions()) {
    const std::string from =
        s.source() == v1::SUGGESTION_SOURCE_RECOMMENDATION ? s.recommendation_label() : "";
    table.AddRow({EnumLabel(s.source()), from, s.statement_code(), Excerpt(s.by_whom()),
                  Excerpt(s.text())});
    if (!s.action_entry().empty()) entries.push_back(s.action_entry());
  }
  std::string text = table.Render();
  if (!entries.empty()) {
    absl::StrAppend(&text, "\nRespondents' entries (for hcctl plan actions add --from-entry):\n");
    for (const std::string& e : entries) absl::StrAppend(&text, "  ", e, "\n");
  }
  return text;
}

}  // namespace hc::cli
