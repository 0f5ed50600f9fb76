suppressMessages(library(bayesplot))
source_cov <- function(gamma, N, K) {
  z <- (1:(K - 1)) / K
  z1 <- c(0, z); z2 <- c(z, 1)
  lower <- c(qbinom(gamma / 2, N, z), N); upper <- c(qbinom(1 - gamma / 2, N, z), N)
  x1 <- 0; p <- 1
  for (i in seq_along(z1)) { x2 <- lower[i]:upper[i]
    p <- bayesplot:::p_interior(p_int = p, x1 = x1, x2 = x2, z1 = z1[i], z2 = z2[i], N = N); x1 <- x2 }
  sum(p)
}
cat("n,k,prob,gamma,coverage,lower,upper\n")
for (cs in list(c(100, 100), c(500, 100), c(50, 20), c(200, 50))) for (prob in c(0.95, 0.99)) {
  g <- bayesplot:::adjust_gamma(N = cs[1], K = cs[2], prob = prob, interpolate_adj = FALSE)
  lims <- bayesplot:::ecdf_intervals(gamma = g, N = cs[1], K = cs[2])
  cat(sprintf("%d,%d,%.2f,%.17g,%.17g,%s,%s\n", cs[1], cs[2], prob, g, source_cov(g, cs[1], cs[2]),
     paste(lims$lower[2:cs[2]], collapse=" "), paste(lims$upper[2:cs[2]], collapse=" ")))
}
