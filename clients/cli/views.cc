#include "clients/cli/views.h"

#include <string>
#include <vector>

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
  fields.Add("role", EnumLabel(token.role()));
  fields.Add("peer", token.peer());
  fields.Add("partnership", token.partnership());
  fields.Add("created", FormatTime(token.create_time()));
  fields.Add("revoked", FormatTime(token.revoke_time()));
  return fields.Render();
}

std::string AccessTokensTable(const v1::ListAccessTokensResponse& response) {
  Table table({"NAME", "DISPLAY NAME", "ROLE", "FOR", "CREATED", "REVOKED"});
  for (const v1::AccessToken& token : response.access_tokens()) {
    table.AddRow({token.name(), token.display_name(), EnumLabel(token.role()),
                  token.peer().empty() ? token.partnership() : token.peer(),
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

}  // namespace hc::cli
