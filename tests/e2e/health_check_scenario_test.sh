#!/usr/bin/env bash
# End to end, one health check as its users live it, all through hcctl, the
# respondents' web form and the HTTP port:
# - six partners answer the assessment-tool questionnaire (plain HTTP
#   posts of the form) and it closes with its results released;
# - the team plans three days (interviews, focus groups, observations, a
#   site visit; peers never in two places at once) and reads two documents;
# - three peers log 60 evidence notes; Pete loses his connection for the
#   afternoon of day 2, keeps writing (queued on disk) and syncs at the end
#   of the day, the first sync failing half-way: not one note is lost or
#   duplicated, and they arrive in the order written;
# - triangulation flags principle 6, which only the questionnaire speaks to;
# - the lead peer agrees 8 findings and 5 recommendations and gives the
#   day-3 feedback, written out as an HTML page;
# - the team drafts the written report and reviews it; the partnership's
#   contact reads the draft over HTTP and comments on it; the lead peer
#   publishes it (a peer cannot) and the contact downloads the PDF and HTML
#   (hcctl and curl give the same bytes), which hold every section, finding
#   and recommendation and no longer say DRAFT;
# - the contact builds the improvement plan from the five recommendations
#   and updates two actions; the lead peer approves it (two check-ins);
# - the programme dashboard shows the published report's turnaround and a
#   second partnership's overdue fieldwork, and chromium draws the report.
#
# Usage: health_check_scenario_test.sh HC_SERVER HCCTL [OUT_DIR]
# With OUT_DIR, the feedback, the report, the dashboard and their
# screenshots are left there to look at.
set -euo pipefail

server_bin=$1
hcctl_bin=$2
out_dir=${3:-}
source "$(dirname "$0")/lib.sh"

start_server

hcctl() { "$hcctl_bin" "$@"; }
name_of() { grep -o '"name": "[^"]*"' | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }
secret_of() { grep -o '"secret": "[^"]*"' | sed 's/.*: "\(.*\)"/\1/'; }
# Runs hcctl as the peer whose token is $1.
as() { local token=$1; shift; HC_TOKEN_FILE="" HC_TOKEN="$token" "$hcctl_bin" "$@"; }
day() { date -u -d "$1 days" +%F; }

# --- The programme lead sets up the engagement ---------------------------
partnership=$(hcctl partnerships create --json --display-name="Anytown Community Safety Partnership" \
  --kind=csp --member="Anytown Council:local_government" --member="Anytown NHS Trust:health" \
  --member="Shire Police:police" --member="Shire Fire and Rescue:fire_and_rescue" \
  --member="Anytown Voluntary Action:voluntary_and_community" | name_of)
peer() {
  hcctl peers create --json --display-name="$1" --email="$2" --organisation="$3" --sector="$4" \
    --accredited-date=2025-01-15 --expiry-date=2035-01-14 | name_of
}
lena=$(peer "Lena Lead" lena@northshire.gov.uk "Northshire Council" local_government)
pete=$(peer "Pete Police" pete@westshire.police.uk "Westshire Police" police)
hana=$(peer "Hana Health" hana@southshire.nhs.uk "Southshire NHS" health)
# Fieldwork ran over the last three days; day 3 is today.
engagement=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
  --fieldwork-day1="$(day -2)" --fieldwork-day2="$(day -1)" --fieldwork-day3="$(day 0)" | name_of)
