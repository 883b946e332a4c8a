#include "clients/cli/views.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

std::string SectorList(const google::protobuf::RepeatedField<int>& sectors) {
  std::vector<std::string> labels;
  for (int sector : sectors) {
    labels.push_back(EnumLabel(static_cast<v1::Sector>(sector)));
  }
  return absl::StrJoin(labels, ", ");
}

std::string ScopingSection(const v1::ScopingRecord& scoping) {
  Fields fields;
  fields.Add("issues", Strings(scoping.issues()));
  fields.Add("desired outcomes", Strings(scoping.desired_outcomes()));
  fields.Add("arrangements", scoping.arrangements());
  fields.Add("inform", Strings(scoping.stakeholders().inform()));
  fields.Add("involve", Strings(scoping.stakeholders().involve()));
  fields.Add("be aware", Strings(scoping.stakeholders().be_aware()));
  fields.Add("keep on board", Strings(scoping.stakeholders().keep_on_board()));
  return Section("Scoping", fields.Render(2));
}

std::string KeyDatesSection(const v1::KeyDates& dates) {
  Fields fields;
  fields.Add("questionnaire open", FormatDate(dates.questionnaire_open()));
  fields.Add("questionnaire close", FormatDate(dates.questionnaire_close()));
  fields.Add("fieldwork day 1", FormatDate(dates.fieldwork_day1()));
  fields.Add("fieldwork day 2", FormatDate(dates.fieldwork_day2()));
  fields.Add("fieldwork day 3", FormatDate(dates.fieldwork_day3()));
  fields.Add("feedback", FormatDate(dates.feedback_date()));
  fields.Add("report due", FormatDate(dates.report_due()));
  fields.Add("plan due", FormatDate(dates.plan_due()));
  return Section("Key dates", fields.Render(2));
}

std::string TeamSection(
    const google::protobuf::RepeatedPtrField<v1::TeamMember>& team) {
  Table table({"PEER", "NAME", "ROLE", "SECTOR"});
  for (const v1::TeamMember& member : team) {
    table.AddRow({member.peer(), member.peer_display_name(),
                  EnumLabel(member.role()), EnumLabel(member.peer_sector())});
  }
  return Section("Team", table.Render(2));
}

std::string CoverageSection(const v1::TeamCoverage& coverage) {
  Fields fields;
  fields.Add("partnership sectors", SectorList(coverage.partnership_sectors()));
  fields.Add("covered", SectorList(coverage.covered_sectors()));
  fields.Add("missing", SectorList(coverage.missing_sectors()));
  fields.Add("warnings", Strings(coverage.warnings()));
  return Section("Team coverage", fields.Render(2));
}

std::string OverdueSection(
    const google::protobuf::RepeatedPtrField<v1::OverdueDate>& overdue) {
  Table table({"KEY DATE", "DATE", "EXPECTED STAGE"});
  for (const v1::OverdueDate& date : overdue) {
    table.AddRow({date.key_date(), FormatDate(date.date()),
                  EnumLabel(date.expected_stage())});
  }
  return Section("Overdue dates", table.Render(2));
}

// The lead peer's name, or "" if the team has no lead.
std::string LeadPeer(const v1::Engagement& engagement) {
  for (const v1::TeamMember& member : engagement.team()) {
    if (member.role() == v1::TEAM_ROLE_LEAD_PEER) {
      return member.peer_display_name().empty() ? member.peer()
                                                : member.peer_display_name();
    }
  }
  return "";
}

std::string CountOrEmpty(int count) {
  return count == 0 ? std::string() : absl::StrCat(count);
}

// The width the framework view wraps its texts to.
constexpr size_t kLineWidth = 79;
// The longest key of the framework header ("significance scale:") with the
// two spaces that follow it, so where its values start.
constexpr size_t kHeaderValueColumn = 21;
constexpr size_t kHeaderValueWidth = kLineWidth - kHeaderValueColumn;
// The narrowest column a text is wrapped to, however deep its indent.
constexpr size_t kMinTextWidth = 20;

