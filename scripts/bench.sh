#!/usr/bin/env bash
# `make bench`: the benchmark suite of issue 8. Writes docs/BENCHMARKS.md.
#
#   1. installs what it needs: the test packages (Xvfb, WebKitWebDriver, tauri-driver) and
#      Debian's chromium, the peer the packet is compared with (the tests never need it);
#   2. builds the release app exactly as `make package` does (so a packaged build is reused),
#      the bare Tauri window it is compared with, and the benchmark runner;
#   3. runs target/release/casefile-bench, which makes the 100k and 1M demo files, times the
#      core, the window and Chromium, and writes the report.
#
# It is not part of `make test`: it takes several minutes and its figures depend on the
# machine. Run it on a quiet machine: other builds skew the timings (the report records the
# load average at start and end). Extra arguments go to the runner, e.g.
#   scripts/bench.sh --sizes 100000 --runs 3 --skip-chromium
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
if ! command -v chromium >/dev/null; then
  echo "bench: installing Debian's chromium (the headless PDF peer)"
  if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

echo "== release builds (the app as make package builds it, the bare window, the runner)"
# Same flags for all three (scripts/release-env.sh), so the app is the one `make package` ships
# and the bare window is built exactly as it is.
source scripts/release-env.sh
cargo rustc --release --features custom-protocol -p casefile --bin casefile -- "${LINK_ARGS[@]}"
cargo rustc --release -p casefile-hello --bin casefile-hello -- "${LINK_ARGS[@]}"
cargo build --release -p casefile-bench

echo "== benchmarks (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
target/release/casefile-bench "$@"
