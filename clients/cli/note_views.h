#ifndef HC_CLIENTS_CLI_NOTE_VIEWS_H_
#define HC_CLIENTS_CLI_NOTE_VIEWS_H_

#include <string>
#include <vector>

#include "clients/cli/note_queue.h"
#include "clients/cli/note_sync.h"
#include "healthcheck/v1/evidence.pb.h"

namespace hc::cli {

// The text forms of evidence notes, triangulation and the offline queue,
// in the manner of views.h. A note's text is shown terminal-safe (see
// TerminalSafe); --json gives it untouched.

// A note: name, source, polarity, tags, author, times, etag, then its text
// wrapped under "Text", line breaks kept.
std::string NoteText(const healthcheck::v1::Note& note);

// In the order given (the server's is the order logged): NAME, POLARITY,
// TAGS, AUTHOR, TEXT (its first line, cut to 40 characters with "...").
std::string NotesTable(const healthcheck::v1::ListNotesResponse& response);

// Per principle: a heading with its notes and flags (thin, one-sided,
// single-sector, questionnaire-only), then SOURCE and SECTOR tables of
// positive and negative counts; then what "thin" means.
std::string TriangulationText(
    const healthcheck::v1::Triangulation& triangulation);

// One queued write for a list: "queued/3  add to engagements/e1  positive
// 1.2  The board ..." (an edit names its note).
std::string QueuedNoteLine(const QueuedNote& entry);

// The waiting entries (QUEUED, WRITE, FOR, SENT, TEXT) and, when there are
// any, the entries set aside with their problems.
std::string QueueText(const std::vector<QueuedNote>& pending,
                      const std::vector<QueuedNote>& conflicts);

// A set-aside entry in full, for the user to redo by hand: its line, the
// problem, and the text it carried.
std::string ConflictText(const QueuedNote& entry);

// What a sync did: a line per entry uploaded ("uploaded queued/1 as
// engagements/e1/notes/n1"), each entry set aside in full (ConflictText),
// then the counts uploaded, set aside and still queued.
std::string SyncReportText(const SyncReport& report);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_NOTE_VIEWS_H_
