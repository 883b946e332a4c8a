#!/usr/bin/env bash
# The I/O fault sweep. For each call number N it starts hc_server under strace
# with the Nth fdatasync(2) of every thread failing with EIO (--syncs), or the
# Nth pwrite64(2) failing with EIO and then with ENOSPC (--writes); two
# clients write until the store refuses (at most N + 20 writes each, enough
# to reach the Nth call: every commit makes at least one of each). It
# counts the rounds whose fault struck, and checks that:
#   - nothing is acknowledged after the first refusal (the client);
#   - after a SIGKILL and a restart without faults, the store opens (it
#     passes quick_check), every acknowledged write is there and none twice.
# A fault that strikes while the server starts must stop it starting.
#
# Usage: fault_sweep.sh HC_SERVER HC_RELIABILITY_CLIENT [--syncs=RANGE]
#        [--writes=RANGE], a RANGE being A..B, A..B+STEP or a list A,B,C
set -euo pipefail

server_bin=$1
client_bin=$2
shift 2
syncs="1..10" writes="1,3,10"
for arg in "$@"; do
  case $arg in
    --syncs=*) syncs=${arg#*=} ;;
    --writes=*) writes=${arg#*=} ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
command -v strace > /dev/null || fail "strace is not installed"

expand() {
  local range=$1 step=1
  [[ $range == *+* ]] && { step=${range#*+}; range=${range%+*}; }
  if [[ $range == *..* ]]; then seq "${range%..*}" "$step" "${range#*..}"; else tr , '\n' <<< "$range"; fi
}

rounds=0 refused_start=0 stopped=0 acknowledged=0
# round SYSCALL ERRNO N
round() {
  local syscall=$1 errno=$2 n=$3 dir="$work/$1-$2-$3"
  mkdir "$dir"
  local store="$dir/hc.db"
  # Emptied here, not by the server: the last round's port must not be read.
  : > "$work/faulty.log"
  : > "$work/restart.log"
  # In a subshell that keeps the exit status, so that a kill is not reported.
  (
    set +e
    strace -f -qq -o /dev/null -e trace="$syscall" -e inject="$syscall:error=$errno:when=$n" \
      "$server_bin" --listen=127.0.0.1:0 --http_listen= --store="$store" > "$work/faulty.log" 2>&1
    echo $? > "$work/faulty.status"
  ) 2> /dev/null &
  local tracer=$! port
  port=$(wait_serving "$work/faulty.log" "$tracer")
  if [[ -z $port ]]; then
    wait "$tracer"
    [[ $(cat "$work/faulty.status") != 0 ]] || fail "$syscall #$n: the server stopped without an error"
    grep -q "event=start_failed" "$work/faulty.log" || fail "$syscall #$n: no start_failed line"
    refused_start=$((refused_start + 1))
    : > "$dir/acks"
  else
    "$client_bin" write --server="127.0.0.1:$port" --first_lead_link_file="$store.first-lead-link" \
      --prefix="w$n" --count="$((n + 20))" --threads=2 > "$dir/acks" 2> "$work/client.log" ||
      fail "$syscall:$errno #$n: $(cat "$work/client.log")"
    grep -q "event=store_stopped" "$work/faulty.log" && stopped=$((stopped + 1))
    kill_store_server "$store"
    wait "$tracer" || true
  fi
  # A restart without faults recovers from what is on disk.
  ( "$server_bin" --listen=127.0.0.1:0 --http_listen= --store="$store" > "$work/restart.log" 2>&1 \
      || true ) 2> /dev/null &
  local server=$!
  port=$(wait_serving "$work/restart.log" "$server")
  [[ -n $port ]] || fail "$syscall:$errno #$n: the store does not open after the fault"
  "$client_bin" check --server="127.0.0.1:$port" --first_lead_link_file="$store.first-lead-link" \
    --acks="$dir/acks" > "$dir/check" 2> "$work/client.log" ||
    fail "$syscall:$errno #$n: $(cat "$work/client.log")"
  kill_store_server "$store"
  wait "$server"
  acknowledged=$((acknowledged + $(grep -c '^ok ' "$dir/acks" || true)))
  rounds=$((rounds + 1))
  rm -rf "$dir"
}

for n in $(expand "$syncs"); do round fdatasync EIO "$n"; done
for n in $(expand "$writes"); do
  round pwrite64 EIO "$n"
  round pwrite64 ENOSPC "$n"
done
echo "fault sweep: $rounds rounds, $refused_start refused to start, $stopped stopped while" \
  "serving, $acknowledged writes acknowledged, none after a failure, none lost or duplicated"
