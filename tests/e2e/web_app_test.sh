#!/usr/bin/env bash
# End to end: the web app served by hc_server, driven in Debian's headless
# chromium through its journeys (tests/e2e/browser/journeys.mjs), on one
# server, with nothing but a browser where a person would use one:
#   1. the first programme lead opens the first start's set-password link and
#      sets up a partnership, peers, a health check with its team and scoping
#      record, people, the questionnaire and its invitations;
#   2. web_app.mjs: the home page, an engagement, people and inviting;
#   3. on an engagement whose report is in the factual-accuracy check (set
#      up with hcctl), a peer captures evidence notes, online and offline,
#      each uploaded once; a partnership contact reads the draft and comments on
#      two sections;
#   4. team.mjs: on an engagement in fieldwork, the lead peer plans the
#      fieldwork (a clash refused in words), drafts, agrees, reopens and
#      withdraws findings and a recommendation, reads the triangulation and
#      gives the initial feedback (the peer is offered no agreeing); then
#      publishes the checked report and takes a second version through the
#      team's review to the check, and withdraws it; the contact downloads
#      the published PDF and adds two improvement actions and a progress
#      update;
#   5. the programme lead's browser is refused that engagement's
#      questionnaire results and notes, approves its plan, records a check-in
#      and verifies an action;
#   6. with 50 more partnerships, the lead pages through them, cancels a
#      health check, makes and revokes a token, ends sessions, suspends and
#      reactivates a contact.
# Every page passes axe-core at 1280 px, 320 px and 200% zoom.
#
# Usage: web_app_test.sh HC_SERVER HCCTL [OUT_DIR]
# (OUT_DIR keeps the screenshots; default: a temporary one.)
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"
out=${3:-$work/out}
mkdir -p "$out"
browser=$(dirname "$0")/browser

launch_server
base="http://127.0.0.1:$http_port"
journey() { node "$browser/journeys.mjs" "$1" "$base" "$out" "${@:2}" || fail "journey $1 failed"; }

journey lead "$(cat "$work/hc.db.first-lead-link")" "$test_password"
login_first_lead

node "$browser/web_app.mjs" "$base" lead@example.org "$test_password" \
  "Anytown Community Safety Partnership" "$out" || fail "the web app failed"

engagement_at_report
report=$(as "$hari_token" reports generate "$engagement" --json | name_of)
as "$hari_token" reports submit "$report" > /dev/null || fail "submit refused"
as "$lena_token" reports send-for-check "$report" > /dev/null || fail "send-for-check refused"
contact_link=$(hcctl people invite --json --display-name="Rita Riverside" \
  --email=rita@riverside.gov.uk --role=partnership_contact --partnership="$partnership" |
  field_of uri)
peer_link=$(hcctl people invite --json --display-name="Hari Health" \
  --email=hari.health@southshire.nhs.uk --role=peer --peer="$hari" | field_of uri)
journey peer "$peer_link" hari.health@southshire.nhs.uk "$test_password" "$engagement"
notes=$(as "$hari_token" notes list "$engagement" --json | grep -c '"name": "engagements/')
[[ "$notes" == 4 ]] ||
  fail "the server holds $notes notes, not the 1 made before and the 3 uploaded (the 4th deleted)"
journey contact "$contact_link" rita@riverside.gov.uk "$test_password"
[[ $(as "$lena_token" reports comments "$report") == *"not quarterly"* ]] ||
  fail "the review team does not see the contact's comment"
engagement_in_fieldwork
lead_peer_link=$(hcctl people invite --json --display-name="Lena Lead" \
  --email=lena.lead@northshire.gov.uk --role=peer --peer="$lena" | field_of uri)
node "$browser/team.mjs" "$base" "$out" "$lead_peer_link" lena.lead@northshire.gov.uk \
  hari.health@southshire.nhs.uk "$test_password" "$fieldwork_engagement" "$engagement" ||
  fail "the team's journeys failed"
[[ $(as "$lena_token" reports list "$engagement") == *published* ]] ||
  fail "version 1 is not published on the server"
journey contact-plan rita@riverside.gov.uk "$test_password"
journey lead-refused "$test_password" "$engagement"
for i in $(seq -w 1 50); do
  hcctl partnerships create --display-name="Seeded partnership $i" --kind=csp \
    --member="Seeded council $i:local_government" > /dev/null || fail "partnership $i refused"
done
journey lead-admin "$test_password" "$engagement" rita@riverside.gov.uk
echo "PASS: web_app_test ($out)"
