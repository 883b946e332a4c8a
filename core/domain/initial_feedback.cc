#include "core/domain/initial_feedback.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace hc::domain {
namespace {

// 143 or 143.5: totals and their medians are whole or halves.
std::string Number(double value) {
  std::string text = absl::StrFormat("%.1f", value);
  if (absl::EndsWith(text, ".0")) text.resize(text.size() - 2);
  return text;
}

// Where a median sits in its possible range, 0 (lowest) to 1 (highest).
double Position(const ScoreSummary& summary) {
  const int width = summary.range.max - summary.range.min;
  if (width <= 0) return 1;
  return (summary.statistics->median - summary.range.min) / width;
}

std::string Describe(const Section& section, const ScoreSummary& summary,
                     absl::string_view term) {
  std::string text = absl::StrCat(term, " ", section.code, ", ", section.title);
  if (summary.band) absl::StrAppend(&text, " (\"", summary.band->label, "\")");
  return text;
}

std::vector<std::string> Headline(const Framework& framework, const QuestionnaireOutcome& q,
                                  absl::string_view term) {
  if (!q.exists) return {"This health check had no questionnaire."};
  if (!q.closed) {
    return {"The questionnaire is still open, so its results are not part of this feedback."};
  }
  if (!q.results) {
    return {absl::StrCat("Fewer than ", q.min_group_size,
                         " partners answered the questionnaire, so its results are withheld "
                         "to keep every answer confidential.")};
  }
  const Results& r = *q.results;
  std::vector<std::string> lines;
  if (q.invited > 0) {
    lines.push_back(absl::StrCat(r.respondents, " of the ", q.invited,
                                 " partners invited answered the questionnaire (",
                                 r.respondents * 100 / q.invited, "%)."));
  } else {
    lines.push_back(absl::StrCat(r.respondents, " partners answered the questionnaire."));
  }
  if (const auto& stats = r.aggregate.statistics) {
    std::string sentence = absl::StrCat("Taken together, the median total is ",
                                        Number(stats->median), " of a possible ",
                                        r.aggregate.range.min, "-", r.aggregate.range.max);
    if (r.aggregate.band) {
      absl::StrAppend(&sentence, ": \"", r.aggregate.band->label, "\"");
    }
    lines.push_back(absl::StrCat(sentence, "."));
  }
  // Highest and lowest principle by where their medians sit in their ranges.
  const SectionScore* highest = nullptr;
  const SectionScore* lowest = nullptr;
  const Section* highest_section = nullptr;
  const Section* lowest_section = nullptr;
  for (size_t i = 0; i < r.sections.size() && i < framework.sections.size(); ++i) {
    const SectionScore& s = r.sections[i];
    if (!s.summary.statistics) continue;
    if (highest == nullptr || Position(s.summary) > Position(highest->summary)) {
      highest = &s;
      highest_section = &framework.sections[i];
    }
    if (lowest == nullptr || Position(s.summary) < Position(lowest->summary)) {
      lowest = &s;
      lowest_section = &framework.sections[i];
    }
  }
  if (highest != nullptr && Position(highest->summary) > Position(lowest->summary)) {
    lines.push_back(absl::StrCat("Rated highest: ", Describe(*highest_section, highest->summary, term),
                                 ". Rated lowest: ",
                                 Describe(*lowest_section, lowest->summary, term), "."));
  }
  if (r.proposed_finding) {
    lines.push_back(absl::StrCat("The answers point to: ", r.proposed_finding->text));
  }
  return lines;
}

void Indent(std::string& out, absl::string_view text, absl::string_view prefix) {
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    absl::StrAppend(&out, prefix, line, "\n");
  }
}

void AppendPoints(std::string& out, absl::string_view heading,
                  const std::vector<FeedbackPoint>& points, absl::string_view term) {
  if (points.empty()) return;
  absl::StrAppend(&out, "  ", heading, "\n");
  for (const FeedbackPoint& p : points) {
    absl::StrAppend(&out, "  - ", p.label, " ", p.title, "\n");
    Indent(out, p.narrative, "    ");
    if (!p.also.empty()) absl::StrAppend(&out, "    ", AlsoRelatesTo(p, term), "\n");
  }
}

