#!/usr/bin/env bash
# The browser twin of health_check_scenario_test.sh: the same health check,
# lived end to end in Debian's headless chromium with nobody using hcctl
# (tests/e2e/browser/health_check.mjs tells the story). The script only
# starts the server and hands its first start's set-password link to the
# first programme lead's browser.
#
# Usage: health_check_browser_test.sh HC_SERVER [OUT_DIR]
# (OUT_DIR keeps the screenshots and the published PDF; default: a
# temporary one.)
set -euo pipefail

server_bin=$1
hcctl_bin=""
source "$(dirname "$0")/lib.sh"
out=${2:-$work/out}
mkdir -p "$out"

launch_server
node "$(dirname "$0")/browser/health_check.mjs" "http://127.0.0.1:$http_port" "$out" \
  "$(cat "$work/hc.db.first-lead-link")" "$test_password" "$(dirname "$0")/health_check_notes" ||
  fail "the health check did not go as its people lived it"
echo "PASS: health_check_browser_test${2:+ ($out)}"