std::string YesNo(bool value) { return value ? "yes" : "no"; }

size_t TextWidth(size_t column) {
  return column + kMinTextWidth < kLineWidth ? kLineWidth - column
                                             : kMinTextWidth;
}

// The points of `scale` as "label=value", comma-separated, packed into lines
// of at most `width`; a point is never split.
std::vector<std::string> ScaleLines(const v1::ResponseScale& scale,
                                    size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (int i = 0; i < scale.points_size(); ++i) {
    const v1::ScalePoint& point = scale.points(i);
    std::string item = absl::StrCat(point.label(), "=", point.value());
    if (i + 1 < scale.points_size()) item.push_back(',');
    if (!line.empty() && DisplayWidth(line) + 1 + DisplayWidth(item) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    absl::StrAppend(&line, line.empty() ? "" : " ", item);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// `text` wrapped to `width` after `lead` and two spaces, its continuation
// lines indented to line up with its first.
std::vector<std::string> HangingLines(absl::string_view lead,
                                      absl::string_view text, size_t width) {
  const size_t indent = DisplayWidth(lead) + 2;
  std::vector<std::string> lines = WrapLines(
      text, width > indent + kMinTextWidth ? width - indent : kMinTextWidth);
  if (lines.empty()) lines.push_back("-");
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i] = absl::StrCat(
        i == 0 ? absl::StrCat(lead, "  ") : std::string(indent, ' '), lines[i]);
  }
  return lines;
}

// A bullet list ("- text"), each text wrapped, every line indented by
// `indent` spaces.
std::string Bullets(const std::vector<std::string>& texts, size_t indent) {
  const std::string margin(indent, ' ');
  std::string out;
  for (const std::string& text : texts) {
    std::vector<std::string> lines = WrapLines(text, TextWidth(indent + 2));
    if (lines.empty()) lines.push_back("-");
    for (size_t i = 0; i < lines.size(); ++i) {
      absl::StrAppend(&out, margin, i == 0 ? "- " : "  ", lines[i], "\n");
    }
  }
  return out;
}

// One entry of a list with a lead column: a statement ("1.1", its text) or
// a band ("19-24", "very high: ...").
struct Item {
  std::string lead;
  std::string text;
  // Shown under the text, each with "- ": a statement's possible actions.
  std::string bullets_title;
  std::vector<std::string> bullets;
};

// The items, each indented by `indent` spaces, the leads padded to one
// width, each text wrapped beside its lead; "(none)" when there are none.
std::string Items(const std::vector<Item>& items, size_t indent) {
  const std::string margin(indent, ' ');
  if (items.empty()) return absl::StrCat(margin, "(none)\n");
  size_t lead_width = 0;
  for (const Item& item : items) {
    lead_width = std::max(lead_width, DisplayWidth(item.lead));
  }
  const size_t text_column = indent + lead_width + 2;
  const std::string hanging(text_column, ' ');
  std::string out;
  for (const Item& item : items) {
    std::vector<std::string> lines =
        WrapLines(item.text, TextWidth(text_column));
    if (lines.empty()) lines.push_back("-");
    const std::string lead = absl::StrCat(
        item.lead, std::string(lead_width - DisplayWidth(item.lead) + 2, ' '));
    for (size_t i = 0; i < lines.size(); ++i) {
      absl::StrAppend(&out, i == 0 ? absl::StrCat(margin, lead) : hanging,
                      lines[i], "\n");
    }
    if (!item.bullets.empty()) {
      absl::StrAppend(&out, hanging, item.bullets_title, "\n",
                      Bullets(item.bullets, text_column + 2));
    }
  }
  return out;
}

std::string PolarityNote(v1::Polarity polarity) {
  switch (polarity) {
    case v1::POLARITY_POSITIVE:
      return " (positive indicator)";
    case v1::POLARITY_NEGATIVE:
      return " (negative indicator)";
    default:
      return "";
  }
}

std::vector<Item> StatementItems(
    const google::protobuf::RepeatedPtrField<v1::Statement>& statements) {
  std::vector<Item> items;
  for (const v1::Statement& statement : statements) {
    items.push_back(
        {statement.code(),
         absl::StrCat(statement.text(), PolarityNote(statement.polarity())),
         "possible actions:", Strings(statement.possible_actions())});
  }
  return items;
}

// "19-24", or "6" for a band of one score.
std::string BandRange(const v1::Band& band) {
  if (band.min_score() == band.max_score()) {
    return absl::StrCat(band.min_score());
  }
  return absl::StrCat(band.min_score(), "-", band.max_score());
}

std::vector<Item> BandItems(
    const google::protobuf::RepeatedPtrField<v1::Band>& bands) {
  std::vector<Item> items;
  for (const v1::Band& band : bands) {
    std::string text = band.text();
    if (!band.label().empty()) {
      text = text.empty() ? band.label()
                          : absl::StrCat(band.label(), ": ", band.text());
    }
    items.push_back({BandRange(band), std::move(text), "", {}});
  }
  return items;
}

// "Principle 1: Recognise and accept the need for partnership", then the
// section's statements, bands (if any) and typical factors (if any).
std::string FrameworkSection(absl::string_view term,
                             const v1::Section& section) {
  std::string prefix = term.empty() ? "section" : std::string(term);
  prefix[0] = absl::ascii_toupper(static_cast<unsigned char>(prefix[0]));
  absl::StrAppend(&prefix, " ", section.code(), ": ");
  const size_t indent = DisplayWidth(prefix);
  std::string heading;
  for (const std::string& line :
       WrapLines(section.title(), TextWidth(indent))) {
    absl::StrAppend(
        &heading,
        heading.empty() ? prefix : absl::StrCat("\n", std::string(indent, ' ')),
        line);
  }
  if (heading.empty()) heading = prefix;
  std::string body = absl::StrCat(
      "  statements:\n", Items(StatementItems(section.statements()), 4));
  if (section.bands_size() > 0) {
    absl::StrAppend(&body, "  bands:\n", Items(BandItems(section.bands()), 4));
  }
  if (section.typical_factors_size() > 0) {
    absl::StrAppend(&body, "  typical factors:\n",
                    Bullets(Strings(section.typical_factors()), 4));
  }
  return Section(heading, body);
}

// "42%" (responses over invitations, rounded); "" with no invitations.
std::string RatePercent(const v1::GroupRate& rate) {
  if (rate.invitations() <= 0) return "";
  return absl::StrFormat("%.0f%%", 100.0 * rate.responses() /
                                       static_cast<double>(rate.invitations()));
}

// One table of rates, indented by 2, with the distinct reasons of its
// withheld groups once under it.
// A level or sector group as its short label ("BOARD" -> "board"), like
// the other tables; any other group as it is.
std::string GroupLabel(const google::protobuf::EnumDescriptor* type,
                       const std::string& group) {
  if (type == nullptr) return group;
  absl::StatusOr<int> number = ParseEnumValue(*type, "", group);
  return number.ok() ? EnumLabel(*type, *number) : group;
}

std::string RatesTable(const std::vector<const v1::GroupRate*>& rates,
                       const google::protobuf::EnumDescriptor* type = nullptr) {
  Table table({"GROUP", "INVITATIONS", "RESPONSES", "RATE"});
  std::vector<std::string> reasons;
  for (const v1::GroupRate* rate : rates) {
    if (!rate->released()) {
      table.AddRow({GroupLabel(type, rate->group()), "withheld", "withheld",
                    "withheld"});
      std::string reason = rate->withheld_reason().empty()
                               ? std::string("too few respondents")
                               : rate->withheld_reason();
      if (!absl::StartsWithIgnoreCase(reason, "withheld")) {
        reason = absl::StrCat("withheld: ", reason);
      }
      if (!absl::c_linear_search(reasons, reason)) {
        reasons.push_back(std::move(reason));
      }
      continue;
    }
    table.AddRow({GroupLabel(type, rate->group()),
                  absl::StrCat(rate->invitations()),
                  absl::StrCat(rate->responses()), RatePercent(*rate)});
  }
  std::string text = table.Render(2);
  for (const std::string& reason : reasons) {
    for (const std::string& line : WrapLines(reason, kLineWidth - 2)) {
      absl::StrAppend(&text, "  ", line, "\n");
    }
  }
  return text;
}

std::string RatesTable(
    const google::protobuf::RepeatedPtrField<v1::GroupRate>& rates,
    const google::protobuf::EnumDescriptor* type = nullptr) {
  std::vector<const v1::GroupRate*> pointers;
  for (const v1::GroupRate& rate : rates) pointers.push_back(&rate);
  return RatesTable(pointers, type);
}

int StatementCount(const v1::Framework& framework) {
  int count = 0;
  for (const v1::Section& section : framework.sections()) {
    count += section.statements_size();
  }
  return count;
}

// One comment as a block: `lead` (e.g. "1.") and its name, then, indented
// under the name, "quotable: yes/no" and the text wrapped.
std::string CommentBlock(absl::string_view lead, const v1::Comment& comment) {
  const std::string head =
      lead.empty() ? std::string() : absl::StrCat(lead, " ");
  const std::string margin(DisplayWidth(head), ' ');
  std::string out = absl::StrCat(head, comment.name(), "\n",
                                 margin, "quotable: ", YesNo(comment.quotable()),
                                 "\n");
  std::vector<std::string> lines =
      WrapLines(TerminalSafe(comment.text()), TextWidth(margin.size() + 2));
  if (lines.empty()) lines.push_back("-");
  for (const std::string& line : lines) {
    if (line.empty()) {
      out.push_back('\n');  // A blank line of the text, kept.
    } else {
      absl::StrAppend(&out, margin, "  ", line, "\n");
    }
  }
  return out;
}

// "2 x Community safety manager, Anytown Council (local_government): Ann
// Smith, Bob Jones"; the parts not given are left out.
std::string ParticipantLine(const v1::Participant& participant) {
  std::vector<std::string> who;
  if (!participant.role().empty()) who.push_back(participant.role());
  if (!participant.organisation().empty()) {
    who.push_back(participant.organisation());
  }
  std::string line = absl::StrCat(std::max(participant.count(), 1), " x ",
                                  absl::StrJoin(who, ", "));
  if (participant.sector() != v1::SECTOR_UNSPECIFIED) {
    absl::StrAppend(&line, " (", EnumLabel(participant.sector()), ")");
  }
  if (participant.names_size() > 0) {
    absl::StrAppend(&line, ": ", absl::StrJoin(participant.names(), ", "));
  }
  return line;
}

// "09:00-10:30".
std::string TimeRange(const v1::Activity& activity) {
  return absl::StrCat(FormatTimeOfDay(activity.start_time()), "-",
                      FormatTimeOfDay(activity.end_time()));
}

}  // namespace