std::string Capitalised(absl::string_view word) {
  std::string text(word);
  if (!text.empty()) text[0] = absl::ascii_toupper(text[0]);
  return text;
}

}  // namespace

InitialFeedback ComposeInitialFeedback(const Framework& framework,
                                       absl::string_view partnership_name,
                                       const std::vector<ReviewFinding>& findings,
                                       const QuestionnaireOutcome& questionnaire) {
  InitialFeedback feedback;
  feedback.partnership_name = std::string(partnership_name);
  feedback.benchmark_name = framework.display_name;
  feedback.section_term = framework.section_term.empty() ? "section" : framework.section_term;
  feedback.headline = Headline(framework, questionnaire, Capitalised(feedback.section_term));

  std::vector<const ReviewFinding*> agreed;
  for (const ReviewFinding& f : findings) {
    if (f.state == ReviewState::kAgreed && !f.principles.empty()) agreed.push_back(&f);
  }
  std::sort(agreed.begin(), agreed.end(),
            [](const ReviewFinding* a, const ReviewFinding* b) { return a->number < b->number; });
  for (const Section& section : framework.sections) {
    PrincipleFeedback principle{section.code, section.title, {}, {}};
    for (const ReviewFinding* f : agreed) {
      if (f->principles.front() != section.code) continue;
      FeedbackPoint point{FindingLabel(f->number), f->title, f->narrative,
                          {f->principles.begin() + 1, f->principles.end()}};
      (f->kind == FindingKind::kStrength ? principle.strengths
                                         : principle.areas_for_development)
          .push_back(std::move(point));
    }
    if (!principle.strengths.empty() || !principle.areas_for_development.empty()) {
      feedback.principles.push_back(std::move(principle));
    }
  }
  return feedback;
}

std::string FeedbackText(const InitialFeedback& f) {
  std::string out = absl::StrCat("Initial feedback: ", f.partnership_name, "\n",
                                 f.benchmark_name);
  if (f.given_on) {
    absl::StrAppend(&out, ", given on ", absl::FormatCivilTime(*f.given_on));
    if (!f.given_by.empty()) absl::StrAppend(&out, " by ", f.given_by);
  } else {
    absl::StrAppend(&out, " (draft: not yet given)");
  }
  absl::StrAppend(&out, "\n\nWhat the questionnaire said\n");
  for (const std::string& line : f.headline) Indent(out, line, "  ");
  if (f.principles.empty()) absl::StrAppend(&out, "\nNo findings have been agreed yet.\n");
  for (const PrincipleFeedback& p : f.principles) {
    absl::StrAppend(&out, "\n", PrincipleHeading(f, p), "\n");
    AppendPoints(out, "Strengths", p.strengths, f.section_term);
    AppendPoints(out, "Areas for development", p.areas_for_development, f.section_term);
  }
  if (!f.remarks.empty()) {
    absl::StrAppend(&out, "\nClosing remarks\n");
    Indent(out, f.remarks, "  ");
  }
  return out;
}

std::string PrincipleHeading(const InitialFeedback& f, const PrincipleFeedback& p) {
  return absl::StrCat(Capitalised(f.section_term), " ", p.section_code, ": ", p.title);
}

std::string AlsoRelatesTo(const FeedbackPoint& point, absl::string_view term) {
  if (point.also.empty()) return "";
  return absl::StrCat("Also relates to ", term, point.also.size() > 1 ? "s " : " ",
                      absl::StrJoin(point.also, ", "));
}

std::string FeedbackSummary(const InitialFeedback& f) {
  size_t strengths = 0;
  size_t areas = 0;
  for (const PrincipleFeedback& p : f.principles) {
    strengths += p.strengths.size();
    areas += p.areas_for_development.size();
  }
  const auto counted = [](size_t n, absl::string_view one, absl::string_view many) {
    return absl::StrCat(n, " ", n == 1 ? one : many);
  };
  return absl::StrCat(counted(strengths, "strength", "strengths"), " and ",
                      counted(areas, "area for development", "areas for development"),
                      " across ",
                      counted(f.principles.size(), f.section_term, absl::StrCat(f.section_term, "s")));
}

}  // namespace hc::domain
