#!/usr/bin/env bash
# Build Casefile and open its window. With FILE=path it opens that case file; without, it
# opens the demo case file (made once under target/demo/), the quickest way to look around.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build -p casefile
bin=target/debug/casefile
file="${FILE:-}"
if [[ -z "$file" ]]; then
  mkdir -p target/demo
  file=target/demo/demo.casefile
  [[ -e "$file" ]] || "$bin" demo --file "$file"
fi
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: there is no display; run this from a desktop session (or under xvfb-run)." >&2
  exit 1
fi
exec "$bin" --file "$file"
