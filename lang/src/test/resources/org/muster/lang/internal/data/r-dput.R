"N" <-
10L
"J" <-
8
"y" <-
c(28, 8, -3, 7, -1, 1, 18, 12)
"sigma.y" <-
c(15, 10, 16, 11, 9, 11, 10, 18)
"counts" <-
c(5L, NA, 12L, 0L)
"x" <-
c(0.001, -2.5e-07, 123456.789, NA, 1e+300)
"Y" <-
structure(c(0.9265, 1.8228, -1.6106, -0.2851, -0.3421, 0.3662
), dim = 2:3)
"Z" <-
structure(1:24, dim = 2:4)
"I3" <-
structure(c(1, 0, 0, 0, 1, 0, 0, 0, 1), dim = c(3L, 3L))
"flags" <-
c(TRUE, FALSE, NA, TRUE)
"seq.int" <-
1:12
"single.na" <-
NA
"negative" <-
-4L
"big.int" <-
2147483647L
"rats.x" <-
c(8, 15, 22, 29, 36)
"M" <-
structure(c(1, NA, 3, 4, 5, NA), dim = 3:2)
