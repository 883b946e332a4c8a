#include "tests/core/report/sample_report.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace hc::report::testing {
namespace {

constexpr int kRespondents = 23;
constexpr int kMinGroup = 3;

// One respondent's answers: value per statement code (0 = unanswered).
struct Respondent {
  std::string level;
  std::vector<std::vector<int>> answers;  // [section][statement]
  int overall = 0;
};

// Principles the partnership does well on lean towards agreement.
constexpr double kLean[] = {0.95, 0.72, 0.6, 0.45, 0.3, 0.18};

std::vector<Respondent> Respondents(const domain::Framework& f) {
  std::mt19937 random(20260412);
  std::uniform_real_distribution<double> unit(0, 1);
  const std::vector<std::string> levels = {"Board or elected member", "Senior manager",
                                           "Practitioner", "Community representative"};
  const int per_level[] = {7, 9, 5, 2};
  std::vector<Respondent> out;
  for (size_t l = 0; l < levels.size(); ++l) {
    for (int i = 0; i < per_level[l]; ++i) {
      Respondent r{levels[l], {}, 0};
      for (size_t s = 0; s < f.sections.size(); ++s) {
        // Board members see the partnership a little more kindly.
        const double lean =
            std::min(0.9, kLean[s] + (l == 0 ? 0.12 : 0) - (l == 2 ? 0.08 : 0));
        const double agree_strongly = 0.35 * lean;
        const double agree = agree_strongly + 0.6 * lean;
        const double disagree = agree + (1 - agree) * 0.7;
        std::vector<int> answers;
        for (size_t k = 0; k < f.sections[s].statements.size(); ++k) {
          const double u = unit(random);
          const double v = unit(random);
          const int value = v < 0.015           ? 0
                            : u < agree_strongly ? 4
                            : u < agree          ? 3
                            : u < disagree       ? 2
                                                 : 1;
          answers.push_back(value);
        }
        r.answers.push_back(answers);
      }
      r.overall = unit(random) < 0.5 ? 3 : 2;
      out.push_back(std::move(r));
    }
  }
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / v.size();
}

std::string BandLabel(const std::vector<domain::Band>& bands, double score) {
  const domain::Band* band = domain::BandFor(bands, static_cast<int>(std::lround(score)));
  return band ? band->label : "";
}

// Totals of the respondents who answered every statement of section `s`.
std::vector<double> Totals(const std::vector<Respondent>& rs, size_t s) {
  std::vector<double> totals;
  for (const Respondent& r : rs) {
    int total = 0;
    bool complete = true;
    for (int v : r.answers[s]) {
      complete = complete && v > 0;
      total += v;
    }
    if (complete) totals.push_back(total);
  }
  return totals;
}

SectionScoreLine ScoreLine(const domain::Section& section, const domain::Framework& f,
                           const std::vector<double>& totals) {
  const domain::ScoreRange range = domain::SectionRange(section, f.scale);
  SectionScoreLine line{section.code, section.title, range.min, range.max};
  for (const domain::Band& b : section.bands) {
    line.bands.insert(line.bands.begin(), {b.min_score, b.max_score, b.label, b.text});
  }
  line.median = Median(totals);
  line.mean = std::round(Mean(totals) * 10) / 10;
  line.min = *std::min_element(totals.begin(), totals.end());
  line.max = *std::max_element(totals.begin(), totals.end());
  line.band_label = BandLabel(section.bands, *line.median);
  int in_band = 0;
  for (double t : totals) in_band += BandLabel(section.bands, t) == line.band_label;
  line.consensus = static_cast<double>(in_band) / totals.size();
  return line;
}

StatementAnswers Answers(const domain::Framework& f, const domain::Statement& statement,
                         const std::vector<Respondent>& rs, size_t s, size_t k) {
  StatementAnswers a{statement.code, statement.text, {}, 0};
  for (const domain::ScalePoint& p : f.scale.points) a.counts.push_back({p.label, p.value, 0});
  for (const Respondent& r : rs) {
    const int v = r.answers[s][k];
    if (v == 0) ++a.unanswered;
    for (AnswerCount& c : a.counts) c.count += c.value == v;
  }
  return a;
}

std::vector<LevelMeanLine> Levels(const domain::Framework& f, const std::vector<Respondent>& rs) {
  std::vector<LevelMeanLine> out;
  for (const char* level : {"Board or elected member", "Senior manager", "Practitioner"}) {
    std::vector<Respondent> group;
    for (const Respondent& r : rs) {
      if (r.level == level) group.push_back(r);
    }
    LevelMeanLine line{level, static_cast<int>(group.size()), {}, std::nullopt};
    double aggregate = 0;
    for (size_t s = 0; s < f.sections.size(); ++s) {
      const double mean = std::round(Mean(Totals(group, s)) * 10) / 10;
      line.section_means.push_back(mean);
      aggregate += mean;
    }
    line.aggregate_mean = aggregate;
    out.push_back(std::move(line));
  }
  return out;
}

PreviousHealthCheck Previous(const ResultsSection& now, const domain::Framework& f) {
  PreviousHealthCheck p{"health check of the Riverside Community Safety Partnership (fieldwork "
                        "March 2024)", 19, {}, std::nullopt, {}};
  const double shift[] = {-2, -1.5, 1, -3, -4, -1};
  for (size_t s = 0; s < now.sections.size(); ++s) {
    const SectionScoreLine& line = now.sections[s];
    const double before = *line.median + shift[s];
    p.sections.push_back({line.code, line.title, before, line.median, *line.median - before,
                          BandLabel(f.sections[s].bands, before), line.band_label});
  }
  const double before = *now.aggregate->median - 10.5;
  p.aggregate = ChangeLine{"", "All principles", before, now.aggregate->median,
                           *now.aggregate->median - before,
                           BandLabel(f.aggregate_bands, before), now.aggregate->band_label};
  for (size_t i = 0; i < now.statements.size(); ++i) {
    const StatementAnswers& a = now.statements[i];
    double sum = 0;
    int n = 0;
    for (const AnswerCount& c : a.counts) {
      sum += c.value * c.count;
      n += c.count;
    }
    const double mean = std::round(sum / n * 10) / 10;
    const double before_mean = mean - 0.1 * ((i * 7) % 5) + 0.2;
    p.statements.push_back({a.code, a.text, before_mean, mean,
                            std::round((mean - before_mean) * 10) / 10, "", ""});
  }
  return p;
}

ResultsSection Results(const domain::Framework& f) {
  const std::vector<Respondent> rs = Respondents(f);
  ResultsSection r;
  r.benchmark_name = "Partnership Assessment Tool (version 1)";
  r.section_term = f.section_term;
  r.released = true;
  r.respondents = static_cast<int>(rs.size());
  std::vector<double> aggregate;
  for (size_t s = 0; s < f.sections.size(); ++s) {
    r.sections.push_back(ScoreLine(f.sections[s], f, Totals(rs, s)));
    for (size_t k = 0; k < f.sections[s].statements.size(); ++k) {
      r.statements.push_back(Answers(f, f.sections[s].statements[k], rs, s, k));
    }
  }
  const domain::ScoreRange range = domain::AggregateRange(f);
  SectionScoreLine all{"", "All principles", range.min, range.max};
  double total = 0;
  for (const SectionScoreLine& s : r.sections) total += *s.median;
  all.median = total;
  all.band_label = BandLabel(f.aggregate_bands, total);
  r.aggregate = all;
  r.proposed_finding = absl::StrCat(
      "B: The partnership is working well enough overall but some aspects may need further "
      "exploration and attention (aggregate median ", total, ").");
  StatementAnswers overall{"overall.1", f.overall_statements[0].text, {}, 0};
  for (const domain::ScalePoint& p : f.scale.points) overall.counts.push_back({p.label, p.value, 0});
  for (const Respondent& x : rs) {
    for (AnswerCount& c : overall.counts) c.count += c.value == x.overall;
  }
  r.statements.push_back(overall);
  r.levels = Levels(f, rs);
  r.previous = Previous(r, f);
  r.quotable_comments = {
      "The partnership is at its best when something goes wrong: we all pick up the phone.",
      "Nobody quite knows who decides what between board meetings.",
      "We collect a lot of data but I rarely see it change what we do."};
  return r;
}

ScopeSection Scope() {
  ScopeSection s;
  s.partnership_name = "Riverside Community Safety Partnership";
  s.members = {{"Avon and Riverside Fire and Rescue Service", "Fire and rescue"},
               {"Riverside Borough Council", "Local government"},
               {"Riverside Community Voluntary Service", "Voluntary and community"},
               {"Riverside Constabulary", "Police"},
               {"Riverside Housing Association", "Housing"},
               {"Riverside Integrated Care Board", "Health"},
               {"Riverside Probation Delivery Unit", "Probation"}};
  s.purpose = "Developmental";
  s.issues = {"How well the partnership turns its strategic assessment into shared priorities.",
              "Whether the partners' data on anti-social behaviour is shared and used.",
              "How the partnership involves residents of the three priority estates."};
  s.desired_outcomes = {"A clear, shared set of three-year priorities the board owns.",
                        "An information-sharing agreement that front-line staff use.",
                        "Residents' voices heard in the partnership's decisions."};
  s.arrangements =
      "The board meets quarterly, chaired by the council's cabinet member for communities, with "
      "a delivery group of senior managers meeting monthly and three task groups (anti-social "
      "behaviour, domestic abuse, serious violence). A community safety manager employed by the "
      "council supports the partnership.";
  s.key_dates = {{"Scoping meeting", "14 January 2026"},
                 {"Questionnaire open", "2 to 20 February 2026"},
                 {"Fieldwork day 1", "3 March 2026"},
                 {"Fieldwork day 2", "4 March 2026"},
                 {"Fieldwork day 3 and initial feedback", "5 March 2026"},
                 {"Draft report", "12 April 2026"}};
  s.team = {{"Dr Amina Okafor", "Lead peer", "Northshire Community Safety Partnership", "Local government"},
            {"Gareth Pryce", "Peer", "Westvale Police", "Police"},
            {"Helen Marsh", "Peer", "Eastbrook NHS Trust", "Health"},
            {"Tom Reilly", "Shadow", "Riverside Borough Council", "Local government"}};
  return s;
}

MethodSection Method() {
  MethodSection m;
  m.documents_read = {
      {"Community safety strategic assessment 2025", "Riverside Community Safety Partnership", "4 November 2025"},
      {"Partnership plan 2024 to 2027", "Riverside Community Safety Partnership", "1 April 2024"},
      {"Board terms of reference", "Riverside Borough Council", "12 June 2023"},
      {"Minutes of the last four board meetings", "Riverside Borough Council", "9 December 2025"},
      {"Information-sharing agreement (draft)", "Riverside Constabulary", "20 January 2026"},
      {"Domestic abuse needs assessment", "Riverside Integrated Care Board", "3 February 2026"}};
  m.activities_held = {
      {1, "09:30", "Interview", "Chair of the board", "1 participant: Local government"},
      {1, "11:00", "Focus group", "Delivery group", "6 participants: Fire and rescue, Health, Housing, Police, Probation"},
      {1, "14:00", "Observation", "Anti-social behaviour task group", "9 participants"},
      {1, "16:00", "Interview", "Community safety manager", "1 participant: Local government"},
      {2, "09:30", "Site visit", "Marsh Lane estate with the neighbourhood team", "4 participants: Housing, Police"},
      {2, "13:00", "Focus group", "Front-line practitioners", "8 participants: Health, Housing, Police, Voluntary and community"},
      {2, "15:30", "Interview", "Director of public health", "1 participant: Health"},
      {3, "09:00", "Focus group", "Residents of the priority estates", "7 participants"},
      {3, "11:30", "Team meeting", "Triangulation and agreeing findings", "3 participants"},
      {3, "15:00", "Feedback", "Initial feedback to the board", "11 participants"}};
  m.min_group_size = kMinGroup;
  m.overall_rate = {"All respondents", true, 31, kRespondents, ""};
  m.rates_by_level = {
      {"Board or elected member", true, 9, 7, ""},
      {"Senior manager", true, 11, 9, ""},
      {"Practitioner", true, 7, 5, ""},
      {"Community representative", false, 0, 0,
       "Withheld: fewer than 3 people answered at this level"}};
  m.rates_by_sector = {
      {"Local government", true, 9, 7, ""},
      {"Police", true, 6, 5, ""},
      {"Health", true, 5, 4, ""},
      {"Housing", true, 4, 3, ""},
      {"Fire and rescue", false, 0, 0, "Withheld: fewer than 3 people answered in this sector"},
      {"Voluntary and community", false, 0, 0, "Withheld: fewer than 3 people answered in this sector"}};
  return m;
}

std::vector<PrincipleFindings> Findings() {
  return {
      {"Principle 1: Recognise and accept the need for partnership",
       {{"F1", "Partners value the partnership and can name what it has achieved",
         "Every partner we met could point to the fall in repeat domestic abuse cases since the "
         "joint triage began in 2023, and credited it to working together.",
         ""}},
       {}},
      {"Principle 2: Develop clarity and realism of purpose",
       {{"F2", "The strategic assessment is thorough and trusted",
         "The 2025 assessment draws on all partners' data and its conclusions were repeated to "
         "us, unprompted, in three focus groups.",
         ""}},
       {{"F3", "Priorities are too many to guide choices",
         "The partnership plan lists eleven priorities; the delivery group could not say which "
         "would give way when resources are short.",
         "Also relates to principle 5"}}},
      {"Principle 3: Ensure commitment and ownership",
       {{"F4", "Senior leaders attend and speak for their organisations",
         "Board attendance has been above 85% for two years and members take decisions without "
         "referring back.",
         ""}},
       {{"F5", "Ownership thins out below the board",
         "Practitioners described the partnership as 'the council's meeting'; few knew who "
         "represents their organisation on the delivery group.",
         ""}}},
      {"Principle 5: Create clear and robust partnership arrangements",
       {},
       {{"F6", "Decisions between board meetings have no clear home",
         "The terms of reference do not say what the delivery group may decide; urgent matters "
         "wait up to three months or are settled informally.",
         "Also relates to principle 3"}}},
      {"Principle 6: Monitor, measure and learn",
       {},
       {{"F7", "Performance data is collected but rarely used to change course",
         "The quarterly report runs to 40 pages of indicators without commentary; we saw no "
         "decision in the last four sets of minutes that referred to it.",
         ""}}}};
}

std::vector<RecommendationLine> Recommendations() {
  return {
      {"R1", "Agree three priorities for the next three years",
       "Use the strategic assessment to choose no more than three priorities, and say which work "
       "stops or slows to make room for them.",
       "High", "Answers F3"},
      {"R2", "Give the delivery group clear delegated authority",
       "Revise the terms of reference so that the delivery group may decide matters within an "
       "agreed budget and report them to the next board.",
       "High", "Answers F6"},
      {"R3", "Bring practitioners into the partnership's work",
       "Hold a practitioners' forum twice a year and publish a one-page summary of each board "
       "meeting for front-line staff.",
       "Medium", "Answers F5"},
      {"R4", "Replace the quarterly indicator report with a short performance story",
       "Report a handful of measures tied to the priorities, with commentary that asks the "
       "board for a decision.",
       "Medium", "Answers F7"},
      {"R5", "Keep and publicise the joint triage model",
       "Share the domestic abuse triage model's results with residents and neighbouring "
       "partnerships.",
       "Low", "Answers F1, F2"}};
}

}  // namespace

