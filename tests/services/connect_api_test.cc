// The API in the Connect protocol on the HTTP port, over real HTTP: JSON and
// binary messages, Connect's error bodies and HTTP statuses, the session
// cookie as a credential, and nothing a cross-site request can do with it.
// (Every method's refusals are in authorization_test.cc, over both paths.)

#include <httplib.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/services/api_test_fixture.h"
#include "tests/support/sign_in.h"

namespace hc::testing {
namespace {

class ConnectApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
  }
  httplib::Result Post(const std::string& method, const std::string& body,
                       httplib::Headers headers, const std::string& type = "application/json") {
    return client_->Post(absl::StrCat("/healthcheck.v1.", method), headers, body, type);
  }
  httplib::Headers AsLead() { return {{"Authorization", "Bearer " + lead_token_}}; }
  // A browser's session cookie, from signing in through the page.
  std::string BrowserSession() {
    auto res = client_->Post("/signin", httplib::Params{{"email", kFirstLeadEmail},
                                                        {"password", kTestPassword}});
    const std::string cookie = res ? res->get_header_value("Set-Cookie") : "";
    return cookie.substr(0, cookie.find(';'));
  }

  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ConnectApiTest, AnswersJsonWithJsonAndProtobufWithProtobuf) {
  auto created = Post("PartnershipService/CreatePartnership",
                      R"({"partnership": {"displayName": "Anytown CSP", "kind": "PARTNERSHIP_KIND_CSP",
                          "members": [{"displayName": "Anytown Council",
                                       "sector": "SECTOR_LOCAL_GOVERNMENT"}]}})",
                      AsLead());
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 200) << created->body;
  EXPECT_EQ(created->get_header_value("Content-Type"), "application/json");
  EXPECT_TRUE(absl::StrContains(created->body, R"("displayName":"Anytown CSP")")) << created->body;
  EXPECT_TRUE(absl::StrContains(created->body, R"("name":"partnerships/)"));

  v1::ListPartnershipsRequest request;
  request.set_page_size(10);
  auto listed = Post("PartnershipService/ListPartnerships", request.SerializeAsString(), AsLead(),
                     "application/proto");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status, 200);
  EXPECT_EQ(listed->get_header_value("Content-Type"), "application/proto");
  v1::ListPartnershipsResponse response;
  ASSERT_TRUE(response.ParseFromString(listed->body));
  ASSERT_EQ(response.partnerships_size(), 1);
  EXPECT_EQ(response.partnerships(0).display_name(), "Anytown CSP");
}

TEST_F(ConnectApiTest, ErrorsAreConnectsJsonBodyWithItsHttpStatus) {
  auto invalid = Post("PartnershipService/CreatePartnership", R"({"partnership": {}})", AsLead());
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
  EXPECT_EQ(invalid->get_header_value("Content-Type"), "application/json");
  EXPECT_TRUE(absl::StartsWith(invalid->body, R"({"code":"invalid_argument","message":")"))
      << invalid->body;
  auto missing = Post("PartnershipService/GetPartnership", R"({"name": "partnerships/none"})",
                      AsLead());
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_TRUE(absl::StrContains(missing->body, R"("code":"not_found")"));
  auto anonymous = Post("PartnershipService/ListPartnerships", "{}", {});
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_TRUE(absl::StrContains(anonymous->body, R"("code":"unauthenticated")"));
  // Not a message of this method; a field it does not have; no such method.
  auto garbled = Post("PartnershipService/ListPartnerships", "{not json", AsLead());
  ASSERT_TRUE(garbled);
  EXPECT_EQ(garbled->status, 400);
  auto unknown_field = Post("PartnershipService/ListPartnerships", R"({"pageSize": 5, "x": 1})",
                            AsLead());
  ASSERT_TRUE(unknown_field);
  EXPECT_EQ(unknown_field->status, 400);
  auto no_method = Post("PartnershipService/MakeTea", "{}", AsLead());
  ASSERT_TRUE(no_method);
  EXPECT_EQ(no_method->status, 501);
  EXPECT_TRUE(absl::StrContains(no_method->body, R"("code":"unimplemented")"));
  auto streaming = Post("ReportService/DownloadReport", "{}", AsLead());
  ASSERT_TRUE(streaming);
  EXPECT_EQ(streaming->status, 501);
}

TEST_F(ConnectApiTest, ASessionCookieActsButNeverFromAnotherSite) {
  const std::string cookie = BrowserSession();
  ASSERT_TRUE(absl::StartsWith(cookie, "hc_session=")) << cookie;
  auto same = Post("UserService/ListUsers", "{}",
                   {{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 200) << same->body;
  // A page on another site: refused, whatever it sends, and nothing made.
  for (const auto& [site, origin] : std::vector<std::pair<std::string, std::string>>{
           {"cross-site", "https://evil.example"}, {"same-site", "http://other.127.0.0.1"}}) {
    auto forged = Post("PartnershipService/CreatePartnership",
                       R"({"partnership": {"displayName": "Forged", "kind": "PARTNERSHIP_KIND_CSP"}})",
                       {{"Cookie", cookie}, {"Sec-Fetch-Site", site}, {"Origin", origin}});
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403) << site;
  }
  auto old_browser = Post("PartnershipService/CreatePartnership",
                          R"({"partnership": {"displayName": "Forged", "kind": "PARTNERSHIP_KIND_CSP"}})",
                          {{"Cookie", cookie}, {"Origin", "https://evil.example"}});
  ASSERT_TRUE(old_browser);
  EXPECT_EQ(old_browser->status, 403);
  // What an HTML form can send is not the API's.
  auto form = Post("PartnershipService/CreatePartnership", "partnership=x", {{"Cookie", cookie}},
                   "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  auto plain = Post("PartnershipService/CreatePartnership", "{}", {{"Cookie", cookie}},
                    "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  v1::ListPartnershipsResponse listed;
  ASSERT_TRUE(partnerships_->ListPartnerships(Lead().get(), {}, &listed).ok());
  EXPECT_EQ(listed.partnerships_size(), 0);
}

TEST_F(ConnectApiTest, ASignInThroughTheApiIsKnownByTheBrowsersAddress) {
  auto signed_in = Post("UserService/SignIn",
                        absl::StrCat(R"({"email": ")", kFirstLeadEmail, R"(", "password": ")",
                                     kTestPassword, R"("})"),
                        {{"X-Forwarded-For", "203.0.113.9"}});  // not believed
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 200) << signed_in->body;
  EXPECT_EQ(AuditDetails("SignIn").back(), "from 127.0.0.1");
}

TEST_F(ConnectApiTest, APersonMakesTheirOwnTokenFromTheirBrowserSession) {
  const std::string cookie = BrowserSession();
  auto made = Post("AccessService/CreateAccessToken", R"({"accessToken": {"displayName": "hcctl"}})",
                   {{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"}});
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 200) << made->body;
  EXPECT_TRUE(absl::StrContains(made->body, R"("secret":"hc_)"));
}

}  // namespace
}  // namespace hc::testing
