#!/usr/bin/env bash
# End to end in a real browser: starts hc_server, sets up an engagement's
# assessment-tool questionnaire with hcctl (40 invitations across five
# organisations and three levels), and has 23 respondents answer it in
# Debian's headless chromium with JavaScript off (tests/e2e/browser/
# respond.mjs), one of them with the keyboard only. After close, the team's
# results show 23 responses, and the organisation with 3 respondents can be
# neither seen nor worked out from any figure shown (browser/check_results.mjs).
# Then a Digging Deeper questionnaire: three respondents' (k = 3) "Action
# needed" / "By whom?" entries reach the team's list.
#
# Usage: respondent_browser_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
here=$(cd "$(dirname "$0")" && pwd)
[[ -d "$here/browser/node_modules/playwright-core" ]] ||
  { echo "FAIL: run deploy/install-build-deps.sh (npm ci in tests/e2e/browser)" >&2; exit 1; }
source "$here/lib.sh"

start_server

partnership=$(hcctl partnerships create --json --display-name="Anytown CSP" --kind=csp \
  --member="Anytown Council:local_government" --member="Shire County Council:local_government" \
  --member="Anytown NHS Trust:health" --member="Shire CCG:health" \
  --member="Shire Police:police" | name_of)
engagement=$(hcctl engagements create --json --partnership="$partnership" \
  --purpose=developmental | name_of)
peer=$(hcctl peers create --json --display-name="Lena Lead" --email=lena@northshire.gov.uk \
  --organisation="Northshire Council" --sector=local_government \
  --accredited-date=2025-01-15 --expiry-date=2030-01-14 | name_of)
hcctl engagements add-member "$engagement" --peer="$peer" --role=lead_peer > /dev/null
peer_token=$(person_token "Lena Lead" peer --peer="$peer")
hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
  --open=now+1h --close=now+14d --k=5 --comments > /dev/null
# Links come back in row order: council 1-8, county 9-15, NHS 16-24,
# CCG 25-32, police 33-40.
cat > "$work/invitations.csv" <<'CSV'
organisation,level,count
Anytown Council,board,2
Anytown Council,management,3
Anytown Council,front_line,3
Shire County Council,board,2
Shire County Council,management,2
Shire County Council,front_line,3
Anytown NHS Trust,board,2
Anytown NHS Trust,management,3
Anytown NHS Trust,front_line,4
Shire CCG,board,2
Shire CCG,management,3
Shire CCG,front_line,3
Shire Police,board,2
Shire Police,management,3
Shire Police,front_line,3
CSV
hcctl questionnaires invite "$engagement" --csv="$work/invitations.csv" --links-only \
  > "$work/links.txt"
[[ $(wc -l < "$work/links.txt") == 40 ]] || fail "expected 40 links"
open_questionnaire_now "$engagement"

# 23 respondents: council 6, county 5, NHS 5, CCG 4, police 3; one of them
# uses the keyboard only.
for i in 1 2 3 4 5 6 9 10 11 12 13 16 17 18 19 20 25 26 27 28 33 34 35; do
  mode=mouse
  [[ $i == 2 ]] && mode=keyboard
  node "$here/browser/respond.mjs" "$(sed -n "${i}p" "$work/links.txt")" $((i % 4)) "$mode" ||
    fail "respondent $i could not answer"
done

hcctl questionnaires close "$engagement" > /dev/null
HC_TOKEN_FILE='' HC_TOKEN="$peer_token" "$hcctl_bin" questionnaires results "$engagement" --json \
  > "$work/results.json" || fail "the team cannot read the results"
node "$here/browser/check_results.mjs" "$work/results.json" 23 5 "Shire Police" ||
  fail "the results are not as expected"

# Digging Deeper on a second engagement: three respondents (k = 3, so that
# their entries may be shown) each write an action on the first statement of
# each of the four areas.
engagement2=$(hcctl engagements create --json --partnership="$partnership" \
  --purpose=developmental | name_of)
hcctl engagements add-member "$engagement2" --peer="$peer" --role=lead_peer > /dev/null
hcctl questionnaires create "$engagement2" --framework=digging-deeper \
  --open=now+1h --close=now+14d --k=3 > /dev/null
printf 'organisation,level,count\nShire Police,board,3\n' > "$work/three.csv"
hcctl questionnaires invite "$engagement2" --csv="$work/three.csv" --links-only \
  > "$work/three-links.txt"
open_questionnaire_now "$engagement2"
while read -r link; do
  node "$here/browser/respond.mjs" "$link" 2 mouse ||
    fail "a Digging Deeper respondent could not answer"
done < "$work/three-links.txt"
hcctl questionnaires close "$engagement2" > /dev/null
HC_TOKEN_FILE='' HC_TOKEN="$peer_token" "$hcctl_bin" questionnaires actions "$engagement2" \
  > "$work/actions.txt" || fail "the team cannot list the action entries"
for area in 1 2 3 4; do
  grep -q "statement: *$area\.1\$" "$work/actions.txt" || fail "no action entry for $area.1"
  grep -q "action needed: *Action from page $area\$" "$work/actions.txt" ||
    fail "the action for area $area is missing"
done
[[ $(grep -c "by whom: *Partnership board" "$work/actions.txt") == 12 ]] ||
  fail "expected 12 by-whom entries, 4 from each respondent"

kill -TERM "$server_pid"
wait "$server_pid" || fail "server exited with $?"
server_pid=""
echo "browser respondents: 1 passed, 0 failed"
