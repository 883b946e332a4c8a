#ifndef HC_CORE_REPORT_REPORT_DOCUMENT_H_
#define HC_CORE_REPORT_REPORT_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "core/domain/framework.h"

// The written report of one health check (DOMAIN.md: Outputs), as plain data
// ready to render: every text is final wording, every figure is one that the
// confidentiality rules allow to be shown. The app layer composes it from the
// engagement; the renderers (HTML, PDF) only lay it out and never decide what
// may be shown.
namespace hc::report {

// One labelled value of a "facts" table, e.g. {"Purpose", "Developmental"}.
struct Fact {
  std::string label;
  std::string value;
};

struct MemberOrganisation {
  std::string name;
  std::string sector;  // display name, e.g. "Health"
};

struct TeamMemberLine {
  std::string name;
  std::string role;          // "Lead peer", "Peer", "Shadow"
  std::string organisation;  // may be empty
  std::string sector;        // display name; may be empty
};

// Section 1: the partnership and the scope agreed with it.
struct ScopeSection {
  std::string partnership_name;
  std::vector<MemberOrganisation> members;  // name order
  std::string purpose;                      // "Developmental", ...
  std::vector<std::string> issues;
  std::vector<std::string> desired_outcomes;
  std::string arrangements;
  std::vector<Fact> key_dates;  // {"Fieldwork day 1", "3 March 2026"}, in date order
  std::vector<TeamMemberLine> team;  // lead peer first
};

struct DocumentLine {
  std::string title;
  std::string source;
  std::string date;  // "12 February 2026"; may be empty
};

struct ActivityLine {
  int day = 0;              // 1-3
  std::string time;         // "09:30"; may be empty
  std::string kind;         // "Interview", "Focus group", ...
  std::string title;
  std::string participants; // "3 participants: Health, Police"
};

// One group's response rate. Withheld groups show no figure at all.
struct RateLine {
  std::string group;  // "Overall", "Board or elected member", "Health", ...
  bool released = false;
  int invited = 0;
  int responded = 0;
  std::string withheld_reason;  // when !released: a sentence, "Withheld: ..."
};

// Section 2: how the team worked.
struct MethodSection {
  std::vector<DocumentLine> documents_read;  // date order
  std::vector<ActivityLine> activities_held; // day then time order; held only
  int min_group_size = 0;                    // k
  RateLine overall_rate;
  std::vector<RateLine> rates_by_level;
  std::vector<RateLine> rates_by_sector;
};

// A score band of a section, for tables and the radar's rings.
struct BandLine {
  int min_score = 0;
  int max_score = 0;
  std::string label;  // "very high"
  std::string text;
};

// One section's (principle's) figures; the radar plots `median` on the
// range [range_min, range_max] with `bands` marked as rings.
struct SectionScoreLine {
  std::string code;   // "1"
  std::string title;  // "Recognise and accept the need for partnership"
  int range_min = 0;
  int range_max = 0;
  std::optional<double> median;  // unset when nobody has a total here
  std::optional<double> mean;
  std::optional<double> min;
  std::optional<double> max;
  std::optional<double> consensus;  // [0, 1]
  std::string band_label;           // the median's band; may be empty
  std::vector<BandLine> bands;      // ascending; may be empty
};

// One scale point's share of a statement's answers (stacked bar segment).
struct AnswerCount {
  std::string label;  // "Strongly agree"
  int value = 0;
  int count = 0;
};

struct StatementAnswers {
  std::string code;  // "1.1", "overall.1"
  std::string text;
  std::vector<AnswerCount> counts;  // the scale's order
  int unanswered = 0;
};

// The mean total of one released level per section ("levels compared").
struct LevelMeanLine {
  std::string level;  // "Board or elected member"
  int n = 0;
  std::vector<std::optional<double>> section_means;  // index = sections
  std::optional<double> aggregate_mean;
};

// The change of one section (or statement) since the previous health check.
struct ChangeLine {
  std::string code;   // section code, statement code, or empty (aggregate)
  std::string title;  // section title or statement text
  std::optional<double> previous;  // median (sections) or mean (statements)
  std::optional<double> current;
  std::optional<double> change;    // current - previous
  std::string previous_band;       // sections only; may be empty
  std::string current_band;
};

struct PreviousHealthCheck {
  std::string engagement_name;  // "Health check of ... (fieldwork March 2024)"
  int previous_respondents = 0;
  std::vector<ChangeLine> sections;    // benchmark order
  std::optional<ChangeLine> aggregate;
  std::vector<ChangeLine> statements;  // benchmark order
};

// Section 3: the questionnaire's results. When `released` is false, only
// `withheld_reason` (and the counts above it) may be shown.
struct ResultsSection {
  std::string benchmark_name;  // "Partnership Assessment Tool (version 1)"
  std::string section_term;    // "principle", "area"
  bool released = false;
  std::string withheld_reason;
  int respondents = 0;
  std::vector<SectionScoreLine> sections;  // benchmark order
  std::optional<SectionScoreLine> aggregate;
  std::string proposed_finding;  // "B: working well in some parts ..."; may be empty
  std::vector<StatementAnswers> statements;  // benchmark order
  std::vector<LevelMeanLine> levels;         // released levels only, level order
  std::optional<PreviousHealthCheck> previous;
  std::string previous_note;  // why there is no comparison; empty when there is
  std::vector<std::string> quotable_comments;  // unattributed, as marked by the team
};

// One agreed finding as the report tells it.
struct FindingLine {
  std::string label;  // "F3"
  std::string title;
  std::string narrative;
  std::string also_relates_to;  // "Also relates to principle 4"; may be empty
};

struct PrincipleFindings {
  std::string heading;  // "Principle 2: Develop clarity and realism of purpose"
  std::vector<FindingLine> strengths;
  std::vector<FindingLine> areas_for_development;
};

struct RecommendationLine {
  std::string label;     // "R2"
  std::string title;
  std::string text;
  std::string priority;  // "High", "Medium", "Low"
  std::string answers;   // "Answers F3, F5"
};

// The whole report. Section order in every rendering: contents, 1 scope,
// 2 method, 3 questionnaire results, 4 findings by principle,
// 5 recommendations, annex: the benchmark.
struct ReportDocument {
  std::string title;     // "Partnership health check: Riverside Community Safety Partnership"
  std::string subtitle;  // "Written report, version 2"
  int version = 0;
  bool draft = true;         // not yet published: every page says "Draft"
  std::string status_line;   // "Draft for factual-accuracy check, 12 April 2026"
  std::string date;          // the version's date, "12 April 2026"
  ScopeSection scope;
  MethodSection method;
  ResultsSection results;
  std::vector<PrincipleFindings> findings;        // benchmark order, principles with findings
  std::vector<RecommendationLine> recommendations;  // number order
  domain::Framework benchmark;  // the annex: sections, statements, scale, bands
};

}  // namespace hc::report

#endif  // HC_CORE_REPORT_REPORT_DOCUMENT_H_
