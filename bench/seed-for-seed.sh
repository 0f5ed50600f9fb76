#!/usr/bin/env bash
# Seed-for-seed outputs of every built-in family under every method that fits it, from one checkout's
# launcher, with what changes from run to run (timings, dates, the output folder's own path) taken out.
# Run it on two checkouts and compare the two folders: a change that is only a refactoring leaves them
# byte-identical.
#
#   bench/seed-for-seed.sh OUT [ROOT]       # ROOT: the checkout whose ./muster runs (default: this one)
#   diff -r OUT_BEFORE OUT_AFTER && echo identical
#
# Each case runs `muster fit FAMILY --method M --seed 11 --chains 2 --warmup 150 --draws 100 --predict`
# into OUT/FAMILY--M, keeps stdout (stdout.txt) and every file the run wrote, and writes OUT/MANIFEST
# (sha256 of each normalized file). A family/method pair the method refuses is recorded with its message.
set -uo pipefail
out="${1:?usage: seed-for-seed.sh OUT [ROOT]}"
root="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

families=(beta-binomial logit-normal gamma-poisson normal-hierarchical eight-schools gaussian-mixture neal-funnel glmm)
methods=(nuts hmc mh gibbs advi advi-fullrank map eb map2 em)

normalize() {
  # timings, dates and this run's own paths
  sed -E \
    -e 's/("(warmup|sampling|total|wall)_seconds" : )[-0-9.eE]+/\1T/' \
    -e 's/(Elapsed Time: |^#[[:space:]]+)[0-9.eE-]+ seconds/\1T seconds/' \
    -e 's/("(start|end)_time" : )"[^"]*"/\1"T"/' \
    -e 's/fitted in [0-9.]+ s/fitted in T s/' \
    -e 's/gradient evaluations, [0-9.]+ s/gradient evaluations, T s/' \
    -e 's/"seconds" : [-0-9.eE]+/"seconds" : T/' \
    -e "s#$out/##g" "$1"
}

(cd "$root" && ./muster --version >/dev/null 2>&1) || { echo "cannot run $root/muster" >&2; exit 3; }
: > "$out/MANIFEST"
for family in "${families[@]}"; do
  for method in "${methods[@]}"; do
    case_dir="$out/$family--$method"
    rm -rf "$case_dir"
    (cd "$root" && ./muster fit "$family" --method "$method" --seed 11 --chains 2 --warmup 150 --draws 100 \
        --predict --quiet --output "$case_dir/files") > "$out/stdout.tmp" 2> "$out/stderr.tmp"
    status=$?
    mkdir -p "$case_dir"
    echo "$status" > "$case_dir/status.txt"
    normalize "$out/stdout.tmp" > "$case_dir/stdout.txt"
    if [ "$status" -eq 2 ]; then
      # refused: the message is the output
      normalize "$out/stderr.tmp" | head -1 > "$case_dir/refused.txt"
    fi
    if [ -d "$case_dir/files" ]; then
      for f in "$case_dir/files"/*; do
        case "$(basename "$f")" in
          muster.log) rm -f "$f" ;;   # timestamps and thread names on every line
          *) normalize "$f" > "$f.n" && mv "$f.n" "$f" ;;
        esac
      done
    fi
    (cd "$out" && find "$family--$method" -type f | sort | xargs sha256sum) >> "$out/MANIFEST"
    echo "$family --method $method: exit $status"
  done
done
# The ladder: its table (ladder.csv) and what it prints but the list of files written.
for family in beta-binomial gamma-poisson eight-schools logit-normal; do
  case_dir="$out/ladder--$family"
  rm -rf "$case_dir"
  (cd "$root" && ./muster ladder "$family" --seed 11 --chains 2 --warmup 150 --draws 100 --output "$case_dir/files") \
      > "$out/stdout.tmp" 2> "$out/stderr.tmp"
  status=$?
  mkdir -p "$case_dir/files"
  echo "$status" > "$case_dir/status.txt"
  normalize "$out/stdout.tmp" | grep -v '^wrote ' > "$case_dir/stdout.txt"
  find "$case_dir/files" -mindepth 1 -not -name ladder.csv -prune -exec rm -rf {} +
  (cd "$out" && find "ladder--$family" -type f | sort | xargs sha256sum) >> "$out/MANIFEST"
  echo "ladder $family: exit $status"
done
rm -f "$out/stdout.tmp" "$out/stderr.tmp"