std::string PartnershipText(const v1::Partnership& partnership) {
  Fields fields;
  fields.Add("name", partnership.name());
  fields.Add("display name", partnership.display_name());
  fields.Add("kind", EnumLabel(partnership.kind()));
  fields.Add("area", partnership.area());
  fields.Add("lifecycle stage", EnumLabel(partnership.lifecycle_stage()));
  fields.Add("created", FormatTime(partnership.create_time()));
  fields.Add("updated", FormatTime(partnership.update_time()));
  fields.Add("etag", partnership.etag());
  Table members({"ORGANISATION", "SECTOR"});
  for (const v1::MemberOrganisation& member : partnership.members()) {
    members.AddRow({member.display_name(), EnumLabel(member.sector())});
  }
  return fields.Render() + Section("Members", members.Render(2));
}

std::string PartnershipsTable(const v1::ListPartnershipsResponse& response) {
  Table table(
      {"NAME", "DISPLAY NAME", "KIND", "LIFECYCLE STAGE", "MEMBERS", "AREA"});
  for (const v1::Partnership& p : response.partnerships()) {
    table.AddRow({p.name(), p.display_name(), EnumLabel(p.kind()),
                  EnumLabel(p.lifecycle_stage()),
                  absl::StrCat(p.members_size()), p.area()});
  }
  return table.Render();
}

