#!/usr/bin/env bash
# Is the Stan CSV a BUGS model file's fit writes read by `muster diagnose` and by rstan::read_stan_csv?
# Fits, with ./muster: radon.bug by its default method (nuts; names with dots, b.floor and sd.county, and a
# vector z[1:85]), rats-logit.bug (deterministic monitors p[j] and sigma) and bench/jags/mixture.bug on 300
# observations by its default method (gibbs; discrete indicators z[i] and a simplex w[1:2]). Then for each
# fit: `muster diagnose` on its draws files must give summary.csv's means; rstan::read_stan_csv must read
# every variable summary.csv has (under the names of the file's variable_names comments) with the same
# means, and posterior::as_draws the same number of draws. CI has no R; run it where R is:
#   apt-get install -y r-cran-rstan r-cran-posterior
#   ln -s /usr/include /usr/lib/R/site-library/BH/include   # rstan loads BH's headers
#   bench/jags-stan-csv.sh
# Exit 0 when every check passes; each line says what was compared.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v Rscript >/dev/null || { echo "jags-stan-csv: Rscript not found (apt-get install r-cran-rstan r-cran-posterior)" >&2; exit 2; }
out="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$out"' EXIT
models=lang/src/test/resources/org/muster/lang/internal/models
# The data as R dump text, from the built-in datasets' CSV files (column names as the models use them).
column() { # file column-name -> comma-separated values
  awk -F, -v name="$2" '{ sub(/\r$/, "") } NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { printf "%s%s", (NR > 2 ? ", " : ""), $c }' "$1"
}
rats="$(find models/src/main/resources -name 'rats*.csv' | head -1)"
radon="$(find models/src/main/resources -name 'radon*.csv' | head -1)"
{ echo "J <- 71"; echo "y <- c($(column "$rats" tumors))"; echo "n <- c($(column "$rats" rats))"; } > "$out/rats.R"
awk -F, '{ sub(/\r$/, "") } NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "log_radon") cy = i; if ($i == "floor") cf = i; if ($i == "county") cg = i }; next }
  { y[NR - 1] = $cy; f[NR - 1] = $cf; g[NR - 1] = $cg; n = NR - 1; s += $cf }
  END { printf "N <- %d\nJ <- 85\n", n
    printf "y <- c("; for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? ", " : ""), y[i]; print ")"
    printf "floor <- c("; for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? ", " : ""), f[i]; print ")"
    printf "county <- c("; for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? ", " : ""), g[i]; print ")"
    printf "floor.mean <- %.17g\ncenter <- 1.3\nscale <- 2.5\nfloor.scale <- 3.5\n", s / n }' "$radon" > "$out/radon.R"
awk 'BEGIN { srand(7); printf "N <- 300\nalpha <- c(1, 1)\nm0 <- c(-2, 2)\ny <- c("
  for (i = 1; i <= 300; i++) { u1 = rand(); u2 = rand(); g = sqrt(-2 * log(1 - u1)) * cos(6.283185307179586 * u2)
    printf "%s%.4f", (i > 1 ? ", " : ""), (rand() < 0.4 ? -2 : 2) + g }
  print ")" }' > "$out/mixture.R"

./muster fit "$models/radon.bug" --data "$out/radon.R" --seed 21 --chains 2 --warmup 300 --draws 300 --quiet --output "$out/radon" >/dev/null
./muster fit "$models/rats-logit.bug" --data "$out/rats.R" --seed 22 --chains 2 --warmup 300 --draws 300 --quiet --output "$out/rats" >/dev/null
./muster fit bench/jags/mixture.bug --data "$out/mixture.R" --seed 23 --chains 2 --warmup 200 --draws 200 --quiet --output "$out/mixture" >/dev/null
for run in radon rats mixture; do
  ./muster diagnose "$out/$run"/draws_*.csv --quiet --output "$out/$run-diagnosed" >/dev/null
done

Rscript --vanilla - "$out" <<'REOF'
suppressPackageStartupMessages({ library(rstan); library(posterior) })
root <- commandArgs(trailingOnly = TRUE)[1]
failed <- FALSE
check <- function(ok, what) {
  cat(if (isTRUE(ok)) "ok  " else "FAIL", what, "\n")
  if (!isTRUE(ok)) failed <<- TRUE
}
# the column = name lines under "# muster / variable_names" of a draws file
names_of <- function(file) {
  lines <- readLines(file)
  lines <- lines[startsWith(lines, "#")]
  at <- grep("^#\\s+variable_names\\s*$", lines)
  if (length(at) == 0) return(character(0))
  block <- lines[(at + 1):length(lines)]
  block <- block[grepl("=", block)]
  block <- sub("^#\\s*", "", block)
  map <- trimws(sub("^[^=]*=", "", block))
  names(map) <- trimws(sub("=.*$", "", block))
  map
}
# rstan names column z.3 "z[3]" (and b.floor "b[floor]"? see the check); back to the file's column, then Muster's name
muster_name <- function(rstan_names, map) {
  column <- sub("\\]$", "", sub("\\[", ".", gsub(",", ".", rstan_names)))
  ifelse(column %in% names(map), map[column], ifelse(rstan_names %in% names(map), map[rstan_names], rstan_names))
}
for (run in c("radon", "rats", "mixture")) {
  dir <- file.path(root, run)
  files <- sort(Sys.glob(file.path(dir, "draws_*.csv")))
  summary <- read.csv(file.path(dir, "summary.csv"), check.names = FALSE)
  expected <- setNames(summary$mean, summary$variable)
  diagnosed <- read.csv(file.path(root, paste0(run, "-diagnosed"), "summary.csv"), check.names = FALSE)
  got <- setNames(diagnosed$mean, diagnosed$variable)
  check(setequal(names(got), names(expected)) && max(abs(got[names(expected)] - expected)) < 1e-9,
        sprintf("%s: muster diagnose reads the %d variables of summary.csv, with the same means", run, length(expected)))
  map <- names_of(files[1])
  fit <- tryCatch(suppressWarnings(read_stan_csv(files)), error = function(e) { cat("rstan:", conditionMessage(e), "\n"); NULL })
  check(!is.null(fit), sprintf("%s: rstan::read_stan_csv reads the %d draws files", run, length(files)))
  if (is.null(fit)) next
  matrix <- as.matrix(fit)
  rstan_means <- colMeans(matrix[, !grepl("__$", colnames(matrix)), drop = FALSE])
  named <- muster_name(names(rstan_means), map)
  check(setequal(named, names(expected)),
        sprintf("%s: rstan reads %d variables, summary.csv has %d (%s)", run, length(named), length(expected),
                paste(head(setdiff(union(named, names(expected)), intersect(named, names(expected))), 4), collapse = " ")))
  common <- intersect(named, names(expected))
  difference <- max(abs(rstan_means[named %in% common] - expected[named[named %in% common]]) /
                    pmax(1, abs(expected[named[named %in% common]])))
  check(difference < 1e-9, sprintf("%s: rstan's means match summary.csv's (largest relative difference %.1e)", run, difference))
  draws <- as_draws_df(fit)
  rows <- sum(sapply(files, function(f) sum(!startsWith(readLines(f), "#")) - 1))
  check(nrow(draws) == rows, sprintf("%s: posterior::as_draws holds %d draws in %d chains", run, nrow(draws), nchains(draws)))
}
if (failed) quit(status = 1)
REOF
