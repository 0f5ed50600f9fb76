#!/usr/bin/env bash
# Gibbs sweep time on a normal mixture with N categorical indicators (bench/jags/mixture.bug; default
# N = 10,000), Muster next to JAGS: one chain, the same warmup and draws, the same data (simulated here:
# 0.4 N(-2, 1) + 0.6 N(2, 1), awk's generator with a fixed seed). Each tool's figure is CPU seconds per
# sweep at the margin: the CPU seconds (user + system) of a whole run less those of a run of 10 + 10
# sweeps, over the sweeps between; so start-up, compilation and (for Muster) the JVM's start and the
# written outputs cancel out. Also Muster's own clock (the draws file's elapsed time) and both tools'
# means of mu, w and tau, which should agree. Needs jags (Debian: apt-get install jags); run from anywhere.
# Usage: bench/jags-mixture.sh [N [warmup draws]]   (defaults 10000, 500, 500)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jags >/dev/null || { echo "jags is not installed (Debian: apt-get install jags)" >&2; exit 2; }
n="${1:-10000}"; warmup="${2:-500}"; draws="${3:-500}"
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
awk -v n="$n" 'BEGIN { srand(20261202); printf "N <- %d\nalpha <- c(1, 1)\nm0 <- c(-2, 2)\ny <- c(", n
  for (i = 1; i <= n; i++) { u1 = rand(); u2 = rand(); g = sqrt(-2 * log(1 - u1)) * cos(6.283185307179586 * u2)
    printf "%s%.4f", (i > 1 ? ", " : ""), (rand() < 0.4 ? -2 : 2) + g }
  print ")" }' > "$dir/data.R"
model="$PWD/bench/jags/mixture.bug"
./muster check "$model" --data "$dir/data.R" --quiet > /dev/null   # builds if needed, checks the files

cpu() { # CPU seconds (user + system) of the command
  local TIMEFORMAT='%U %S'; { time "$@" > /dev/null 2>&1; } 2>&1 | awk 'NF { print $1 + $2 }'
}
jags_run() { # warmup draws
  cat > "$dir/run.jags" <<JAGS
model in "$model"
data in "$dir/data.R"
compile, nchains(1)
parameters in "$dir/init.R"
initialize
update $1
monitor mu
monitor w
monitor tau
update $2
coda *, stem($dir/CODA)
exit
JAGS
  (cd "$dir" && jags run.jags)
}
muster_run() { # warmup draws
  ./muster fit "$model" --data "$dir/data.R" --chains 1 --warmup "$1" --draws "$2" --seed 5 --monitor mu,w,tau \
    --output "$dir/muster" --quiet --overwrite
}
printf '".RNG.name" <- "base::Mersenne-Twister"\n".RNG.seed" <- 5\n' > "$dir/init.R"
sweeps=$((warmup + draws - 20))
echo "load before: $(uptime)"
jags_short="$(cpu jags_run 10 10)"; jags_long="$(cpu jags_run "$warmup" "$draws")"
jags_means="$(awk 'NR == FNR { name[$1] = $1; from[$1] = $2; to[$1] = $3; next }
  { for (v in from) if (FNR >= from[v] && FNR <= to[v]) { s[v] += $2; c[v]++ } }
  END { for (v in s) printf "%s %.4f  ", v, s[v] / c[v] }' "$dir/CODAindex.txt" "$dir/CODAchain1.txt")"
muster_short="$(cpu muster_run 10 10)"; muster_long="$(cpu muster_run "$warmup" "$draws")"
muster_clock="$(awk '/seconds \(Total\)/ { print $(NF-2) }' "$dir/muster/draws_1.csv")"
muster_means="$(awk -F, 'NR > 1 { printf "%s %.4f  ", $1, $2 }' "$dir/muster/summary.csv")"
echo "load after:  $(uptime)"
awk -v n="$n" -v s="$sweeps" -v js="$jags_short" -v jl="$jags_long" -v ms="$muster_short" -v ml="$muster_long" \
    -v clock="$muster_clock" -v w="$warmup" -v d="$draws" 'BEGIN {
  j = (jl - js) / s * 1000; m = (ml - ms) / s * 1000
  printf "mixture, %d indicators, %d + %d sweeps: CPU ms per sweep JAGS %.2f, Muster gibbs %.2f (its chain clock %.2f), ratio JAGS / Muster %.2f\n", n, w, d, j, m, clock / (w + d) * 1000, j / m }'
echo "means, JAGS:   $jags_means"
echo "means, Muster: $muster_means"
