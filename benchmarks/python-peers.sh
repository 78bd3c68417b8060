#!/usr/bin/env bash
# Makes sure the benchmarks' Python peers can run: CPython's asyncio comes with python3; uvloop
# comes from Debian's package python3-uvloop (for /usr/bin/python3). Installs it with apt-get when
# it is missing and this runs as root; otherwise says how to install it, and the benchmark run
# goes on without the uvloop peer. Never escalates privileges by itself.
set -euo pipefail

PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3 || true)
if [ -z "$PYTHON" ]; then
  echo "python3 not found: the asyncio and uvloop peers will be skipped (apt-get install python3 python3-uvloop)." >&2
  exit 0
fi
if "$PYTHON" -c 'import uvloop' 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's python3-uvloop (the uvloop peer of the benchmarks) with apt-get..." >&2
  if apt-get install -y -qq python3-uvloop >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq python3-uvloop >/dev/null 2>&1; }; then
    exit 0
  fi
  echo "apt-get could not install python3-uvloop: the uvloop peer will be skipped." >&2
else
  echo "uvloop is missing: the uvloop peer will be skipped (install it with: sudo apt-get install python3-uvloop)." >&2
fi
