#!/usr/bin/env bash
# Large fits: the beta-binomial family with 10^5 and 10^6 units (one row per unit, simulated here),
# 2 chains x 200 iterations (100 warmup + 100 draws) of `gibbs` (conjugate beta draws of the units, slice
# sampling of the two hyperparameters: NUTS's warmup alone takes longer than the rest at this size), as
# whole `muster fit` processes writing every file into a fresh output folder, standard error to a file
# (not a terminal: the progress lines go there; the count of its lines is printed). Prints, per size, the wall time and peak resident memory (GNU time's
# maximum RSS) and the load averages before the run. Needs GNU time (`apt-get install -y time`).
#   bench/large-fits.sh [MUSTER] [UNITS...]
# MUSTER is the launcher to time (default: this checkout's ./muster; give another clone's ./muster to
# time it the same way); UNITS default to 100000 1000000. Extra arguments for the fit go in
# LARGE_FITS_ARGS (e.g. LARGE_FITS_ARGS="--draws-memory 64m"), JVM options in MUSTER_JAVA_OPTS
# (e.g. MUSTER_JAVA_OPTS=-Xmx2g).
set -euo pipefail
cd "$(dirname "$0")/.."
muster="${1:-./muster}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
[ -x /usr/bin/time ] || { echo "large-fits: needs GNU time (/usr/bin/time): apt-get install -y time" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$muster" --version >/dev/null   # builds first if needed, outside the timing
for units in "${sizes[@]}"; do
  awk -v units="$units" 'BEGIN {
    srand(17); print "unit,y,n";
    for (j = 1; j <= units; j++) { n = 5 + int(rand() * 20); p = 0.05 + 0.9 * rand();
      y = 0; for (i = 0; i < n; i++) if (rand() < p) y++; print j "," y "," n } }' > "$work/data.csv"
  echo "large-fits: $units units, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # stderr is a file here, not a terminal: the progress lines go there
  /usr/bin/time -o "$work/time.txt" -f "%e %M" "$muster" fit beta-binomial --data "$work/data.csv" \
    --method gibbs --chains 2 --warmup 100 --draws 100 --seed 1 --output "$work/out-$units" ${LARGE_FITS_ARGS:-} \
    > "$work/stdout-$units.txt" 2> "$work/stderr-$units.txt" || { tail -5 "$work/stderr-$units.txt" >&2;
    echo "large-fits: $units units: failed after $(tail -1 "$work/time.txt")" >&2; continue; }
  read -r wall rss < "$work/time.txt"
  echo "large-fits: $units units${MUSTER_JAVA_OPTS:+ ($MUSTER_JAVA_OPTS)}: $wall s wall, $((rss / 1024)) MiB peak resident, load after $(cut -d' ' -f1-3 /proc/loadavg);" \
    "stderr $(wc -l < "$work/stderr-$units.txt") lines, output $(du -sh "$work/out-$units" | cut -f1)" >&2
  if [ -n "${LARGE_FITS_KEEP:-}" ]; then
    mkdir -p "$LARGE_FITS_KEEP" && cp "$work/stderr-$units.txt" "$LARGE_FITS_KEEP/" \
      && { cp "$work/out-$units/muster.log" "$LARGE_FITS_KEEP/muster-$units.log" 2>/dev/null || true; }
  fi
  rm -rf "$work/out-$units"
done
