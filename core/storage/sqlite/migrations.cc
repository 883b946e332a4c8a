#include "core/storage/sqlite/migrations.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/sqlite_logs.h"

namespace hc::storage {
namespace {

// Append-only: a shipped migration is never edited; a change is a new entry.
// Times are INTEGER microseconds since the epoch; calendar dates are TEXT
// 'YYYY-MM-DD'; enums are their stable names.
constexpr const char* kMigrations[] = {
    // 1: partnerships, peers, engagements, access tokens, audit, requests.
    R"sql(
CREATE TABLE partnerships (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  area TEXT NOT NULL,
  lifecycle_stage TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX partnerships_by_creation ON partnerships (create_us, id);

CREATE TABLE partnership_members (
  partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  display_name TEXT NOT NULL,
  sector TEXT NOT NULL,
  PRIMARY KEY (partnership_id, position)
) STRICT;

CREATE TABLE peers (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  home_organisation TEXT NOT NULL,
  home_sector TEXT NOT NULL,
  trained_date TEXT,
  accredited_date TEXT,
  accreditation_expiry_date TEXT,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX peers_by_creation ON peers (create_us, id);
CREATE INDEX peers_by_expiry ON peers (accreditation_expiry_date)
  WHERE accredited_date IS NOT NULL;

CREATE TABLE peer_skills (
  peer_id TEXT NOT NULL REFERENCES peers (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  skill TEXT NOT NULL,
  PRIMARY KEY (peer_id, position)
) STRICT;

CREATE TABLE engagements (
  id TEXT PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  purpose TEXT NOT NULL,
  stage TEXT NOT NULL,
  arrangements TEXT NOT NULL,
  questionnaire_open TEXT,
  questionnaire_close TEXT,
  fieldwork_day1 TEXT,
  fieldwork_day2 TEXT,
  fieldwork_day3 TEXT,
  feedback_date TEXT,
  report_due TEXT,
  plan_due TEXT,
  initial_feedback_summary TEXT NOT NULL,
  end_reason TEXT NOT NULL,
  previous_engagement_id TEXT REFERENCES engagements (id),
  next_deadline TEXT,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX engagements_by_creation ON engagements (create_us, id);
CREATE INDEX engagements_by_partnership ON engagements (partnership_id);
CREATE INDEX engagements_by_stage ON engagements (stage);
CREATE INDEX engagements_by_deadline ON engagements (next_deadline)
  WHERE next_deadline IS NOT NULL;

CREATE TABLE engagement_scoping_items (
  engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
  list TEXT NOT NULL CHECK (list IN ('issue', 'outcome', 'inform', 'involve', 'be_aware',
                                     'keep_on_board')),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (engagement_id, list, position)
) STRICT;

CREATE TABLE team_members (
  engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
  peer_id TEXT NOT NULL REFERENCES peers (id),
  role TEXT NOT NULL CHECK (role IN ('LEAD_PEER', 'PEER', 'SHADOW')),
  position INTEGER NOT NULL,
  PRIMARY KEY (engagement_id, peer_id)
) STRICT;
CREATE INDEX team_members_by_peer ON team_members (peer_id);
CREATE UNIQUE INDEX one_lead_peer ON team_members (engagement_id) WHERE role = 'LEAD_PEER';

CREATE TABLE stage_changes (
  engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (engagement_id, sequence)
) STRICT;

CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  peer_id TEXT NOT NULL,
  partnership_id TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  create_us INTEGER NOT NULL,
  revoke_us INTEGER
) STRICT;
CREATE UNIQUE INDEX access_tokens_by_creation ON access_tokens (create_us, id);

CREATE TABLE audit_log (
  sequence INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  time_us INTEGER NOT NULL
) STRICT;

CREATE TABLE requests (
  scope TEXT NOT NULL,
  request_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  PRIMARY KEY (scope, request_id)
) STRICT;
)sql",
    // 2: benchmark versions, written once and never changed.
    R"sql(
CREATE TABLE frameworks (
  framework_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  display_name TEXT NOT NULL,
  builtin INTEGER NOT NULL CHECK (builtin IN (0, 1)),
  fingerprint TEXT NOT NULL,
  definition BLOB NOT NULL,
  create_us INTEGER NOT NULL,
  PRIMARY KEY (framework_id, version)
) STRICT;
CREATE TRIGGER frameworks_never_change BEFORE UPDATE ON frameworks
BEGIN
  SELECT RAISE(ABORT, 'a framework version never changes; add a new version');
END;
CREATE TRIGGER frameworks_never_go BEFORE DELETE ON frameworks
BEGIN
  SELECT RAISE(ABORT, 'a framework version is never deleted');
END;
)sql",
    // 3: questionnaires and their invitations. An invitation keeps only the
    // hash of its token and whether it was used, never when.
    R"sql(
CREATE TABLE questionnaires (
  engagement_id TEXT PRIMARY KEY REFERENCES engagements (id),
  framework_id TEXT NOT NULL,
  framework_version INTEGER NOT NULL,
  open_us INTEGER NOT NULL,
  close_us INTEGER NOT NULL,
  closed_us INTEGER,
  min_group_size INTEGER NOT NULL CHECK (min_group_size >= 3),
  collect_comments INTEGER NOT NULL CHECK (collect_comments IN (0, 1)),
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  FOREIGN KEY (framework_id, framework_version) REFERENCES frameworks (framework_id, version)
) STRICT;

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES questionnaires (engagement_id),
  position INTEGER NOT NULL,
  organisation TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('BOARD', 'MANAGEMENT', 'FRONT_LINE')),
  sector TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  used INTEGER NOT NULL CHECK (used IN (0, 1)),
  UNIQUE (engagement_id, position)
) STRICT;
)sql",
    // 4: drafts, and submitted responses and comments. A response or comment
    // row has a random key, no time and no invitation: WITHOUT ROWID keeps
    // the rows in key order, so neither the table nor its pages keep the
    // order of submission.
    R"sql(
CREATE TABLE drafts (
  invitation_id TEXT PRIMARY KEY REFERENCES invitations (id),
  answers TEXT NOT NULL,
  significance TEXT NOT NULL,
  comment TEXT NOT NULL
) STRICT;

CREATE TABLE responses (
  key TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES questionnaires (engagement_id),
  organisation TEXT NOT NULL,
  level TEXT NOT NULL,
  sector TEXT NOT NULL,
  answers TEXT NOT NULL,
  significance TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE comments (
  key TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES questionnaires (engagement_id),
  text TEXT NOT NULL,
  quotable INTEGER NOT NULL DEFAULT 0 CHECK (quotable IN (0, 1))
) STRICT, WITHOUT ROWID;
)sql",
    // 5: "Action needed" / "By whom?" entries (Digging Deeper), drafted by
    // invitation, and once submitted kept like comments: a random key, no
    // time, no invitation and no link to the response or to each other.
    R"sql(
CREATE TABLE draft_actions (
  invitation_id TEXT NOT NULL REFERENCES invitations (id),
  statement_code TEXT NOT NULL,
  action TEXT NOT NULL,
  by_whom TEXT NOT NULL,
  PRIMARY KEY (invitation_id, statement_code)
) STRICT;

CREATE TABLE actions (
  key TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES questionnaires (engagement_id),
  statement_code TEXT NOT NULL,
  statement_position INTEGER NOT NULL,
  action TEXT NOT NULL,
  by_whom TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX actions_in_order ON actions (engagement_id, statement_position, key);
)sql",
    // 6: the fieldwork plan and the documents of desk research.
    R"sql(
CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL CHECK (end_minute > start_minute),
  place TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PLANNED', 'HELD', 'CANCELLED')),
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX activities_in_order ON activities (engagement_id, day, start_minute, id);

CREATE TABLE activity_participants (
  activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  organisation TEXT NOT NULL,
  sector TEXT NOT NULL,
  count INTEGER NOT NULL,
  names TEXT NOT NULL,
  PRIMARY KEY (activity_id, position)
) STRICT;

CREATE TABLE activity_peers (
  activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  peer_id TEXT NOT NULL REFERENCES peers (id),
  PRIMARY KEY (activity_id, position)
) STRICT;
CREATE INDEX activity_peers_by_peer ON activity_peers (peer_id);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  date TEXT,
  notes TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_by_creation ON documents (engagement_id, create_us, id);
)sql",
    // 7: evidence notes, their tags, and a full-text index of their text
    // (FTS5 over the notes table, kept in step by triggers).
    R"sql(
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  text TEXT NOT NULL,
  activity_id TEXT REFERENCES activities (id),
  document_id TEXT REFERENCES documents (id),
  polarity TEXT NOT NULL CHECK (polarity IN ('POSITIVE', 'NEGATIVE')),
  author_peer_id TEXT NOT NULL REFERENCES peers (id),
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  CHECK ((activity_id IS NULL) != (document_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX notes_by_creation ON notes (engagement_id, create_us, id);

CREATE TABLE note_tags (
  note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
) STRICT;
CREATE INDEX note_tags_by_tag ON note_tags (tag, note_id);

CREATE VIRTUAL TABLE notes_fts USING fts5(
  text, content = 'notes', content_rowid = 'rowid',
  tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
)sql",
    // 8: findings, recommendations and the initial feedback as given.
    R"sql(
CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('STRENGTH', 'AREA_FOR_DEVELOPMENT')),
  title TEXT NOT NULL,
  narrative TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('DRAFT', 'AGREED', 'WITHDRAWN')),
  author_peer_id TEXT NOT NULL REFERENCES peers (id),
  agreed_by_peer_id TEXT REFERENCES peers (id),
  agree_us INTEGER,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  UNIQUE (engagement_id, number)
) STRICT;
CREATE TABLE finding_principles (
  finding_id TEXT NOT NULL REFERENCES findings (id),
  position INTEGER NOT NULL,
  section_code TEXT NOT NULL,
  PRIMARY KEY (finding_id, position)
) STRICT;
CREATE INDEX finding_principles_by_code ON finding_principles (section_code, finding_id);
CREATE TABLE finding_notes (
  finding_id TEXT NOT NULL REFERENCES findings (id),
  position INTEGER NOT NULL,
  note_id TEXT NOT NULL REFERENCES notes (id),
  PRIMARY KEY (finding_id, position)
) STRICT;
CREATE TABLE finding_results (
  finding_id TEXT NOT NULL REFERENCES findings (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (finding_id, position)
) STRICT;

CREATE TABLE recommendations (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  text TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
  state TEXT NOT NULL CHECK (state IN ('DRAFT', 'AGREED', 'WITHDRAWN')),
  author_peer_id TEXT NOT NULL REFERENCES peers (id),
  agreed_by_peer_id TEXT REFERENCES peers (id),
  agree_us INTEGER,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  UNIQUE (engagement_id, number)
) STRICT;
CREATE TABLE recommendation_findings (
  recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
  position INTEGER NOT NULL,
  finding_id TEXT NOT NULL REFERENCES findings (id),
  PRIMARY KEY (recommendation_id, position)
) STRICT;
CREATE INDEX recommendation_findings_by_finding
  ON recommendation_findings (finding_id, recommendation_id);

-- What was said at the end of day 3, kept as given: never updated.
CREATE TABLE initial_feedback (
  engagement_id TEXT PRIMARY KEY REFERENCES engagements (id),
  given_on TEXT NOT NULL,
  given_by TEXT NOT NULL,
  partnership_name TEXT NOT NULL,
  benchmark_name TEXT NOT NULL,
  section_term TEXT NOT NULL,
  headline TEXT NOT NULL,  -- sentences, one per line
  remarks TEXT NOT NULL
) STRICT;
CREATE TABLE initial_feedback_points (
  engagement_id TEXT NOT NULL REFERENCES initial_feedback (engagement_id),
  position INTEGER NOT NULL,
  section_code TEXT NOT NULL,
  section_title TEXT NOT NULL,
  strength INTEGER NOT NULL CHECK (strength IN (0, 1)),
  label TEXT NOT NULL,
  title TEXT NOT NULL,
  narrative TEXT NOT NULL,
  also TEXT NOT NULL,  -- the other principles' codes, comma-separated
  PRIMARY KEY (engagement_id, position)
) STRICT;
CREATE TRIGGER initial_feedback_is_kept BEFORE UPDATE ON initial_feedback BEGIN
  SELECT RAISE(ABORT, 'initial feedback is kept as given');
END;
)sql",
    // 9: the improvement plan: the plan, its actions, their progress updates
    // (never changed) and the check-ins scheduled at approval.
    R"sql(
