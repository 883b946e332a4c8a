#include "services/programme/programme_grpc_service.h"

#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/resource_names.h"
#include "services/engagement/engagement_mapping.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

constexpr int kDefaultExpiringWithinDays = 90;

void ToProto(const app::ProgrammeOverview& overview, v1::ProgrammeOverview* out) {
  for (const auto& [stage, count] : overview.stage_counts) {
    v1::StageCount* row = out->add_stage_counts();
    row->set_stage(static_cast<v1::Stage>(stage));
    row->set_engagements(count);
  }
  for (const app::OverdueEngagementDate& o : overview.overdue) {
    v1::OverdueEngagementDate* row = out->add_overdue();
    row->set_engagement(NameOf("engagements", o.engagement_id));
    row->set_partnership_display_name(o.partnership_display_name);
    row->set_stage(static_cast<v1::Stage>(o.stage));
    services::ToProto(o.overdue, row->mutable_overdue());
  }
  for (const domain::Peer& p : overview.expiring) {
    v1::ExpiringAccreditation* row = out->add_expiring_accreditations();
    row->set_peer(NameOf("peers", p.meta.id));
    row->set_display_name(p.display_name);
    services::ToProto(p.accreditation_expiry_date, row->mutable_accreditation_expiry_date());
  }
  services::ToProto(std::optional<absl::CivilDay>(overview.as_of), out->mutable_as_of());
}

}  // namespace

grpc::ServerUnaryReactor* ProgrammeGrpcService::GetProgrammeOverview(
    grpc::CallbackServerContext* context, const v1::GetProgrammeOverviewRequest* request,
    v1::ProgrammeOverview* response) {
  return runner_.Run(context, "GetProgrammeOverview", [=, this](const domain::Principal& principal) {
    const int days = request->expiring_within_days() == 0 ? kDefaultExpiringWithinDays
                                                          : request->expiring_within_days();
    HC_ASSIGN_OR_RETURN(app::ProgrammeOverview overview, app_.Overview(principal, days));
    ToProto(overview, response);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
