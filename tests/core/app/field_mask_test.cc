// What an update's audit record says changed: each field's value before and
// after, text quoted and shortened, names of people in fieldwork never shown.

#include "core/app/field_mask.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "core/domain/activity.h"
#include "core/domain/engagement.h"
#include "core/domain/peer.h"

namespace hc::app {
namespace {

using domain::Activity;
using domain::Engagement;
using domain::Peer;

constexpr std::array<FieldRule<Peer>, 3> kPeerRules{{
    HC_FIELD_RULE(Peer, "display_name", display_name),
    HC_FIELD_RULE(Peer, "home_sector", home_sector),
    HC_FIELD_RULE(Peer, "accreditation_expiry_date", accreditation_expiry_date),
}};

TEST(DescribeChanges, GivesEachChangedFieldWithItsValuesBeforeAndAfterInRuleOrder) {
  Peer before;
  before.display_name = "Ann";
  before.home_sector = domain::Sector::kHealth;
  Peer input = before;
  input.display_name = "Ann \"Annie\" Smith";
  input.home_sector = domain::Sector::kPolice;
  input.accreditation_expiry_date = absl::CivilDay(2027, 1, 31);
  Peer after = before;
  ASSERT_TRUE(ApplyFieldMask<Peer>(kPeerRules, {"accreditation_expiry_date", "display_name"},
                                   input, after)
                  .ok());
  EXPECT_EQ(DescribeChanges<Peer>(kPeerRules, before, after),
            "display_name: \"Ann\" -> \"Ann \\\"Annie\\\" Smith\"; "
            "accreditation_expiry_date: none -> 2027-01-31");
  EXPECT_EQ(DescribeChanges<Peer>(kPeerRules, before, before), "");
}

TEST(DescribeChanges, AGroupRuleIsDescribedByTheRulesOfItsFields) {
  constexpr std::array<FieldRule<Engagement>, 2> rules{{
      {"key_dates", [](const Engagement& f, Engagement& t) { t.key_dates = f.key_dates; }},
      HC_FIELD_RULE(Engagement, "key_dates.report_due", key_dates.report_due),
  }};
  Engagement before;
  Engagement input;
  input.key_dates.report_due = absl::CivilDay(2027, 3, 1);
  Engagement after = before;
  ASSERT_TRUE(ApplyFieldMask<Engagement>(rules, {"key_dates"}, input, after).ok());
  EXPECT_EQ(DescribeChanges<Engagement>(rules, before, after),
            "key_dates.report_due: none -> 2027-03-01");
}

TEST(AuditValue, ShortensLongTextBetweenCharactersAndKeepsItOnOneLine) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xc3\xa9";  // é, two bytes each
  EXPECT_EQ(AuditValue(text), "\"" + text.substr(0, 80) + "...\" (200 bytes)");
  std::string odd = "x" + text;  // 80 bytes would end inside a character
  EXPECT_EQ(AuditValue(odd), "\"" + odd.substr(0, 79) + "...\" (201 bytes)");
  EXPECT_EQ(AuditValue(std::string("two\nlines\\")), "\"two\\nlines\\\\\"");
}

TEST(AuditValue, ShowsHowManyPeopleTookPartNeverWho) {
  Activity activity;
  activity.participants = {{"Community safety officers", "Anytown Borough Council",
                            domain::Sector::kLocalGovernment, 2, {"Jo Bloggs", "Sam Patel"}},
                           {"Chair", "Anytown NHS Trust", domain::Sector::kHealth, 1, {}}};
  EXPECT_EQ(AuditValue(activity.participants), "2 groups, 3 people");
}

TEST(DescribeChanges, AChangePastTheShownPartOfALongTextIsStillRecorded) {
  constexpr std::array<FieldRule<Activity>, 1> rules{{HC_FIELD_RULE(Activity, "title", title)}};
  Activity before;
  before.title = std::string(100, 'a');
  Activity after = before;
  after.title[95] = 'b';  // same length, same first 80 bytes
  EXPECT_EQ(DescribeChanges<Activity>(rules, before, after),
            "title: changed beyond what is shown: \"" + std::string(80, 'a') +
                "...\" (100 bytes)");
}

TEST(DescribeChanges, PersonalDataAndEvidenceAreRecordedAsChangedButNeverLogged) {
  constexpr std::array<FieldRule<Peer>, 1> rules{
      {HC_UNLOGGED_FIELD_RULE(Peer, "email", email)}};
  Peer before;
  before.email = "ann@anytown.gov.uk";
  Peer after = before;
  after.email = "ann.smith@anytown.gov.uk";
  EXPECT_EQ(DescribeChanges<Peer>(rules, before, after),
            "email: (18 bytes, not logged) -> (24 bytes, not logged)");
  after.email = "bob@anytown.gov.uk";  // the same length
  EXPECT_EQ(DescribeChanges<Peer>(rules, before, after),
            "email: changed beyond what is shown: (18 bytes, not logged)");
}

TEST(AuditValue, ListsAtMostTenItems) {
  std::vector<std::string> tags;
  for (int i = 1; i <= 12; ++i) tags.push_back(absl::StrCat(i));
  EXPECT_EQ(AuditValue(tags),
            "[\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\", and 2 more]");
}

}  // namespace
}  // namespace hc::app
