#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, starting from its committed
# corpus (and any further seed directories). New inputs go to a temporary
# directory, never into the committed corpus; a crash leaves its input as
# crash-<sha1> in the working directory and fails the run.
#
# Usage: run_fuzzer.sh FUZZER SECONDS CORPUS_DIR [SEED_DIR...] [-- LIBFUZZER_FLAGS...]
# To grow a corpus by hand (then commit the new files it keeps):
#   FUZZER -max_total_time=600 tests/fuzz/corpus/NAME
set -euo pipefail
fuzzer=$1 seconds=$2
shift 2
dirs=() flags=()
while (($#)); do
  if [[ $1 == -- ]]; then shift; flags=("$@"); break; fi
  dirs+=("$1"); shift
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  "${flags[@]}" "$work" "${dirs[@]}"
