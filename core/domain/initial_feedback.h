#ifndef HC_CORE_DOMAIN_INITIAL_FEEDBACK_H_
#define HC_CORE_DOMAIN_INITIAL_FEEDBACK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "core/domain/findings.h"
#include "core/domain/framework.h"
#include "core/domain/scoring.h"

// The initial feedback (DOMAIN.md: Outputs): at the end of fieldwork day 3
// the team tells the partnership what the questionnaire said, then its key
// strengths and areas for development per principle, from agreed findings.
namespace hc::domain {

// One agreed finding as the feedback tells it.
struct FeedbackPoint {
  std::string label;  // "F3"
  std::string title;
  std::string narrative;
  std::vector<std::string> also;  // the finding's other principles' codes
};

struct PrincipleFeedback {
  std::string section_code;
  std::string title;
  std::vector<FeedbackPoint> strengths;
  std::vector<FeedbackPoint> areas_for_development;
};

struct InitialFeedback {
  std::string partnership_name;
  std::string benchmark_name;  // the framework's display name
  std::string section_term;    // "principle", "area", ...
  // Sentences on the questionnaire: who answered, the overall reading, the
  // highest and lowest principles; or why there are no results to give.
  std::vector<std::string> headline;
  // Benchmark order; only principles with an agreed finding. A finding is
  // told under its first principle; `also` names the rest.
  std::vector<PrincipleFeedback> principles;
  std::string remarks;  // the lead peer's closing words; may be empty
  // Set once given (the lifecycle transition): the date and the lead peer.
  std::optional<absl::CivilDay> given_on;
  std::string given_by;
};

// What the questionnaire can contribute. `results` is set only when the
// results may be shown: closed, with k or more respondents.
struct QuestionnaireOutcome {
  bool exists = false;
  bool closed = false;
  int invited = 0;
  int min_group_size = 0;
  std::optional<Results> results;
};

// Composes the feedback from the agreed findings among `findings` (others
// are ignored) and the questionnaire's outcome. Findings in number order
// within each principle, strengths first. Pure.
InitialFeedback ComposeInitialFeedback(const Framework& framework,
                                       absl::string_view partnership_name,
                                       const std::vector<ReviewFinding>& findings,
                                       const QuestionnaireOutcome& questionnaire);

// The feedback as plain text for e-mail or a terminal: a title, the
// headline, then each principle with its strengths and areas for
// development, then the remarks.
std::string FeedbackText(const InitialFeedback& feedback);

// "Principle 2: Develop clarity and realism of purpose", in the
// benchmark's word for a section.
std::string PrincipleHeading(const InitialFeedback& feedback, const PrincipleFeedback& principle);

// "Also relates to principle 4" or "... principles 4, 6"; `term` is the
// benchmark's word for a section. Empty when `point.also` is.
std::string AlsoRelatesTo(const FeedbackPoint& point, absl::string_view term);

// One line for the engagement's record: "5 strengths and 3 areas for
// development across 4 principles".
std::string FeedbackSummary(const InitialFeedback& feedback);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_INITIAL_FEEDBACK_H_
