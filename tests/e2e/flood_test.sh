#!/usr/bin/env bash
# Greedy and slow clients against hc_server, on loopback, while other clients
# go on working: each must be served and the server's memory stay bounded.
#   1. The slow-reader attack: one HTTP/2 connection with a 1-byte window
#      opens 1,000 report downloads (nghttp) and never reads.
#   2. A call flood: 20,000 calls on 20 connections, 100 in flight on each
#      (h2load), with one peer's token: beyond its 128 calls in flight
#      (--max_calls_per_token) they are refused at once, so the others'
#      calls still find a worker.
#   3. A connection flood: 300 TCP connections that never speak, and 200
#      that finish the HTTP/2 handshake and then sit idle; the server closes
#      every one (handshake timeout 10 s, --idle_connection_seconds=2).
#   4. The HTTP port (http_flood.mjs): 1,000 connections that send a header
#      line a second and never finish, 100 from one address (beyond its cap
#      of 64 the server closes them), and one connection sending header
#      lines without end (refused once past the 32 KiB limit), while a
#      respondent's page and a report download are served. It may grow the
#      server by at most 64 MB.
# The server's resident memory is sampled throughout. During the slow
# readers it may grow by at most 32 MB: 100 streams per connection, each
# holding one 64 KiB chunk of the file (held whole per stream and without a
# stream limit, 1,000 downloads of even this small report took more). Over
# all three it may grow by at most 128 MB: the gRPC port's quota
# (--grpc_memory_mb=64 here) bounds its buffers.
#
# Usage: flood_test.sh HC_SERVER HCCTL [SERVER_FLAG...]
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"
shift 2
max_slow_growth_mb=32 max_growth_mb=128 max_http_growth_mb=64
command -v nghttp > /dev/null && command -v h2load > /dev/null ||
  fail "nghttp and h2load are needed (Debian's nghttp2-client)"

start_server --idle_connection_seconds=2 --grpc_memory_mb=64 "$@"
engagement_at_report
report=$(as "$hari_token" reports generate "$engagement" --json | name_of)
[[ "$report" == */reports/1 ]] || fail "no report version: $report"
as "$hari_token" reports download "$report" --format=pdf --out="$work/report.pdf" > /dev/null ||
  fail "the report cannot be downloaded"
report_kb=$(( $(stat -c %s "$work/report.pdf") / 1024 ))

rss_kb() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$server_pid/status"; }
# sample_rss FILE: appends the server's RSS (kB) to FILE every 0.1 s until killed.
sample_rss() { while kill -0 "$server_pid" 2> /dev/null; do rss_kb >> "$1"; sleep 0.1; done; }
# grpc_body NAME FORMAT: a DownloadReportRequest in gRPC's length-prefixed framing.
grpc_body() {
  local name=$1 format=$2
  printf "\\x00\\x00\\x00\\x00\\x$(printf %02x $((${#name} + 4)))\\x0a\\x$(printf %02x ${#name})%s\\x10\\x$(printf %02x "$format")" \
    "$name"
}
# probe LABEL: other clients' calls meanwhile, each within 20 s: a read, a
# write and a whole download checked against the file downloaded before.
probe() {
  local label=$1 i
  for i in 1 2 3; do
    timeout 20 "$hcctl_bin" partnerships list > /dev/null || fail "$label: a list was not served"
    timeout 20 "$hcctl_bin" partnerships create --display-name="Probe $label $i" --kind=csp \
      > /dev/null || fail "$label: a create was not served"
  done
  HC_TOKEN_FILE="" HC_TOKEN="$lena_token" timeout 20 "$hcctl_bin" reports download "$report" \
    --format=pdf --out="$work/probe.pdf" --force > /dev/null || fail "$label: a download was not served"
  cmp -s "$work/probe.pdf" "$work/report.pdf" || fail "$label: the download differs"
}

grpc_body "$report" 1 > "$work/download.bin"
headers=(-H 'content-type: application/grpc' -H 'te: trailers'
         -H "authorization: Bearer $hari_token")
base_rss=$(rss_kb)
sample_rss "$work/rss" &
sampler=$!

