#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build and test the server, and
# only those that are missing. Run as root (or with sudo). Safe to repeat.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libsqlite3-dev libssl-dev libcpp-httplib-dev libmicrohttpd-dev libsodium-dev
  libgtest-dev libgmock-dev libbenchmark-dev openssl
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils libxml2-dev libicu-dev strace
  chromium nginx nghttp2-client clang libclang-rt-14-dev
)
# The browser test drives Debian's chromium from Node.js: Debian's nodejs and
# npm unless the machine already has a node.
command -v node > /dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-build-deps: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  # Services installed here (nginx) are for the tests, which start their own:
  # none is started by the install (and none can fail it by finding its port
  # taken).
  policy=/usr/sbin/policy-rc.d
  if [[ $(id -u) -eq 0 && ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The npm packages, exactly as locked: the web app's (built by CMake) and
# playwright-core for the browser tests (it downloads no browser: the tests
# use /usr/bin/chromium). Installed again whenever a lock file changed.
root="$(cd "$(dirname "$0")/.." && pwd)"
for dir in "$root/clients/web" "$root/tests/e2e/browser"; do
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"; then
    echo "install-build-deps: npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error &&
      cp package-lock.json node_modules/.installed-lock.json)
  fi
done
echo "install-build-deps: everything is installed"