std::string PeerText(const v1::Peer& peer) {
  Fields fields;
  fields.Add("name", peer.name());
  fields.Add("display name", peer.display_name());
  fields.Add("email", peer.email());
  fields.Add("organisation", peer.home_organisation());
  fields.Add("sector", EnumLabel(peer.home_sector()));
  fields.Add("trained", FormatDate(peer.trained_date()));
  fields.Add("accredited", FormatDate(peer.accredited_date()));
  fields.Add("accreditation expires",
             FormatDate(peer.accreditation_expiry_date()));
  fields.Add("skills", Strings(peer.skills()));
  fields.Add("created", FormatTime(peer.create_time()));
  fields.Add("updated", FormatTime(peer.update_time()));
  fields.Add("etag", peer.etag());
  return fields.Render();
}

std::string PeersTable(const v1::ListPeersResponse& response) {
  Table table({"NAME", "DISPLAY NAME", "SECTOR", "ORGANISATION",
               "ACCREDITED UNTIL", "EMAIL"});
  for (const v1::Peer& peer : response.peers()) {
    table.AddRow({peer.name(), peer.display_name(),
                  EnumLabel(peer.home_sector()), peer.home_organisation(),
                  FormatDate(peer.accreditation_expiry_date()), peer.email()});
  }
  return table.Render();
}

