#!/usr/bin/env bash
# End to end: an engagement is driven with hcctl through fieldwork, the
# initial feedback and into REPORT, with an agreed finding and
# recommendation; then the improvement plan commands: the plan is a draft,
# nothing can be added or approved before the report is published, and the
# suggestions offer the agreed recommendation and the benchmark's possible
# actions. The report's publication is not part of this build, so the
# commands that need stage IMPROVEMENT_PLAN are covered by the API tests
# (tests/services/improvement_plan_api_test.cc), which set the stage in the
# store.
#
# Usage: plan_cli_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"

start_server
export HCCTL_QUEUE_DIR="$work/queue"

hcctl() { "$hcctl_bin" "$@"; }
name_of() { grep -o '"name": "[^"]*"' | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }
secret_of() { grep -o '"secret": "[^"]*"' | sed 's/.*: "\(.*\)"/\1/'; }
day() { date -u -d "$1 days" +%F; }
# Runs hcctl expecting exit status $1 and stderr containing $2.
expect_error() {
  local code=$1 text=$2; shift 2
  local got=0
  "$hcctl_bin" "$@" > /dev/null 2> "$work/err" || got=$?
  [[ $got != 0 ]] || fail "hcctl $* succeeded"
  [[ $got == "$code" ]] || fail "hcctl $* exited $got, not $code: $(cat "$work/err")"
  grep -q -- "$text" "$work/err" || fail "hcctl $*: $(cat "$work/err")"
}

# --- An engagement up to REPORT -------------------------------------------
partnership=$(hcctl partnerships create --json --display-name="Anytown CSP" --kind=csp \
  --member="Anytown Council:local_government" --member="Shire Police:police" | name_of)
peer() {
  hcctl peers create --json --display-name="$1" --email="$2" --organisation="$3" --sector="$4" \
    --accredited-date=2025-01-15 --expiry-date=2035-01-14 | name_of
}
lena=$(peer "Lena Lead" lena@northshire.gov.uk "Northshire Council" local_government)
pete=$(peer "Pete Peer" pete@westshire.police.uk "Westshire Police" police)
engagement=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
  --fieldwork-day1="$(day -2)" --fieldwork-day2="$(day -1)" --fieldwork-day3="$(day 0)" | name_of)
