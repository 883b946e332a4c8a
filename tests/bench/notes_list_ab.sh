#!/usr/bin/env bash
# The notes list, app open, of two builds side by side (notes_list_ab.mjs):
# one store seeded as web_app_bench.sh seeds it (with build B), copied, and
# served by each build's hc_server at once, so that the two are timed in
# turn in one browser and the machine's drift from minute to minute falls
# on both alike. Builds nothing; a benchmark, not a test.
#
# Usage: tests/bench/notes_list_ab.sh BUILD_A BUILD_B [PAIRS] [NOTES]
#   defaults: 20 pairs, 500 notes. Build B seeds the store, so build A must
#   know B's store schema (the same migrations).
set -euo pipefail

build_a=$(realpath "$1")
build_b=$(realpath "$2")
pairs=${3:-20}
note_count=${4:-500}
server_bin="$build_b/services/hc_server"
hcctl_bin="$build_b/clients/cli/hcctl"
here=$(dirname "$0")
source "$here/web_app_seed.sh"

# The seeded store, closed cleanly, then one copy per build.
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
origins=() pids=()
seeded=$work
trap 'kill -9 "${pids[@]}" 2>/dev/null; work=$seeded; cleanup' EXIT
for build in "$build_a" "$build_b"; do
  # launch_server (tests/e2e/lib.sh) serves $work/hc.db: here each copy's.
  work="$seeded/${#pids[@]}"
  mkdir "$work"
  cp "$seeded/hc.db" "$work/"
  server_bin="$build/services/hc_server"
  launch_server
  pids+=("$server_pid")
  origins+=("http://127.0.0.1:$http_port")
done
work=$seeded
server_pid=""
echo "notes_list_ab: $note_count notes on $engagement; $pairs pairs" >&2
node "$here/notes_list_ab.mjs" "${origins[@]}" "$email" "$test_password" "$engagement" "$pairs"
