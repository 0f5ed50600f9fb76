#!/usr/bin/env bash
# Fits eight schools, renders its report.html with headless Chromium and checks the picture is not blank
# (enough ink, several colours, lines in the chains' colours). Run from anywhere; needs /usr/bin/chromium
# (Debian: apt-get install chromium). Leaves the report and report.png in DIR (default: a temporary one).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d)}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "render-report: no Chromium at $chromium (apt-get install chromium)" >&2; exit 2; }

"$root/muster" fit eight-schools --seed 1 --output "$out" >"$out/fit.log"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --screenshot="$out/report.png" \
  --window-size=1200,3000 "file://$out/report.html" >"$out/chromium.log" 2>&1
java -Djava.awt.headless=true \
  "$root/app/src/test/java/org/muster/app/internal/report/PngCheck.java" "$out/report.png"
echo "report: $out/report.html, picture: $out/report.png"
