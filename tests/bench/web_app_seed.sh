# Sourced by the web app's benchmarks, after `server_bin`, `hcctl_bin` and
# `note_count` are set: starts a fresh hc_server on loopback with an
# engagement and its fieldwork (tests/e2e/lib.sh), a peer of its team who
# signs in with `email` and `test_password`, and `note_count` notes written
# by that peer over the Connect API, 20 at a time. Sets `base` (the web
# app's origin) and `engagement`.
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib.sh"

start_server
base="http://127.0.0.1:$http_port"
engagement_at_report
email=bench.peer@southshire.nhs.uk
link=$(hcctl people invite --json --display-name="Hari Health" --email="$email" --role=peer \
  --peer="$hari" | field_of uri)
printf '%s\n' "$test_password" | "$hcctl_bin" set-password "$link" > /dev/null
activity=$(as "$hari_token" activities list "$engagement" --json | name_of)

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
