#include "services/fieldwork/fieldwork_mapping.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

// Minutes after midnight; 24:00 only where `end_of_day` is allowed.
absl::StatusOr<int> MinuteOf(absl::string_view field, const v1::TimeOfDay& t, bool end_of_day) {
  const bool valid = (t.hours() >= 0 && t.hours() <= 23 && t.minutes() >= 0 && t.minutes() <= 59) ||
                     (end_of_day && t.hours() == 24 && t.minutes() == 0);
  if (!valid) {
    return absl::InvalidArgumentError(absl::StrCat(field, " must be a time of day like 09:30, not ",
                                                   t.hours(), ":", t.minutes()));
  }
  return t.hours() * 60 + t.minutes();
}

void ToTime(int minute, v1::TimeOfDay* out) {
  out->set_hours(minute / 60);
  out->set_minutes(minute % 60);
}

}  // namespace

absl::StatusOr<domain::Activity> FromProto(const v1::Activity& in) {
  domain::Activity out;
  out.kind = static_cast<domain::ActivityKind>(in.kind());
  out.title = in.title();
  out.day = in.day();
  HC_ASSIGN_OR_RETURN(out.start_minute, MinuteOf("start_time", in.start_time(), false));
  HC_ASSIGN_OR_RETURN(out.end_minute, MinuteOf("end_time", in.end_time(), true));
  out.place = in.place();
  for (const v1::Participant& p : in.participants()) {
    domain::Participant participant;
    participant.role = p.role();
    participant.organisation = p.organisation();
    participant.sector = static_cast<domain::Sector>(p.sector());
    participant.count = p.count() == 0 ? 1 : p.count();
    participant.names.assign(p.names().begin(), p.names().end());
    out.participants.push_back(std::move(participant));
  }
  for (const std::string& peer : in.peers()) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("peers", "peers", peer));
    out.peer_ids.push_back(std::move(id));
  }
  return out;
}

void ToProto(const domain::Activity& in, v1::Activity* out) {
  out->set_name(absl::StrCat("engagements/", in.engagement_id, "/activities/", in.meta.id));
  out->set_kind(static_cast<v1::ActivityKind>(in.kind));
  out->set_title(in.title);
  out->set_day(in.day);
  ToTime(in.start_minute, out->mutable_start_time());
  ToTime(in.end_minute, out->mutable_end_time());
  out->set_place(in.place);
  for (const domain::Participant& p : in.participants) {
    v1::Participant* participant = out->add_participants();
    participant->set_role(p.role);
    participant->set_organisation(p.organisation);
    participant->set_sector(static_cast<v1::Sector>(p.sector));
    participant->set_count(p.count);
    for (const std::string& name : p.names) participant->add_names(name);
  }
  for (const std::string& peer : in.peer_ids) out->add_peers(NameOf("peers", peer));
  out->set_state(static_cast<v1::ActivityState>(in.state));
  ToProto(in.meta.create_time, out->mutable_create_time());
  ToProto(in.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(in.meta.version));
}

absl::StatusOr<domain::Document> FromProto(const v1::Document& in) {
  domain::Document out;
  out.title = in.title();
  out.source = in.source();
  HC_ASSIGN_OR_RETURN(out.date, FromProto("date", in.date()));
  out.notes = in.notes();
  return out;
}

void ToProto(const domain::Document& in, v1::Document* out) {
  out->set_name(absl::StrCat("engagements/", in.engagement_id, "/documents/", in.meta.id));
  out->set_title(in.title);
  out->set_source(in.source);
  ToProto(in.date, out->mutable_date());
  out->set_notes(in.notes);
  ToProto(in.meta.create_time, out->mutable_create_time());
  ToProto(in.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(in.meta.version));
}

}  // namespace hc::services
