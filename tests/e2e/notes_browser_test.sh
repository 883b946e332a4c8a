#!/usr/bin/env bash
# End to end, in Debian's headless chromium: three peers of a review team
# log 60 evidence notes over a three-day plan in their own browsers, one of
# them offline for an afternoon with a browser restart in between, while the
# server is killed with SIGKILL between committing one upload and replying
# (tests/e2e/browser/team_notes.mjs). Every note reaches the server exactly
# once, each peer's in the order written. A note from an activity cancelled
# while it waited is set aside, given another source and uploaded.
#
# Usage: notes_browser_test.sh HC_SERVER HCCTL [OUT_DIR]
# (OUT_DIR keeps the screenshots; default: a temporary one.)
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"
out=${3:-$work/out}
mkdir -p "$out"

start_server
base="http://127.0.0.1:$http_port"
# The server may be restarted below: cleanup kills whichever runs last.
echo "$server_pid" > "$work/server.pid"
trap 'server_pid=$(cat "$work/server.pid"); cleanup' EXIT

# restart.sh: kills the server with SIGKILL and starts it again on the same
# ports and store (the browser's origin, and so its storage, stays the
# same), waiting until this server, not another, serves the HTTP port.
cat > "$work/restart.sh" <<EOF
#!/usr/bin/env bash
set -euo pipefail
kill -KILL "\$(cat "$work/server.pid")"
while curl -s -o /dev/null "$base/signin"; do sleep 0.05; done
"$server_bin" --listen=127.0.0.1:$port --http_listen=127.0.0.1:$http_port \\
  --store="$work/hc.db" > "$work/restarted.log" 2>&1 &
echo \$! > "$work/server.pid"
for _ in \$(seq 1 100); do
  grep -q "event=serving_http .*port=$http_port" "$work/restarted.log" && exit 0
  kill -0 "\$(cat "$work/server.pid")" || exit 1
  sleep 0.1
done
exit 1
EOF
chmod +x "$work/restart.sh"

partnership=$(hcctl partnerships create --json --display-name="Anytown CSP" --kind=csp \
  --member="Anytown Council:local_government" --member="Shire Police:police" | name_of)
lena=$(new_peer "Lena Lead" lena@northshire.gov.uk "Northshire Council" local_government)
pete=$(new_peer "Pete Police" pete@westshire.police.uk "Westshire Police" police)
hana=$(new_peer "Hana Health" hana@southshire.nhs.uk "Southshire NHS Trust" health)
engagement=$(engagement_with_team "$partnership" "Do partners share one picture?" \
  "$lena" "$pete" "$hana")
hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
  --open=now+1h --close=now+14d > /dev/null
start_fieldwork "$engagement"
# Three activities a day: two for some of the team, one for all of it.
for d in 1 2 3; do
  hcctl activities plan "$engagement" --day="$d" --start=09:00 --end=10:30 --kind=interview \
    --title="Interview on day $d" --peer="$lena" --peer="$pete" > /dev/null
  hcctl activities plan "$engagement" --day="$d" --start=09:00 --end=10:30 --kind=focus_group \
    --title="Focus group on day $d" --peer="$hana" > /dev/null
  hcctl activities plan "$engagement" --day="$d" --start=14:00 --end=16:00 \
    --kind=meeting_observation --title="Meeting on day $d" \
    --peer="$lena" --peer="$pete" --peer="$hana" > /dev/null
done
link() {
  hcctl people invite --json --display-name="$1" --email="$2" --role=peer --peer="$3" |
    field_of uri
}
node "$(dirname "$0")/browser/team_notes.mjs" "$base" "$out" "$work/restart.sh" \
  "$test_password" "$engagement" \
  "$(link "Lena Lead" lena@northshire.gov.uk "$lena")" lena@northshire.gov.uk \
  "$(link "Pete Police" pete@westshire.police.uk "$pete")" pete@westshire.police.uk \
  "$(link "Hana Health" hana@southshire.nhs.uk "$hana")" hana@southshire.nhs.uk || {
  cat "$work/restarted.log" >> "$work/server.log" 2> /dev/null || true
  fail "the team's notes did not all arrive once and in order"
}
echo "PASS: notes_browser_test"
