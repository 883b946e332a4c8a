#!/usr/bin/env bash
# End to end behind Debian's nginx: hc_server on loopback, and
# deploy/nginx/healthcheck.conf (only its ports, certificate and name
# changed) terminating TLS for both of its ports on one origin. Through it:
# gRPC calls with hcctl, the health service, and web pages with curl; a
# request over nginx's limits is refused by nginx.
#
# Usage: nginx_test.sh HC_SERVER HCCTL
set -euo pipefail

server_bin=$1
hcctl_bin=$2
source "$(dirname "$0")/lib.sh"
command -v nginx > /dev/null || fail "nginx is not installed"

start_server
# A port nothing listens on, below the kernel's ephemeral range (32768 up),
# so that no outgoing connection of a test running beside this one can hold
# it when nginx binds it.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    ss -tan | grep -q ":$p " || { echo "$p"; return; }
  done
}
https_port=$(free_port)
http_redirect_port=$(free_port)

# A throw-away certificate for localhost.
mkdir -p "$work/nginx/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2> /dev/null

# The shipped configuration with this run's ports, certificate and name.
sed -e "s|127.0.0.1:8443|127.0.0.1:$port|; s|127.0.0.1:8080|127.0.0.1:$http_port|" \
  -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
  -e "s|listen 80;|listen 127.0.0.1:$http_redirect_port;|" -e "/listen \[::\]/d" \
  -e "s|server_name healthcheck.example.org;|server_name localhost;|" \
  -e "s|/etc/ssl/healthcheck/fullchain.pem|$work/cert.pem|; s|/etc/ssl/healthcheck/privkey.pem|$work/key.pem|" \
  "$(dirname "$0")/../../deploy/nginx/healthcheck.conf" > "$work/nginx/healthcheck.conf"
cat > "$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events {}
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  include $work/nginx/healthcheck.conf;
}
CONF
nginx -t -p "$work/nginx" -c "$work/nginx/nginx.conf" 2> "$work/nginx-test.log" ||
  fail "nginx refuses the shipped configuration: $(cat "$work/nginx-test.log")"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g "daemon off;" 2>> "$work/nginx-test.log" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2> /dev/null || true; cleanup' EXIT
nginx_up=""
for _ in $(seq 1 300); do
  curl -s -o /dev/null --cacert "$work/cert.pem" "https://localhost:$https_port/signin" &&
    { nginx_up=yes; break; }
  sleep 0.1
done
[[ -n "$nginx_up" ]] || fail "nginx did not answer on $https_port: $(cat "$work/nginx-test.log")"

# gRPC through nginx: hcctl over TLS, a create and a list.
through() { HC_SERVER="localhost:$https_port" "$hcctl_bin" --tls-ca="$work/cert.pem" "$@"; }
created=$(through partnerships create --json --display-name="Behind nginx CSP" --kind=csp \
  --member="Riverside Council:local_government")
[[ "$created" == *'"name": "partnerships/'* ]] || fail "create through nginx: $created"
through partnerships list | grep -q "Behind nginx CSP" || fail "list through nginx"
# A refusal keeps its code on the way through.
out=$(HC_TOKEN_FILE="" HC_TOKEN=hc_wrong through peers list 2>&1) && fail "a wrong token was accepted"
[[ "$out" == *UNAUTHENTICATED* ]] || fail "expected UNAUTHENTICATED through nginx, got: $out"

# The web port through nginx on the same origin: a page, and a refusal.
page=$(curl -s --fail --cacert "$work/cert.pem" "https://localhost:$https_port/signin") ||
  fail "the sign-in page through nginx"
[[ "$page" == *"<form"* ]] || fail "the sign-in page has no form"
code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$work/cert.pem" \
  "https://localhost:$https_port/q/no-such-link")
[[ "$code" == 404 ]] || fail "an unknown link gave $code, not 404"
hsts=$(curl -s -D - -o /dev/null --cacert "$work/cert.pem" "https://localhost:$https_port/signin")
[[ "$hsts" == *"strict-transport-security"* || "$hsts" == *"Strict-Transport-Security"* ]] ||
  fail "no Strict-Transport-Security header"
# Plain HTTP only redirects.
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_redirect_port/signin")
[[ "$code" == 301 ]] || fail "plain HTTP gave $code, not a redirect"
# A body over nginx's limit never reaches the server.
code=$(head -c 5000000 /dev/zero | curl -s -o /dev/null -w '%{http_code}' --cacert "$work/cert.pem" \
  -X POST --data-binary @- "https://localhost:$https_port/q/no-such-link")
[[ "$code" == 413 ]] || fail "a 5 MB body gave $code, not 413"
echo "PASS: gRPC, the web port and nginx's limits through deploy/nginx/healthcheck.conf"
