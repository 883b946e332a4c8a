#!/usr/bin/env bash
# End to end: starts the hc_server binary on a free loopback port, drives the
# foundation workflow with hcctl as a programme lead and a peer would, kills
# the server with SIGKILL right after acknowledged writes, restarts it on the
# same store and checks that every acknowledged write is there; finally stops
# it with SIGTERM and checks the clean shutdown.
#
# Usage: workflow_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"

# Restarted on the same store below; only the gRPC port is waited for.
start_server() {
  : > "$work/server.log"
  "$server_bin" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --store="$work/hc.db" \
    >> "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*/\1/p' "$work/server.log" | tail -n 1)
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "${port:-}" ]] || fail "server did not start"
  export HC_SERVER="127.0.0.1:$port"
}

expect_refusal() {  # CODE TEXT -- command...
  local code=$1 text=$2; shift 3
  local out
  if out=$("$@" 2>&1); then fail "expected $code from: $*"; fi
  [[ "$out" == *"$code"* && "$out" == *"$text"* ]] || fail "expected $code '$text', got: $out"
}

start_server
# The first start writes the first programme lead's set-password link to a
# file only the server's user can read, and never to the log.
link_file="$work/hc.db.first-lead-link"
[[ -f "$link_file" ]] || fail "no first-lead link file"
[[ $(stat -c %a "$link_file") == 600 ]] || fail "the link file is not mode 600"
[[ $(cat "$link_file") == http://127.0.0.1:*/set-password?key=hc_* ]] ||
  fail "the link file holds no set-password link: $(cat "$link_file")"
grep -q "$(sed 's/.*key=//' "$link_file")" "$work/server.log" && fail "the link's key was logged"
sign_in_first_lead "$work/hc.db"
# Set, the link is used up; the password never reaches the log.
out=$(printf '%s\n' "$test_password" | hcctl set-password "$(cat "$link_file")" 2>&1) &&
  fail "the first-lead link worked twice"
[[ "$out" == *FAILED_PRECONDITION* || "$out" == *"cannot be used"* ]] || fail "second use: $out"
grep -q "$test_password" "$work/server.log" && fail "a password was logged"

expect_refusal UNAUTHENTICATED "token" -- env HC_TOKEN=hc_wrong HC_TOKEN_FILE= "$hcctl_bin" peers list

# A partnership with five member organisations in three sectors.
partnership=$(hcctl partnerships create --json --display-name="Anytown Community Safety Partnership" \
  --kind=csp --area=Anytown --lifecycle-stage=functioning \
  --member="Anytown Council:local_government" --member="Anytown Borough Council:local_government" \
  --member="Anytown NHS Trust:health" --member="Anytown Hospitals Trust:health" \
  --member="Shire Police:police" | name_of)
[[ "$partnership" == partnerships/* ]] || fail "no partnership created"

# Four peers: one employed by a member organisation, one whose accreditation has expired.
lead=$(hcctl peers create --json --display-name="Lena Lead" --email=lena@northshire.gov.uk \
  --organisation="Northshire Council" --sector=local_government \
  --accredited-date=2025-01-15 --expiry-date=2030-01-14 | name_of)
health=$(hcctl peers create --json --display-name="Hari Health" --email=hari@southshire.nhs.uk \
  --organisation="Southshire NHS Trust" --sector=health \
  --accredited-date=2025-03-01 --expiry-date=2030-12-31 | name_of)
conflicted=$(hcctl peers create --json --display-name="Connie Conflict" --email=connie@anytown.nhs.uk \
  --organisation="Anytown NHS Trust" --sector=health \
  --accredited-date=2025-03-01 --expiry-date=2030-12-31 | name_of)
expired=$(hcctl peers create --json --display-name="Eddie Expired" --email=eddie@westshire.police.uk \
  --organisation="Westshire Police" --sector=police \
  --accredited-date=2020-01-01 --expiry-date=2024-06-30 | name_of)

engagement=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
  --fieldwork-day1=2029-03-06 --fieldwork-day2=2029-03-07 --fieldwork-day3=2029-03-08 | name_of)
[[ "$engagement" == engagements/* ]] || fail "no engagement created"

expect_refusal FAILED_PRECONDITION "conflict of interest" -- \
  hcctl engagements add-member "$engagement" --peer="$conflicted" --role=peer
expect_refusal FAILED_PRECONDITION "expires on 2024-06-30" -- \
  hcctl engagements add-member "$engagement" --peer="$expired" --role=peer
hcctl engagements add-member "$engagement" --peer="$lead" --role=lead_peer > /dev/null
hcctl engagements add-member "$engagement" --peer="$health" --role=peer > /dev/null
team=$(hcctl engagements add-member "$engagement" --peer="$expired" --role=shadow)
[[ "$team" == *"missing:"*"police"* ]] || fail "team coverage does not warn of the police sector: $team"

hcctl engagements update "$engagement" --issue="Is the vision shared by all partners?" \
  --outcome="An agreed improvement plan" --involve="Board members" --inform="Residents' panel" \
  --arrangements="Town hall and partner sites" \
  --questionnaire-open=2029-02-01 --questionnaire-close=2029-02-22 > /dev/null
stage=$(hcctl engagements begin-desk-research "$engagement")
[[ "$stage" == *"stage:"*"desk_research"* ]] || fail "engagement did not advance: $stage"
overview=$(hcctl programme overview)
[[ "$overview" == *"desk_research     1"* ]] || fail "overview does not count it: $overview"

# The fieldwork plan: a peer cannot be in two places at once; the timetable is iCalendar.
hcctl activities plan "$engagement" --kind=interview --title="Community safety manager" --day=1 \
  --start=09:00 --end=10:00 --participant="Community safety manager:Anytown Council:local_government" \
  --peer="$lead" --peer="$health" > /dev/null
expect_refusal FAILED_PRECONDITION "two places at once" -- hcctl activities plan "$engagement" \
  --kind=focus_group --title="Residents' panel" --day=1 --start=09:30 --end=11:00 --peer="$health"
hcctl activities plan "$engagement" --kind=site_visit --title="Town centre at night" --day=2 \
  --start=21:00 --end=24:00 --peer="$lead" > /dev/null
[[ $(hcctl activities list "$engagement") == *"09:00-10:00  interview"*"21:00-24:00  site_visit"* ]] ||
  fail "activities not listed in timetable order"
hcctl activities timetable "$engagement" --out="$work/fieldwork.ics" > /dev/null
[[ $(grep -c "^BEGIN:VEVENT" "$work/fieldwork.ics") == 2 ]] || fail "timetable: $(cat "$work/fieldwork.ics")"
hcctl documents add "$engagement" --title="Community safety strategy" --date=2028-04-01 > /dev/null
[[ $(hcctl documents list "$engagement") == *"Community safety strategy"*"2028-04-01"* ]] ||
  fail "document not listed"

# A peer's token cannot read an engagement they are not on.
other=$(hcctl partnerships create --json --display-name="Otherton LSP" --kind=lsp | name_of)
foreign=$(hcctl engagements create --json --partnership="$other" --purpose=remedial | name_of)
peer_token=$(person_token "Hari Health" peer --peer="$health")
[[ -n "$peer_token" ]] || fail "no peer token"
HC_TOKEN_FILE= HC_TOKEN="$peer_token" "$hcctl_bin" engagements get "$engagement" > /dev/null ||
  fail "the peer cannot read their own engagement"
expect_refusal PERMISSION_DENIED "not allowed" -- \
  env HC_TOKEN_FILE= HC_TOKEN="$peer_token" "$hcctl_bin" engagements get "$foreign"

# Acknowledged writes survive SIGKILL: kill straight after the last acknowledgement.
for i in $(seq 1 20); do
  hcctl peers create --display-name="Durable Peer $i" --email="durable$i@example.org" \
    --organisation="Elsewhere Council" --sector=other > /dev/null
done
hcctl engagements cancel "$foreign" --reason="Killed right after this" > /dev/null
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
start_server
count=$(hcctl peers list --all --json | grep -c '"email": "durable')
[[ "$count" == 20 ]] || fail "after SIGKILL found $count of 20 acknowledged peers"
[[ $(hcctl engagements get "$foreign") == *"stage:"*"cancelled"* ]] || fail "the last write was lost"
[[ $(hcctl engagements get "$engagement") == *"stage:"*"desk_research"* ]] || fail "stage lost"

# A graceful stop.
kill -TERM "$server_pid"
wait "$server_pid" || fail "server exited with $? on SIGTERM"
grep -q "event=stopped" "$work/server.log" || fail "no clean stop logged"
server_pid=""

# TLS: with a certificate and key the server speaks TLS only.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2> /dev/null
: > "$work/server.log"
"$server_bin" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --store="$work/hc.db" --tls_cert="$work/cert.pem" \
  --tls_key="$work/key.pem" >> "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*tls=on.*/\1/p' "$work/server.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || fail "TLS server did not start"
hcctl --server="localhost:$port" --tls-ca="$work/cert.pem" engagements get "$engagement" > /dev/null ||
  fail "no TLS call"
expect_refusal UNAVAILABLE "" -- hcctl --server="localhost:$port" --timeout=2 peers list
kill -TERM "$server_pid"
wait "$server_pid" || fail "TLS server exited with $?"
server_pid=""
echo "e2e workflow: 1 passed, 0 failed"
