#!/usr/bin/env bash
# Muster's NUTS against rstan's NUTS, whole processes as a user runs them: min bulk ESS per second of
# sampler time on eight schools, rats, the gamma-Poisson sources and radon (log_radon ~ floor +
# (1 + floor | county), varying intercept and slope, non-centered), 4 chains x (1000 warmup + 1000 draws).
#
# Muster: `./muster fit FAMILY --data DATA --seed S --output DIR` in a fresh JVM each time (summary,
# draws and report written, as by default); its sampler time is the chains' warmup + sampling seconds
# summed (summary.json), its ESS the minimum ess_bulk in summary.csv over the compared variables.
# Stan: bench/stan/run.R (rstan::sampling, cores = 1; get_elapsed_time summed, compilation excluded;
# rstan::ess_bulk over the same variables). Both on seeds 1..REPEATS, run one after the other per seed;
# the table gives the medians and their ratio, with the load averages seen during each model's runs.
# Needs Rscript with rstan (Debian: apt-get install -y r-cran-rstan, and
# ln -s /usr/include /usr/lib/R/site-library/BH/include). Run on an idle machine.
#
#   bench/nuts-vs-stan.sh [REPEATS [MODEL...]]     # default 5; models eight_schools rats gamma_poisson radon
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v Rscript >/dev/null || { echo "Rscript is not installed (Debian: apt-get install -y r-cran-rstan)" >&2; exit 2; }
Rscript -e 'library(rstan)' >/dev/null 2>&1 || { echo "rstan is not installed (Debian: apt-get install -y r-cran-rstan)" >&2; exit 2; }
repeats="${1:-5}"
shift || true
models=("$@")
[ "${#models[@]}" -gt 0 ] || models=(eight_schools rats gamma_poisson radon)
chains=4 warmup=1000 draws=1000
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
./muster --version >/dev/null   # builds (and records the class-data archive) when needed

# The command-line arguments and the compared variables (an extended regex on summary.csv's names) per model.
muster_args() {
  case "$1" in
    eight_schools) echo "eight-schools" ;;
    rats) echo "beta-binomial --data rats" ;;
    gamma_poisson) echo "gamma-poisson --data gamma-poisson-sources" ;;
    radon) echo "glmm --data radon" ;;
    *) echo "unknown model $1" >&2; exit 2 ;;
  esac
}
compared() {
  case "$1" in
    eight_schools) echo '^(mu|tau|theta\[[0-9]+\])$' ;;
    rats) echo '^(mean|concentration|alpha|beta|theta\[[0-9]+\])$' ;;
    gamma_poisson) echo '^(mu|sigma|lambda\[[0-9]+\])$' ;;
    radon) echo '^(b_Intercept|b_floor|sd_county__Intercept|sd_county__floor|cor_county__Intercept__floor|sigma|r_county\[[0-9]+,(Intercept|floor)\])$' ;;
  esac
}

# "MIN_ESS SECONDS" of one Muster fit.
muster_fit() {
  local model="$1" seed="$2" out="$scratch/$1-$2"
  rm -rf "$out"
  # shellcheck disable=SC2046
  (cd "$scratch" && "$root/muster" fit $(muster_args "$model") --chains "$chains" --warmup "$warmup" --draws "$draws" \
      --seed "$seed" --quiet --output "$out" >/dev/null 2>"$scratch/stderr") \
    || { cat "$scratch/stderr" >&2; echo "muster fit $model failed" >&2; exit 3; }
  local ess seconds
  ess="$(awk -v pattern="$(compared "$model")" -F, 'NR > 1 {
      name = $1
      if (substr(name, 1, 1) == "\"") { name = substr($0, 2); name = substr(name, 1, index(name, "\"") - 1) }
      if (name ~ pattern) { n++; if (min == "" || $(NF - 1) + 0 < min) min = $(NF - 1) + 0 }
    } END { if (n == 0) exit 1; printf "%.1f", min }' "$out/summary.csv")" \
    || { echo "no compared variables in $out/summary.csv" >&2; exit 3; }
  seconds="$(grep -Eo '"(warmup|sampling)_seconds" : [-0-9.eE]+' "$out/summary.json" | awk '{ s += $3 } END { printf "%.4f", s }')"
  rm -rf "$out"
  echo "$ess $seconds"
}

# "MIN_ESS SECONDS" of one rstan fit.
stan_fit() {
  Rscript bench/stan/run.R "$1" "$chains" "$warmup" "$draws" "$2" 2>"$scratch/stderr" | awk '$1 == "stan" { print $3, $4 }' \
    | tail -1 | grep . || { cat "$scratch/stderr" >&2; echo "rstan fit $1 failed" >&2; exit 3; }
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "$chains chains x ($warmup warmup + $draws draws), seeds 1..$repeats; min bulk ESS per second of sampler time, medians"
printf '%-14s %11s %9s %11s %11s %9s %11s %8s  %s\n' model "muster ESS" "muster s" "muster ESS/s" "stan ESS" "stan s" "stan ESS/s" ratio "load averages (start / end)"
for model in "${models[@]}"; do
  load_start="$(uptime | sed 's/.*load average: //')"
  : > "$scratch/m" ; : > "$scratch/s"
  for seed in $(seq 1 "$repeats"); do
    muster_fit "$model" "$seed" >> "$scratch/m"
    stan_fit "$model" "$seed" >> "$scratch/s"
  done
  load_end="$(uptime | sed 's/.*load average: //')"
  m_ess="$(awk '{ print $1 }' "$scratch/m" | median)"; m_s="$(awk '{ print $2 }' "$scratch/m" | median)"
  m_rate="$(awk '{ print $1 / $2 }' "$scratch/m" | median)"
  s_ess="$(awk '{ print $1 }' "$scratch/s" | median)"; s_s="$(awk '{ print $2 }' "$scratch/s" | median)"
  s_rate="$(awk '{ print $1 / $2 }' "$scratch/s" | median)"
  printf '%-14s %11.0f %9.3f %12.0f %11.0f %9.3f %11.0f %7.2fx  %s / %s\n' "$model" "$m_ess" "$m_s" "$m_rate" "$s_ess" "$s_s" \
    "$s_rate" "$(awk -v a="$m_rate" -v b="$s_rate" 'BEGIN { print a / b }')" "$load_start" "$load_end"
  if [ -n "${NUTS_VS_STAN_RUNS:-}" ]; then
    paste "$scratch/m" "$scratch/s" | awk -v m="$model" '{ printf "  %s seed %d: muster %s ESS %s s (%.0f/s), stan %s ESS %s s (%.0f/s)\n", m, NR, $1, $2, $1 / $2, $3, $4, $3 / $4 }'
  fi
done
echo "ratio: Muster's median ESS/s over rstan's; the issue's goal is >= 2x on each model"
