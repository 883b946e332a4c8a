#!/usr/bin/env bash
# End to end: the review team drafts findings and a recommendation with
# hcctl, the lead peer agrees them (another peer is refused, and so is a
# finding without evidence), and the initial feedback shows the agreed
# findings as text and as a saved HTML page.
#
# Usage: findings_cli_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"

start_server
export HCCTL_QUEUE_DIR="$work/queue"

hcctl() { "$hcctl_bin" "$@"; }
# The value of the first "name" field of a --json document on stdin.
name_of() { grep -o '"name": "[a-zA-Z]*/[a-z0-9]*[a-zA-Z/0-9]*"' | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }
field_of() { grep -o "\"$1\": \"[^\"]*\"" | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }

# An engagement with its questionnaire (the benchmark findings refer to),
# Lena as lead peer and Hari as peer, an interview and two notes.
partnership=$(hcctl partnerships create --json --display-name="Anytown CSP" --kind=csp \
  --member="Anytown Council:local_government" --member="Shire Police:police" | name_of)
peer() {
  hcctl peers create --json --display-name="$1" --email="$2" --organisation="$3" --sector="$4" \
    --accredited-date=2025-01-15 --expiry-date=2035-01-14 | name_of
}
lead=$(peer "Lena Lead" lena@northshire.gov.uk "Northshire Council" local_government)
hari=$(peer "Hari Health" hari@southshire.nhs.uk "Southshire NHS Trust" health)
engagement=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
  --fieldwork-day1=2034-03-06 --fieldwork-day2=2034-03-07 --fieldwork-day3=2034-03-08 | name_of)
[[ "$engagement" == engagements/* ]] || fail "no engagement created"
hcctl engagements add-member "$engagement" --peer="$lead" --role=lead_peer > /dev/null
hcctl engagements add-member "$engagement" --peer="$hari" --role=peer > /dev/null
hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
  --open=now+1h --close=now+14d > /dev/null
interview=$(hcctl activities plan "$engagement" --json --kind=interview --title="Chair of the board" \
  --day=1 --start=09:00 --end=10:00 --peer="$lead" | name_of)
token_for() { person_token "$1" peer --peer="$2"; }
lena_token=$(token_for "Lena's laptop" "$lead")
hari_token=$(token_for "Hari's laptop" "$hari")
[[ -n "$lena_token" && -n "$hari_token" ]] || fail "no peer tokens"
export HC_TOKEN_FILE=""
as_lena() { HC_TOKEN="$lena_token" hcctl "$@"; }
as_hari() { HC_TOKEN="$hari_token" hcctl "$@"; }

vision_note=$(echo "The board shares a clear vision" | as_hari notes add "$engagement" --json \
  --activity="$interview" --polarity=positive --tag=1 | name_of)
data_note=$(echo "Partners do not share their data" | as_hari notes add "$engagement" --json \
  --activity="$interview" --polarity=negative --tag=4 | name_of)
[[ "$vision_note" == */notes/* && "$data_note" == */notes/* ]] || fail "no notes"

# Two findings with their notes (the narrative from the flag and from a
# file), and one with no evidence.
strength=$(as_hari findings add "$engagement" --json --kind=strength --title="A shared vision" \
  --principle=1 --note="$vision_note" --narrative="Every partner told us the same story." | name_of)
printf 'Data sharing agreements are missing.\n' > "$work/narrative.txt"
area=$(as_hari findings add "$engagement" --json --kind=area --title="Sharing data" --principle=4 \
  --note="$data_note" --narrative-file="$work/narrative.txt" | name_of)
bare=$(as_hari findings add "$engagement" --json --kind=area --title="Unfounded hunch" \
  --principle=2 --narrative="Nothing supports this yet." | name_of)
[[ "$strength" == */findings/* && "$area" == */findings/* && "$bare" == */findings/* ]] ||
  fail "findings not created"
listed=$(as_hari findings list "$engagement")
[[ "$listed" == *F1*strength*draft*"A shared vision"*F2*area_for_development*"Sharing data"*F3* ]] ||
  fail "findings list: $listed"
[[ $(as_hari findings get "$area") == *"Data sharing agreements are missing."* ]] ||
  fail "narrative from --narrative-file not kept"

recommendation=$(as_hari recommendations add "$engagement" --json --priority=high \
  --text="Agree a data sharing protocol" --finding="$area" | name_of)
[[ "$recommendation" == */recommendations/* ]] || fail "no recommendation"

# Only the lead peer agrees; a finding without evidence cannot be agreed.
if as_hari findings agree "$strength" > /dev/null 2> "$work/hari.err"; then
  fail "a peer who is not the lead agreed a finding"
else
  [[ $? == 1 ]] || fail "a refused agree did not exit 1"
fi
grep -q "PERMISSION_DENIED" "$work/hari.err" || fail "peer's agree: $(cat "$work/hari.err")"
if as_lena findings agree "$bare" > /dev/null 2> "$work/bare.err"; then
  fail "a finding without evidence was agreed"
fi
grep -q "FAILED_PRECONDITION: F3 has no evidence" "$work/bare.err" ||
  fail "agree without evidence: $(cat "$work/bare.err")"
as_lena findings agree "$strength" > /dev/null || fail "lead could not agree F1"
as_lena findings agree "$area" > /dev/null || fail "lead could not agree F2"
as_lena recommendations agree "$recommendation" > /dev/null || fail "lead could not agree R1"
[[ $(as_lena findings list "$engagement" --state=agreed | grep -c "/findings/") == 2 ]] ||
  fail "expected 2 agreed findings"
[[ $(as_lena recommendations list "$engagement") == *R1*high*agreed*"Agree a data sharing"* ]] ||
  fail "recommendations list: $(as_lena recommendations list "$engagement")"

# The draft feedback names the agreed findings, as text and as a page.
feedback=$(as_lena feedback show "$engagement")
[[ "$feedback" == *"A shared vision"* && "$feedback" == *"Sharing data"* ]] ||
  fail "feedback text: $feedback"
[[ "$feedback" != *"Unfounded hunch"* ]] || fail "the feedback shows a draft finding"
saved=$(as_lena feedback show "$engagement" --html="$work/feedback.html")
[[ "$saved" == "wrote $work/feedback.html"* ]] || fail "feedback --html said: $saved"
grep -q "<!DOCTYPE html>" "$work/feedback.html" && grep -q "A shared vision" "$work/feedback.html" &&
  grep -q "Sharing data" "$work/feedback.html" || fail "feedback page: $(head -c 400 "$work/feedback.html")"
[[ ! -e "$work/feedback.html.tmp" ]] || fail "the temporary file was left behind"

kill -TERM "$server_pid"
wait "$server_pid" || fail "server exited with $? on SIGTERM"
server_pid=""
echo "e2e findings cli: 1 passed, 0 failed"
