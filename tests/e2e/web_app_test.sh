#!/usr/bin/env bash
# End to end: the web app served by hc_server, driven in Debian's headless
# chromium (tests/e2e/browser/web_app.mjs): a programme lead signs in, sees
# the programme's engagements on the home page, opens one and signs out;
# every page passes axe-core at 1280 px, 320 px and 200% zoom.
#
# Usage: web_app_test.sh HC_SERVER HCCTL [OUT_DIR]
# (OUT_DIR keeps the screenshots; default: a temporary one.)
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"
out=${3:-$work/out}
mkdir -p "$out"

start_server
partnership=$(hcctl partnerships create --json --display-name="Anytown Community Safety Partnership" \
  --kind=csp --member="Anytown Council:local_government" --member="Shire Police:police" | name_of)
lena=$(hcctl peers create --json --display-name="Lena Lead" --email=lena@northshire.gov.uk \
  --organisation="Northshire Council" --sector=local_government \
  --accredited-date=2025-01-15 --expiry-date=2035-01-14 | name_of)
engagement=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
  --fieldwork-day1="$(day 40)" --fieldwork-day2="$(day 41)" --fieldwork-day3="$(day 42)" | name_of)
hcctl engagements add-member "$engagement" --peer="$lena" --role=lead_peer > /dev/null
[[ "$engagement" == engagements/* ]] || fail "no engagement"

node "$(dirname "$0")/browser/web_app.mjs" "http://127.0.0.1:$http_port" lead@example.org \
  "$test_password" "Anytown Community Safety Partnership" "$out" || fail "the web app failed"
echo "PASS: web_app_test ($out)"
