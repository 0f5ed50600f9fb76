# mclust's half of the side-by-side (bench/em-vs-mclust.sh): EM for a 1-d, 3-component mixture with
# unequal variances (model "V") from the same start as Muster, to the same relative tolerance 1e-8.
# Usage: Rscript bench/em-mclust.R data.csv [repeats]
suppressPackageStartupMessages(library(mclust))
args <- commandArgs(TRUE)
repeats <- if (length(args) > 1) as.integer(args[2]) else 7
y <- read.csv(args[1])$y
start <- list(pro = rep(1 / 3, 3), mean = c(1, 6, 11),
              variance = list(modelName = "V", d = 1, G = 3, sigmasq = c(1, 1, 1)))
control <- emControl(tol = c(1e-8, sqrt(.Machine$double.eps)), itmax = c(1000, .Machine$integer.max))
seconds <- numeric(repeats)
for (r in seq_len(repeats)) {
  seconds[r] <- system.time(fit <- emV(y, parameters = start, control = control))[["elapsed"]]
}
info <- attr(fit, "info")
p <- fit$parameters
cat(sprintf("mclust  n=%d  iterations=%d  loglik=%.6f  (mclust %s, %s)\n", length(y), info[["iterations"]],
            fit$loglik, packageVersion("mclust"), R.version.string))
cat("mclust  weights=", sprintf("%.8f", p$pro), "\n")
cat("mclust  means=", sprintf("%.8f", p$mean), "\n")
cat("mclust  sds=", sprintf("%.8f", sqrt(p$variance$sigmasq)), "\n")
cat(sprintf("mclust  seconds: first %.3f, median of the other %d %.3f (%.2f ms per iteration)\n", seconds[1],
            repeats - 1, median(seconds[-1]), 1000 * median(seconds[-1]) / info[["iterations"]]))
