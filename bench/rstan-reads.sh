#!/usr/bin/env bash
# Do the Stan CSV files Muster writes read in the tools users have? Fits glmm on radon (labelled
# members such as r_county[1,Intercept]), eight-schools by NUTS and eight-schools by ADVI with ./muster,
# then reads each fit's draws with rstan::read_stan_csv and posterior::as_draws, and checks that every
# variable's mean equals summary.csv's (after the variable_names mapping of the file's comments), that
# the files hold the draws summary.csv summarized (no mean row read as a draw) and that R sees ADVI's
# file as a variational fit. CI has no R; run it where R is:
#   apt-get install -y r-cran-rstan r-cran-posterior
#   ln -s /usr/include /usr/lib/R/site-library/BH/include   # rstan loads BH's headers
#   bench/rstan-reads.sh [DRAWS]          # default 400 draws per chain, a few minutes in all
# Exit 0 when every check passes; the R session's lines say what was compared.
set -euo pipefail
cd "$(dirname "$0")/.."
draws="${1:-400}"
command -v Rscript >/dev/null || { echo "rstan-reads: Rscript not found (apt-get install r-cran-rstan r-cran-posterior)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

./muster fit glmm --data radon --seed 11 --chains 2 --warmup "$draws" --draws "$draws" --quiet --output "$out/glmm" >/dev/null
./muster fit eight-schools --seed 12 --chains 4 --warmup "$draws" --draws "$draws" --quiet --output "$out/nuts" >/dev/null
./muster fit eight-schools --method advi --seed 13 --draws "$((draws * 2))" --quiet --output "$out/advi" >/dev/null

Rscript --vanilla - "$out" <<'EOF'
suppressPackageStartupMessages({ library(rstan); library(posterior) })
args <- commandArgs(trailingOnly = TRUE)
root <- args[1]
failed <- FALSE
check <- function(ok, what) {
  cat(if (ok) "ok  " else "FAIL", what, "\n")
  if (!ok) failed <<- TRUE
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
# rstan names a column r_county.1.2 "r_county[1,2]"; back to the file's column, then to Muster's name
muster_name <- function(rstan_names, map) {
  column <- sub("\\]$", "", sub("\\[", ".", gsub(",", ".", rstan_names)))
  ifelse(column %in% names(map), map[column], rstan_names)
}
for (run in c("glmm", "nuts", "advi")) {
  dir <- file.path(root, run)
  files <- sort(Sys.glob(file.path(dir, "draws_*.csv")))
  summary <- read.csv(file.path(dir, "summary.csv"), check.names = FALSE)
  expected <- setNames(summary$mean, summary$variable)
  map <- names_of(files[1])
  fit <- suppressWarnings(read_stan_csv(files))
  # rstan 2.21's summary() of a variational file wants a k-hat it has not computed (CmdStan's files too),
  # so the means are those of the draws rstan read
  matrix <- as.matrix(fit)
  rstan_means <- colMeans(matrix[, !grepl("__$", colnames(matrix)), drop = FALSE])
  named <- muster_name(names(rstan_means), map)
  check(setequal(named, names(expected)),
        sprintf("%s: rstan::read_stan_csv reads %d variables, summary.csv has %d", run, length(named), length(expected)))
  difference <- max(abs(rstan_means - expected[named]) / pmax(1, abs(expected[named])))
  check(difference < 1e-9, sprintf("%s: rstan's means match summary.csv's (largest relative difference %.1e)", run, difference))
  if (run != "advi") {
    s <- summary(fit)$summary
    s <- s[!grepl("__$", rownames(s)), , drop = FALSE]
    difference <- max(abs(s[, "mean"] - expected[muster_name(rownames(s), map)]))
    check(difference < 1e-9, sprintf("%s: rstan's summary() gives the same means", run))
  }
  draws <- as_draws_df(fit)
  rows <- sum(sapply(files, function(f) sum(!startsWith(readLines(f), "#")) - 1 - (run == "advi")))
  check(nrow(draws) == rows, sprintf("%s: posterior::as_draws holds %d draws in %d chain(s), every data row but ADVI's mean row",
               run, nrow(draws), nchains(draws)))
  variables <- setdiff(variables(draws), c("lp__", "log_p__", "log_g__"))
  means <- summarise_draws(subset_draws(draws, variable = variables), "mean")
  named <- muster_name(means$variable, map)
  difference <- max(abs(means$mean - expected[named]) / pmax(1, abs(expected[named])))
  check(difference < 1e-9, sprintf("%s: posterior's means match summary.csv's (largest relative difference %.1e)",
                                   run, difference))
  if (run == "advi") {
    check(identical(fit@stan_args[[1]]$method, "variational"), "advi: rstan reads method = variational")
  }
  if (run == "glmm") {
    check("r_county[85,2]" %in% names(rstan_means) && map[["r_county.85.2"]] == "r_county[85,floor]",
          "glmm: r_county[85,floor] is column r_county.85.2, read by rstan as r_county[85,2]")
  }
}
if (failed) quit(status = 1)
EOF