std::string EngagementText(const v1::Engagement& engagement) {
  Fields fields;
  fields.Add("name", engagement.name());
  fields.Add("partnership", engagement.partnership());
  fields.Add("purpose", EnumLabel(engagement.purpose()));
  fields.Add("stage", EnumLabel(engagement.stage()));
  fields.Add("previous engagement", engagement.previous_engagement());
  fields.Add("initial feedback", engagement.initial_feedback_summary());
  fields.Add("end reason", engagement.end_reason());
  fields.Add("created", FormatTime(engagement.create_time()));
  fields.Add("updated", FormatTime(engagement.update_time()));
  fields.Add("etag", engagement.etag());
  return fields.Render() + ScopingSection(engagement.scoping()) +
         KeyDatesSection(engagement.key_dates()) +
         TeamSection(engagement.team()) +
         CoverageSection(engagement.team_coverage()) +
         OverdueSection(engagement.overdue_dates());
}

std::string EngagementsTable(const v1::ListEngagementsResponse& response) {
  Table table({"NAME", "PARTNERSHIP", "PURPOSE", "STAGE", "FIELDWORK", "LEAD",
               "OVERDUE"});
  for (const v1::Engagement& e : response.engagements()) {
    table.AddRow({e.name(), e.partnership(), EnumLabel(e.purpose()),
                  EnumLabel(e.stage()),
                  FormatDate(e.key_dates().fieldwork_day1()), LeadPeer(e),
                  CountOrEmpty(e.overdue_dates_size())});
  }
  return table.Render();
}

std::string TransitionsTable(
    const v1::ListEngagementTransitionsResponse& response) {
  Table table({"TIME", "FROM", "TO", "ACTOR", "REASON"});
  for (const v1::EngagementTransition& t : response.transitions()) {
    table.AddRow({FormatTime(t.time()), EnumLabel(t.from_stage()),
                  EnumLabel(t.to_stage()), t.actor(), t.reason()});
  }
  return table.Render();
}

