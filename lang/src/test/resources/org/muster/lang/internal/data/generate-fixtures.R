# Writes the R dump fixtures of RDumpReaderAgainstRTest with R's own dump() and dput(), and the
# expected values (column-major, as.vector) next to them. Run once with `Rscript generate-fixtures.R`
# in this folder (R 4.2.2 wrote the files stored here); CI has no R.
set.seed(18)
N <- 10L
J <- 8
y <- c(28, 8, -3, 7, -1, 1, 18, 12)
sigma.y <- c(15, 10, 16, 11, 9, 11, 10, 18)
counts <- c(5L, NA, 12L, 0L)
x <- c(0.001, -2.5e-7, 123456.789, NA, 1e300)
Y <- matrix(round(rnorm(6), 4), nrow = 2, ncol = 3)
Z <- array(1:24, dim = c(2, 3, 4))
I3 <- diag(3)
flags <- c(TRUE, FALSE, NA, TRUE)
seq.int <- 1:12
single.na <- NA
negative <- -4L
big.int <- 2147483647L
rats.x <- c(8, 15, 22, 29, 36)
M <- matrix(c(1, NA, 3, 4, 5, NA), nrow = 3)
names <- c("N", "J", "y", "sigma.y", "counts", "x", "Y", "Z", "I3", "flags", "seq.int", "single.na", "negative",
           "big.int", "rats.x", "M")
dump(names, file = "r-dump.R")
con <- file("r-dput.R", "w")
for (n in names) {
  cat(sprintf("\"%s\" <-\n", n), file = con)
  dput(get(n), file = con)
}
close(con)
con <- file("r-expected.tsv", "w")
for (n in names) {
  v <- get(n)
  d <- if (is.null(dim(v))) (if (length(v) == 1) "" else as.character(length(v))) else paste(dim(v), collapse = ",")
  vals <- ifelse(is.na(as.vector(v)), "NA", sprintf("%.17g", as.numeric(as.vector(v))))
  cat(n, "\t", d, "\t", paste(vals, collapse = " "), "\n", sep = "", file = con)
}
close(con)
# The same variables as one list, as BUGS writes data (dput of a list), and a data frame.
dput(mget(names), file = "r-list.R")
frame <- data.frame(a = c(1.5, 2, NA), b = c(3L, NA, 5L))
dump("frame", file = "r-frame.R")
