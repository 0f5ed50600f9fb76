#!/usr/bin/env bash
# A beta-binomial file of ROWS rows in UNITS units (default 10^6 rows, 100 units), fitted by ./muster:
# the family fits the units' sums, so the time should be that of 100 rows, plus reading the file.
# Prints the wall time and peak memory (GNU time) of the fit. Run from anywhere:
#   bench/unit-rows.sh [ROWS] [UNITS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
units="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk -v rows="$rows" -v units="$units" 'BEGIN {
  srand(17); print "group,y,n";
  for (r = 0; r < rows; r++) { g = r % units; n = 5 + int(rand() * 20); p = 0.1 + 0.8 * g / units;
    y = 0; for (i = 0; i < n; i++) if (rand() < p) y++; print g + 1 "," y "," n } }' > "$work/rows.csv"
echo "unit-rows: $(wc -l < "$work/rows.csv") lines, $(du -h "$work/rows.csv" | cut -f1)" >&2
./muster --version >/dev/null   # builds first if needed, outside the timing
/usr/bin/time -f "unit-rows: %e s wall, %M KiB peak resident" ./muster fit beta-binomial --data "$work/rows.csv" \
  --prior "mean=beta(1, 1)" --prior "concentration=exponential(0.01)" --seed 1 --quiet --no-output | head -4
