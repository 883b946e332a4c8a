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

// A respondent's "Action needed" and "By whom?" entries for one statement of
// an action-planning benchmark (Digging Deeper), for the improvement plan.
struct ActionEntry {
  std::string action;
  std::string by_whom;
};

// An action entry as the team sees it: the statement it is about, and no
// author, group, time or link to the response or to other entries.
struct GatheredAction {
  std::string id;  // random
  std::string statement_code;
  int statement_position = 0;  // the statement's place in the benchmark, from 0
  ActionEntry entry;
};

// What a respondent has entered so far: answers and significance ratings as
// in Response, action entries by statement code, and a free-text comment.
// Kept against the invitation until submitted, then split: the answers
// become an unlinked Response, each action entry and the comment an
// unattributed row of its own.
struct Draft {
  std::map<std::string, int> answers;
  std::map<std::string, int> significance;
  std::map<std::string, ActionEntry> actions;
  std::string comment;
};

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_RESPONSE_H_