std::string OverviewText(const v1::ProgrammeOverview& overview) {
  Fields fields;
  fields.Add("as of", FormatDate(overview.as_of()));
  Table stages({"STAGE", "ENGAGEMENTS"});
  for (const v1::StageCount& count : overview.stage_counts()) {
    stages.AddRow(
        {EnumLabel(count.stage()), absl::StrCat(count.engagements())});
  }
  Table overdue({"ENGAGEMENT", "PARTNERSHIP", "STAGE", "KEY DATE", "DATE",
                 "EXPECTED STAGE"});
  for (const v1::OverdueEngagementDate& item : overview.overdue()) {
    overdue.AddRow({item.engagement(), item.partnership_display_name(),
                    EnumLabel(item.stage()), item.overdue().key_date(),
                    FormatDate(item.overdue().date()),
                    EnumLabel(item.overdue().expected_stage())});
  }
  Table expiring({"PEER", "NAME", "EXPIRES"});
  for (const v1::ExpiringAccreditation& item :
       overview.expiring_accreditations()) {
    expiring.AddRow({item.peer(), item.display_name(),
                     FormatDate(item.accreditation_expiry_date())});
  }
  return fields.Render() + Section("Engagements by stage", stages.Render(2)) +
         Section("Overdue key dates", overdue.Render(2)) +
         Section("Expiring accreditations", expiring.Render(2));
}

std::string AccessTokenText(const v1::AccessToken& token) {
  Fields fields;
  fields.Add("name", token.name());
  fields.Add("display name", token.display_name());
  fields.Add("person", token.user());
  fields.Add("created", FormatTime(token.create_time()));
  fields.Add("revoked", FormatTime(token.revoke_time()));
  return fields.Render();
}

std::string AccessTokensTable(const v1::ListAccessTokensResponse& response) {
  Table table({"NAME", "DISPLAY NAME", "PERSON", "CREATED", "REVOKED"});
  for (const v1::AccessToken& token : response.access_tokens()) {
    table.AddRow({token.name(), token.display_name(), token.user(),
                  FormatTime(token.create_time()),
                  FormatTime(token.revoke_time())});
  }
  return table.Render();
}

std::string NewAccessTokenText(const v1::AccessToken& token) {
  return absl::StrCat(
      AccessTokenText(token),
      "\nSECRET (shown only this once; it cannot be retrieved again, so "
      "store it now):\n  ",
      token.secret(), "\n");
}

std::string FrameworkText(const v1::Framework& framework) {
  std::vector<std::string> findings;
  for (const v1::FindingOption& finding : framework.findings()) {
    for (std::string& line :
         HangingLines(finding.code(), finding.text(), kHeaderValueWidth)) {
      findings.push_back(std::move(line));
    }
  }
  Fields fields;
  fields.Add("name", framework.name());
  fields.Add("display name", framework.display_name());
  fields.Add("version", absl::StrCat(framework.version()));
  fields.Add("source", WrapLines(framework.source(), kHeaderValueWidth));
  fields.Add("section term", framework.section_term());
  fields.Add("scale", ScaleLines(framework.scale(), kHeaderValueWidth));
  fields.Add("significance scale",
             ScaleLines(framework.significance_scale(), kHeaderValueWidth));
  fields.Add("comments", YesNo(framework.comments()));
  fields.Add("action planning", YesNo(framework.action_planning()));
  fields.Add("findings", std::move(findings));
  fields.Add("builtin", YesNo(framework.builtin()));
  fields.Add("in use", YesNo(framework.in_use()));
  fields.Add("created", FormatTime(framework.create_time()));
  std::string text = fields.Render();
  for (const v1::Section& section : framework.sections()) {
    absl::StrAppend(&text, FrameworkSection(framework.section_term(), section));
  }
  absl::StrAppend(
      &text,
      Section("Overall statements",
              Items(StatementItems(framework.overall_statements()), 2)),
      Section("Aggregate bands",
              Items(BandItems(framework.aggregate_bands()), 2)));
  return text;
}

std::string FrameworksTable(const v1::ListFrameworksResponse& response) {
  Table table({"NAME", "DISPLAY NAME", "VERSION", "SECTIONS", "STATEMENTS",
               "BUILTIN", "CREATED"});
  for (const v1::Framework& f : response.frameworks()) {
    table.AddRow({f.name(), f.display_name(), absl::StrCat(f.version()),
                  absl::StrCat(f.sections_size()),
                  absl::StrCat(StatementCount(f)), YesNo(f.builtin()),
                  FormatTime(f.create_time())});
  }
  return table.Render();
}

