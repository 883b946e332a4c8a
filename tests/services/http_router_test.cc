// The HTTP port's own parts: form decoding and routing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/http/http_message.h"
#include "services/http/http_router.h"

namespace hc::services {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(HttpForm, DecodesEscapesAndPlusesAndKeepsMalformedEscapesAsWritten) {
  EXPECT_THAT(ParseFormEncoded("a=1+2&b=%41%zz&c&a=%C3%A9&d=%4"),
              ElementsAre(Pair("a", "1 2"), Pair("a", "\xC3\xA9"), Pair("b", "A%zz"),
                          Pair("c", ""), Pair("d", "%4")));
  EXPECT_EQ(UrlEncode("/q/a b?c=é"), "%2Fq%2Fa%20b%3Fc%3D%C3%A9");
}

TEST(HttpRequest, ReadsFormFieldsOnlyFromAPostedForm) {
  HttpRequest req;
  req.method = "POST";
  req.query = ParseFormEncoded("next=%2Fhome");
  req.body = "token=abc";
  EXPECT_EQ(req.Param("token"), "");  // no form content type
  req.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
  EXPECT_EQ(req.Param("token"), "abc");
  EXPECT_EQ(req.Param("next"), "/home");
  EXPECT_EQ(req.Params().size(), 2u);
}

TEST(HttpRouter, MatchesWholePathsAnswersHeadAsGetAnd405WithAllow) {
  HttpRouter router;
  std::string seen;
  router.Get("/q/([a-z]+)", [&](const HttpRequest& req, HttpResponse&) { seen = req.matches[1]; });
  router.Post("/q/([a-z]+)/submit", [&](const HttpRequest&, HttpResponse& res) { res.status = 303; });

  HttpRequest head;
  head.method = "HEAD";
  head.path = "/q/abc";
  HttpResponse res;
  router.Handle(head, res);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(seen, "abc");

  HttpRequest post_to_get = head;
  post_to_get.method = "POST";
  HttpResponse refused;
  router.Handle(post_to_get, refused);
  EXPECT_EQ(refused.status, 405);
  EXPECT_TRUE(refused.HasHeader("allow"));

  HttpRequest longer = head;
  longer.path = "/q/abc/more";
  HttpResponse missing;
  router.Handle(longer, missing);
  EXPECT_EQ(missing.status, 404);
}

}  // namespace
}  // namespace hc::services