# --- 1. The slow-reader attack -----------------------------------------------
nghttp -n -w 1 -W 1 -m 1000 -t 60 -d "$work/download.bin" "${headers[@]}" \
  "http://127.0.0.1:$port/healthcheck.v1.ReportService/DownloadReport" > /dev/null 2>&1 &
slow=$!
sleep 3
kill -0 "$slow" 2> /dev/null || fail "the slow reader ended by itself: the attack did not hold"
probe "slow readers"
slow_peak=$(sort -n "$work/rss" | tail -n 1)
kill "$slow"; wait "$slow" 2> /dev/null || true
slow_growth_mb=$(( (slow_peak - base_rss) / 1024 ))
echo "slow readers: report ${report_kb} KB, server RSS ${base_rss} kB before, ${slow_peak} kB at most"
((slow_growth_mb <= max_slow_growth_mb)) ||
  fail "slow readers grew the server by ${slow_growth_mb} MB (limit ${max_slow_growth_mb})"

# --- 2. A call flood ---------------------------------------------------------
printf '\x00\x00\x00\x00\x00' > "$work/empty.bin"  # an empty ListPartnershipsRequest
h2load -n 20000 -c 20 -m 100 -d "$work/empty.bin" "${headers[@]}" \
  "http://127.0.0.1:$port/healthcheck.v1.PartnershipService/ListPartnerships" \
  > "$work/h2load.out" 2>&1 &
flood=$!
sleep 1
probe "call flood"
wait "$flood" || fail "h2load failed: $(tail -n 5 "$work/h2load.out")"
calls_done=$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' "$work/h2load.out")
[[ -n "$calls_done" && "$calls_done" -gt 0 ]] || fail "the flood's calls: $(cat "$work/h2load.out")"

# --- 3. A connection flood ---------------------------------------------------
# Each waiter ends when the server closes its connection; none may outlive 15 s.
preface=$'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00'
waiters=()
for i in $(seq 1 500); do
  (
    exec 3<> "/dev/tcp/127.0.0.1/$port" || exit 2
    if ((i > 300)); then printf '%s' "$preface" >&3; fi
    timeout 15 cat <&3 > /dev/null
  ) 2> /dev/null &
  waiters+=($!)
done
sleep 1
probe "connection flood"
still_open=0
for w in "${waiters[@]}"; do wait "$w" || still_open=$((still_open + 1)); done
((still_open == 0)) || fail "$still_open of 500 connections were still open after 15 s"

# --- 4. The HTTP port ----------------------------------------------------------
http_base=$(rss_kb)
: > "$work/http_rss"
sample_rss "$work/http_rss" &
http_sampler=$!
http_result=$(node "$(dirname "$0")/http_flood.mjs" "$http_port" "/$report.pdf" "$lena_token" \
  "$(stat -c %s "$work/report.pdf")") || fail "the HTTP port was not served: $http_result"
kill "$http_sampler"; wait "$http_sampler" 2> /dev/null || true
http_peak=$(sort -n "$work/http_rss" | tail -n 1)
http_growth_mb=$(( (http_peak - http_base) / 1024 ))
echo "http port: $http_result; server RSS ${http_base} kB before, ${http_peak} kB at most"
json_number() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<< "$http_result"; }
(( $(json_number slow_open) == 1000 )) || fail "not every slow connection was accepted"
(( $(json_number greedy_open) <= 64 )) || fail "one address held more than 64 connections"
(( $(json_number flood_sent) < 16 * 1024 * 1024 )) || fail "the header flood was read on and on"
((http_growth_mb <= max_http_growth_mb)) ||
  fail "the HTTP floods grew the server by ${http_growth_mb} MB (limit ${max_http_growth_mb})"

kill "$sampler"; wait "$sampler" 2> /dev/null || true
peak=$(sort -n "$work/rss" | tail -n 1)
growth_mb=$(( (peak - base_rss) / 1024 ))
echo "all floods: server RSS ${peak} kB at most, growth ${growth_mb} MB;" \
  "flood calls answered: $calls_done of 20000"
((growth_mb <= max_growth_mb)) || fail "the server grew by ${growth_mb} MB (limit ${max_growth_mb})"
kill -0 "$server_pid" || fail "the server died"
echo "PASS"
