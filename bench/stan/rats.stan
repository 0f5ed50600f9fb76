// Rats, beta-binomial under BDA3's hyperprior p(alpha, beta) proportional to (alpha + beta)^(-5/2), sampled as
// Muster's beta-binomial family does: mean ~ uniform(0, 1), concentration with density proportional to
// concentration^(-3/2).
data {
  int<lower=1> J;
  int<lower=0> y[J];
  int<lower=1> n[J];
}
parameters {
  real<lower=0, upper=1> mean_rate;
  real<lower=0> concentration;
  vector<lower=0, upper=1>[J] theta;
}
transformed parameters {
  real alpha = mean_rate * concentration;
  real beta = (1 - mean_rate) * concentration;
}
model {
  target += -1.5 * log(concentration);
  theta ~ beta(alpha, beta);
  y ~ binomial(n, theta);
}
