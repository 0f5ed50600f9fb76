frame <-
structure(list(a = c(1.5, 2, NA), b = c(3L, NA, 5L)), class = "data.frame", row.names = c(NA, 
-3L))
