#!/usr/bin/env bash
# Makes sure the benchmarks' peers outside the JVM can run: CPython's asyncio comes with python3;
# uvloop comes from Debian's package python3-uvloop (for /usr/bin/python3); the HTTP runs need
# Debian's wrk (and taskset, from util-linux, on every Debian). Installs what is missing with
# apt-get when this runs as root; otherwise says how to install it, and the benchmark run goes on
# without those peers. Never escalates privileges by itself.
set -euo pipefail

missing=()
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3 || true)
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import uvloop' 2>/dev/null; then
  missing+=(python3-uvloop)
fi
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} (peers of the benchmarks) with apt-get..." >&2
  if apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }; then
    exit 0
  fi
  echo "apt-get could not install ${missing[*]}: those peers will be skipped." >&2
else
  echo "Missing ${missing[*]}: those peers will be skipped (install with: sudo apt-get install ${missing[*]})." >&2
fi
