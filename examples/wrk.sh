#!/usr/bin/env bash
# Drives the HTTP plaintext example with wrk for a few seconds and prints requests/s.
# Usage: examples/wrk.sh JAVA [SECONDS]   (./run wrk [SECONDS] builds first and calls this)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=$1
SECONDS_TO_RUN=${2:-5}

# wrk is installed only where this already runs as root (as benchmarks/peer-packages.sh does):
# a script never asks for privileges on its own, it says what is missing and how to install it.
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "wrk is not installed; installing Debian's package with apt-get (running as root)..." >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is not installed: install it (e.g. sudo apt-get install wrk), then run this again." >&2
    exit 1
  fi
fi

log=$(mktemp)
"$JAVA" --add-opens java.base/java.lang=ALL-UNNAMED \
  -cp "examples/target/loopkit-examples.jar:examples/target/lib/*" \
  dev.loopkit.examples.HttpPlaintextServer 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT

url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^HTTP plaintext server on \(http:[^ ]*\)$/\1/p' "$log")
  [ -n "$url" ] && break
  kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:" >&2; cat "$log" >&2; exit 1; }

echo "wrk -t2 -c64 -d${SECONDS_TO_RUN}s $url (loopkit HTTP plaintext example, one loop thread)"
wrk -t2 -c64 -d"${SECONDS_TO_RUN}s" "$url" | tee /dev/stderr | sed -n 's/^Requests\/sec: *\(.*\)$/requests\/s: \1/p'
