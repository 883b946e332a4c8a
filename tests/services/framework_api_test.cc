#include "healthcheck/v1/framework.grpc.pb.h"

#include "core/domain/framework.h"
#include "services/framework/framework_files.h"
#include "services/framework/framework_mapping.h"
#include "tests/services/api_test_fixture.h"
#include "tests/support/status_matchers.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class FrameworkApiTest : public ApiTest {
 protected:
  v1::Framework Get(const std::string& name) {
    v1::GetFrameworkRequest request;
    request.set_name(name);
    v1::Framework framework;
    grpc::Status status = frameworks_->GetFramework(Lead().get(), request, &framework);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return framework;
  }

  void SetUp() override {
    ApiTest::SetUp();
    frameworks_ = v1::FrameworkService::NewStub(server_->InProcessChannel());
  }

  std::unique_ptr<v1::FrameworkService::Stub> frameworks_;
};

int CountStatements(const v1::Framework& f) {
  int n = 0;
  for (const auto& s : f.sections()) n += s.statements_size();
  return n;
}

TEST_F(FrameworkApiTest, TheThreeSeedBenchmarksAreBuiltIn) {
  v1::ListFrameworksResponse list;
  ASSERT_TRUE(frameworks_->ListFrameworks(Lead().get(), {}, &list).ok());
  ASSERT_EQ(list.frameworks_size(), 3);
  EXPECT_EQ(list.frameworks(0).name(), "frameworks/digging-deeper/versions/1");
  EXPECT_EQ(list.frameworks(1).name(), "frameworks/idea-governance-benchmark/versions/1");
  EXPECT_EQ(list.frameworks(2).name(), "frameworks/partnership-assessment-tool/versions/1");
  for (const auto& f : list.frameworks()) EXPECT_TRUE(f.builtin());
}

TEST_F(FrameworkApiTest, TheAssessmentToolIsEncodedAsTheSeedSays) {
  const v1::Framework pat = Get("frameworks/partnership-assessment-tool/versions/1");
  ASSERT_EQ(pat.sections_size(), 6);
  EXPECT_EQ(CountStatements(pat), 36);
  EXPECT_EQ(pat.sections(0).title(), "Recognise and accept the need for partnership");
  EXPECT_EQ(pat.sections(5).title(), "Monitor, measure and learn");
  ASSERT_EQ(pat.scale().points_size(), 4);
  EXPECT_EQ(pat.scale().points(0).label(), "Strongly agree");
  EXPECT_EQ(pat.scale().points(0).value(), 4);
  EXPECT_EQ(pat.scale().points(3).label(), "Strongly disagree");
  EXPECT_EQ(pat.scale().points(3).value(), 1);
  EXPECT_TRUE(pat.has_significance_scale());
  ASSERT_EQ(pat.overall_statements_size(), 1);
  EXPECT_EQ(pat.overall_statements(0).text(), "The partnership is achieving its aims and objectives");
  ASSERT_EQ(pat.findings_size(), 3);
  EXPECT_EQ(pat.findings(0).code(), "A");

  // Every band edge of every principle and of the aggregate.
  const domain::Framework f = services::FromProto(pat);
  for (const domain::Section& s : f.sections) {
    ASSERT_EQ(s.bands.size(), 4u) << s.code;
    for (const auto& [score, label] :
         std::vector<std::pair<int, std::string>>{{6, "minimal"},  {7, "limited"},
                                                  {12, "limited"}, {13, "present"},
                                                  {18, "present"}, {19, "very high"},
                                                  {24, "very high"}}) {
      const domain::Band* band = domain::BandFor(s.bands, score);
      ASSERT_NE(band, nullptr) << s.code << " " << score;
      EXPECT_EQ(band->label, label) << s.code << " " << score;
    }
  }
  const std::vector<std::pair<int, int>> aggregate_edges = {
      {36, 36}, {37, 72}, {72, 72}, {73, 108}, {108, 108}, {109, 144}, {144, 144}};
  for (const auto& [score, _] : aggregate_edges) {
    EXPECT_NE(domain::BandFor(f.aggregate_bands, score), nullptr) << score;
  }
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 36)->min_score, 36);
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 37)->min_score, 37);
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 72)->max_score, 72);
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 73)->min_score, 73);
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 108)->max_score, 108);
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 109)->min_score, 109);
  EXPECT_EQ(domain::BandFor(f.aggregate_bands, 144)->max_score, 144);
  // The seed's worked example for principle 1: 4 + 9 + 2 + 1 = 16.
  const domain::Band* example = domain::BandFor(f.sections[0].bands, 16);
  ASSERT_NE(example, nullptr);
  EXPECT_EQ(example->text, "The need for partnership is recognised and accepted");
}

TEST_F(FrameworkApiTest, DiggingDeeperCarriesActionsFactorsAndItsScale) {
  const v1::Framework dd = Get("frameworks/digging-deeper/versions/1");
  ASSERT_EQ(dd.sections_size(), 4);
  EXPECT_EQ(dd.sections(0).title(), "Leadership");
  EXPECT_EQ(dd.sections(0).statements_size(), 5);
  EXPECT_EQ(dd.sections(1).statements_size(), 6);
  EXPECT_EQ(dd.sections(2).statements_size(), 5);
  EXPECT_EQ(dd.sections(3).statements_size(), 5);
  EXPECT_EQ(dd.sections(0).statements(0).code(), "1.1");
  EXPECT_EQ(dd.sections(3).statements(4).code(), "4.5");
  EXPECT_TRUE(dd.action_planning());
  ASSERT_EQ(dd.scale().points_size(), 4);
  EXPECT_EQ(dd.scale().points(0).label(), "NO - action is needed");
  EXPECT_EQ(dd.scale().points(3).label(), "YES - working well");
  for (const auto& s : dd.sections()) {
    EXPECT_FALSE(s.typical_factors().empty()) << s.code();
    for (const auto& st : s.statements()) EXPECT_FALSE(st.possible_actions().empty()) << st.code();
  }
}

