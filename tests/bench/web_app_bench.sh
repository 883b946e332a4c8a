#!/usr/bin/env bash
# The web app's timings (web_app_bench.mjs) against a fresh hc_server on
# loopback holding an engagement with NOTES notes (web_app_seed.sh), with a
# peer of its team signed in through the browser. Builds nothing. A
# benchmark, not a test: it fails only if something does not start, never
# on a timing.
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
source "$here/web_app_seed.sh"
echo "web_app_bench: $note_count notes on $engagement; $runs runs each" >&2
node "$here/web_app_bench.mjs" "$base" "$email" "$test_password" "$engagement" \
  "$build_dir/clients/web/dist" "$runs"
