#!/usr/bin/env bash
# The kill -9 harness. Four clients create partnerships with request_ids while
# the server is killed with SIGKILL at a random moment and restarted on the
# same store and port; each client retries a write whose outcome it does not
# know with the same request_id, as hcctl does. After every round the store
# must open (quick_check); every N rounds (--check_every, default 1) and after
# the last, it must hold every write acknowledged so far and none twice. A
# check lists the whole store, so long runs check every few rounds.
#
# Usage: kill9_rounds.sh HC_SERVER HC_RELIABILITY_CLIENT [--rounds=N] [--check_every=N]
set -euo pipefail

server_bin=$1
client_bin=$2
shift 2
rounds=10
check_every=1
for arg in "$@"; do
  case $arg in
    --rounds=*) rounds=${arg#*=} ;;
    --check_every=*) check_every=${arg#*=} ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"

store="$work/hc.db"
port=""
start() {
  # In a subshell, so that a kill is not reported.
  ( "$server_bin" --listen="127.0.0.1:${port:-0}" --http_listen= --store="$store" \
      >> "$work/server.log" 2>&1 || true ) 2> /dev/null &
  server=$!
  local got
  got=$(wait_serving "$work/server.log" "$server")
  [[ -n $got ]] || fail "the server did not start"
  port=$got
}

: > "$work/server.log"
start
total=0
for r in $(seq 1 "$rounds"); do
  "$client_bin" write --server="127.0.0.1:$port" --first_lead_link_file="$store.first-lead-link" --prefix="r$r" \
    --count=100000 --threads=4 --after_refusal=-1 --retry_seconds=20 --seconds=1.5 \
    > "$work/acks-$r" 2> "$work/client.log" &
  client=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill_store_server "$store"
  wait "$server"  # reaped: every thread gone, so its lock on the store too
  : > "$work/server.log"
  start
  wait "$client" || fail "round $r: $(cat "$work/client.log")"
  (( r % check_every == 0 || r == rounds )) || continue
  cat "$work"/acks-* > "$work/acks"
  "$client_bin" check --server="127.0.0.1:$port" --first_lead_link_file="$store.first-lead-link" \
    --acks="$work/acks" > "$work/check" 2> "$work/client.log" ||
    fail "round $r: $(cat "$work/client.log")"
  total=$(sed -n 's/^acknowledged=\([0-9]*\).*/\1/p' "$work/check")
done
echo "kill -9: $rounds rounds, $total writes acknowledged, none lost or duplicated"