CREATE TABLE improvement_plans (
  engagement_id TEXT PRIMARY KEY REFERENCES engagements (id),
  state TEXT NOT NULL CHECK (state IN ('DRAFT', 'APPROVED')),
  approve_us INTEGER,
  approved_by TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE TABLE plan_actions (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  recommendation_id TEXT REFERENCES recommendations (id),
  statement_code TEXT NOT NULL,
  owner_organisation TEXT NOT NULL,
  due_date TEXT,
  status TEXT NOT NULL
    CHECK (status IN ('ACTION_NEEDED', 'ACTION_IN_HAND', 'NEEDS_IMPROVING', 'WORKING_WELL')),
  verify_us INTEGER,
  verified_by TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  UNIQUE (engagement_id, number)
) STRICT;
CREATE INDEX plan_actions_by_recommendation ON plan_actions (recommendation_id);
CREATE TABLE plan_progress_updates (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  action_id TEXT NOT NULL REFERENCES plan_actions (id),
  text TEXT NOT NULL,
  evidence TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('ACTION_NEEDED', 'ACTION_IN_HAND', 'NEEDS_IMPROVING', 'WORKING_WELL')),
  author TEXT NOT NULL,
  create_us INTEGER NOT NULL
) STRICT;
CREATE INDEX plan_progress_updates_by_action
  ON plan_progress_updates (action_id, create_us, id);
