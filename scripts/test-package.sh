#!/usr/bin/env bash
# The package test, run by `make test`: make the .deb exactly as `make package` does, install
# it into a scratch root with `dpkg -x`, and check what a user's machine would get:
#   - the release binary is at most 10 MB;
#   - the package's dependencies name the webkit, gtk, ssl and DejaVu font runtime packages;
#   - the binary, the desktop entry (Name, Comment, Icon, Exec) and its icon are installed;
#   - the installed binary runs: --help, --version, and writing and checking the demo;
#   - the installed binary starts its window: a first-run journey drives it over WebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_BINARY_BYTES=$((10 * 1000 * 1000))
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
ok() { echo "test-package: ok: $*"; }

scripts/package.sh

bin=target/release/casefile
debs=(target/release/bundle/deb/*.deb)
(( ${#debs[@]} == 1 )) || fail "expected one .deb, found: ${debs[*]}"
deb=${debs[0]}
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' src-tauri/tauri.conf.json | head -1)

size=$(stat -c %s "$bin")
(( size <= MAX_BINARY_BYTES )) || fail "the release binary is $size bytes, over the $MAX_BINARY_BYTES limit"
ok "release binary is $size bytes (limit $MAX_BINARY_BYTES); the .deb is $(stat -c %s "$deb") bytes"

# --- what the package declares
info=$(dpkg-deb --info "$deb")
depends=$(sed -n 's/^ *Depends: //p' <<<"$info")
for pkg in libwebkit2gtk-4.1-0 libgtk-3-0 libssl3 fonts-dejavu-core; do
  grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends does not name $pkg: $depends"
done
ok "Depends: $depends"
grep -q "^ *Package: casefile$" <<<"$info" || fail "the package is not called casefile: $info"
grep -q "^ *Version: $version$" <<<"$info" || fail "the package version is not $version: $info"

# --- what it installs
root=$(mktemp -d "${TMPDIR:-/tmp}/casefile-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root/fs"
installed="$root/fs/usr/bin/casefile"
[[ -x "$installed" ]] || fail "no executable /usr/bin/casefile in the package: $(dpkg-deb -c "$deb")"

desktop="$root/fs/usr/share/applications/Casefile.desktop"
[[ -f "$desktop" ]] || fail "no desktop entry at /usr/share/applications/Casefile.desktop: $(dpkg-deb -c "$deb")"
field() { sed -n "s/^$1=//p" "$desktop" | head -1; }
[[ "$(field Type)" == "Application" ]] || fail "desktop entry Type is '$(field Type)'"
[[ "$(field Name)" == "Casefile" ]] || fail "desktop entry Name is '$(field Name)'"
[[ "$(field Comment)" == *"private case file"* ]] || fail "desktop entry Comment is '$(field Comment)'"
[[ "$(field Exec)" == casefile* ]] || fail "desktop entry Exec is '$(field Exec)'"
icon=$(field Icon)
[[ -n "$icon" ]] || fail "desktop entry has no Icon"
for size_dir in 32x32 128x128 512x512; do
  [[ -f "$root/fs/usr/share/icons/hicolor/$size_dir/apps/$icon.png" ]] || fail "no $size_dir icon named $icon.png"
done
ok "desktop entry: Name=$(field Name), Comment=$(field Comment), Icon=$icon, Exec=$(field Exec)"

# --- the installed binary runs (no display needed for these)
help=$("$installed" --help) || fail "casefile --help exited non-zero"
grep -q "Casefile: a private case file" <<<"$help" || fail "casefile --help says: $help"
[[ "$("$installed" --version)" == "casefile $version" ]] || fail "casefile --version says: $("$installed" --version)"
"$installed" demo --file "$root/demo.casefile" >/dev/null || fail "the installed binary could not write the demo"
"$installed" check --file "$root/demo.casefile" | grep -q "Integrity: ok" || fail "the demo it wrote does not check ok"
ok "installed casefile runs: --help, --version, demo, check"

# --- and starts its window: the first-run journey, driven against the installed binary
CASEFILE_BIN="$installed" cargo test -q -p casefile-e2e --test first_run -- --test-threads=1 \
  the_first_run_offers_three_ways_in_and_says_everything_stays_here \
  || fail "the installed binary did not start its window with the welcome screen"
ok "the installed binary starts and shows the welcome screen"
