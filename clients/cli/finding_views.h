#ifndef HC_CLIENTS_CLI_FINDING_VIEWS_H_
#define HC_CLIENTS_CLI_FINDING_VIEWS_H_

#include <string>

#include "healthcheck/v1/finding.pb.h"

namespace hc::cli {

// The text forms of findings, recommendations and the initial feedback, in
// the manner of views.h. The team's texts are shown terminal-safe (see
// TerminalSafe); --json gives them untouched.

// A finding: name, label, kind, state, title, principles, supporting notes,
// questionnaire results, author, agreement, times, etag, then its narrative
// wrapped under "Narrative".
std::string FindingText(const healthcheck::v1::Finding& finding);

// In the order given (the server's is number order): LABEL, KIND, STATE,
// PRINCIPLES, NOTES and RESULTS (how many of each: its evidence), TITLE
// (cut to 40 characters), NAME.
std::string FindingsTable(
    const healthcheck::v1::ListFindingsResponse& response);

// A recommendation: name, label, priority, state, the findings it answers,
// author, agreement, times, etag, then its text wrapped under "Text".
std::string RecommendationText(
    const healthcheck::v1::Recommendation& recommendation);

// In the order given (number order): LABEL, PRIORITY, STATE, FINDINGS (how
// many it answers), TEXT (its first line, cut to 40 characters), NAME.
std::string RecommendationsTable(
    const healthcheck::v1::ListRecommendationsResponse& response);

// The feedback's plain text as the server composed it, terminal-safe and
// ending in a newline.
std::string InitialFeedbackText(
    const healthcheck::v1::InitialFeedback& feedback);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_FINDING_VIEWS_H_
