# Fits one of the Stan programs in this folder with rstan's NUTS and prints one line:
#   stan MODEL MIN_BULK_ESS SECONDS WORST_VARIABLE
# the minimum bulk ESS (rstan::ess_bulk) over the variables Muster's runs are compared on, and the
# chains' warmup + sampling seconds summed (rstan::get_elapsed_time; compilation excluded).
# Usage: Rscript bench/stan/run.R MODEL CHAINS WARMUP DRAWS SEED   (from the repository root)
suppressPackageStartupMessages(library(rstan))
args <- commandArgs(trailingOnly = TRUE)
model <- args[1]
chains <- as.integer(args[2])
warmup <- as.integer(args[3])
draws <- as.integer(args[4])
seed <- as.integer(args[5])
datasets <- "models/src/main/resources/org/muster/models/datasets"
read <- function(file) read.csv(file.path(datasets, file), stringsAsFactors = FALSE)
if (model == "eight_schools") {
  d <- read("eight_schools.csv")
  data <- list(J = nrow(d), y = d$effect, sigma = d$stderr)
  compared <- c("mu", "tau", sprintf("theta[%d]", seq_len(nrow(d))))
} else if (model == "rats") {
  d <- read("rats.csv")
  data <- list(J = nrow(d), y = d$tumors, n = d$rats)
  compared <- c("mean_rate", "concentration", "alpha", "beta", sprintf("theta[%d]", seq_len(nrow(d))))
} else if (model == "gamma_poisson") {
  d <- read("gamma_poisson_sources.csv")
  data <- list(J = nrow(d), n = d$counts, e = d$exposure, pooled_rate = max(1, sum(d$counts)) / sum(d$exposure))
  compared <- c("mu", "sigma", sprintf("lambda[%d]", seq_len(nrow(d))))
} else if (model == "radon") {
  d <- read("radon_mn.csv")
  counties <- sort(unique(d$county))
  y <- d$log_radon
  scale <- max(2.5, mad(y))
  data <- list(N = nrow(d), J = length(counties), county = match(d$county, counties), floor_x = d$floor, y = y,
               intercept_location = median(y), scale = scale, slope_scale = 2.5 * sd(y) / sd(d$floor))
  compared <- c("b_Intercept", "b_floor", "sd_county[1]", "sd_county[2]", "cor_county", "sigma",
                as.vector(outer(seq_along(counties), 1:2, function(j, k) sprintf("r_county[%d,%d]", j, k))))
} else {
  stop("unknown model ", model)
}
rstan_options(auto_write = TRUE)
program <- stan_model(file.path("bench", "stan", paste0(model, ".stan")))
fit <- sampling(program, data = data, chains = chains, warmup = warmup, iter = warmup + draws, seed = seed,
                cores = 1, refresh = 0)
values <- as.array(fit)
ess <- sapply(compared, function(v) ess_bulk(values[, , v]))
seconds <- sum(get_elapsed_time(fit))
cat(sprintf("stan %s %.1f %.3f %s\n", model, min(ess), seconds, names(which.min(ess))))
