#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class ProgrammeAccessApiTest : public ApiTest {};

TEST_F(ProgrammeAccessApiTest, OverviewCountsStagesOverdueDatesAndExpiringAccreditations) {
  const v1::Partnership p = MakePartnership("Anytown", {});
  const v1::Engagement late = MakeEngagement(p.name(), Today() - 5);  // fieldwork passed
  MakeEngagement(p.name(), Today() + 40);
  MakePeer("Soon Expiring", "A Trust", v1::SECTOR_HEALTH, Today() + 20);
  MakePeer("Long Valid", "B Trust", v1::SECTOR_HEALTH, Today() + 400);
  v1::GetProgrammeOverviewRequest request;
  request.set_expiring_within_days(30);
  v1::ProgrammeOverview overview;
  ASSERT_TRUE(programme_->GetProgrammeOverview(Lead().get(), request, &overview).ok());
  ASSERT_EQ(overview.stage_counts_size(), 10);
  EXPECT_EQ(overview.stage_counts(0).stage(), v1::SCOPING);
  EXPECT_EQ(overview.stage_counts(0).engagements(), 2);
  // Fieldwork day 1 and the feedback date (day 3) have both passed in SCOPING.
  ASSERT_EQ(overview.overdue_size(), 2);
  EXPECT_EQ(overview.overdue(0).engagement(), late.name());
  EXPECT_EQ(overview.overdue(0).overdue().key_date(), "fieldwork_day1");
  EXPECT_EQ(overview.overdue(1).overdue().key_date(), "feedback_date");
  EXPECT_EQ(overview.overdue(0).partnership_display_name(), "Anytown");
  ASSERT_EQ(overview.expiring_accreditations_size(), 1);
  EXPECT_EQ(overview.expiring_accreditations(0).display_name(), "Soon Expiring");
  request.set_expiring_within_days(-1);
  EXPECT_THAT(programme_->GetProgrammeOverview(Lead().get(), request, &overview),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
}

}  // namespace
}  // namespace hc::testing
