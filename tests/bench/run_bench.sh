#!/usr/bin/env bash
# Runs the load suite: starts a fresh hc_server (with the echo baseline) on
# loopback over a store in a temporary directory, runs `hc_load --suite`
# against it, stops the server with SIGTERM and removes the directory.
# Builds nothing. A benchmark, not a test: it fails only if something does
# not start or a call cannot be set up, never on a timing.
#
# Usage: tests/bench/run_bench.sh [BUILD_DIR] [hc_load flags...]
#   BUILD_DIR defaults to "build"; extra flags go to hc_load, e.g.
#   --duration_s=10 or --suite_in_flight=1,8,64.
set -euo pipefail

build_dir="${1:-build}"
shift || true
server_bin="${build_dir}/services/hc_server"
load_bin="${build_dir}/tests/bench/hc_load"
for bin in "${server_bin}" "${load_bin}"; do
  if [[ ! -x "${bin}" ]]; then
    echo "run_bench: ${bin} not found; build hc_server and hc_load first" >&2
    exit 2
  fi
done

work_dir="$(mktemp -d -t hc_bench.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "${server_pid}" ]] && kill -0 "${server_pid}" 2>/dev/null; then
    kill -TERM "${server_pid}"
    wait "${server_pid}" || true
  fi
  rm -rf "${work_dir}"
}
trap cleanup EXIT

"${server_bin}" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --enable_echo --store="${work_dir}/bench.db" \
  --first_lead_link_file="${work_dir}/lead.link" 2>"${work_dir}/server.log" &
server_pid=$!

# The server logs `event=serving ... port=NNNN` once it listens (after it
# has written the first programme lead's link file). Give it 30 s.
port=""
for _ in $(seq 1 150); do
  port="$(sed -n 's/.*event=serving .*port=\([0-9][0-9]*\).*/\1/p' "${work_dir}/server.log" | head -n 1)"
  [[ -n "${port}" ]] && break
  if ! kill -0 "${server_pid}" 2>/dev/null; then
    echo "run_bench: hc_server exited before serving:" >&2
    cat "${work_dir}/server.log" >&2
    exit 1
  fi
  sleep 0.2
done
if [[ -z "${port}" ]]; then
  echo "run_bench: hc_server did not report a port within 30 s:" >&2
  tail -n 20 "${work_dir}/server.log" >&2
  exit 1
fi

echo "run_bench: hc_server pid ${server_pid} on 127.0.0.1:${port}, store ${work_dir}/bench.db" >&2
status=0
timeout 110 "${load_bin}" --target="127.0.0.1:${port}" --first_lead_link_file="${work_dir}/lead.link" \
  --suite "$@" || status=$?
# A server that died under load makes every later run UNAVAILABLE: say so.
if ! kill -0 "${server_pid}" 2>/dev/null; then
  server_status=0
  wait "${server_pid}" || server_status=$?
  server_pid=""
  echo "run_bench: hc_server exited during the run (status ${server_status}); its last lines:" >&2
  grep -v ' event=rpc ' "${work_dir}/server.log" | tail -n 20 >&2
  status=1
elif [[ "${status}" -ne 0 ]]; then
  echo "run_bench: hc_load failed (exit ${status}); last server log lines:" >&2
  tail -n 20 "${work_dir}/server.log" >&2
fi
exit "${status}"
