#!/usr/bin/env bash
# The web app's timings (web_app_bench.mjs) against a fresh hc_server on
# loopback: an engagement with its fieldwork (tests/e2e/lib.sh), NOTES notes
# written through the API, and a peer of its team signed in through the
# browser. Builds nothing. A benchmark, not a test: it fails only if
# something does not start, never on a timing.
#
# Usage: tests/bench/web_app_bench.sh [BUILD_DIR] [RUNS] [NOTES]
#   defaults: build, 5 runs, 500 notes.
set -euo pipefail

build_dir=$(realpath "${1:-build}")
runs=${2:-5}
note_count=${3:-500}
server_bin="$build_dir/services/hc_server"
hcctl_bin="$build_dir/clients/cli/hcctl"
here=$(dirname "$0")
source "$here/../e2e/lib.sh"

start_server
base="http://127.0.0.1:$http_port"
engagement_at_report
email=bench.peer@southshire.nhs.uk
link=$(hcctl people invite --json --display-name="Hari Health" --email="$email" --role=peer \
  --peer="$hari" | field_of uri)
printf '%s\n' "$test_password" | "$hcctl_bin" set-password "$link" > /dev/null
activity=$(as "$hari_token" activities list "$engagement" --json | name_of)

# The notes, over the Connect API with Hari's token, 20 at a time.
node --input-type=module - "$base" "$hari_token" "$engagement" "$activity" "$note_count" <<'JS'
const [base, token, parent, activity, count] = process.argv.slice(2);
const words = ['vision', 'budget', 'protocol', 'board', 'data', 'youth', 'police', 'council'];
const one = (i) => fetch(`${base}/healthcheck.v1.EvidenceService/CreateNote`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ parent, requestId: `bench-${i}`, note: {
    text: `Note ${i}: the ${words[i % 8]} came up with the ${words[(i * 3) % 8]} lead.`,
    activity, polarity: i % 3 ? 'POLARITY_POSITIVE' : 'POLARITY_NEGATIVE', tags: [] } }),
}).then((r) => { if (!r.ok) throw new Error(`note ${i}: HTTP ${r.status}`); });
for (let i = 0; i < Number(count); i += 20) {
  await Promise.all(Array.from({ length: Math.min(20, Number(count) - i) }, (_, k) => one(i + k)));
}
JS
echo "web_app_bench: $note_count notes on $engagement; $runs runs each" >&2
node "$here/web_app_bench.mjs" "$base" "$email" "$test_password" "$engagement" \
  "$build_dir/clients/web/dist" "$runs"