std::string QuestionnaireText(const v1::Questionnaire& questionnaire) {
  Fields fields;
  fields.Add("name", questionnaire.name());
  fields.Add("framework", questionnaire.framework());
  fields.Add("state", EnumLabel(questionnaire.state()));
  fields.Add("opens", FormatTime(questionnaire.open_time()));
  fields.Add("closes", FormatTime(questionnaire.close_time()));
  fields.Add("closed", FormatTime(questionnaire.closed_time()));
  fields.Add("k (min group size)",
             CountOrEmpty(questionnaire.min_group_size()));
  fields.Add("comments", YesNo(questionnaire.collect_comments()));
  fields.Add("invitations", absl::StrCat(questionnaire.invitation_count()));
  fields.Add("created", FormatTime(questionnaire.create_time()));
  fields.Add("updated", FormatTime(questionnaire.update_time()));
  fields.Add("etag", questionnaire.etag());
  return fields.Render();
}

std::string NewInvitationsText(const v1::CreateInvitationsResponse& response) {
  Table table({"NAME", "ORGANISATION", "LEVEL", "SECTOR", "LINK"});
  for (const v1::Invitation& invitation : response.invitations()) {
    table.AddRow({invitation.name(), invitation.organisation(),
                  EnumLabel(invitation.level()), EnumLabel(invitation.sector()),
                  invitation.link()});
  }
  std::string text = absl::StrCat(table.Render(), "\n");
  for (const std::string& line : WrapLines(
           absl::StrCat(response.invitations_size(),
                        " invitation(s) created. THE LINKS ARE SHOWN ONLY "
                        "THIS ONCE: they cannot be retrieved again, so save "
                        "or send them now."),
           kLineWidth)) {
    absl::StrAppend(&text, line, "\n");
  }
  if (response.small_groups().empty()) return text;
  absl::StrAppend(&text, "\n");
  for (const std::string& line : WrapLines(
           "Groups with fewer than k invitations so far: their answers can "
           "never be shown on their own, and each stored response's group "
           "narrows who gave it to those few. Invite more of them before the "
           "questionnaire opens if you can:",
           kLineWidth)) {
    absl::StrAppend(&text, line, "\n");
  }
  for (const v1::SmallGroup& group : response.small_groups()) {
    absl::StrAppend(&text, "  ", group.organisation(), ", ",
                    EnumLabel(group.level()), ": ", group.invitations(), "\n");
  }
  return text;
}

std::string InvitationLinks(const v1::CreateInvitationsResponse& response) {
  std::string text;
  for (const v1::Invitation& invitation : response.invitations()) {
    absl::StrAppend(&text, invitation.link(), "\n");
  }
  return text;
}

std::string InvitationsTable(const v1::ListInvitationsResponse& response) {
  Table table({"NAME", "ORGANISATION", "LEVEL", "SECTOR"});
  for (const v1::Invitation& invitation : response.invitations()) {
    table.AddRow({invitation.name(), invitation.organisation(),
                  EnumLabel(invitation.level()), EnumLabel(invitation.sector())});
  }
  return table.Render();
}

std::string ResponseRatesText(const v1::ResponseRates& rates) {
  v1::GroupRate overall = rates.overall();
  if (overall.group().empty()) overall.set_group("overall");
  // The server gives no breakdown while the questionnaire is open, nor while
  // the total itself is withheld.
  const auto breakdown =
      [&overall](
          const google::protobuf::RepeatedPtrField<v1::GroupRate>& groups,
          const google::protobuf::EnumDescriptor* type) -> std::string {
    if (groups.empty()) {
      return overall.released() ? "  shown once the questionnaire has closed\n"
                                : "  withheld, as the overall figure is\n";
    }
    return RatesTable(groups, type);
  };
  return absl::StrCat(
      Section("Overall",
              RatesTable(std::vector<const v1::GroupRate*>{&overall}))
          .substr(1),
      Section("By organisation", breakdown(rates.by_organisation(), nullptr)),
      Section("By level",
              breakdown(rates.by_level(), v1::RespondentLevel_descriptor())),
      Section("By sector",
              breakdown(rates.by_sector(), v1::Sector_descriptor())),
      "\n", "k (min group size): ", rates.min_group_size(), "\n");
}