CREATE TRIGGER plan_progress_updates_are_kept BEFORE UPDATE ON plan_progress_updates BEGIN
  SELECT RAISE(ABORT, 'progress updates are kept as written');
END;
CREATE TABLE plan_check_ins (
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  scheduled_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('SCHEDULED', 'HELD')),
  held_date TEXT,
  notes TEXT NOT NULL,
  held_by TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (engagement_id, number)
) STRICT;
)sql",
    // 10: report versions: each generated once, both renderings kept as BLOBs
    // with their SHA-256; comments by the team and the partnership. A
    // published version is kept as published: only its state may move on,
    // to SUPERSEDED, and it is never deleted.
    R"sql(
CREATE TABLE report_versions (
  engagement_id TEXT NOT NULL REFERENCES engagements (id),
  number INTEGER NOT NULL CHECK (number > 0),
  state TEXT NOT NULL CHECK (state IN ('DRAFT', 'TEAM_REVIEW', 'FACTUAL_CHECK', 'PUBLISHED',
                                       'SUPERSEDED', 'WITHDRAWN')),
  created_by TEXT NOT NULL,
  created_by_peer_id TEXT NOT NULL,
  publish_us INTEGER,
  published_by TEXT NOT NULL,
  content_fingerprint TEXT NOT NULL,
  html_sha256 TEXT NOT NULL,
  html_size INTEGER NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  pdf_size INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL,
  html BLOB NOT NULL,
  pdf BLOB NOT NULL,
  PRIMARY KEY (engagement_id, number)
) STRICT;

