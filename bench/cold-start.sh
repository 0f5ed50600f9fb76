#!/usr/bin/env bash
# Cold start: wall time of `./muster fit eight-schools` exactly as the README gives it (one fit per JVM:
# summary, draws, report and all), run N times in a scratch folder after one run that builds the
# launcher's jar when needed (and its class-data archive). Prints each run, the median, min and max, and
# the load averages before and after. Run from anywhere; the checkout is this script's.
#
#   bench/cold-start.sh [N [ARGS...]]     # N runs (default 10); ARGS replace `fit eight-schools`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
shift || true
if [ "$#" -eq 0 ]; then set -- fit eight-schools; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$root/muster" "$@" >/dev/null 2>&1 || { echo "muster $* failed" >&2; exit 3; }   # builds when needed
rm -rf muster-out
echo "load before: $(uptime | sed 's/.*load average: //')"
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$root/muster" "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
  rm -rf muster-out
done
echo "load after:  $(uptime | sed 's/.*load average: //')"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
echo "muster $*: median ${median} ms, min ${sorted[0]} ms, max ${sorted[$((n - 1))]} ms over $n runs"
