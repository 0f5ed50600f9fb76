#!/usr/bin/env bash
# Collapsed inference next to Stan's NUTS on the joint model and Muster's own nuts: min bulk ESS per second on
# eight schools, rats, the gamma-Poisson sources and radon, same chains and lengths for all three.
# Needs Rscript with rstan (Debian: apt-get install -y r-cran-rstan, and
# ln -s /usr/include /usr/lib/R/site-library/BH/include). Run from the repository root on an idle machine.
# Arguments: [repeats [chains warmup draws]], default 5 4 1000 1000.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v Rscript >/dev/null || { echo "Rscript is not installed (Debian: apt-get install -y r-cran-rstan)" >&2; exit 2; }
Rscript -e 'library(rstan)' >/dev/null 2>&1 || { echo "rstan is not installed (Debian: apt-get install -y r-cran-rstan)" >&2; exit 2; }
mvn -B -q -DskipTests -pl bench -am package
exec java -cp bench/target/benchmarks.jar org.muster.bench.CollapsedVersusStan "$@"