CREATE TABLE report_comments (
  engagement_id TEXT NOT NULL,
  report_number INTEGER NOT NULL,
  id TEXT NOT NULL,
  text TEXT NOT NULL,
  section TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  from_partnership INTEGER NOT NULL CHECK (from_partnership IN (0, 1)),
  PRIMARY KEY (engagement_id, report_number, id),
  FOREIGN KEY (engagement_id, report_number)
    REFERENCES report_versions (engagement_id, number)
) STRICT;
CREATE UNIQUE INDEX report_comments_by_time
  ON report_comments (engagement_id, report_number, create_us, id);

CREATE TRIGGER report_versions_published_are_kept BEFORE UPDATE ON report_versions
WHEN OLD.state IN ('PUBLISHED', 'SUPERSEDED') AND (
  NEW.html IS NOT OLD.html OR NEW.pdf IS NOT OLD.pdf
  OR NEW.html_sha256 IS NOT OLD.html_sha256 OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256
  OR NEW.html_size IS NOT OLD.html_size OR NEW.pdf_size IS NOT OLD.pdf_size
  OR NEW.content_fingerprint IS NOT OLD.content_fingerprint
  OR NEW.publish_us IS NOT OLD.publish_us OR NEW.published_by IS NOT OLD.published_by
  OR NEW.engagement_id IS NOT OLD.engagement_id OR NEW.number IS NOT OLD.number
  OR NOT (NEW.state = OLD.state OR (OLD.state = 'PUBLISHED' AND NEW.state = 'SUPERSEDED')))
BEGIN
  SELECT RAISE(ABORT, 'a published report version is kept as published');
END;
CREATE TRIGGER report_versions_are_kept BEFORE DELETE ON report_versions BEGIN
  SELECT RAISE(ABORT, 'report versions are never deleted');
END;
CREATE TRIGGER report_comments_are_kept BEFORE UPDATE ON report_comments BEGIN
  SELECT RAISE(ABORT, 'report comments are kept as written');
END;
)sql",

    // 11: the audit log becomes a hash chain (domain::AuditChainInput) with
    // what changed, and is append-only: a record may be linked once (those
    // written before this version, by ChainUnlinkedAuditRecords), never
    // changed or deleted after.
    R"sql(
