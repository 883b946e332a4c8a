#ifndef HC_SERVICES_ENGAGEMENT_ENGAGEMENT_MAPPING_H_
#define HC_SERVICES_ENGAGEMENT_ENGAGEMENT_MAPPING_H_

#include "absl/status/statusor.h"
#include "core/app/engagement_view.h"
#include "core/domain/audit.h"
#include "healthcheck/v1/engagement.pb.h"

// Conversions between engagement messages and the domain.
namespace hc::services {

// Reads partnership, purpose, scoping, key_dates and previous_engagement.
// INVALID_ARGUMENT for a malformed name or date.
absl::StatusOr<domain::Engagement> FromProto(const healthcheck::v1::Engagement& engagement);

void ToProto(const app::EngagementView& view, healthcheck::v1::Engagement* out);
void ToProto(const domain::OverdueDate& overdue, healthcheck::v1::OverdueDate* out);
void ToProto(const domain::StageChange& change, healthcheck::v1::EngagementTransition* out);

}  // namespace hc::services

#endif  // HC_SERVICES_ENGAGEMENT_ENGAGEMENT_MAPPING_H_