ReportDocument SampleReport() {
  ReportDocument d;
  d.title = "Partnership health check: Riverside Community Safety Partnership";
  d.subtitle = "Written report, version 2";
  d.version = 2;
  d.draft = true;
  d.status_line = "Draft for factual-accuracy check, 12 April 2026";
  d.date = "12 April 2026";
  d.benchmark = PartnershipAssessmentTool();
  d.scope = Scope();
  d.method = Method();
  d.results = Results(d.benchmark);
  d.findings = Findings();
  d.recommendations = Recommendations();
  return d;
}

// Generated from core/frameworks/partnership_assessment_tool.textproto: the
// sections, statements, bands and scale.
domain::Framework PartnershipAssessmentTool() {
  domain::Framework f;
  f.framework_id = "partnership-assessment-tool";
  f.version = 1;
  f.display_name = "Partnership Assessment Tool";
  f.source = "Assessing Strategic Partnership: The Partnership Assessment Tool. Brian Hardy, Bob Hudson, Eileen Waddington (Nuffield Institute for Health), Office of the Deputy Prime Minister, 2003.";
  f.description = "The purpose of this tool is to provide a simple, quick and cost-effective way of assessing the effectiveness of partnership working. It enables a rapid appraisal (a quick 'health check') which graphically identifies problem areas. The Assessment Tool is based on six Partnership Principles which our research and fieldwork has shown form the building blocks for successful partnership. The purpose of the tool is to ascertain from partners how far they feel that these building blocks are in place.";
  f.section_term = "principle";
  f.scale.points = {{"Strongly agree", 4}, {"Agree", 3}, {"Disagree", 2}, {"Strongly disagree", 1}};
  f.comments = true;
  {
    domain::Section s;
    s.code = "1";
    s.title = "Recognise and accept the need for partnership";
    s.description = "This principle is concerned with two main factors: the extent to which there is a partnership history and the extent to which there is a recognition of the need to work in partnership. These factors are obviously related in that a strong local history of partnership working should reflect an understanding of the need to work in this manner, whilst a weak history of partnership working may reflect an insufficient appreciation of the extent to which agencies depend upon one another to achieve organisational goals. Without such an appreciation, genuine partnership working will be very unlikely to develop.";
    s.statements.push_back({"1.1", "There have been substantial past achievements within the partnership."});
    s.statements.push_back({"1.2", "The factors associated with successful working are known and understood."});
    s.statements.push_back({"1.3", "The principal barriers to successful partnership working are known and understood."});
    s.statements.push_back({"1.4", "The extent to which partners engage in partnership working voluntarily or under pressure/mandation is recognised and understood."});
    s.statements.push_back({"1.5", "There is a clear understanding of partners' interdependence in achieving some of their goals."});
    s.statements.push_back({"1.6", "There is mutual understanding of those areas of activity where partners can achieve some goals by working independently of each other."});
    s.bands.push_back({19, 24, "very high", "Very high recognition and acceptance of the need for partnership"});
    s.bands.push_back({13, 18, "present", "The need for partnership is recognised and accepted"});
    s.bands.push_back({7, 12, "limited", "Recognition and acceptance of the need for partnership is limited"});
    s.bands.push_back({6, 6, "minimal", "Recognition and acceptance of the need for partnership is minimal."});
    f.sections.push_back(std::move(s));
  }
  {
    domain::Section s;
    s.code = "2";
    s.title = "Develop clarity and realism of purpose";
    s.description = "This stage of the assessment assumes that there is a consensus amongst partners on the desirability and importance of joint working. This second principle is concerned with two broad initial areas of 'scoping'. First, considering whether the partners have sufficient common ground to work together, both in terms of a broad set of shared understandings as well as more specific aims and objectives. Second, ensuring that the aims and objectives of the partnership are realistic.";
    s.statements.push_back({"2.1", "Our partnership has a clear vision, shared values and agreed service principles."});
    s.statements.push_back({"2.2", "We have clearly defined joint aims and objectives."});
    s.statements.push_back({"2.3", "These joint aims and objectives are realistic."});
    s.statements.push_back({"2.4", "The partnership has defined clear service outcomes."});
    s.statements.push_back({"2.5", "The reason why each partner is engaged in the partnership is understood and accepted."});
    s.statements.push_back({"2.6", "We have identified where early partnership success is most likely."});
    s.bands.push_back({19, 24, "very high", "The purpose of the partnership is very clear and realistic"});
    s.bands.push_back({13, 18, "present", "There is some degree of purpose and realism to the partnership"});
    s.bands.push_back({7, 12, "limited", "Only limited clarity and realism of purpose exists"});
    s.bands.push_back({6, 6, "minimal", "The partnership lacks any clarity or sense of purpose."});
    f.sections.push_back(std::move(s));
  }
  {
    domain::Section s;
    s.code = "3";
    s.title = "Ensure commitment and ownership";
    s.description = "Partnership working cannot be guaranteed to be characterised by either spontaneous growth or self-perpetuation, therefore the understandings and agreements developed through the first two principles will need to be supported and reinforced. This Principle is concerned with the ways in which this can be done. It is concerned with ensuring that across the partners there is a widespread commitment to, and ownership of, partnership working; and, especially, a sufficiently senior commitment.";
    s.statements.push_back({"3.1", "There is a clear commitment to partnership working from the most senior levels of each partnership organisation."});
    s.statements.push_back({"3.2", "There is widespread ownership of the partnership across and within all partners."});
    s.statements.push_back({"3.3", "Commitment to partnership working is sufficiently robust to withstand most threats to its working."});
    s.statements.push_back({"3.4", "The partnership recognises and encourages networking skills."});
    s.statements.push_back({"3.5", "The partnership is not dependent for its success solely upon individuals with these skills."});
    s.statements.push_back({"3.6", "Not working in partnership is discouraged and dealt with."});
    s.bands.push_back({19, 24, "very high", "The partnership is characterised by strong commitment and wide ownership"});
    s.bands.push_back({13, 18, "present", "There is some degree of commitment to, and ownership of, the partnership"});
    s.bands.push_back({7, 12, "limited", "Only limited partnership commitment and ownership can be identified"});
    s.bands.push_back({6, 6, "minimal", "There is little or no commitment to, or ownership of, the partnership."});
    f.sections.push_back(std::move(s));
  }
  {
    domain::Section s;
    s.code = "4";
    s.title = "Develop and maintain trust";
    s.description = "This is simultaneously the most self-evident and most elusive of the principles which underpin successful partnership working. Although joint working is possible with little trust amongst those involved, the development and maintenance of trust is the basis for the closest, most enduring and most successful partnerships. At whatever level – organisational, professional, individual – the more trust there is the better will be the chances for healthy partnership. Needless to say, the history of joint working in many areas is characterised by territorial disputes about roles and remits or claims to exclusive professional competence or defensiveness about resources which preclude the development of trust. What each of these six elements spell out is the need to develop an openness in the pursuit of broad, collective interests which foster mutual trust. Trust is, of course, hard won and easily lost.";
    s.statements.push_back({"4.1", "The way the partnership is structured recognises and values each partner's contribution."});
    s.statements.push_back({"4.2", "The way the partnership's work is conducted appropriately recognises each partner's contribution."});
    s.statements.push_back({"4.3", "Benefits derived from the partnership are fairly distributed among all partners."});
    s.statements.push_back({"4.4", "There is sufficient trust within the partnership to survive any mistrust that arises elsewhere."});
    s.statements.push_back({"4.5", "Levels of trust within the partnership are high enough to encourage significant risk-taking."});
    s.statements.push_back({"4.6", "The partnership has succeeded in having the right people in the right place at the right time to promote partnership working."});
    s.bands.push_back({19, 24, "very high", "There is well developed trust among partners"});
    s.bands.push_back({13, 18, "present", "There is some degree of trust amongst partners"});
    s.bands.push_back({7, 12, "limited", "Trust amongst partners is poorly developed"});
    s.bands.push_back({6, 6, "minimal", "There is little or no trust among partners."});
    f.sections.push_back(std::move(s));
  }
  {
    domain::Section s;
    s.code = "5";
    s.title = "Create clear and robust partnership arrangements";
    s.description = "This principle refers to the need to ensure that partnership working is not hindered by cumbersome, elaborate and time-consuming working arrangements. The evidence is that unduly complex structures and processes reflect partners' defensiveness about their own interests and uncertainty about degrees of mutual trust. The result of such excess bureaucracy is frustration amongst the partners and a sapping of their enthusiasm for, and commitment to, the partnership. This is doubly the case where – as has often been the case – partnership working is seen as peripheral rather than core business.\n\nPartnership working arrangements thus should be as lean as possible, with generally time-limited and task-oriented joint structures. The two other essential requirements are: (a) a prime focus on processes and outcomes rather than structures and inputs; and (b) clarity about partners' areas of responsibility and lines of accountability.";
    s.statements.push_back({"5.1", "It is clear what financial resources each partner brings to the partnership."});
    s.statements.push_back({"5.2", "The resources, other than finance, each partner brings to the partnership are understood and appreciated."});
    s.statements.push_back({"5.3", "Each partner's areas of responsibility are clear and understood."});
    s.statements.push_back({"5.4", "There are clear lines of accountability for the performance of the partnership as a whole."});
    s.statements.push_back({"5.5", "Operational partnership arrangements are simple, time-limited and task-oriented."});
    s.statements.push_back({"5.6", "The partnership's principal focus is on process, outcomes and innovation."});
    s.bands.push_back({19, 24, "very high", "Partnership working arrangements are very clear and robust"});
    s.bands.push_back({13, 18, "present", "Partnership working arrangements are reasonably clear and robust"});
    s.bands.push_back({7, 12, "limited", "Partnership working arrangements are insufficiently clear and robust"});
    s.bands.push_back({6, 6, "minimal", "Partnership working arrangements are poor."});
    f.sections.push_back(std::move(s));
  }
  {
    domain::Section s;
    s.code = "6";
    s.title = "Monitor, measure and learn";
    s.description = "This principle refers to the reflective component of partnership working. Such a review function is, of course, an integral part of any single agency planning and management process. It is even more important, however, in partnership working where there may be doubts about levels of commitment or about the costs and benefits to individual partners. The latter is especially the case if the partnership is seen by some as non-core business. Monitoring, measuring and learning is, therefore, an essential part not just of assessing performance but, in so doing, of cementing commitment and trust.";
    s.statements.push_back({"6.1", "The partnership has clear success criteria in terms of both service goals and the partnership itself."});
    s.statements.push_back({"6.2", "The partnership has clear arrangements effectively to monitor and review how successfully its service aims and objectives are being met."});
    s.statements.push_back({"6.3", "There are clear arrangements effectively to monitor and review how the partnership itself is working."});
    s.statements.push_back({"6.4", "There are clear arrangements to ensure that monitoring and review findings are, or will be, widely shared and disseminated amongst the partners."});
    s.statements.push_back({"6.5", "Partnership successes are well communicated outside of the partnership."});
    s.statements.push_back({"6.6", "There are clear arrangements to ensure that partnership aims, objectives and working arrangements are reconsidered and, where necessary, revised in the light of monitoring and review findings."});
    s.bands.push_back({19, 24, "very high", "The partnership monitors, measures and learns from its performance very well"});
    s.bands.push_back({13, 18, "present", "The partnership monitors, measures and learns from its performance reasonably well"});
    s.bands.push_back({7, 12, "limited", "The partnership monitors, measures and learns from its performance poorly in some respects"});
    s.bands.push_back({6, 6, "minimal", "The partnership monitors, measures and learns from its performance poorly in most respects or not at all."});
    f.sections.push_back(std::move(s));
  }
  f.aggregate_bands.push_back({109, 144, "working well", "The partnership is working well enough in all or most respects to make the need for further detailed work unnecessary."});
  f.aggregate_bands.push_back({73, 108, "working well overall", "The partnership is working well enough overall but some aspects may need further exploration and attention."});
  f.aggregate_bands.push_back({37, 72, "concerns outweigh", "The partnership may be working well in some respects but these are outweighed by areas of concern sufficient to require remedial action."});
  f.aggregate_bands.push_back({36, 36, "working badly", "The partnership is working badly enough in all respects for further detailed remedial work to be essential."});
  f.overall_statements.push_back({"overall.1", "The partnership is achieving its aims and objectives"});
  return f;
}

}  // namespace hc::report::testing
