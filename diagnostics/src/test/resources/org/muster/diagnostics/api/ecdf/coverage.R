suppressMessages(library(bayesplot))
# coverage of the paper's band (lower = qbinom(g/2), upper = qbinom(1 - g/2)) at K equally spaced points,
# computed with bayesplot's p_interior recursion
coverage <- function(gamma, N, K) {
  z <- (1:(K - 1)) / K
  z1 <- c(0, z); z2 <- c(z, 1)
  lower <- c(qbinom(gamma / 2, N, z), N); upper <- c(qbinom(1 - gamma / 2, N, z), N)
  x1 <- 0; p <- 1
  for (i in seq_along(z1)) {
    x2 <- lower[i]:upper[i]
    p <- bayesplot:::p_interior(p_int = p, x1 = x1, x2 = x2, z1 = z1[i], z2 = z2[i], N = N)
    x1 <- x2
  }
  sum(p)
}
cases <- list(c(100, 100), c(500, 100), c(50, 20), c(200, 50), c(1000, 100))
cat("n,k,gamma,coverage\n")
for (cs in cases) for (g in c(0.001, 0.005, 0.01, 0.05)) {
  cat(sprintf("%d,%d,%.17g,%.17g\n", cs[1], cs[2], g, coverage(g, cs[1], cs[2])))
}
