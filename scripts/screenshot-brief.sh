#!/usr/bin/env bash
# Renders a brief in headless Chromium and writes a PNG screenshot: scripts/screenshot-brief.sh out/brief.html out/brief.png
# FRAGMENT=ex-1 opens the page at #ex-1: Chromium opens the closed <details> around the target (a citation's excerpt
# shown in place, no script needed). WIDTH and HEIGHT set the window (default 1280x2400).
set -euo pipefail
html=$(realpath "$1")
png=$(realpath -m "${2:-${1%.html}.png}")
"$(dirname "$0")/install-chromium.sh"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-sync --disable-quic --user-data-dir="$profile" --hide-scrollbars \
  --window-size="${WIDTH:-1280},${HEIGHT:-2400}" --screenshot="$png" "file://$html${FRAGMENT:+#$FRAGMENT}" >/dev/null 2>&1
echo "$png"
