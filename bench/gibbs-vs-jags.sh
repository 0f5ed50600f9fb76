#!/usr/bin/env bash
# Muster's Gibbs next to JAGS on rats and gamma-poisson: min bulk ESS per CPU second (both processes;
# -Dbugs.clock=wall for Muster's chain clocks) and the ratio.
# Needs jags (Debian: apt-get install jags). Run from the repository root on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jags >/dev/null || { echo "jags is not installed (Debian: apt-get install jags)" >&2; exit 2; }
mvn -B -q -DskipTests -pl bench -am package
exec java -cp bench/target/benchmarks.jar org.muster.bench.JagsComparison "${1:-5}"
