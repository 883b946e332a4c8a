# Shared by the e2e scripts (sourced, after `server_bin` and `hcctl_bin` are
# set): a work directory removed on exit with the server killed, `fail`
# showing the server's log, and `start_server`.

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -9 "$server_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; tail -n 30 "$work/server.log" >&2; exit 1; }

# start_server [FLAG...]: starts hc_server on loopback ports with its store in
# $work, waits until both ports listen, and sets server_pid, port, http_port
# and, for hcctl, HC_SERVER and HC_TOKEN_FILE (the first programme lead's).
start_server() {
  "$server_bin" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --store="$work/hc.db" "$@" \
    > "$work/server.log" 2>&1 &
  server_pid=$!
  port="" http_port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
    http_port=$(sed -n 's/.*event=serving_http .*port=\([0-9]*\).*/\1/p' "$work/server.log" |
      head -n 1)
    [[ -n "$port" && -n "$http_port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" && -n "$http_port" ]] || fail "server did not start"
  export HC_SERVER="127.0.0.1:$port" HC_TOKEN_FILE="$work/hc.db.token"
}
