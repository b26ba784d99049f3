#!/usr/bin/env bash
# Install what building, running and testing Casefile needs on Debian 12 / Ubuntu.
# Safe to run again: it only installs what is missing.
#   scripts/setup.sh          build + run needs (the webkit/gtk development packages)
#   scripts/setup.sh --test   also Xvfb, WebKitWebDriver, tauri-driver, PDF tools, xdotool (native
#                             dialogs in journeys) and, when npx is missing, Node.js for the bundler
set -euo pipefail

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

packages=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev fonts-dejavu-core)
if (( want_test )); then
  packages+=(xvfb xauth webkit2gtk-driver poppler-utils imagemagick sqlite3 xdotool)
  # The package test runs the Tauri bundler through npx; any Node.js 18+ will do.
  command -v npx >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if (( ${#missing[@]} )); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: these packages are missing and I am not root (and there is no sudo): ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust from https://rustup.rs first" >&2
  exit 1
fi

if (( want_test )); then
  driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  if [[ ! -x "$driver" ]]; then
    echo "setup: installing tauri-driver 2.1.0"
    cargo install tauri-driver --version 2.1.0 --locked --quiet
  fi
fi
