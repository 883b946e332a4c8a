#!/usr/bin/env bash
# End to end in a real browser: starts hc_server, sets up an engagement's
# assessment-tool questionnaire with hcctl, and has five respondents answer
# it in Debian's headless chromium with JavaScript off (tests/e2e/browser/
# respond.mjs), one of them with the keyboard only. Then checks what the
# team can see: five responses, and per-group figures only where k allows.
#
# Usage: respondent_browser_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
here=$(cd "$(dirname "$0")" && pwd)
[[ -d "$here/browser/node_modules/playwright-core" ]] ||
  { echo "FAIL: run deploy/install-build-deps.sh (npm ci in tests/e2e/browser)" >&2; exit 1; }
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -n 20 "$work/server.log" >&2; exit 1; }

"$server_bin" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --store="$work/hc.db" \
  > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*/\1/p' "$work/server.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "${port:-}" ]] || fail "server did not start"
export HC_SERVER="127.0.0.1:$port" HC_TOKEN_FILE="$work/hc.db.token"
hcctl() { "$hcctl_bin" "$@"; }
name_of() { grep -o '"name": "[a-zA-Z]*/[a-z0-9]*"' | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }

partnership=$(hcctl partnerships create --json --display-name="Anytown CSP" --kind=csp \
  --member="Anytown Council:local_government" --member="Anytown NHS Trust:health" \
  --member="Shire Police:police" | name_of)
engagement=$(hcctl engagements create --json --partnership="$partnership" \
  --purpose=developmental | name_of)
hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
  --open=now --close=now+14d --k=3 --comments > /dev/null
printf 'organisation,level,count\nAnytown Council,board,3\nAnytown NHS Trust,front_line,3\nShire Police,management,1\n' \
  > "$work/invitations.csv"
hcctl questionnaires invite "$engagement" --csv="$work/invitations.csv" --links-only \
  > "$work/links.txt"
[[ $(wc -l < "$work/links.txt") == 7 ]] || fail "expected 7 links"

# Respondents 1-3 (council board), 4-5 (NHS front line); one uses the keyboard.
for i in 1 2 3 4 5; do
  mode=mouse
  [[ $i == 2 ]] && mode=keyboard
  node "$here/browser/respond.mjs" "$(sed -n "${i}p" "$work/links.txt")" $((i % 4)) "$mode" ||
    fail "respondent $i could not answer"
done

rates=$(hcctl questionnaires rates "$engagement" --json)
echo "$rates" | tr -d ' \n' | grep -q '"overall":{"group":"overall","invitations":7,"released":true,"responses":5' ||
  fail "overall rate is not 5 of 7: $rates"
# NHS front line (2) and police (0) are under k = 3: withheld, so the council's
# 3 would let them be worked out and is withheld too.
echo "$rates" | grep -q '"responses": 3' && fail "a group's figure let a smaller one be worked out: $rates"

kill -TERM "$server_pid"
wait "$server_pid" || fail "server exited with $?"
server_pid=""
echo "browser respondents: 1 passed, 0 failed"
