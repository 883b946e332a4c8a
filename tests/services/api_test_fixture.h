#ifndef HC_TESTS_SERVICES_API_TEST_FIXTURE_H_
#define HC_TESTS_SERVICES_API_TEST_FIXTURE_H_

#include <grpcpp/grpcpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "healthcheck/v1/access.grpc.pb.h"
#include "healthcheck/v1/engagement.grpc.pb.h"
#include "healthcheck/v1/partnership.grpc.pb.h"
#include "healthcheck/v1/peer.grpc.pb.h"
#include "healthcheck/v1/programme.grpc.pb.h"
#include "healthcheck/v1/user.grpc.pb.h"
#include "services/server/server.h"
#include "tests/support/fake_report_renderer.h"
#include "tests/support/temp_dir.h"

namespace hc::testing {

namespace v1 = healthcheck::v1;

// Matches a grpc::Status with `code`.
MATCHER_P(GrpcIs, code, "") {
  *result_listener << "status is " << arg.error_code() << ": " << arg.error_message();
  return arg.error_code() == code;
}

// Matches a grpc::Status with `code` whose message contains `substring`.
MATCHER_P2(GrpcIsWith, code, substring, "") {
  *result_listener << "status is " << arg.error_code() << ": " << arg.error_message();
  return arg.error_code() == code && arg.error_message().find(substring) != std::string::npos;
}

v1::Date ToDate(absl::CivilDay day);
absl::CivilDay Today();

// The real server in-process over the real use cases and a SQLite store in a
// temporary directory, with the programme lead's bootstrap token, stubs for
// every service and builders for the common set-ups.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Lets a test change the server's configuration before it starts.
  virtual void Configure(services::ServerConfig&) {}

  // A client context carrying `authorization: Bearer <token>`; an empty token
  // sends no header.
  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token);
  std::unique_ptr<grpc::ClientContext> Lead() { return Ctx(lead_token_); }

  // Invites a new person in `role` (as the programme lead).
  v1::UserWithLink Invite(v1::Role role, const std::string& peer = "",
                          const std::string& partnership = "");
  // Invites a new person in `role`, sets their password (kTestPassword) with
  // their link and signs them in; returns their session's secret.
  std::string SessionFor(v1::Role role, const std::string& peer = "",
                         const std::string& partnership = "");
  // As SessionFor, then makes the person a personal access token; returns
  // its secret.
  std::string TokenFor(v1::Role role, const std::string& peer = "",
                       const std::string& partnership = "");

  // A partnership with `members` as "name:SECTOR_ENUM_VALUE" pairs.
  v1::Partnership MakePartnership(const std::string& name,
                                  const std::vector<std::pair<std::string, v1::Sector>>& members);
  // A peer accredited from a year ago to `expiry`.
  v1::Peer MakePeer(const std::string& name, const std::string& organisation, v1::Sector sector,
                    absl::CivilDay expiry);
  // An engagement of `partnership` with fieldwork on the given days (none if
  // day1 is unset).
  v1::Engagement MakeEngagement(const std::string& partnership,
                                std::optional<absl::CivilDay> day1 = std::nullopt);
  v1::Engagement AddMember(const std::string& engagement, const std::string& peer,
                           v1::TeamRole role);
  // Opens `engagement`'s questionnaire now (its open time a minute ago), as
  // "Open the questionnaire now" does once its invitations are made: who is
  // invited is fixed when it opens.
  void OpenQuestionnaireNow(const std::string& engagement);
  // The details of every audit record of `action`, oldest first, read from
  // the store's file as an operator would.
  std::vector<std::string> AuditDetails(const std::string& action);

  TempDir dir_;
  // Renders report versions; keeps the last document composed.
  std::shared_ptr<FakeReportRenderer> renderer_ = std::make_shared<FakeReportRenderer>();
  std::unique_ptr<services::HealthCheckServer> server_;
  std::string lead_token_;
  std::unique_ptr<v1::PartnershipService::Stub> partnerships_;
  std::unique_ptr<v1::PeerService::Stub> peers_;
  std::unique_ptr<v1::EngagementService::Stub> engagements_;
  std::unique_ptr<v1::ProgrammeService::Stub> programme_;
  std::unique_ptr<v1::AccessService::Stub> access_;
  std::unique_ptr<v1::UserService::Stub> users_;
  int people_ = 0;  // invited so far, for unique names and emails
};

}  // namespace hc::testing

#endif  // HC_TESTS_SERVICES_API_TEST_FIXTURE_H_