std::string CommentText(const v1::Comment& comment) {
  return CommentBlock("", comment);
}

std::string CommentsText(const v1::ListCommentsResponse& response) {
  if (response.comments().empty()) return "(none)\n";
  std::string out;
  for (int i = 0; i < response.comments_size(); ++i) {
    if (i > 0) out.push_back('\n');
    absl::StrAppend(&out,
                    CommentBlock(absl::StrCat(i + 1, "."), response.comments(i)));
  }
  return out;
}

std::string ActionEntriesText(const v1::ListActionEntriesResponse& response) {
  if (response.action_entries().empty()) return "(none)\n";
  std::string out;
  for (int i = 0; i < response.action_entries_size(); ++i) {
    const v1::ActionEntry& entry = response.action_entries(i);
    const std::string head = absl::StrCat(i + 1, ". ");
    const std::string margin(DisplayWidth(head), ' ');
    // "action needed: " is 15 wide.
    const size_t width = TextWidth(margin.size() + 15);
    Fields fields;
    fields.Add("statement", entry.statement_code());
    fields.Add("action needed", WrapLines(TerminalSafe(entry.action_needed()), width));
    fields.Add("by whom", WrapLines(TerminalSafe(entry.by_whom()), width));
    std::string block = fields.Render(static_cast<int>(margin.size()));
    block.replace(0, margin.size(), head);
    absl::StrAppend(&out, i > 0 ? "\n" : "", block);
  }
  return out;
}

std::string ActivityText(const v1::Activity& activity) {
  std::vector<std::string> participants;
  for (const v1::Participant& participant : activity.participants()) {
    participants.push_back(ParticipantLine(participant));
  }
  Fields fields;
  fields.Add("name", activity.name());
  fields.Add("kind", EnumLabel(activity.kind()));
  fields.Add("title", activity.title());
  fields.Add("day", CountOrEmpty(activity.day()));
  fields.Add("time", TimeRange(activity));
  fields.Add("place", activity.place());
  fields.Add("state", EnumLabel(activity.state()));
  fields.Add("participants", std::move(participants));
  fields.Add("peers", Strings(activity.peers()));
  fields.Add("created", FormatTime(activity.create_time()));
  fields.Add("updated", FormatTime(activity.update_time()));
  fields.Add("etag", activity.etag());
  return fields.Render();
}

std::string ActivitiesTable(const v1::ListActivitiesResponse& response) {
  Table table(
      {"DAY", "TIME", "KIND", "TITLE", "PLACE", "PEERS", "STATE", "NAME"});
  for (const v1::Activity& a : response.activities()) {
    table.AddRow({CountOrEmpty(a.day()), TimeRange(a), EnumLabel(a.kind()),
                  a.title(), a.place(), absl::StrCat(a.peers_size()),
                  EnumLabel(a.state()), a.name()});
  }
  return table.Render();
}

std::string DocumentText(const v1::Document& document) {
  Fields fields;
  fields.Add("name", document.name());
  fields.Add("title", document.title());
  fields.Add("source", document.source());
  fields.Add("date", FormatDate(document.date()));
  fields.Add("created", FormatTime(document.create_time()));
  fields.Add("updated", FormatTime(document.update_time()));
  fields.Add("etag", document.etag());
  std::vector<std::string> lines = WrapLines(document.notes(), TextWidth(2));
  if (lines.empty()) lines.push_back("-");
  std::string notes;
  for (const std::string& line : lines) {
    // A blank line of the notes is kept, without trailing spaces.
    absl::StrAppend(&notes, line.empty() ? "" : "  ", line, "\n");
  }
  return fields.Render() + Section("Notes", notes);
}

std::string DocumentsTable(const v1::ListDocumentsResponse& response) {
  Table table({"NAME", "TITLE", "SOURCE", "DATE"});
  for (const v1::Document& d : response.documents()) {
    table.AddRow({d.name(), d.title(), d.source(), FormatDate(d.date())});
  }
  return table.Render();
}

}  // namespace hc::cli
