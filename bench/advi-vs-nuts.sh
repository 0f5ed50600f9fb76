#!/usr/bin/env bash
# ADVI (mean-field, full-rank) against NUTS on radon: ADVI's time and gradients to convergence versus
# NUTS's time and gradients to 400 bulk ESS, with the hyperparameters' means. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench -am package
exec java -cp bench/target/benchmarks.jar org.muster.bench.AdviEfficiency "${1:-8}"
