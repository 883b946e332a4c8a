#include "services/engagement/engagement_mapping.h"

#include <array>

#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

static_assert(static_cast<int>(domain::Stage::kCancelled) == v1::CANCELLED);
static_assert(static_cast<int>(domain::Purpose::kRemedial) == v1::PURPOSE_REMEDIAL);
static_assert(static_cast<int>(domain::TeamRole::kShadow) == v1::TEAM_ROLE_SHADOW);

// Each key date: API name, domain field, proto getter and mutable accessor.
struct KeyDateField {
  absl::string_view name;
  std::optional<absl::CivilDay> domain::KeyDates::*field;
  const v1::Date& (v1::KeyDates::*get)() const;
  v1::Date* (v1::KeyDates::*mutate)();
};

constexpr std::array<KeyDateField, 8> kKeyDates{{
    {"key_dates.questionnaire_open", &domain::KeyDates::questionnaire_open,
     &v1::KeyDates::questionnaire_open, &v1::KeyDates::mutable_questionnaire_open},
    {"key_dates.questionnaire_close", &domain::KeyDates::questionnaire_close,
     &v1::KeyDates::questionnaire_close, &v1::KeyDates::mutable_questionnaire_close},
    {"key_dates.fieldwork_day1", &domain::KeyDates::fieldwork_day1,
     &v1::KeyDates::fieldwork_day1, &v1::KeyDates::mutable_fieldwork_day1},
    {"key_dates.fieldwork_day2", &domain::KeyDates::fieldwork_day2,
     &v1::KeyDates::fieldwork_day2, &v1::KeyDates::mutable_fieldwork_day2},
    {"key_dates.fieldwork_day3", &domain::KeyDates::fieldwork_day3,
     &v1::KeyDates::fieldwork_day3, &v1::KeyDates::mutable_fieldwork_day3},
    {"key_dates.feedback_date", &domain::KeyDates::feedback_date, &v1::KeyDates::feedback_date,
     &v1::KeyDates::mutable_feedback_date},
    {"key_dates.report_due", &domain::KeyDates::report_due, &v1::KeyDates::report_due,
     &v1::KeyDates::mutable_report_due},
    {"key_dates.plan_due", &domain::KeyDates::plan_due, &v1::KeyDates::plan_due,
     &v1::KeyDates::mutable_plan_due},
}};

template <typename Repeated>
std::vector<std::string> Strings(const Repeated& values) {
  return {values.begin(), values.end()};
}

template <typename Repeated>
void AddAll(const std::vector<std::string>& values, Repeated* out) {
  for (const std::string& v : values) *out->Add() = v;
}

void AddSectors(const std::vector<domain::Sector>& sectors,
                google::protobuf::RepeatedField<int>* out) {
  for (domain::Sector s : sectors) out->Add(static_cast<int>(s));
}

}  // namespace

absl::StatusOr<domain::Engagement> FromProto(const v1::Engagement& in) {
  domain::Engagement out;
  HC_ASSIGN_OR_RETURN(out.partnership_id,
                      ParseOptionalName("engagement.partnership", "partnerships", in.partnership()));
  HC_ASSIGN_OR_RETURN(out.previous_engagement_id,
                      ParseOptionalName("engagement.previous_engagement", "engagements",
                                        in.previous_engagement()));
  out.purpose = static_cast<domain::Purpose>(in.purpose());
  out.scoping.issues = Strings(in.scoping().issues());
  out.scoping.desired_outcomes = Strings(in.scoping().desired_outcomes());
  out.scoping.stakeholders.inform = Strings(in.scoping().stakeholders().inform());
  out.scoping.stakeholders.involve = Strings(in.scoping().stakeholders().involve());
  out.scoping.stakeholders.be_aware = Strings(in.scoping().stakeholders().be_aware());
  out.scoping.stakeholders.keep_on_board = Strings(in.scoping().stakeholders().keep_on_board());
  out.scoping.arrangements = in.scoping().arrangements();
  for (const KeyDateField& k : kKeyDates) {
    HC_ASSIGN_OR_RETURN(out.key_dates.*k.field, FromProto(k.name, (in.key_dates().*k.get)()));
  }
  return out;
}

void ToProto(const app::EngagementView& view, v1::Engagement* out) {
  const domain::Engagement& e = view.engagement;
  out->set_name(NameOf("engagements", e.meta.id));
  out->set_partnership(NameOf("partnerships", e.partnership_id));
  out->set_partnership_display_name(view.partnership_display_name);
  out->set_purpose(static_cast<v1::Purpose>(e.purpose));
  out->set_stage(static_cast<v1::Stage>(e.stage));
  v1::ScopingRecord* scoping = out->mutable_scoping();
  AddAll(e.scoping.issues, scoping->mutable_issues());
  AddAll(e.scoping.desired_outcomes, scoping->mutable_desired_outcomes());
  v1::StakeholderMap* map = scoping->mutable_stakeholders();
  AddAll(e.scoping.stakeholders.inform, map->mutable_inform());
  AddAll(e.scoping.stakeholders.involve, map->mutable_involve());
  AddAll(e.scoping.stakeholders.be_aware, map->mutable_be_aware());
  AddAll(e.scoping.stakeholders.keep_on_board, map->mutable_keep_on_board());
  scoping->set_arrangements(e.scoping.arrangements);
  for (const KeyDateField& k : kKeyDates) {
    if (e.key_dates.*k.field) services::ToProto(e.key_dates.*k.field, (out->mutable_key_dates()->*k.mutate)());
  }
  for (const app::TeamMemberView& m : view.team) {
    v1::TeamMember* member = out->add_team();
    member->set_peer(NameOf("peers", m.member.peer_id));
    member->set_role(static_cast<v1::TeamRole>(m.member.role));
    member->set_peer_display_name(m.display_name);
    member->set_peer_sector(static_cast<v1::Sector>(m.sector));
  }
  v1::TeamCoverage* coverage = out->mutable_team_coverage();
  AddSectors(view.coverage.partnership_sectors, coverage->mutable_partnership_sectors());
  AddSectors(view.coverage.covered_sectors, coverage->mutable_covered_sectors());
  AddSectors(view.coverage.missing_sectors, coverage->mutable_missing_sectors());
  AddAll(view.coverage.warnings, coverage->mutable_warnings());
  for (const domain::OverdueDate& d : view.overdue) ToProto(d, out->add_overdue_dates());
  out->set_initial_feedback_summary(e.initial_feedback_summary);
  out->set_end_reason(e.end_reason);
  out->set_previous_engagement(NameOf("engagements", e.previous_engagement_id));
  services::ToProto(e.meta.create_time, out->mutable_create_time());
  services::ToProto(e.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(e.meta.version));
}

void ToProto(const domain::OverdueDate& overdue, v1::OverdueDate* out) {
  out->set_key_date(std::string(overdue.key_date));
  services::ToProto(std::optional<absl::CivilDay>(overdue.date), out->mutable_date());
  out->set_expected_stage(static_cast<v1::Stage>(overdue.expected_stage));
}

void ToProto(const domain::StageChange& change, v1::EngagementTransition* out) {
  out->set_from_stage(static_cast<v1::Stage>(change.from));
  out->set_to_stage(static_cast<v1::Stage>(change.to));
  out->set_actor(change.actor);
  services::ToProto(change.time, out->mutable_time());
  out->set_reason(change.reason);
}

}  // namespace hc::services
