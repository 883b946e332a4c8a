#!/usr/bin/env bash
# The unit and API tests under AddressSanitizer and UndefinedBehaviorSanitizer,
# and every libFuzzer target for a bounded time, built with Debian's clang in
# build-sanitize/ (beside build/, sharing its ccache). Any finding fails.
#
# Usage: tests/run_under_sanitizers.sh [FUZZ_SECONDS]   (default 20 each)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=${1:-20}
CC=clang CXX=clang++ cmake -S . -B build-sanitize -G Ninja -DHC_SANITIZE=ON \
  -DHC_FUZZ_SECONDS="$fuzz_seconds" > /dev/null
cmake --build build-sanitize --target hc_core_tests hc_api_tests csv_fuzzer \
  framework_text_fuzzer respondent_form_fuzzer filter_fuzzer resource_name_fuzzer
# Leaks are checked at exit; gRPC's process-wide state, kept until exit on
# purpose, is not a leak of ours.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer_suppressions.txt:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-sanitize --output-on-failure -j2 -L 'unit|integration|fuzz'