[[ "$engagement" == engagements/* ]] || fail "no engagement"
hcctl engagements add-member "$engagement" --peer="$lena" --role=lead_peer > /dev/null
hcctl engagements add-member "$engagement" --peer="$pete" --role=peer > /dev/null
hcctl engagements add-member "$engagement" --peer="$hana" --role=peer > /dev/null
hcctl engagements update "$engagement" --issue="Do partners share one picture of community safety?" \
  --questionnaire-open="$(day -30)" --questionnaire-close="$(day -3)" > /dev/null
token_for() { person_token "$1" peer --peer="$2"; }
lena_token=$(token_for Lena "$lena")
pete_token=$(token_for Pete "$pete")
hana_token=$(token_for Hana "$hana")

# --- Six partners answer the questionnaire --------------------------------
hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
  --open=now+1h --close=now+14d --k=5 > /dev/null
printf 'organisation,level,count\nAnytown Council,board,2\nAnytown NHS Trust,management,2\nShire Police,front_line,2\n' \
  > "$work/invitations.csv"
hcctl questionnaires invite "$engagement" --csv="$work/invitations.csv" --links-only > "$work/links.txt"
[[ $(wc -l < "$work/links.txt") == 6 ]] || fail "expected 6 links"
open_questionnaire_now "$engagement"
i=0
while read -r link; do
  respond "$link" $((i % 2 + 1))  # agree / tend to agree
  i=$((i + 1))
done < "$work/links.txt"
hcctl questionnaires close "$engagement" > /dev/null
for transition in begin-desk-research open-questionnaire start-fieldwork; do
  hcctl engagements "$transition" "$engagement" > /dev/null || fail "$transition refused"
done

# --- The three-day plan and the desk research -----------------------------
declare -A source
plan() {  # key day start end kind title peers participants...
  local key=$1 d=$2 start=$3 end=$4 kind=$5 title=$6 peers=$7; shift 7
  local args=(--day="$d" --start="$start" --end="$end" --kind="$kind" --title="$title")
  for p in $peers; do args+=(--peer="${!p}"); done
  for participant in "$@"; do args+=(--participant="$participant"); done
  source[$key]="--activity=$(hcctl activities plan "$engagement" --json "${args[@]}" | name_of)"
}
plan a1 1 09:00 10:00 interview "Chair of the partnership board" "lena pete" \
  "Chair:Anytown Council:local_government"
plan a2 1 10:30 12:00 focus_group "Community safety officers" "hana" \
  "Officer:Anytown Council:local_government:6" "Neighbourhood sergeant:Shire Police:police:2"
plan a3 1 14:00 16:00 meeting_observation "Partnership board meeting" "lena pete hana" \
  "Board member:Anytown NHS Trust:health:3" "Board member:Shire Police:police:2"
plan a4 2 09:00 10:00 interview "Director of public health" "lena" \
  "Director:Anytown NHS Trust:health"
plan a5 2 09:00 10:30 interview "Chief inspector" "pete" "Chief inspector:Shire Police:police"
plan a6 2 13:30 15:00 focus_group "Voluntary sector forum" "pete hana" \
  "Volunteer lead:Anytown Voluntary Action:voluntary_and_community:8"
plan a7 2 15:30 17:00 site_visit "Night-time economy hub" "pete" \
  "Station manager:Shire Fire and Rescue:fire_and_rescue:2"
plan a8 3 09:00 10:30 focus_group "Front-line staff" "lena hana" \
  "Nurse:Anytown NHS Trust:health:5" "Firefighter:Shire Fire and Rescue:fire_and_rescue:3"
plan a9 3 11:00 12:00 interview "Voluntary sector chief officer" "pete" \
  "Chief officer:Anytown Voluntary Action:voluntary_and_community"
# Lena cannot be in the board meeting and at another interview at once.
if hcctl activities plan "$engagement" --day=1 --start=15:00 --end=15:30 --kind=interview \
  --title="Council leader" --peer="$lena" > /dev/null 2> "$work/clash.err"; then
  fail "a clash was accepted"
fi
grep -q "Partnership board meeting" "$work/clash.err" || fail "clash not named: $(cat "$work/clash.err")"
for held in a1 a2 a3 a4 a5 a6 a7 a8 a9; do
  as "$lena_token" activities held "${source[$held]#--activity=}" > /dev/null || fail "held $held"
done
source[d1]="--document=$(hcctl documents add "$engagement" --json \
  --title="Community safety strategy 2025-28" --source="Anytown Council" | name_of)"
source[d2]="--document=$(hcctl documents add "$engagement" --json \
  --title="Strategic assessment 2026" --source="Shire Police" | name_of)"

# --- Sixty notes, the way they were written --------------------------------
# health_check_notes/ holds them by part of the three days, one per line:
# peer|source|tags|polarity|text (a source is a1..a9 or d1, d2 above; the
# afternoon of day 2 is split: pete-offline, where Pete's venue has no
# signal, and day2pm). Nobody tags principle 6.
cp "$(dirname "$0")"/health_check_notes/*.notes "$work/"
# Logs each line of `file` as its peer; with --offline for Pete's queue.
log_notes() {
  local file=$1; shift
  while IFS='|' read -r who from tags polarity text; do
    local token_var="${who}_token" args=()
    for tag in $tags; do args+=(--tag="$tag"); done
    echo "$text" | as "${!token_var}" notes add "$engagement" ${source[$from]} \
      --polarity="$polarity" "${args[@]}" "$@" > /dev/null 2>> "$work/notes.err" ||
      fail "note not logged: $text: $(tail -n 3 "$work/notes.err")"
  done < "$file"
}
export HCCTL_QUEUE_DIR="$work/queue-shared"
log_notes "$work/day1.notes"
log_notes "$work/day2am.notes"
# Pete's laptop has its own queue. The first note finds the server out of
# reach (a closed port) and is queued; he keeps writing.
online_server=$HC_SERVER
HC_SERVER=127.0.0.1:1 HCCTL_QUEUE_DIR="$work/queue-pete" \
  log_notes <(head -n 1 "$work/pete-offline.notes") --timeout=1
grep -q "queued: server unreachable" "$work/notes.err" || fail "Pete's first note was not queued"
HC_SERVER=127.0.0.1:1 HCCTL_QUEUE_DIR="$work/queue-pete" \
  log_notes <(tail -n +2 "$work/pete-offline.notes") --offline
# Meanwhile Lena and Hana log theirs.
log_notes "$work/day2pm.notes"
[[ $(as "$lena_token" notes list "$engagement" --json | grep -c '"name": "engagements/') == 29 ]] ||
  fail "expected 29 notes on the server while Pete is offline"
# Back at the hotel, his first sync drops out after the signal fails again
# (it stops with everything kept); the next one uploads the rest, once.
if HC_SERVER=127.0.0.1:1 HCCTL_QUEUE_DIR="$work/queue-pete" as "$pete_token" --timeout=1 sync \
  > "$work/sync1.out" 2>&1; then
  fail "a sync without a server succeeded"
fi
grep -q "0 uploaded" "$work/sync1.out" || fail "first sync: $(cat "$work/sync1.out")"
HCCTL_QUEUE_DIR="$work/queue-pete" as "$pete_token" sync > "$work/sync2.out" ||
  fail "sync failed: $(cat "$work/sync2.out")"
grep -q "7 uploaded, 0 set aside, 0 still queued" "$work/sync2.out" || fail "sync: $(cat "$work/sync2.out")"
[[ $(HCCTL_QUEUE_DIR="$work/queue-pete" as "$pete_token" sync) == "nothing to upload" ]] ||
  fail "a second sync had work"
log_notes "$work/day3.notes"

# Every note exactly once; Pete's offline ones in the order he wrote them.
as "$hana_token" notes list "$engagement" --all --json > "$work/notes.json"
[[ $(grep -c '"name": "engagements/' "$work/notes.json") == 60 ]] || fail "expected 60 notes"
for file in day1 day2am pete-offline day2pm day3; do
  while IFS='|' read -r _ _ _ _ text; do
    [[ $(grep -cF "\"text\": \"$text\"" "$work/notes.json") == 1 ]] || fail "not once: $text"
  done < "$work/$file.notes"
done
pete_order=$(grep -o '"text": "[^"]*"' "$work/notes.json" | sed 's/"text": "\(.*\)"/\1/' |
  grep -xF -f <(cut -d'|' -f5 "$work/pete-offline.notes"))
[[ "$pete_order" == "$(cut -d'|' -f5 "$work/pete-offline.notes")" ]] ||
  fail "Pete's notes out of order: $pete_order"

# --- Triangulation -----------------------------------------------------------
as "$lena_token" triangulation show "$engagement" > "$work/triangulation.txt"
as "$lena_token" triangulation show "$engagement" --json > "$work/triangulation.json"
python3 - "$work/triangulation.json" <<'PY' || fail "triangulation: $(cat "$work/triangulation.txt")"
import json, sys
principles = json.load(open(sys.argv[1]))["principles"]
only = [p["sectionCode"] for p in principles if p.get("questionnaireOnly")]
assert only == ["6"], only
assert sum(p.get("notes", 0) for p in principles) == 60, "each note has one principle"
PY

# --- Findings and recommendations, agreed by the lead peer ---------------------
# The name of the note whose text contains $1.
note() {
  python3 -c 'import json, sys
notes = [n for n in json.load(open(sys.argv[1]))["notes"] if sys.argv[2] in n["text"]]
assert len(notes) == 1, sys.argv[2]
print(notes[0]["name"])' "$work/notes.json" "$1" || fail "no single note with: $1"
}
declare -a findings
finding() {  # who kind title principles results narrative note-fragments...
  local token_var="${1}_token" kind=$2 title=$3 principles=$4 results=$5 narrative=$6; shift 6
  local args=(--kind="$kind" --title="$title" --narrative="$narrative")
  for p in $principles; do args+=(--principle="$p"); done
  for r in $results; do args+=(--result="$r"); done
  for fragment in "$@"; do args+=(--note="$(note "$fragment")"); done
  findings+=("$(as "${!token_var}" findings add "$engagement" --json "${args[@]}" | name_of)")
}
finding lena strength "Partners understand why they need each other" "1 4" "1" \
  "Partners can say what each brings and what they achieve only together; the night-time economy hub shows it in practice." \
  "depends on the others" "share one control room" "credits the partnership with a fall"
finding hana strength "A shared vision that the voluntary sector owns too" "2" "" \
  "The vision is written down, signed by every partner and told back to us in their own words by voluntary groups." \
  "one vision signed" "in its own words" "Voluntary groups know why"
finding lena area "Priorities are not known on the front line, and outcomes are not measured" "2 6" "" \
  "Front-line staff could not name the priorities, and the strategy sets no outcome with a baseline, so progress cannot be shown." \
  "could not name the partnership's priorities" "no measurable outcomes" "has a baseline"
finding pete strength "Senior leaders are visibly committed" "3" "3.1" \
  "Chief executives attend the board in person and commit staff; staff see their leaders at joint briefings." \
  "every chief executive attends" "committed staff to the night-time" "chairs the tasking group"
finding pete area "Ownership rests with senior managers and a few individuals" "3" "" \
  "Officers and small charities feel the partnership belongs to others, and it relies on two well-connected people." \
  "belongs to senior managers" "two well-connected" "ownership sits with the statutory"
finding hana strength "Trust between front-line services is strong" "4" "" \
  "Staff know each other by name, share cases the same day and cover each other's shifts." \
  "know each other by name" "same day" "Door staff radio"
finding pete area "Data sharing lags behind relationships" "4" "" \
  "Without a signed protocol, health waits weeks for police data and officers cannot see council cases." \
  "signed protocol" "waits weeks" "anti-social behaviour cases" "a year older"
finding lena area "Governance does not connect the front line and the voluntary sector to the board" "5" "" \
  "Nobody owns the risk register, the forum's minutes never reach the board and the sector has no seat on the executive group." \
  "risk register" "minutes never reach" "no seat on the executive" "how to raise an issue"
[[ ${#findings[@]} == 8 ]] || fail "expected 8 findings"
declare -a recommendations
recommend() {  # priority text finding-indexes...
  local priority=$1 text=$2 args=(); shift 2
  for i in "$@"; do args+=(--finding="${findings[$i]}"); done
  recommendations+=("$(as "$hana_token" recommendations add "$engagement" --json \
    --priority="$priority" --text="$text" "${args[@]}" | name_of)")
}
recommend high "Agree three measurable outcomes with baselines and brief every front-line team on them." 2
recommend high "Sign a data-sharing protocol between police, health and the council within three months." 6
recommend medium "Give the voluntary sector a seat on the executive group and a route from the forum to the board." 7
recommend medium "Name a partnership lead in every partner organisation and plan for succession." 4
recommend low "Use the night-time economy hub as the model for joint working on the next priority." 0 5
[[ ${#recommendations[@]} == 5 ]] || fail "expected 5 recommendations"
# Only the lead peer agrees; then every finding and recommendation.
if as "$pete_token" findings agree "${findings[0]}" > /dev/null 2> "$work/agree.err"; then
  fail "a peer agreed a finding"
fi
grep -q PERMISSION_DENIED "$work/agree.err" || fail "peer's agree: $(cat "$work/agree.err")"
for name in "${findings[@]}" "${recommendations[@]}"; do
  kind=${name#*/*/}; kind=${kind%%/*}
  as "$lena_token" "$kind" agree "$name" > /dev/null || fail "could not agree $name"
done
[[ $(as "$lena_token" findings list "$engagement" --state=agreed --json | grep -c '"label": "F') == 8 ]] ||
  fail "expected 8 agreed findings"
[[ $(as "$lena_token" recommendations list "$engagement" --state=agreed --json |
  grep -c '"label": "R') == 5 ]] || fail "expected 5 agreed recommendations"

# --- The day-3 feedback ------------------------------------------------------------
as "$lena_token" engagements give-initial-feedback "$engagement" --reason="Thank you for \
hosting us so openly. The written report will follow within four weeks." > /dev/null ||
  fail "the feedback could not be given"
as "$hana_token" feedback show "$engagement" > "$work/feedback.txt"
as "$hana_token" feedback show "$engagement" --html="$work/feedback.html" > /dev/null
grep -q "6 of the 6 partners invited answered the questionnaire (100%)" "$work/feedback.txt" ||
  fail "no questionnaire headline: $(head -n 12 "$work/feedback.txt")"
grep -q "given on $(day 0) by Lena Lead" "$work/feedback.txt" || fail "not marked as given"
grep -q "Rated highest: Principle 1" "$work/feedback.txt" || fail "no highest and lowest principle"
for title in "Partners understand why they need each other" "Data sharing lags behind relationships" \
  "Governance does not connect the front line"; do
  grep -qF "$title" "$work/feedback.html" || fail "the page lacks: $title"
done
[[ $(grep -c '<span class="label">F' "$work/feedback.html") == 8 ]] || fail "the page lacks findings"
# --- The written report: drafted, reviewed, checked by the partnership, published ---------
base="http://127.0.0.1:$http_port"
contact_token=$(person_token "Anytown CSP manager" partnership_contact \
  --partnership="$partnership")
as "$lena_token" engagements begin-report "$engagement" > /dev/null || fail "could not begin the report"
report=$(as "$hana_token" reports generate "$engagement" --json | name_of)
[[ "$report" == "$engagement/reports/1" ]] || fail "unexpected report name: $report"
# The partnership sees nothing of a draft before the factual-accuracy check.
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $contact_token" \
  "$base/$report.pdf") == 404 ]] || fail "the contact could read a draft"
as "$hana_token" reports submit "$report" > /dev/null || fail "could not submit for team review"
as "$pete_token" reports comment "$report" --text="F6 should name the delivery group." \
  --section="4 Findings" > /dev/null || fail "a peer could not comment in team review"
as "$lena_token" reports send-for-check "$report" > /dev/null || fail "could not send for the check"
curl -fsS -H "Authorization: Bearer $contact_token" "$base/$report.pdf" -o "$work/draft.pdf" ||
  fail "the contact could not read the draft"
pdftotext "$work/draft.pdf" "$work/draft.txt"
grep -q DRAFT "$work/draft.txt" || fail "the draft is not marked as a draft"
as "$contact_token" reports comment "$report" --section="1 The partnership and the scope" \
  --text="Anytown Voluntary Action joined the board in 2025, not 2024." > /dev/null ||
  fail "the contact could not comment"
[[ $(as "$lena_token" reports comments "$report" --json | grep -c '"text"') == 2 ]] ||
  fail "expected 2 comments"
if as "$hana_token" reports publish "$report" > /dev/null 2> "$work/publish.err"; then
  fail "a peer published the report"
fi
grep -q PERMISSION_DENIED "$work/publish.err" || fail "peer's publish: $(cat "$work/publish.err")"
as "$lena_token" reports publish "$report" > /dev/null || fail "could not publish"
stage_of() { hcctl engagements get "$engagement" --json | grep -o '"stage": "[A-Z_]*"'; }
[[ $(stage_of) == '"stage": "IMPROVEMENT_PLAN"' ]] || fail "publication did not move the stage"
as "$contact_token" reports download "$report" --format=pdf --out="$work/report.pdf" > /dev/null ||
  fail "the contact could not download the PDF"
as "$contact_token" reports download "$report" --format=html --out="$work/report.html" > /dev/null ||
  fail "the contact could not download the HTML"
curl -fsS -H "Authorization: Bearer $contact_token" "$base/$report.pdf" -o "$work/report-http.pdf" ||
  fail "the contact could not download over HTTP"
cmp -s "$work/report.pdf" "$work/report-http.pdf" || fail "the two downloads differ"
pdftotext -layout "$work/report.pdf" "$work/report.txt"
! grep -q DRAFT "$work/report.txt" || fail "the published report still says DRAFT"
# It speaks to the partnership, never in the API's words (resource names, field names).
! grep -q 'engagements/\|_' "$work/report.txt" || fail "API words in the report: $(grep -m1 'engagements/\|_' "$work/report.txt")"
pages=$(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p')
((pages >= 8 && pages <= 40)) || fail "the report has $pages pages"
for title in "Partners understand why they need each other" "Data sharing lags behind relationships" \
  "Governance does not connect the front line" "Sign a data-sharing protocol" \
  "How we worked" "What the questionnaire said" "Findings by principle" "Recommendations" \
  "Annex"; do
  tr -s ' \n' ' ' < "$work/report.txt" | grep -qF "$title" || fail "the PDF lacks: $title"
  grep -qF "$title" "$work/report.html" || fail "the HTML lacks: $title"
done

# --- The improvement plan: built from the recommendations, approved, two actions updated ---
suggestions=$(as "$contact_token" plan suggestions "$engagement" --json)
[[ $(grep -c '"recommendationLabel": "R' <<< "$suggestions") == 5 ]] ||
  fail "expected the 5 recommendations as suggestions"
# The contact turns each recommendation into an action with an owner and a due date.
plan_action() {  # recommendation-index owner days-due title
  actions+=("$(as "$contact_token" plan actions add "$engagement" --json \
    --recommendation="${recommendations[$1]}" --owner="$2" --due="$(day "$3")" --title="$4" | name_of)")
}
actions=()
plan_action 0 "Anytown Council" 60 "Agree three outcome measures with baselines; brief every team"
plan_action 1 "Shire Police" 90 "Sign the police, health and council data-sharing protocol"
plan_action 2 "Anytown Voluntary Action" 120 "Voluntary sector seat on the executive group"
plan_action 3 "Anytown NHS Trust" 150 "A named partnership lead in every partner, with a deputy"
plan_action 4 "Shire Fire and Rescue" 180 "Take the night-time economy hub model to the next priority"
[[ ${#actions[@]} == 5 ]] || fail "expected 5 actions"
as "$contact_token" plan updates add "${actions[1]}" --status=action_in_hand \
  --text="Draft protocol agreed by the three data owners." \
  --evidence="Minutes of the information governance group" > /dev/null || fail "could not update A2"
as "$contact_token" plan updates add "${actions[2]}" --status=needs_improving \
  --text="The executive group's terms of reference give the voluntary sector a seat." \
  --evidence="Revised terms of reference" > /dev/null || fail "could not update A3"
as "$contact_token" plan actions list "$engagement" > "$work/actions.txt"
grep -q "ACTION_IN_HAND\|action_in_hand" "$work/actions.txt" || fail "A2's status: $(cat "$work/actions.txt")"
as "$lena_token" plan approve "$engagement" > /dev/null || fail "could not approve the plan"
[[ $(stage_of) == '"stage": "FOLLOW_UP"' ]] || fail "approval did not move the stage"
[[ $(as "$lena_token" plan check-ins list "$engagement" --json | grep -c '"scheduledDate"') == 2 ]] ||
  fail "expected 2 check-ins"

# --- The programme dashboard, with a second engagement whose fieldwork is overdue ----------
late=$(hcctl partnerships create --json --display-name="Borough Health and Wellbeing Board" \
  --kind=health_and_wellbeing --member="Borough Council:local_government" --member="Borough NHS Trust:health" |
  name_of)
hcctl engagements create --json --partnership="$late" --purpose=routine_audit \
  --fieldwork-day1="$(day -10)" --fieldwork-day2="$(day -9)" --fieldwork-day3="$(day -8)" > /dev/null
hcctl programme dashboard > "$work/dashboard.txt"
grep -q "Borough Health and Wellbeing Board" "$work/dashboard.txt" || fail "no overdue engagement"
grep -q "OVERDUE fieldwork_day1 $(day -10)" "$work/dashboard.txt" ||
  fail "the dashboard shows no overdue milestone"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/chromium-report" --hide-scrollbars --window-size=1200,1600 \
  --screenshot="$work/report.png" "file://$work/report.html" > /dev/null 2>&1 ||
  fail "chromium could not draw the report"
[[ $(head -c 8 "$work/report.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
  fail "no screenshot of the report"

[[ -z "$out_dir" ]] || cp "$work/triangulation.txt" "$work/notes.json" "$work/feedback.txt" \
  "$work/feedback.html" "$work/report.pdf" "$work/report.html" "$work/report.png" \
  "$work/dashboard.txt" "$out_dir/"
kill -TERM "$server_pid"
wait "$server_pid" || fail "server exited with $? on SIGTERM"
server_pid=""
echo "e2e health check scenario: 1 passed, 0 failed"
