#ifndef HC_CORE_DOMAIN_RESPONSE_H_
#define HC_CORE_DOMAIN_RESPONSE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/domain/sector.h"

// A submitted questionnaire response, as the results see it: answers and the
// respondent's group attributes (never who they are).
namespace hc::domain {

// The levels a questionnaire is sent to (seed 003: board, senior management
// and front line; seed 004: each level and each member organisation).
// Values are stable: they are stored.
enum class RespondentLevel {
  kUnspecified = 0,
  kBoard = 1,       // board or elected member
  kManagement = 2,  // senior and middle management
  kFrontLine = 3,   // front-line staff
};

absl::string_view RespondentLevelName(RespondentLevel level);
std::optional<RespondentLevel> ParseRespondentLevel(absl::string_view name);

// One respondent's submitted answers. `answers` maps a statement code to the
// scale value chosen; an unanswered statement is absent. `significance` maps a
// section code to the significance-scale value chosen.
struct Response {
  RespondentLevel level = RespondentLevel::kUnspecified;
  std::string organisation;  // a member organisation's display name
  Sector sector = Sector::kUnspecified;
  std::map<std::string, int> answers;
  std::map<std::string, int> significance;
};

// A free-text comment as the team sees it: no author, no group, no time.
struct Comment {
  std::string id;  // random
  std::string text;
  bool quotable = false;
};

// What a respondent has entered so far: answers and significance ratings as
// in Response, and a free-text comment. Kept against the invitation until
// submitted, then split: the answers become an unlinked Response and the
// comment an unattributed comment.
struct Draft {
  std::map<std::string, int> answers;
  std::map<std::string, int> significance;
  std::string comment;
};

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_RESPONSE_H_
