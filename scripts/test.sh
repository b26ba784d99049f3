#!/usr/bin/env bash
# Every test, all three levels: core (on :memory: and temp files), commands (mock runtime),
# and end-to-end journeys in the real window under Xvfb; then the package: the release build
# and the .deb, installed into a scratch root and started. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

# The command tests need tauri's `test` feature (its mock runtime). Building the app the
# journeys drive with the same feature set lets both share one build of tauri and its
# dependencies instead of compiling them twice; the mock runtime is unused by the real window.
FEATURES=(--features tauri/test)

echo "== build the app the journeys drive"
cargo build -p casefile "${FEATURES[@]}"

echo "== core and command tests"
cargo test -p casefile-core -p casefile "${FEATURES[@]}"

echo "== end-to-end journeys in the real window"
# One window at a time: journeys share nothing, but two WebKit processes starting together
# on two cores make timings needlessly tight. The harness starts Xvfb when DISPLAY is unset.
cargo test -p casefile-e2e --no-fail-fast -- --test-threads=1

echo "== the package: release binary, .deb, installed into a scratch root and started"
# Last, because the release build is the slowest step (about 5 minutes on 2 cores).
scripts/test-package.sh
