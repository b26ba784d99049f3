#!/usr/bin/env bash
# `make package`: the release binary, then a Debian package of it made by the Tauri bundler.
#
#   target/release/casefile                                 the binary (LTO, opt-level "s", stripped)
#   target/release/bundle/deb/Casefile_<version>_amd64.deb  the package
#
# The bundler is the npm package @tauri-apps/cli, which ships a prebuilt binary, so nothing
# extra compiles. It runs as `tauri bundle`, which packages the binary built just before
# instead of building it a second time, and it reads src-tauri/tauri.conf.json, which has
# no dev server: the UI in ui/ is compiled into the binary (the custom-protocol feature).
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned so every machine packages alike; any @tauri-apps/cli@^2 reads the same config.
TAURI_CLI="@tauri-apps/cli@2.12.5"

scripts/setup.sh
if ! command -v npx >/dev/null; then
  echo "package: the Tauri bundler runs through npx; install Node.js 18+ with npm (apt-get install nodejs npm)" >&2
  exit 1
fi

echo "== release binary"
source scripts/release-env.sh
cargo rustc --release --features custom-protocol -p casefile --bin casefile -- "${LINK_ARGS[@]}"

echo "== Debian package (Tauri bundler, $TAURI_CLI)"
rm -rf target/release/bundle/deb
(cd src-tauri && CI=true npx --yes "$TAURI_CLI" bundle --bundles deb --features custom-protocol)

deb=$(ls target/release/bundle/deb/*.deb)
printf '%s  %s bytes\n' target/release/casefile "$(stat -c %s target/release/casefile)" "$deb" "$(stat -c %s "$deb")"
echo "Install it with: sudo apt install ./$deb"