[[ "$engagement" == engagements/* ]] || fail "no engagement"
hcctl engagements add-member "$engagement" --peer="$lena" --role=lead_peer > /dev/null
hcctl engagements add-member "$engagement" --peer="$pete" --role=peer > /dev/null
hcctl engagements update "$engagement" --issue="Do partners share their data?" \
  --questionnaire-open="$(day -30)" --questionnaire-close="$(day -3)" > /dev/null
hcctl questionnaires create "$engagement" --framework=digging-deeper --open=now --close=now+14d \
  > /dev/null
hcctl questionnaires close "$engagement" > /dev/null
for transition in begin-desk-research open-questionnaire start-fieldwork; do
  hcctl engagements "$transition" "$engagement" > /dev/null || fail "$transition refused"
done
token_for() { person_token "$1" peer --peer="$2"; }
lena_token=$(token_for "Lena's laptop" "$lena")
pete_token=$(token_for "Pete's laptop" "$pete")
contact_token=$(person_token "Anytown CSP manager" partnership_contact \
  --partnership="$partnership")
[[ -n "$lena_token" && -n "$pete_token" && -n "$contact_token" ]] || fail "no tokens"
export HC_TOKEN_FILE=""
as_lena() { HC_TOKEN="$lena_token" hcctl "$@"; }
as_pete() { HC_TOKEN="$pete_token" hcctl "$@"; }
as_contact() { HC_TOKEN="$contact_token" hcctl "$@"; }
as_lead() { HC_TOKEN_FILE="$work/lead.token" hcctl "$@"; }

document=$(as_pete documents add "$engagement" --json --title="Information sharing protocol" | name_of)
note=$(echo "Partners do not share their data" | as_pete notes add "$engagement" --json \
  --document="$document" --polarity=negative --tag=2 | name_of)
finding=$(as_pete findings add "$engagement" --json --kind=area --title="Sharing data" \
  --principle=2 --note="$note" --narrative="Each partner keeps its own data." | name_of)
recommendation=$(as_pete recommendations add "$engagement" --json --priority=high \
  --text="Agree a data sharing protocol" --finding="$finding" | name_of)
as_lena findings agree "$finding" > /dev/null || fail "F1 not agreed"
as_lena recommendations agree "$recommendation" > /dev/null || fail "R1 not agreed"
as_lena engagements give-initial-feedback "$engagement" > /dev/null || fail "feedback refused"
as_lead engagements begin-report "$engagement" > /dev/null || fail "begin-report refused"

# --- The improvement plan before the report is published ------------------
shown=$(as_lena plan show "$engagement")
[[ "$shown" == *"state"*draft* && "$shown" == *"overdue actions"*0* ]] || fail "plan show: $shown"
[[ $(as_lena plan show "$engagement" --json) == *'"name": "'"$engagement"'/improvementPlan"'* ]] ||
  fail "plan show --json"
expect_error 1 "FAILED_PRECONDITION.*the report is not published yet" \
  --token="$contact_token" plan actions add "$engagement" --title="Agree a protocol" \
  --owner="Anytown Council" --due="$(day 60)" --recommendation="$recommendation"
expect_error 1 "FAILED_PRECONDITION.*the report is not published yet" \
  --token="$pete_token" plan actions add "$engagement" --title="Agree a protocol"
expect_error 1 "FAILED_PRECONDITION.*is REPORT" --token="$lena_token" plan approve "$engagement"
expect_error 1 "PERMISSION_DENIED" --token="$contact_token" plan approve "$engagement"
[[ $(as_lena plan actions list "$engagement") == *"(none)"* ]] || fail "actions were created"
[[ $(as_lena plan check-ins list "$engagement") == *"(none)"* ]] || fail "check-ins before approval"

suggestions=$(as_pete plan suggestions "$engagement")
[[ "$suggestions" == *recommendation*R1*"Agree a data sharing"* ]] ||
  fail "suggestions lack R1: $suggestions"
[[ "$suggestions" == *possible_action*1.1* ]] || fail "suggestions lack possible actions"
# The partnership sees nothing of the plan, and so no recommendation, before
# the report is published.
expect_error 1 "PERMISSION_DENIED.*once the report is published" --token="$contact_token" \
  plan suggestions "$engagement"
expect_error 1 "PERMISSION_DENIED.*once the report is published" --token="$contact_token" \
  plan show "$engagement"

# The nested groups have their own help; usage errors are caught before any
# call; the old transition is gone.
[[ $(hcctl plan actions --help) == *"Usage: hcctl plan actions COMMAND"*verify* ]] ||
  fail "plan actions --help: $(hcctl plan actions --help)"
[[ $(hcctl plan updates add --help) == *"--status=STATUS"*working_well* ]] ||
  fail "plan updates add --help"
expect_error 2 "missing command" --token="$pete_token" plan check-ins
expect_error 2 "invalid ACTION" --token="$pete_token" plan actions get "$engagement"
expect_error 2 "missing --status" --token="$contact_token" plan updates add \
  "$engagement/improvementPlan/actions/a1" --text="Drafted"
expect_error 2 "unknown command 'begin-follow-up'" --token="$lena_token" engagements \
  begin-follow-up "$engagement"
expect_error 2 "unknown command 'publish-report'" --token-file="$work/lead.token" engagements \
  publish-report "$engagement"

kill -TERM "$server_pid"
wait "$server_pid" || fail "server exited with $? on SIGTERM"
server_pid=""
echo "e2e plan cli: 1 passed, 0 failed"
