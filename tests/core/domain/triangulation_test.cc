#include "core/domain/triangulation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hc::domain {
namespace {

// Three principles of two statements, banded like the assessment tool.
Framework ThreePrinciples() {
  Framework f;
  f.framework_id = "three";
  for (const std::string code : {"1", "2", "3"}) {
    Section s;
    s.code = code;
    s.statements = {{code + ".1", "a", "", Polarity::kUnspecified, {}},
                    {code + ".2", "b", "", Polarity::kUnspecified, {}}};
    s.bands = {{19, 24, "very high", ""}, {13, 18, "present", ""}, {7, 12, "limited", ""},
               {6, 6, "minimal", ""}};
    f.sections.push_back(s);
  }
  return f;
}

Activity Held(const std::string& id, ActivityKind kind, std::vector<Sector> sectors) {
  Activity a;
  a.meta.id = id;
  a.kind = kind;
  for (Sector s : sectors) a.participants.push_back({"role", "org", s, 1, {}});
  return a;
}

EvidenceNote Note(const std::string& activity, const std::string& document,
                  std::vector<std::string> tags, Polarity polarity) {
  EvidenceNote n;
  n.activity_id = activity;
  n.document_id = document;
  n.tags = std::move(tags);
  n.polarity = polarity;
  return n;
}

TEST(ReadBandTest, TheUpperHalfOfTheBandsReadsPositive) {
  const Section s = ThreePrinciples().sections[0];
  EXPECT_EQ(ReadBand(s, s.bands[0]), Polarity::kPositive);  // 19-24
  EXPECT_EQ(ReadBand(s, s.bands[1]), Polarity::kPositive);  // 13-18
  EXPECT_EQ(ReadBand(s, s.bands[2]), Polarity::kNegative);  // 7-12
  EXPECT_EQ(ReadBand(s, s.bands[3]), Polarity::kNegative);  // 6
  Section unbanded = s;
  unbanded.bands.clear();
  EXPECT_EQ(ReadBand(unbanded, s.bands[0]), std::nullopt);
}

TEST(TriangulateTest, CountsBySourceAndSectorAndFlagsWhereToLook) {
  const std::vector<Activity> activities = {
      Held("i", ActivityKind::kInterview, {Sector::kLocalGovernment}),
      Held("f", ActivityKind::kFocusGroup, {Sector::kHealth, Sector::kPolice, Sector::kHealth}),
  };
  const std::vector<EvidenceNote> notes = {
      // Principle 1: three notes, both polarities, three sectors.
      Note("i", "", {"1.1"}, Polarity::kPositive),
      Note("f", "", {"1", "1.2"}, Polarity::kNegative),  // counts once for principle 1
      Note("", "d", {"1.2"}, Polarity::kPositive),
      // Principle 2: two positive notes from one interview: thin, one-sided,
      // one sector.
      Note("i", "", {"2.1"}, Polarity::kPositive),
      Note("i", "", {"2.2", "1.1"}, Polarity::kPositive),
  };
  const QuestionnaireReading reading = {{"1", Polarity::kPositive}, {"3", Polarity::kNegative}};
  const std::vector<PrincipleEvidence> out =
      Triangulate(ThreePrinciples(), notes, activities, reading);
  ASSERT_EQ(out.size(), 3u);

  const PrincipleEvidence& one = out[0];
  EXPECT_EQ(one.notes, 4);
  EXPECT_EQ(one.by_source.at("INTERVIEW").positive, 2);
  EXPECT_EQ(one.by_source.at("FOCUS_GROUP").negative, 1);
  EXPECT_EQ(one.by_source.at("DOCUMENT").positive, 1);
  EXPECT_EQ(one.by_source.at("QUESTIONNAIRE").positive, 1);
  EXPECT_EQ(one.by_sector.at(Sector::kLocalGovernment).positive, 2);
  EXPECT_EQ(one.by_sector.at(Sector::kHealth).negative, 1);  // once, though two groups
  EXPECT_EQ(one.by_sector.at(Sector::kPolice).negative, 1);
  EXPECT_FALSE(one.thin || one.one_sided || one.single_sector || one.questionnaire_only);

  const PrincipleEvidence& two = out[1];
  EXPECT_EQ(two.notes, 2);
  EXPECT_TRUE(two.thin);
  EXPECT_TRUE(two.one_sided);
  EXPECT_TRUE(two.single_sector);
  EXPECT_FALSE(two.questionnaire_only);
  EXPECT_EQ(two.by_source.count("QUESTIONNAIRE"), 0u);

  const PrincipleEvidence& three = out[2];
  EXPECT_EQ(three.notes, 0);
  EXPECT_TRUE(three.thin);
  EXPECT_TRUE(three.questionnaire_only);
  EXPECT_FALSE(three.one_sided);
  EXPECT_EQ(three.by_source.at("QUESTIONNAIRE").negative, 1);
}

}  // namespace
}  // namespace hc::domain
