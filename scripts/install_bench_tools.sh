#!/usr/bin/env bash
# Install what the benchmarks drive besides Python packages: wrk (the HTTP load generator of
# benchmarks/bench_api.py) and Debian's Chromium (benchmarks/bench_page.py), when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "wrk is missing; run: sudo apt-get install -y wrk (bench_api.py falls back to a Python client)" >&2
    else
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    fi
fi
bash "$here/install_chromium.sh"
