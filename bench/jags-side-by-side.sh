#!/usr/bin/env bash
# Muster next to JAGS on the same BUGS files and data (eight schools, rats, rats on the logit scale,
# gamma-Poisson sources, radon): min bulk ESS per second for both and the ratio. Then how long a model of
# 10^5 observations takes to load and compile.
# Needs jags (Debian: apt-get install jags). Run from anywhere, on an idle machine.
# Usage: bench/jags-side-by-side.sh [repeats [warmup draws]]   (defaults 3, 1000, 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jags >/dev/null || { echo "jags is not installed (Debian: apt-get install jags)" >&2; exit 2; }
mvn -B -q -DskipTests -pl bench -am package
java -cp bench/target/benchmarks.jar org.muster.bench.BugsSideBySide "${1:-3}" "${2:-1000}" "${3:-1000}"
java -cp bench/target/benchmarks.jar org.muster.bench.BugsCompileTime 100000
