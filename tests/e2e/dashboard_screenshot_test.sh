#!/usr/bin/env bash
# End to end: a small programme seeded with hcctl, its dashboard read with
# `hcctl programme dashboard`; the dashboard's old address /programme leads
# home; then a second programme lead, invited, sets a password, signs in
# through the pages in chromium, sees the dashboard on the home page (axe-
# core checks it) and signs out, and a sign-in posted from another origin is
# refused. Also: the due-date flags are
# applied, and refused out of range.
#
# Usage: dashboard_screenshot_test.sh HC_SERVER HCCTL [OUT_DIR]
# (OUT_DIR keeps the page and the screenshot; default: a temporary one.)
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"
out=${3:-$work/out}
mkdir -p "$out"

# A due-date rule out of range stops the server at start-up.
if "$server_bin" --listen=127.0.0.1:0 --http_listen= --store="$work/refused.db" \
     --report_due_weeks=0 > "$work/refused.log" 2>&1; then
  fail "--report_due_weeks=0 was accepted"
fi
grep -q "report_due_weeks must be 1-52" "$work/refused.log" || fail "no reason for the refusal"

start_server --report_due_weeks=6

hcctl() { "$hcctl_bin" "$@"; }
name_of() { grep -o '"name": "[a-zA-Z]*/[a-z0-9]*"' | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }
day() { date -u -d "$1 days" +%F; }

partnership() {
  hcctl partnerships create --json --display-name="$1" --kind=csp --member="$2:local_government" |
    name_of
}
peer() {
  hcctl peers create --json --display-name="$1" --email="$2" --organisation="$3" \
    --sector=health --accredited-date=2025-01-15 --expiry-date="$4" | name_of
}
anytown=$(partnership "Anytown Community Safety Partnership" "Anytown Council")
borough=$(partnership "Borough Health & Wellbeing Board" "Borough Council")
lena=$(peer "Lena Lead" lena@northshire.nhs.uk "Northshire NHS Trust" 2035-01-14)
hari=$(peer "Hari Health" hari@southshire.nhs.uk "Southshire NHS Trust" "$(day +30)")

# Anytown's fieldwork has passed while it is still scoping: overdue.
late=$(hcctl engagements create --json --partnership="$anytown" --purpose=developmental \
  --fieldwork-day1="$(day -6)" --fieldwork-day2="$(day -5)" --fieldwork-day3="$(day -4)" | name_of)
hcctl engagements add-member "$late" --peer="$lena" --role=lead_peer > /dev/null
# Borough's fieldwork is in ten days; its report is due six weeks after.
soon=$(hcctl engagements create --json --partnership="$borough" --purpose=remedial \
  --fieldwork-day1="$(day +10)" --fieldwork-day2="$(day +11)" --fieldwork-day3="$(day +12)" | name_of)
hcctl engagements add-member "$soon" --peer="$hari" --role=lead_peer > /dev/null
hcctl questionnaires create "$soon" --framework=partnership-assessment-tool \
  --open=now+1h --close=now+7d > /dev/null
printf 'organisation,level,count\nBorough Council,board,4\n' > "$work/invitations.csv"
hcctl questionnaires invite "$soon" --csv="$work/invitations.csv" > /dev/null
open_questionnaire_now "$soon"

# Coast is in fieldwork now (days -1 to +1): Lena leads, Hari and a shadow
# join, and the questionnaire closed before day 1.
coast=$(partnership "Coast Strategic Partnership" "Coast Council")
sam=$(peer "Sam Shadow" sam@eastshire.nhs.uk "Eastshire NHS Trust" 2035-01-14)
field=$(hcctl engagements create --json --partnership="$coast" --purpose=routine_audit \
  --fieldwork-day1="$(day -1)" --fieldwork-day2="$(day +0)" --fieldwork-day3="$(day +1)" | name_of)
hcctl engagements add-member "$field" --peer="$lena" --role=lead_peer > /dev/null
hcctl engagements add-member "$field" --peer="$hari" --role=peer > /dev/null
hcctl engagements add-member "$field" --peer="$sam" --role=shadow > /dev/null
hcctl questionnaires create "$field" --framework=partnership-assessment-tool \
  --open=now --close=now+1h > /dev/null
hcctl engagements update "$field" --issue="Is the vision shared?" \
  --questionnaire-open="$(day -20)" --questionnaire-close="$(day -2)" > /dev/null
for step in begin-desk-research open-questionnaire start-fieldwork; do
  hcctl engagements "$step" "$field" > /dev/null || fail "$step refused"
done

text=$(hcctl programme dashboard)
# Two of Coast's fieldwork days are in the default period (to today), all
# three to tomorrow.
grep -q "TOTAL *- *4 *2" <<< "$text" || fail "peer-days to today are not 4 (+2 shadow): $text"
grep -q "TOTAL *- *6 *3" <<< "$(hcctl programme dashboard --from="$(day -30)" --to="$(day +1)")" ||
  fail "peer-days to tomorrow are not 6 (+3 shadow)"
grep -q "Anytown Community Safety Partnership" <<< "$text" || fail "no Anytown row in hcctl"
grep -q "OVERDUE fieldwork_day1 $(day -6)" <<< "$text" || fail "no overdue milestone in hcctl"
grep -q "$(day +54)  *report_due" <<< "$(hcctl programme dashboard --within-days=60)" ||
  fail "report due is not six weeks after day 3"
grep -q '"withheldReason": "withheld' <<< "$(hcctl programme dashboard --json)" ||
  fail "the questionnaire without answers is not withheld"
if hcctl programme dashboard --within-days=0 2> "$work/err"; then fail "--within-days=0 accepted"; fi

# The dashboard's old address leads to the home page, which is the dashboard.
location=$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$http_port/programme")
[[ "$location" == "http://127.0.0.1:$http_port/" ]] || fail "/programme led to $location"

# A second programme lead, invited, sets a password and signs in through the
# pages themselves, in a browser.
second=$(hcctl people invite --json --display-name="Priya Lead" --email=priya@example.org \
  --role=programme_lead | field_of uri)
[[ "$second" == http://127.0.0.1:$http_port/set-password?key=* ]] || fail "no link: $second"
node "$(dirname "$0")/browser/sign_in.mjs" "http://127.0.0.1:$http_port" "$second" \
  priya@example.org "$out" "Anytown Community Safety Partnership" \
  "Borough Health & Wellbeing Board" "Coast Strategic Partnership" "Lena Lead" "Hari Health" \
  "Sam Shadow" "Overdue" "Fieldwork day 1" ||
  fail "signing in through the browser, or the dashboard, failed"
echo "PASS: dashboard_screenshot_test ($out/dashboard.png)"
