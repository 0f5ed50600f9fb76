#!/usr/bin/env bash
# EM for a 1-d 3-component normal mixture, Muster against R's mclust on the same 10^6 points (written
# to a CSV by Muster with a fixed seed), from the same start, to the same tolerance. Needs Rscript and
# the mclust package (Debian: apt-get install r-base-core r-cran-mclust). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
points="${1:-1000000}"
repeats="${2:-7}"
csv="$(mktemp --suffix=.csv)"
trap 'rm -f "$csv"' EXIT
mvn -B -q -o -DskipTests -pl bench -am package
java -cp bench/target/benchmarks.jar org.muster.bench.EmVersusMclust "$csv" "$points" "$repeats"
Rscript bench/em-mclust.R "$csv" "$repeats"
