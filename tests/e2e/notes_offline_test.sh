#!/usr/bin/env bash
# End to end: a peer logs evidence notes with hcctl while the server is down
# (text from standard input, from --file and from an editor on a terminal);
# they are queued on disk, one is edited in the queue, and once the server
# is back `hcctl sync` uploads them exactly once and in order. Then a second sync has nothing to do, a
# search finds a note by a word, and an edit from a stale etag is reported
# as a conflict that changes nothing.
#
# Usage: notes_offline_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"

# The server is stopped and started again here (on a new port each time).
start_server() {
  : > "$work/server.log"
  "$server_bin" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --store="$work/hc.db" \
    >> "$work/server.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*/\1/p' "$work/server.log" | tail -n 1)
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || fail "server did not start"
  export HC_SERVER="127.0.0.1:$port"
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || fail "server exited with $? on SIGTERM"
  server_pid=""
}

export HCCTL_QUEUE_DIR="$work/queue"
start_server
sign_in_first_lead "$work/hc.db"

# An engagement in desk research with its questionnaire (the benchmark the
# notes are tagged to), an interview and a document; Lena, its lead peer,
# logs the notes with her own token.
partnership=$(hcctl partnerships create --json --display-name="Anytown CSP" --kind=csp \
  --member="Anytown Council:local_government" --member="Shire Police:police" | name_of)
lead=$(hcctl peers create --json --display-name="Lena Lead" --email=lena@northshire.gov.uk \
  --organisation="Northshire Council" --sector=local_government \
  --accredited-date=2025-01-15 --expiry-date=2035-01-14 | name_of)
engagement=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
  --fieldwork-day1=2034-03-06 --fieldwork-day2=2034-03-07 --fieldwork-day3=2034-03-08 | name_of)
[[ "$engagement" == engagements/* ]] || fail "no engagement created"
hcctl engagements add-member "$engagement" --peer="$lead" --role=lead_peer > /dev/null
hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
  --open=now+1h --close=now+14d > /dev/null
interview=$(hcctl activities plan "$engagement" --json --kind=interview --title="Chair of the board" \
  --day=1 --start=09:00 --end=10:00 --peer="$lead" | name_of)
document=$(hcctl documents add "$engagement" --json --title="Community safety strategy" | name_of)
[[ "$interview" == */activities/* && "$document" == */documents/* ]] || fail "no activity or document"
token=$(person_token "Lena Lead" peer --peer="$lead")
[[ -n "$token" ]] || fail "no peer token"
export HC_TOKEN_FILE="" HC_TOKEN="$token"

# The server goes away; three notes are written regardless.
stop_server
echo "The board shares a clear vision" |
  hcctl --timeout=2 notes add "$engagement" --activity="$interview" --polarity=positive --tag=1 \
  > "$work/add1.out" 2> "$work/add1.err" || fail "add from stdin failed: $(cat "$work/add1.err")"
grep -q "queued: server unreachable; run \`hcctl sync\`" "$work/add1.err" ||
  fail "add from stdin not queued: $(cat "$work/add1.err")"
[[ ! -s "$work/add1.out" ]] || fail "a queued add printed a result: $(cat "$work/add1.out")"

printf 'Strategy names no outcome measures\n' > "$work/note2.txt"
hcctl --timeout=2 notes add "$engagement" --document="$document" --polarity=negative --tag=4.3 \
  --file="$work/note2.txt" 2> "$work/add2.err" || fail "add from --file failed"
grep -q "queued" "$work/add2.err" || fail "add from --file not queued: $(cat "$work/add2.err")"

# On a terminal, without --file, the note is written in $EDITOR.
cat > "$work/editor.sh" <<'EOF'
#!/bin/sh
printf 'Partners trust each other\n' > "$1"
EOF
chmod +x "$work/editor.sh"
EDITOR="$work/editor.sh" VISUAL="" script -qec "'$hcctl_bin' --timeout=2 notes add '$engagement' \
  --activity='$interview' --polarity=positive" /dev/null > "$work/add3.out" ||
  fail "add in the editor failed: $(cat "$work/add3.out")"
grep -q "queued" "$work/add3.out" || fail "add in the editor not queued: $(cat "$work/add3.out")"

queued=$(hcctl sync --list)
[[ $(grep -c "^queued/" <<< "$queued") == 3 ]] || fail "expected 3 queued: $queued"
# A queued note is edited in the queue: it is uploaded once, as edited.
printf 'Strategy names no outcome measures or owners\n' > "$work/note2.txt"
hcctl notes edit queued/2 --file="$work/note2.txt" > /dev/null 2>&1 || fail "edit of queued/2 failed"

# The server is back (on another port): one sync uploads the three.
start_server
synced=$(hcctl sync) || fail "sync failed: $synced"
[[ "$synced" == *"3 uploaded, 0 set aside, 0 still queued"* ]] || fail "sync: $synced"
listed=$(hcctl notes list "$engagement")
[[ $(grep -c "/notes/" <<< "$listed") == 3 ]] || fail "expected 3 notes: $listed"
[[ "$listed" == *"clear vision"*"outcome measures or"*"trust each other"* ]] ||
  fail "notes not in the order written: $listed"

[[ $(hcctl sync) == "nothing to upload" ]] || fail "a second sync did something"
[[ $(hcctl notes list "$engagement" | grep -c "/notes/") == 3 ]] || fail "a second sync duplicated"

found=$(hcctl notes search "$engagement" outcome)
[[ $(grep -c "/notes/" <<< "$found") == 1 && "$found" == *"outcome measures"* ]] ||
  fail "search: $found"

# An edit from a stale etag is a conflict and changes nothing.
note=$(hcctl notes list "$engagement" --json | grep -o '"name": "[^"]*/notes/[^"]*"' | head -n 1 |
  sed 's/.*: "\(.*\)"/\1/')
stale=$(hcctl notes get "$note" | sed -n 's/^etag: *//p')
echo "The board shares a clear and written vision" | hcctl notes edit "$note" > /dev/null ||
  fail "edit failed"
if echo "The board has no vision" | hcctl notes edit "$note" --etag="$stale" \
  > /dev/null 2> "$work/conflict.err"; then
  fail "an edit from a stale etag succeeded"
fi
grep -q "conflict" "$work/conflict.err" && grep -q "ABORTED" "$work/conflict.err" &&
  grep -q "clear and written vision" "$work/conflict.err" && grep -q "has no vision" "$work/conflict.err" ||
  fail "conflict not reported with both texts: $(cat "$work/conflict.err")"
[[ $(hcctl notes get "$note") == *"clear and written vision"* ]] || fail "the conflict changed the note"
[[ $(hcctl sync --list) == "(none)" ]] || fail "the queue is not empty: $(hcctl sync --list)"

stop_server
echo "e2e notes offline: 1 passed, 0 failed"