ALTER TABLE audit_log ADD COLUMN details TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TRIGGER audit_log_records_are_kept_as_written BEFORE UPDATE ON audit_log
WHEN OLD.hash <> '' OR NEW.sequence IS NOT OLD.sequence OR NEW.actor IS NOT OLD.actor
  OR NEW.action IS NOT OLD.action OR NEW.resource IS NOT OLD.resource
  OR NEW.time_us IS NOT OLD.time_us OR NEW.details IS NOT OLD.details
BEGIN
  SELECT RAISE(ABORT, 'audit records are kept as written');
END;
CREATE TRIGGER audit_log_records_are_never_deleted BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit records are never deleted');
END;
)sql",

    // 12: people sign in. Each access token of before becomes its holder, a
    // person with the token's name, role and binding and no email or
    // password yet (a programme lead adds the email and sends a
    // set-password link), suspended if the token was revoked; the token then
    // belongs to them and takes its role from them.
    R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  peer_id TEXT NOT NULL,
  partnership_id TEXT NOT NULL,
  state TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_by_email ON users (email COLLATE NOCASE) WHERE email <> '';
CREATE UNIQUE INDEX users_by_creation ON users (create_us, id);
CREATE INDEX users_by_peer ON users (peer_id) WHERE peer_id <> '';
CREATE INDEX users_by_partnership ON users (partnership_id) WHERE partnership_id <> '';

INSERT INTO users
  SELECT id, display_name, '', role, peer_id, partnership_id,
         CASE WHEN revoke_us IS NULL THEN 'ACTIVE' ELSE 'SUSPENDED' END, '',
         create_us, create_us, 1
  FROM access_tokens;
ALTER TABLE access_tokens ADD COLUMN user_id TEXT NOT NULL DEFAULT '';
UPDATE access_tokens SET user_id = id;
ALTER TABLE access_tokens DROP COLUMN role;
ALTER TABLE access_tokens DROP COLUMN peer_id;
ALTER TABLE access_tokens DROP COLUMN partnership_id;
CREATE INDEX access_tokens_by_user ON access_tokens (user_id, create_us, id);

CREATE TABLE password_links (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  secret_hash TEXT NOT NULL UNIQUE,
  create_us INTEGER NOT NULL,
  expire_us INTEGER NOT NULL,
  use_us INTEGER
) STRICT;
CREATE INDEX password_links_by_user ON password_links (user_id) WHERE use_us IS NULL;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  secret_hash TEXT NOT NULL UNIQUE,
  create_us INTEGER NOT NULL,
  last_active_us INTEGER NOT NULL,
  end_us INTEGER,
  client TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX sessions_by_user ON sessions (user_id, create_us, id);
)sql",
};

// The version whose migration made the audit log a chain: records written
// before it are linked right after it applies.
constexpr int kAuditChainVersion = 11;

constexpr int kLatest = static_cast<int>(std::size(kMigrations));

absl::StatusOr<int> UserVersion(Database& db) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare("PRAGMA user_version"));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::InternalError("PRAGMA user_version returned nothing");
  return static_cast<int>(st.Int(0));
}

}  // namespace

int LatestSchemaVersion() { return kLatest; }

absl::Status Migrate(Database& db) { return MigrateTo(db, kLatest); }

absl::Status MigrateTo(Database& db, int version) {
  // Scope the whole upgrade in one transaction so that a crash can never
  // leave a half-migrated store.
  HC_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  absl::Status status = [&]() -> absl::Status {
    HC_ASSIGN_OR_RETURN(int current, UserVersion(db));
    if (current > kLatest) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the store has schema version ", current, " but this server knows only up to ",
          kLatest, "; run a newer server"));
    }
    for (int v = current; v < version && v < kLatest; ++v) {
      HC_RETURN_IF_ERROR(db.Exec(kMigrations[v]));
      current = v + 1;
      if (current == kAuditChainVersion) HC_RETURN_IF_ERROR(ChainUnlinkedAuditRecords(db));
    }
    // Written even when unchanged, so that every start commits and syncs
    // once: a store that cannot be written is found here, not by a user.
    return db.Exec(absl::StrCat("PRAGMA user_version = ", current).c_str());
  }();
  if (!status.ok()) {
    db.Exec("ROLLBACK").IgnoreError();
    return status;
  }
  return db.Exec("COMMIT");
}

}  // namespace hc::storage