TEST_F(FrameworkApiTest, TheGovernanceBenchmarkHasSixPrincipleSlots) {
  const v1::Framework idea = Get("frameworks/idea-governance-benchmark/versions/1");
  ASSERT_EQ(idea.sections_size(), 6);
  EXPECT_EQ(CountStatements(idea), 0);
}

TEST_F(FrameworkApiTest, ACreateAddsTheNextVersionAndLeavesTheFirstUnchanged) {
  v1::Framework first = Get("frameworks/digging-deeper/versions/1");
  v1::CreateFrameworkRequest request;
  *request.mutable_framework() = first;
  request.mutable_framework()->mutable_sections(0)->mutable_statements(0)->set_text("Changed");
  request.set_request_id("dd-v2");
  v1::Framework second, again;
  ASSERT_TRUE(frameworks_->CreateFramework(Lead().get(), request, &second).ok());
  EXPECT_EQ(second.name(), "frameworks/digging-deeper/versions/2");
  EXPECT_FALSE(second.builtin());
  ASSERT_TRUE(frameworks_->CreateFramework(Lead().get(), request, &again).ok());
  EXPECT_EQ(again.name(), second.name());  // a retried create adds nothing
  EXPECT_EQ(Get("frameworks/digging-deeper/versions/1").sections(0).statements(0).text(),
            first.sections(0).statements(0).text());
  EXPECT_EQ(Get("frameworks/digging-deeper/versions/2").sections(0).statements(0).text(),
            "Changed");
}

TEST_F(FrameworkApiTest, InvalidBenchmarksAndNamesAreRefused) {
  v1::CreateFrameworkRequest request;
  *request.mutable_framework() = Get("frameworks/partnership-assessment-tool/versions/1");
  request.mutable_framework()->mutable_sections(2)->mutable_bands(1)->set_min_score(14);
  v1::Framework out;
  EXPECT_THAT(frameworks_->CreateFramework(Lead().get(), request, &out),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "sections[2] (3).bands"));
  const std::string peer_token = TokenFor(
      v1::ROLE_PEER,
      MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 10).name());
  EXPECT_THAT(frameworks_->CreateFramework(Ctx(peer_token).get(), request, &out),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  v1::GetFrameworkRequest get;
  get.set_name("frameworks/digging-deeper/versions/9");
  EXPECT_THAT(frameworks_->GetFramework(Ctx(peer_token).get(), get, &out),
              GrpcIs(StatusCode::NOT_FOUND));
  get.set_name("frameworks/digging-deeper");
  EXPECT_THAT(frameworks_->GetFramework(Lead().get(), get, &out),
              GrpcIs(StatusCode::INVALID_ARGUMENT));
  // A version has one name: found by the fuzzer, "versions/01" and
  // " versions/+1" were read as version 1.
  ASSERT_TRUE(frameworks_->GetFramework(Lead().get(), [] {
    v1::GetFrameworkRequest r;
    r.set_name("frameworks/digging-deeper/versions/1");
    return r;
  }(), &out).ok());
  for (const char* other : {"frameworks/digging-deeper/versions/01",
                            "frameworks/digging-deeper/versions/+1",
                            "frameworks/digging-deeper/versions/ 1",
                            "frameworks/Digging-Deeper/versions/1"}) {
    get.set_name(other);
    EXPECT_THAT(frameworks_->GetFramework(Lead().get(), get, &out),
                GrpcIsWith(StatusCode::INVALID_ARGUMENT, "must be like")) << other;
  }
}

TEST(FrameworkFiles, EveryBuiltInFileParsesAndValidates) {
  auto frameworks = services::ParseFrameworkFiles(services::BuiltinFrameworkFiles());
  ASSERT_TRUE(frameworks.ok()) << frameworks.status();
  EXPECT_EQ(frameworks->size(), 3u);
}

TEST(FrameworkFiles, ABadFileIsRefusedNamingTheFileAndPlace) {
  EXPECT_THAT(services::ParseFrameworkFile({"bad.textproto", "framework_id: \"x\"\nsections {"}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "bad.textproto:2:"));
  EXPECT_THAT(services::ParseFrameworkFile(
                  {"gap.textproto",
                   "framework_id: \"gap\" display_name: \"Gap\" "
                   "scale { points { label: \"No\" value: 1 } points { label: \"Yes\" value: 2 } }"
                   "sections { code: \"1\" title: \"One\" statements { code: \"1.1\" text: \"S\" }"
                   " bands { min_score: 1 max_score: 1 label: \"low\" } }"}),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "gap.textproto: sections[0] (1).bands: the highest band ends at 1"));
  EXPECT_THAT(services::ParseFrameworkFile({"out.textproto", "version: 3"}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "set by the server"));
  const services::FrameworkFile one = services::BuiltinFrameworkFiles()[0];
  EXPECT_THAT(services::ParseFrameworkFiles({one, {"copy.textproto", one.text}}),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "copy.textproto: framework_id"));
}

}  // namespace
}  // namespace hc::testing
