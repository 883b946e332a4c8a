#ifndef HC_CORE_APP_RESPONDENT_APP_SERVICE_H_
#define HC_CORE_APP_RESPONDENT_APP_SERVICE_H_

#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/store.h"
#include "core/domain/framework.h"
#include "core/domain/response.h"

namespace hc::app {

// What a respondent sees: the benchmark to answer and their own draft.
struct RespondentSession {
  domain::Framework framework;
  domain::Draft draft;
  bool collect_comments = false;
  absl::Time close_time = absl::UnixEpoch();
};

// Which parts of a draft one saved page holds: statement codes (answers and,
// on an action-planning benchmark, action entries), section codes
// (significance ratings) and whether the comment.
struct DraftFields {
  std::set<std::string> statements;
  std::set<std::string> sections;
  std::set<std::string> actions;
  bool comment = false;
};

// A respondent answering through their invitation token: the token is their
// only credential. Errors carry messages fit to show them:
// NOT_FOUND for an unknown link; FAILED_PRECONDITION for a used link, a
// questionnaire not yet open or closed; INVALID_ARGUMENT for bad or missing
// answers. Thread-safe.
class RespondentAppService {
 public:
  RespondentAppService(Store& store, Clock& clock, const FrameworkCodec& codec);

  absl::StatusOr<RespondentSession> Open(absl::string_view token);

  // Saves one page: for every code in `fields.statements` the draft takes
  // the page's answer (or loses its answer if the page has none); likewise
  // for `fields.sections` and significance, `fields.actions` and action
  // entries (an entry whose two texts are blank is dropped; texts are
  // trimmed), and the comment if `fields.comment`.
  absl::Status Save(absl::string_view token, const domain::Draft& page, const DraftFields& fields);

  // Submits the complete draft: in one transaction the answers are stored as
  // an unlinked response under a random key (with the invitation's group
  // only), each action entry and the comment as an unattributed row of its
  // own under a random key, the draft is erased and
  // the invitation marked used. The audit log records that a response was
  // submitted to the questionnaire, never by whom. Then the store's log of
  // recent transactions is emptied (Store::CompactLog).
  absl::Status Submit(absl::string_view token);

 private:
  struct Context;
  // Finds the invitation and questionnaire of `token` and checks they can
  // take answers now.
  absl::StatusOr<Context> Load(Repositories& repos, absl::string_view token);

  Store& store_;
  Clock& clock_;
  const FrameworkCodec& codec_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_RESPONDENT_APP_SERVICE_H_
