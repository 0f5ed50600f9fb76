#!/usr/bin/env bash
# Sampler efficiency against Stan: min bulk ESS per second and µs per gradient for eight schools and
# radon (NUTS, 4 chains x 1000 warmup + 1000 draws). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench -am package
exec java -cp bench/target/benchmarks.jar org.muster.bench.SamplerEfficiency "${1:-5}"
