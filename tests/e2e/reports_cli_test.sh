#!/usr/bin/env bash
# End to end: a version of the written report generated with hcctl, submitted
# for team review, sent for the factual-accuracy check, commented on by the
# partnership's contact and published by the lead peer (moving the
# engagement to IMPROVEMENT_PLAN); then downloaded as PDF and HTML with
# hcctl and over HTTP with curl, each file checked with sha256sum against
# the server's record.
#
# Usage: reports_cli_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"

start_server

engagement_at_report

# --- The version: generated, reviewed, checked, commented, published -------
report=$(as "$hari_token" reports generate "$engagement" --json | name_of)
[[ "$report" == "$engagement/reports/1" ]] || fail "unexpected version name: $report"
# Only one unpublished version at a time.
if as "$hari_token" reports generate "$engagement" > /dev/null 2> "$work/second.err"; then
  fail "a second unpublished version was generated"
fi
grep -q "FAILED_PRECONDITION" "$work/second.err" || fail "second generate: $(cat "$work/second.err")"
# The partnership does not see a draft.
if as "$contact_token" reports get "$report" > /dev/null 2> "$work/draft.err"; then
  fail "the contact read a draft"
fi
as "$hari_token" reports submit "$report" > /dev/null || fail "submit refused"
if as "$hari_token" reports send-for-check "$report" > /dev/null 2>&1; then
  fail "a peer sent the version for the factual-accuracy check"
fi
as "$lena_token" reports send-for-check "$report" > /dev/null || fail "send-for-check refused"
as "$contact_token" reports comment "$report" --text="Our board met monthly, not quarterly." \
  --section="4 Findings" > /dev/null || fail "the contact could not comment"
[[ $(as "$lena_token" reports comments "$report") == *"Partnership contact"* ]] ||
  fail "the contact's comment is not listed"
as "$lena_token" reports publish "$report" > /dev/null || fail "publish refused"
[[ $(hcctl engagements get "$engagement" --json | field_of stage) == "IMPROVEMENT_PLAN" ]] ||
  fail "the engagement did not move to IMPROVEMENT_PLAN"
record=$(as "$contact_token" reports get "$report" --json)
[[ $(echo "$record" | field_of state) == "REPORT_STATE_PUBLISHED" ]] || fail "not published: $record"
pdf_sha=$(echo "$record" | field_of pdfSha256)
html_sha=$(echo "$record" | field_of htmlSha256)
[[ ${#pdf_sha} == 64 && ${#html_sha} == 64 ]] || fail "no hashes in $record"

# --- Downloads: hcctl streams and checks; curl over the HTTP port ----------
as "$contact_token" reports download "$report" --format=pdf --out="$work/report.pdf" > /dev/null ||
  fail "pdf download failed"
[[ $(sha256sum "$work/report.pdf" | cut -d' ' -f1) == "$pdf_sha" ]] || fail "pdf sha256 differs"
[[ ! -e "$work/report.pdf.part" ]] || fail "the temporary file was left behind"
as "$contact_token" reports download "$report" --format=html --out="$work/report.html" > /dev/null ||
  fail "html download failed"
[[ $(sha256sum "$work/report.html" | cut -d' ' -f1) == "$html_sha" ]] || fail "html sha256 differs"
if as "$contact_token" reports download "$report" --format=pdf --out="$work/report.pdf" \
  > /dev/null 2> "$work/overwrite.err"; then
  fail "an existing file was replaced without --force"
fi
grep -q "force" "$work/overwrite.err" || fail "overwrite refusal: $(cat "$work/overwrite.err")"
as "$contact_token" reports download "$report" --format=pdf --out="$work/report.pdf" --force \
  > /dev/null || fail "--force download failed"

base="http://127.0.0.1:$http_port"
curl -sf -H "Authorization: Bearer $contact_token" -D "$work/pdf.headers" \
  -o "$work/curl.pdf" "$base/$report.pdf" || fail "curl could not fetch the pdf"
[[ $(sha256sum "$work/curl.pdf" | cut -d' ' -f1) == "$pdf_sha" ]] || fail "curl pdf sha256 differs"
grep -qi "^content-type: application/pdf" "$work/pdf.headers" || fail "pdf content type"
grep -qi "^content-disposition: attachment" "$work/pdf.headers" || fail "pdf disposition"
curl -sf -H "Authorization: Bearer $contact_token" -D "$work/html.headers" \
  -o "$work/curl.html" "$base/$report.html" || fail "curl could not fetch the html"
[[ $(sha256sum "$work/curl.html" | cut -d' ' -f1) == "$html_sha" ]] || fail "curl html sha256 differs"
grep -qi "^content-security-policy: default-src 'none'; style-src 'unsafe-inline'" \
  "$work/html.headers" || fail "html policy: $(cat "$work/html.headers")"
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/$report.pdf")
[[ "$status" == 401 ]] || fail "an anonymous download was answered $status"

echo "PASS"
