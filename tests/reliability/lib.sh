# Shared by the reliability scripts (sourced, after `server_bin` is set): a
# work directory removed on exit with every server killed, `fail`, and
# starting servers.

work=$(mktemp -d)
cleanup() {
  pkill -9 -f -- "--store=$work/" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for log in "$work"/*.log; do [[ -f $log ]] && { echo "--- $log ---" >&2; tail -n 15 "$log" >&2; }; done
  exit 1
}

# wait_serving LOG PID: prints the gRPC port once LOG says the server serves;
# prints nothing if the process ends first (it refused to start).
wait_serving() {
  local log=$1 pid=$2 port=""
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    [[ -n $port ]] && { echo "$port"; return; }
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.05
  done
  fail "the server neither served nor stopped within 15 s"
}

# kill_store_server STORE: SIGKILLs the hc_server serving STORE, as a crash,
# and waits until its lock on the store is gone (a dying process leaves the
# process list before it closes its files).
kill_store_server() {
  pkill -9 -f -- "--store=$1\$" 2>/dev/null || true
  for _ in $(seq 1 200); do
    if ! pgrep -f -- "--store=$1\$" > /dev/null && flock -n "$1.lock" true; then return 0; fi
    sleep 0.05
  done
  fail "the server on $1 did not die"
}
