#!/usr/bin/env bash
# Regenerate every Casefile application icon from the SVG sources.
#
#   icons/casefile.svg        detailed artwork, used for sizes > 32 px
#   icons/casefile-small.svg  simplified artwork, used for sizes <= 32 px
#
# Outputs (all 8-bit/colour RGBA PNG):
#   icons/16x16.png  icons/32x32.png  icons/48x48.png  icons/64x64.png
#   icons/128x128.png  icons/256x256.png  icons/icon.png (512)
#   icons/icon.ico  (16/24/32/48/64/256)
#   icons/icon.icns (only when png2icns from icnsutils is installed)
#   ui/img/icon.png (256, the window's own copy: welcome screen, About box, sidebar)
#
# Needs: rsvg-convert (librsvg2-bin), ImageMagick 6 at /usr/bin/convert.
# Optional: png2icns (icnsutils). No network access is used.
# Safe to run repeatedly; it always rewrites the same files.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ICONS="$ROOT/icons"
SRC_BIG="$ICONS/casefile.svg"
SRC_SMALL="$ICONS/casefile-small.svg"
SMALL_MAX=32                      # sizes up to this use the small artwork
IM_CONVERT="/usr/bin/convert"     # /usr/local/bin/convert may be a stand-in

die() { echo "icons.sh: $*" >&2; exit 1; }

command -v rsvg-convert >/dev/null 2>&1 \
  || die "rsvg-convert not found (apt-get install librsvg2-bin)"
[[ -x "$IM_CONVERT" ]] \
  || die "$IM_CONVERT not found (apt-get install imagemagick)"
[[ -f "$SRC_BIG" ]] || die "missing $SRC_BIG"
[[ -f "$SRC_SMALL" ]] || die "missing $SRC_SMALL"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/casefile-icons.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# The small artwork sits on a 16-unit grid, which is pixel-exact at 16 and
# 32 px. At 24 px (1.5x) every edge would fall on a half pixel, so render it
# from a copy whose viewBox is nudged by 1/3 unit (= 0.5 px) to snap the edges.
sed 's/viewBox="0 0 16 16"/viewBox="0.3333 0.3333 16 16"/' \
  "$SRC_SMALL" > "$TMP/small-24.svg"

# render SIZE OUT — rasterise the right source at SIZE x SIZE as RGBA PNG.
render() {
  local size="$1" out="$2" src="$SRC_BIG"
  if (( size == 24 )); then
    src="$TMP/small-24.svg"
  elif (( size <= SMALL_MAX )); then
    src="$SRC_SMALL"
  fi
  rsvg-convert --format=png --width="$size" --height="$size" \
    --keep-aspect-ratio --output="$TMP/raw.png" "$src"
  # Force 8-bit RGBA (PNG colour type 6) so Tauri and every loader accept it,
  # and drop ancillary chunks/timestamps so reruns are byte-identical.
  "$IM_CONVERT" "$TMP/raw.png" -background none -alpha on -depth 8 \
    -strip -define png:color-type=6 -define png:bit-depth=8 \
    "PNG32:$out.tmp"
  mv -f "$out.tmp" "$out"
}

# Intermediate sizes for the .ico / .icns containers.
for s in 16 24 32 48 64 128 256 512; do
  render "$s" "$TMP/$s.png"
done

# The sizes bundle.icon in src-tauri/tauri.conf.json lists; the Linux package installs each
# into the hicolor theme under its pixel size. The first PNG listed (128) also becomes the
# window's own icon, embedded as raw RGBA, so it is kept modest (64 KB, not 1 MB for 512).
for s in 16 32 48 64 128 256; do
  cp -f "$TMP/$s.png" "$ICONS/${s}x${s}.png"
done
cp -f "$TMP/512.png" "$ICONS/icon.png"

# The UI shows the icon at up to 96 CSS px; 256 px keeps it sharp on 2x screens.
mkdir -p "$ROOT/ui/img"
cp -f "$TMP/256.png" "$ROOT/ui/img/icon.png"

# Windows .ico with 16/24/32/48/64/256 entries.
"$IM_CONVERT" "$TMP/16.png" "$TMP/24.png" "$TMP/32.png" "$TMP/48.png" \
  "$TMP/64.png" "$TMP/256.png" "$TMP/icon.ico"
mv -f "$TMP/icon.ico" "$ICONS/icon.ico"

# macOS .icns, only if icnsutils is available.
if command -v png2icns >/dev/null 2>&1; then
  png2icns "$TMP/icon.icns" "$TMP/16.png" "$TMP/32.png" "$TMP/48.png" \
    "$TMP/128.png" "$TMP/256.png" "$TMP/512.png" >/dev/null
  mv -f "$TMP/icon.icns" "$ICONS/icon.icns"
else
  echo "icons.sh: png2icns not found; skipping icons/icon.icns" \
       "(apt-get install --no-install-recommends icnsutils)" >&2
fi

echo "icons.sh: icons regenerated in $ICONS and ui/img/icon.png"
